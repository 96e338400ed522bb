import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CloseCode, type DocId, newDocId, roomNameOf, type UserId } from '../../../shared/index';
import { formatRelayReason, RelayReasonCode } from '../../../shared/protocol/relayReasons';
import { createLogger } from '../../logger';
import { MemoryDocStore } from '../../storage/memory/MemoryDocStore';
import { Relay } from '../Relay';
import { MemoryPeer } from './MemoryPeer';
import { ScriptedGate } from './testGates';

const ZHANG = '00000000-0000-4000-8000-000000000001' as UserId;
const LI = '00000000-0000-4000-8000-000000000002' as UserId;
const READ_REASON = formatRelayReason(RelayReasonCode.inReview);

const turn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

let relay: Relay;
let store: MemoryDocStore;
let gate: ScriptedGate;

function start(): void {
  store = new MemoryDocStore();
  gate = new ScriptedGate();
  gate.set('zhang', { kind: 'write', userId: ZHANG });
  gate.set('li', { kind: 'write', userId: LI });
  relay = new Relay({ store, gate, logger: createLogger('silent'), maxHeldBytes: 1 << 20, maxEarlyBytes: 1 << 20 });
}

afterEach(async () => {
  await relay.shutdown();
});

/**
 * Delivers every queued frame both ways, turn after turn, until nothing moves for two turns (a
 * decision resolved in one turn queues its frames for the next).
 */
async function drain(...peers: MemoryPeer[]): Promise<void> {
  let quietTurns = 0;
  for (let round = 0; round < 100; round++) {
    let hasMoved = false;
    for (const peer of peers) {
      while (peer.deliverToServer() || peer.deliverToPeer()) {
        hasMoved = true;
      }
    }
    await turn();
    quietTurns = hasMoved ? 0 : quietTurns + 1;
    if (quietTurns === 2 && peers.every((peer) => peer.toServer.length === 0 && peer.toPeer.length === 0)) {
      return;
    }
  }
  throw new Error('the relay never went quiet');
}

async function joined(docId: DocId, credential: string): Promise<MemoryPeer> {
  const peer = new MemoryPeer();
  peer.connect(relay, docId, credential);
  await drain(peer);
  return peer;
}

async function storedText(docId: DocId): Promise<string> {
  const doc = new Y.Doc({ gc: false });
  for (const { update } of await store.load(roomNameOf(docId))) {
    Y.applyUpdate(doc, update);
  }
  return doc.getText('title').toString();
}

describe('relay admission (R13)', () => {
  it('sends nothing of the room to a refused connection and closes it with the gate’s code and reason', async () => {
    start();
    const docId = newDocId();
    const writer = await joined(docId, 'zhang');
    writer.doc.getText('title').insert(0, '秘密草稿');
    await drain(writer);
    const stranger = new MemoryPeer();
    stranger.connect(relay, docId, 'stolen');
    await drain(stranger);
    expect(stranger.framesReceived).toBe(0);
    expect(stranger.closeCodes).toEqual([CloseCode.unauthorized]);
    expect(stranger.closeReasons).toEqual([formatRelayReason(RelayReasonCode.signIn)]);
    expect(relay.connectionCount).toBe(1);
  });

  it('closes with 1011 when the gate fails, having sent nothing', async () => {
    start();
    gate.set('broken', new Error('the database is locked'));
    const peer = new MemoryPeer();
    peer.connect(relay, newDocId(), 'broken');
    await drain(peer);
    expect(peer.framesReceived).toBe(0);
    expect(peer.closeCodes).toEqual([CloseCode.internalError]);
  });

  it('keeps the frames sent while the gate decides and handles them once admitted', async () => {
    start();
    const docId = newDocId();
    const reader = await joined(docId, 'li');
    gate.hold();
    const writer = new MemoryPeer();
    writer.connect(relay, docId, 'zhang');
    writer.doc.getText('title').insert(0, '早到的字');
    while (writer.deliverToServer()) {
      // Step 1 and the update arrive before the decision.
    }
    await turn();
    expect(writer.framesReceived).toBe(0);
    gate.release();
    await drain(writer, reader);
    expect(writer.closeCodes).toEqual([]);
    expect(reader.doc.getText('title').toString()).toBe('早到的字');
  });

  it('applies only the latest decision when access is rechecked during the first one', async () => {
    start();
    const docId = newDocId();
    gate.hold();
    const peer = new MemoryPeer();
    peer.connect(relay, docId, 'zhang');
    gate.set('zhang', {
      kind: 'refuse',
      code: CloseCode.forbidden,
      reason: formatRelayReason(RelayReasonCode.notInGroup),
    });
    const recheck = relay.recheckAccess({ userId: ZHANG });
    gate.release();
    await recheck;
    await drain(peer);
    expect(peer.framesReceived).toBe(0);
    expect(peer.closeCodes).toEqual([CloseCode.forbidden]);
  });
});

describe('read-only connections (R14)', () => {
  it('answers a reader’s step 1 but drops its updates and offline step 2, tells it once, and stores nothing', async () => {
    start();
    const docId = newDocId();
    const writer = await joined(docId, 'zhang');
    writer.doc.getText('title').insert(0, '正式稿');
    await drain(writer);
    gate.set('li', { kind: 'read', userId: LI, reason: READ_REASON });
    const reader = new MemoryPeer();
    reader.doc.getText('title').insert(0, '离线改动');
    reader.connect(relay, docId, 'li');
    await drain(reader, writer);
    expect(reader.doc.getText('title').toString()).toContain('正式稿');
    reader.doc.getText('title').insert(0, '在线改动');
    await drain(reader, writer);
    expect(reader.permissionDenied).toEqual([READ_REASON]);
    expect(writer.doc.getText('title').toString()).toBe('正式稿');
    expect(await storedText(docId)).toBe('正式稿');
    expect(reader.closeCodes).toEqual([]);
  });

  it('does not tell a reader that only synchronises', async () => {
    start();
    const docId = newDocId();
    const writer = await joined(docId, 'zhang');
    writer.doc.getText('title').insert(0, '已有内容，删去几个字');
    writer.doc.getText('title').delete(4, 3);
    await drain(writer);
    gate.set('li', { kind: 'read', userId: LI, reason: READ_REASON });
    const reader = await joined(docId, 'li');
    writer.doc.getText('title').insert(0, '新');
    await drain(writer, reader);
    expect(reader.doc.getText('title').toString()).toBe(writer.doc.getText('title').toString());
    expect(reader.permissionDenied).toEqual([]);
  });
});

describe('recheckAccess', () => {
  it('closes the open connections of a user who lost access, with the gate’s code and reason', async () => {
    start();
    const docId = newDocId();
    const zhang = await joined(docId, 'zhang');
    const li = await joined(docId, 'li');
    gate.set('zhang', {
      kind: 'refuse',
      code: CloseCode.forbidden,
      reason: formatRelayReason(RelayReasonCode.notInGroup),
    });
    await relay.recheckAccess({ userId: ZHANG });
    expect(zhang.closeCodes).toEqual([CloseCode.forbidden]);
    expect(zhang.closeReasons).toEqual([formatRelayReason(RelayReasonCode.notInGroup)]);
    expect(li.isConnected).toBe(true);
    expect(gate.calls.filter((call) => call.credential === 'li')).toHaveLength(1);
  });

  it('re-decides only the connections to the given document', async () => {
    start();
    const [archived, other] = [newDocId(), newDocId()];
    const a = await joined(archived, 'zhang');
    const b = await joined(other, 'zhang');
    gate.set('zhang', {
      kind: 'refuse',
      code: CloseCode.forbidden,
      reason: formatRelayReason(RelayReasonCode.notInGroup),
    });
    await relay.recheckAccess({ docId: archived });
    expect(a.closeCodes).toEqual([CloseCode.forbidden]);
    expect(b.isConnected).toBe(true);
  });

  it('turns a writer read-only in place, and writable again', async () => {
    start();
    const docId = newDocId();
    const writer = await joined(docId, 'zhang');
    const other = await joined(docId, 'li');
    writer.doc.getText('title').insert(0, '草稿');
    await drain(writer, other);
    gate.set('zhang', { kind: 'read', userId: ZHANG, reason: formatRelayReason(RelayReasonCode.archivedContent) });
    await relay.recheckAccess({ docId });
    writer.doc.getText('title').insert(2, '（归档后）');
    await drain(writer, other);
    expect(writer.permissionDenied).toEqual([formatRelayReason(RelayReasonCode.archivedContent)]);
    expect(other.doc.getText('title').toString()).toBe('草稿');
    gate.set('zhang', { kind: 'write', userId: ZHANG });
    await relay.recheckAccess({ userId: ZHANG });
    writer.doc.getText('title').insert(0, '恢复');
    await drain(writer, other);
    // Writable again, the connection is asked for what the server lacks: what was typed while
    // read-only comes back too, as it would with the next reconnect.
    expect(other.doc.getText('title').toString()).toBe('恢复草稿（归档后）');
    expect(writer.isConnected).toBe(true);
  });
});

describe('authors', () => {
  it('records who changed a registered document, and who changed it last', async () => {
    start();
    const docId = newDocId();
    store.registerDocument(docId, 0);
    const zhang = await joined(docId, 'zhang');
    zhang.doc.getText('title').insert(0, '提案');
    await drain(zhang);
    const li = await joined(docId, 'li');
    li.doc.getText('title').insert(2, '草稿');
    await drain(zhang, li);
    zhang.disconnect();
    li.disconnect();
    await turn();
    const record = store.readDocument(docId);
    expect(record?.authors.map((author) => author.userId)).toEqual([ZHANG, LI]);
    expect(record?.updatedBy).toBe(LI);
    expect(record?.title).toBe('提案草稿');
  });
});
