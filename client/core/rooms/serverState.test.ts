import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { peekServerState, type ServerState, serverHasUpdate } from './serverState';

function collectUpdates(doc: Y.Doc): Uint8Array[] {
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  return updates;
}

function stateOf(server: Y.Doc): ServerState {
  const { ds } = Y.decodeUpdate(Y.encodeStateAsUpdate(server));
  return { stateVector: Y.decodeStateVector(Y.encodeStateVector(server)), deleteSet: Y.mergeDeleteSets([ds]) };
}

describe('serverHasUpdate', () => {
  it('acknowledges an insert only once the server has its structs', () => {
    const client = new Y.Doc({ gc: false });
    const server = new Y.Doc({ gc: false });
    const updates = collectUpdates(client);
    client.getText('title').insert(0, '政协');
    client.getText('title').insert(2, '提案');
    const [first, second] = updates;
    Y.applyUpdate(server, first!);
    expect(serverHasUpdate(stateOf(server), first!)).toBe(true);
    expect(serverHasUpdate(stateOf(server), second!)).toBe(false);
    Y.applyUpdate(server, second!);
    expect(serverHasUpdate(stateOf(server), second!)).toBe(true);
  });

  it('acknowledges a deletion only once the server deleted the same range', () => {
    const client = new Y.Doc({ gc: false });
    const server = new Y.Doc({ gc: false });
    client.getText('title').insert(0, 'abcdef');
    Y.applyUpdate(server, Y.encodeStateAsUpdate(client));
    const updates = collectUpdates(client);
    client.getText('title').delete(1, 3);
    const [deletion] = updates;
    expect(serverHasUpdate(stateOf(server), deletion!)).toBe(false);
    Y.applyUpdate(server, deletion!);
    expect(serverHasUpdate(stateOf(server), deletion!)).toBe(true);
  });
});

describe('peekServerState', () => {
  it('reads the state vector of a step 1 and the delete set of a step 2 without consuming the decoder', () => {
    const server = new Y.Doc({ gc: false });
    server.getText('t').insert(0, 'hello');
    server.getText('t').delete(0, 2);
    const step1 = encoding.createEncoder();
    syncProtocol.writeSyncStep1(step1, server);
    const decoder1 = decoding.createDecoder(encoding.toUint8Array(step1));
    const hint1 = peekServerState(decoder1);
    expect(decoder1.pos).toBe(0);
    expect(hint1.kind === 'stateVector' && hint1.stateVector.get(server.clientID)).toBe(5);

    const step2 = encoding.createEncoder();
    syncProtocol.writeSyncStep2(step2, server, Y.encodeStateVector(server));
    const hint2 = peekServerState(decoding.createDecoder(encoding.toUint8Array(step2)));
    expect(hint2.kind).toBe('deleteSet');
    expect(hint2.kind === 'deleteSet' && hint2.deleteSet.clients.get(server.clientID)).toEqual([{ clock: 0, len: 2 }]);
  });
});
