import { describe, expect, it } from 'vitest';
import { type DocId, newDocId } from '../../../shared';
import { createDiagnostics } from '../diagnostics';
import type { SyncOutcome } from '../rooms';
import { BackgroundSync, type SyncTarget } from './BackgroundSync';

const diagnostics = createDiagnostics({ log: () => undefined });

interface Call {
  readonly docId: DocId;
  readonly signal: AbortSignal;
  finish(outcome: SyncOutcome): void;
}

/** A fake per-document sync whose calls the test finishes by hand. */
function fakeSync(targets: readonly SyncTarget[], options: { isOnline?: () => boolean } = {}) {
  const calls: Call[] = [];
  const marked: DocId[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const sync = new BackgroundSync({
    diagnostics,
    listTargets: async () => targets,
    syncDoc: (docId, signal) =>
      new Promise<SyncOutcome>((resolve) => {
        inFlight += 1;
        maxInFlight = Math.max(maxInFlight, inFlight);
        const finish = (outcome: SyncOutcome): void => {
          inFlight -= 1;
          resolve(outcome);
        };
        signal.addEventListener('abort', () => finish('failed'));
        calls.push({ docId, signal, finish });
      }),
    markSynced: async (target) => {
      marked.push(target.docId);
    },
    isOnline: options.isOnline ?? (() => true),
  });
  return { sync, calls, marked, maxInFlight: () => maxInFlight };
}

function targetsOf(count: number): SyncTarget[] {
  return Array.from({ length: count }, (_, i) => ({ docId: newDocId(), updatedAt: i }));
}

/** Lets the promise callbacks of finished documents run. */
async function settle(): Promise<void> {
  for (let i = 0; i < 10; i += 1) {
    await Promise.resolve();
  }
}

describe('BackgroundSync', () => {
  it('syncs documents in the given order, three at a time, and counts progress', async () => {
    const targets = targetsOf(7);
    const { sync, calls, marked, maxInFlight } = fakeSync(targets);
    const run = sync.run();
    await settle();
    expect(calls.map((c) => c.docId)).toEqual(targets.slice(0, 3).map((t) => t.docId));
    expect(sync.state.getSnapshot()).toEqual({ phase: 'running', done: 0, total: 7, failed: 0 });
    for (let i = 0; i < 7; i += 1) {
      calls[i]?.finish(i === 4 ? 'failed' : 'synced');
      await settle();
    }
    await run;
    expect(calls.map((c) => c.docId)).toEqual(targets.map((t) => t.docId));
    expect(maxInFlight()).toBe(3);
    expect(marked).toHaveLength(6);
    expect(marked).not.toContain(targets[4]?.docId);
    expect(sync.state.getSnapshot()).toEqual({ phase: 'error', done: 6, total: 7, failed: 1 });
  });

  it('ends as done when every document synced, and as done at once when nothing is left to sync', async () => {
    const empty = fakeSync([]);
    await empty.sync.run();
    expect(empty.sync.state.getSnapshot()).toEqual({ phase: 'done', done: 0, total: 0, failed: 0 });
  });

  it('stops the whole run when a document finds the network gone, and starts nothing more', async () => {
    const targets = targetsOf(6);
    const { sync, calls } = fakeSync(targets);
    const run = sync.run();
    await settle();
    calls[0]?.finish('offline');
    await run;
    expect(calls).toHaveLength(3);
    expect(calls.slice(1).every((c) => c.signal.aborted)).toBe(true);
    expect(sync.state.getSnapshot().phase).toBe('offline');
  });

  it('does not start while the browser is offline', async () => {
    const { sync, calls } = fakeSync(targetsOf(2), { isOnline: () => false });
    await sync.run();
    expect(calls).toHaveLength(0);
    expect(sync.state.getSnapshot().phase).toBe('offline');
  });

  it('aborts the documents in flight when stopped (offline event, sign-out)', async () => {
    const { sync, calls } = fakeSync(targetsOf(5));
    const run = sync.run();
    await settle();
    sync.stop('offline');
    await run;
    expect(calls).toHaveLength(3);
    expect(calls.every((c) => c.signal.aborted)).toBe(true);
    expect(sync.state.getSnapshot().phase).toBe('offline');
  });

  it('runs again with a fresh list when asked while running', async () => {
    const first = targetsOf(1);
    let lists = 0;
    const calls: DocId[] = [];
    const sync = new BackgroundSync({
      diagnostics,
      listTargets: async () => {
        lists += 1;
        return first;
      },
      syncDoc: async (docId) => {
        calls.push(docId);
        return 'synced';
      },
      markSynced: async () => undefined,
      isOnline: () => true,
    });
    const a = sync.run();
    const b = sync.run();
    const c = sync.run();
    await Promise.all([a, b, c]);
    expect(lists).toBe(2);
    expect(calls).toHaveLength(2);
  });
});
