import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CloseCode, MessageType, SyncMessageType } from '../../shared/index';
import { ProtocolError } from './ProtocolError';
import { parseFrame } from './parseFrame';

function encode(write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  write(encoder);
  return encoding.toUint8Array(encoder);
}

function refusal(data: Uint8Array): number | null {
  try {
    parseFrame(data);
    return null;
  } catch (thrown) {
    return thrown instanceof ProtocolError ? thrown.code : -1;
  }
}

describe('parseFrame', () => {
  it('decodes each message type of the y-websocket protocol', () => {
    const vector = Y.encodeStateVector(new Y.Doc());
    const step1 = encode((e) => {
      encoding.writeVarUint(e, MessageType.sync);
      encoding.writeVarUint(e, SyncMessageType.step1);
      encoding.writeVarUint8Array(e, vector);
    });
    expect(parseFrame(step1)).toEqual({ kind: 'syncStep1', stateVector: vector });
    const update = encode((e) => {
      encoding.writeVarUint(e, MessageType.sync);
      encoding.writeVarUint(e, SyncMessageType.update);
      encoding.writeVarUint8Array(e, new Uint8Array([0, 0]));
    });
    expect(parseFrame(update)).toEqual({ kind: 'update', update: new Uint8Array([0, 0]) });
    expect(parseFrame(new Uint8Array([MessageType.queryAwareness]))).toEqual({ kind: 'queryAwareness' });
  });

  it('refuses malformed framing with the matching close code', () => {
    expect(refusal(new Uint8Array(0))).toBe(CloseCode.badMessage);
    expect(refusal(new Uint8Array([0x80, 0x80]))).toBe(CloseCode.badMessage);
    expect(refusal(new Uint8Array([MessageType.sync, SyncMessageType.update, 3, 1]))).toBe(CloseCode.badMessage);
    expect(refusal(new Uint8Array([MessageType.queryAwareness, 0]))).toBe(CloseCode.badMessage);
    expect(refusal(new Uint8Array([42]))).toBe(CloseCode.unknownMessageType);
    expect(refusal(new Uint8Array([MessageType.sync, 3, 0]))).toBe(CloseCode.unknownMessageType);
  });
});
