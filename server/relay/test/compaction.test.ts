import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { newDocId, type RoomName, roomNameOf, type UserId } from '../../../shared/index';
import { createLogger } from '../../logger';
import type { WriteBatch } from '../../storage/DocStore';
import { MemoryDocStore } from '../../storage/memory/MemoryDocStore';
import { Relay } from '../Relay';
import { drain, MemoryPeer, turn } from './MemoryPeer';
import { ScriptedGate } from './testGates';

const ZHANG = '00000000-0000-4000-8000-000000000001' as UserId;

/**
 * A store whose writes the test can hold, and which checks each compaction against what it
 * holds: the merged update must be the updates it replaces, nothing more.
 */
class WatchedStore extends MemoryDocStore {
  /** Resolves a held write; null while writes go through. */
  #held: Promise<void> | null = null;
  #release: (() => void) | null = null;
  /** Texts of each compaction: [merged, what the replaced updates hold]. */
  readonly compactions: [string, string][] = [];

  holdWrites(): void {
    this.#held = new Promise((resolve) => {
      this.#release = resolve;
    });
  }

  releaseWrites(): void {
    this.#release?.();
    this.#held = null;
  }

  override async write(batch: WriteBatch): Promise<Map<RoomName, number>> {
    await this.#held;
    return super.write(batch);
  }

  override async compact(room: RoomName, throughSeq: number, merged: Uint8Array): Promise<void> {
    const replaced = new Y.Doc({ gc: false });
    for (const { seq, update } of await this.load(room)) {
      if (seq <= throughSeq) {
        Y.applyUpdate(replaced, update);
      }
    }
    const mergedDoc = new Y.Doc({ gc: false });
    Y.applyUpdate(mergedDoc, merged);
    this.compactions.push([mergedDoc.getText('title').toString(), replaced.getText('title').toString()]);
    return super.compact(room, throughSeq, merged);
  }
}

let relay: Relay;

afterEach(async () => {
  await relay.shutdown();
});

describe('compacting a room’s log', () => {
  it('merges only what is stored, not an edit that arrived while the log was being written', async () => {
    const store = new WatchedStore();
    const gate = new ScriptedGate();
    gate.set('zhang', { kind: 'write', userId: ZHANG });
    relay = new Relay({ store, gate, logger: createLogger('silent'), maxHeldBytes: 1 << 20, maxEarlyBytes: 1 << 20 });
    const docId = newDocId();
    const writer = new MemoryPeer();
    writer.connect(relay, docId, 'zhang');
    const title = writer.doc.getText('title');
    // One stored update short of the log's compaction threshold (256 updates), one per character.
    for (let i = 0; title.length < 255; i++) {
      title.insert(title.length, String(i % 10));
      await drain(writer);
    }
    expect(await store.load(roomNameOf(docId))).toHaveLength(255);
    expect(store.compactions).toEqual([]);

    // The write that crosses the threshold is slow; an edit arrives meanwhile, applied and queued.
    store.holdWrites();
    title.insert(title.length, 'A');
    writer.deliverToServer();
    await turn();
    title.insert(title.length, 'B');
    writer.deliverToServer();
    store.releaseWrites();
    await drain(writer);

    expect(store.compactions.length).toBeGreaterThan(0);
    for (const [merged, replaced] of store.compactions) {
      expect(merged).toBe(replaced);
    }
    const stored = new Y.Doc({ gc: false });
    for (const { update } of await store.load(roomNameOf(docId))) {
      Y.applyUpdate(stored, update);
    }
    expect(stored.getText('title').toString()).toBe(title.toString());
  });
});
