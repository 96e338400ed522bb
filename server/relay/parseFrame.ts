import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';
import { CloseCode, MessageType, SyncMessageType } from '../../shared/index';
import { RelayReasonCode } from '../../shared/protocol/relayReasons';
import { toError } from '../logger';
import { ProtocolError } from './ProtocolError';

/** One decoded client frame. Payloads are views into the frame, not copies. */
export type Frame =
  | { readonly kind: 'syncStep1'; readonly stateVector: Uint8Array }
  | { readonly kind: 'syncStep2'; readonly update: Uint8Array }
  | { readonly kind: 'update'; readonly update: Uint8Array }
  | { readonly kind: 'awareness'; readonly update: Uint8Array }
  | { readonly kind: 'queryAwareness' };

function readPayload(decoder: decoding.Decoder, what: string): Uint8Array {
  try {
    return decoding.readVarUint8Array(decoder);
  } catch (thrown) {
    throw new ProtocolError(
      CloseCode.badMessage,
      RelayReasonCode.badFrame,
      `truncated ${what}: ${toError(thrown).message}`,
    );
  }
}

function readVarUint(decoder: decoding.Decoder, what: string): number {
  try {
    return decoding.readVarUint(decoder);
  } catch (thrown) {
    throw new ProtocolError(CloseCode.badMessage, RelayReasonCode.badFrame, `bad ${what}: ${toError(thrown).message}`);
  }
}

function parseSync(decoder: decoding.Decoder): Frame {
  const syncType = readVarUint(decoder, 'sync message type');
  switch (syncType) {
    case SyncMessageType.step1: {
      const stateVector = readPayload(decoder, 'state vector');
      try {
        Y.decodeStateVector(stateVector);
      } catch (thrown) {
        throw new ProtocolError(
          CloseCode.badMessage,
          RelayReasonCode.badFrame,
          `bad state vector: ${toError(thrown).message}`,
        );
      }
      return { kind: 'syncStep1', stateVector };
    }
    case SyncMessageType.step2:
      return { kind: 'syncStep2', update: readPayload(decoder, 'sync step 2') };
    case SyncMessageType.update:
      return { kind: 'update', update: readPayload(decoder, 'update') };
    default:
      throw new ProtocolError(
        CloseCode.unknownMessageType,
        RelayReasonCode.unknownMessageType,
        `unknown sync message type ${syncType}`,
      );
  }
}

/**
 * Decodes and checks the framing of one client frame. Throws a ProtocolError for an empty frame,
 * a truncated or oversized varint, an unknown message type or trailing bytes. The Yjs content of
 * updates is checked later, against the room (see checkUpdate).
 */
export function parseFrame(data: Uint8Array): Frame {
  if (data.byteLength === 0) {
    throw new ProtocolError(CloseCode.badMessage, RelayReasonCode.badFrame, 'empty frame');
  }
  const decoder = decoding.createDecoder(data);
  const messageType = readVarUint(decoder, 'message type');
  let frame: Frame;
  switch (messageType) {
    case MessageType.sync:
      frame = parseSync(decoder);
      break;
    case MessageType.awareness:
      frame = { kind: 'awareness', update: readPayload(decoder, 'awareness update') };
      break;
    case MessageType.queryAwareness:
      frame = { kind: 'queryAwareness' };
      break;
    default:
      throw new ProtocolError(
        CloseCode.unknownMessageType,
        RelayReasonCode.unknownMessageType,
        `unknown message type ${messageType}`,
      );
  }
  if (decoding.hasContent(decoder)) {
    throw new ProtocolError(
      CloseCode.badMessage,
      RelayReasonCode.badFrame,
      `${data.byteLength - decoder.pos} trailing bytes after the message`,
    );
  }
  return frame;
}
