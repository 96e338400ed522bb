import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { type DocId, newDocId, roomNameOf, type UserId } from '../../../shared/index';
import { formatRelayReason, RelayReasonCode } from '../../../shared/protocol/relayReasons';
import { createLogger } from '../../logger';
import { MemoryDocStore } from '../../storage/memory/MemoryDocStore';
import { Relay } from '../Relay';
import { drain, MemoryPeer } from './MemoryPeer';
import { ScriptedGate } from './testGates';

const ZHANG = '00000000-0000-4000-8000-000000000001' as UserId;
const HOLD_REASON = formatRelayReason(RelayReasonCode.submitting);

let relay: Relay;
let store: MemoryDocStore;

function start(): void {
  store = new MemoryDocStore();
  const gate = new ScriptedGate();
  gate.set('zhang', { kind: 'write', userId: ZHANG });
  relay = new Relay({ store, gate, logger: createLogger('silent'), maxHeldBytes: 1 << 20, maxEarlyBytes: 1 << 20 });
}

afterEach(async () => {
  await relay.shutdown();
});

async function storedTitle(docId: DocId): Promise<string> {
  const doc = new Y.Doc({ gc: false });
  for (const { update } of await store.load(roomNameOf(docId))) {
    Y.applyUpdate(doc, update);
  }
  return doc.getText('title').toString();
}

const titleOf = (doc: Y.Doc): string => doc.getText('title').toString();

describe('holding a room’s writes', () => {
  it('drops and tells edits sent during a hold, and asks for them again once it ends', async () => {
    start();
    const docId = newDocId();
    const writer = new MemoryPeer();
    writer.connect(relay, docId, 'zhang');
    writer.doc.getText('title').insert(0, '初稿');
    await drain(writer);

    const seen = await relay.holdWrites(docId, HOLD_REASON, async () => {
      writer.doc.getText('title').insert(2, '（改）');
      await drain(writer);
      return relay.readContent(docId, titleOf);
    });
    expect(seen).toBe('初稿');
    expect(writer.permissionDenied).toEqual([HOLD_REASON]);
    expect(await storedTitle(docId)).toBe('初稿');

    // Still a writer after the hold: the relay's step 1 brings the dropped edit.
    await drain(writer);
    expect(await storedTitle(docId)).toBe('初稿（改）');
  });

  it('releases the hold when the work fails', async () => {
    start();
    const docId = newDocId();
    const writer = new MemoryPeer();
    writer.connect(relay, docId, 'zhang');
    await drain(writer);
    const failing = relay.holdWrites(docId, HOLD_REASON, () => Promise.reject(new Error('conflict')));
    await expect(failing).rejects.toThrow('conflict');
    writer.doc.getText('title').insert(0, '之后');
    await drain(writer);
    expect(writer.permissionDenied).toEqual([]);
    expect(await storedTitle(docId)).toBe('之后');
  });
});

describe('reading content', () => {
  it('waits until the updates the room has applied are stored', async () => {
    start();
    const docId = newDocId();
    const writer = new MemoryPeer();
    writer.connect(relay, docId, 'zhang');
    await drain(writer);
    let writes = 0;
    const write = store.write.bind(store);
    store.write = async (batch) => {
      const lastSeqs = await write(batch);
      writes += 1;
      return lastSeqs;
    };
    writer.doc.getText('title').insert(0, '刚打的字');
    // Applied to the room now; stored only at the end of the turn.
    while (writer.deliverToServer()) {
      // The update frame.
    }
    const seen = await relay.readContent(docId, (doc) => ({ title: titleOf(doc), writes }));
    expect(seen).toEqual({ title: '刚打的字', writes: 1 });
  });
});
