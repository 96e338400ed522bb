import 'fake-indexeddb/auto';
import { createContext, runInContext } from 'node:vm';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type IdbCounterHandle, idbCountersScript, installIdbCounters } from './idbCounters';

/** Resolves with a request's result, as a page would in its callbacks. */
function done<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

function finished(transaction: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    transaction.oncomplete = () => resolve();
    transaction.onerror = () => reject(transaction.error);
  });
}

async function openDb(): Promise<IDBDatabase> {
  const request = indexedDB.open(`counters-${Math.random()}`, 1);
  request.onupgradeneeded = () => {
    request.result.createObjectStore('docs', { keyPath: 'id' });
    const outbox = request.result.createObjectStore('outbox', { keyPath: 'seq', autoIncrement: true });
    outbox.createIndex('docId', 'docId');
  };
  return done(request);
}

let counters: IdbCounterHandle;
let db: IDBDatabase;

beforeAll(async () => {
  installIdbCounters();
  counters = globalThis.__idbCounts as IdbCounterHandle;
  db = await openDb();
});

beforeEach(() => counters.reset());

describe('the IndexedDB counters', () => {
  it('count reads, writes and transactions by mode, per object store', async () => {
    const write = db.transaction(['docs', 'outbox'], 'readwrite');
    write.objectStore('docs').put({ id: 'a', title: '一' });
    write.objectStore('docs').put({ id: 'a', title: '二' });
    write.objectStore('outbox').add({ docId: 'a' });
    await finished(write);
    const read = db.transaction('docs');
    await done(read.objectStore('docs').get('a'));
    await done(read.objectStore('docs').getAll());

    const counts = counters.read();
    expect(counts.transactions).toEqual({ readonly: 1, readwrite: 1 });
    expect(counts).toMatchObject({ reads: 2, writes: 3, cursorSteps: 0 });
    expect(counts.stores.docs).toEqual({ reads: 2, writes: 2, cursorSteps: 0, transactions: 2, maxWritesOfOneKey: 2 });
    expect(counts.stores.outbox).toMatchObject({ writes: 1, transactions: 1, maxWritesOfOneKey: 0 });
    expect(counts.calls).toEqual({ 'docs.put': 2, 'outbox.add': 1, 'docs.get': 1, 'docs.getAll': 1 });
  });

  it('count index reads under their store, and cursor steps as reads', async () => {
    const write = db.transaction('outbox', 'readwrite');
    for (const docId of ['b', 'b', 'b']) {
      write.objectStore('outbox').add({ docId });
    }
    await finished(write);
    counters.reset();

    const transaction = db.transaction('outbox', 'readwrite');
    const index = transaction.objectStore('outbox').index('docId');
    await done(index.count('b'));
    const request = index.openCursor('b');
    let seen = 0;
    await new Promise<void>((resolve) => {
      request.onsuccess = () => {
        const cursor = request.result;
        if (cursor === null) {
          resolve();
          return;
        }
        seen += 1;
        if (seen === 1) {
          cursor.update({ ...cursor.value, isSent: true });
        } else {
          cursor.delete();
        }
        cursor.continue();
      };
    });

    const counts = counters.read();
    // count, the cursor's opening and its three steps (the last one finds the end).
    expect(counts).toMatchObject({ reads: 5, writes: 3, cursorSteps: 3 });
    expect(counts.calls).toMatchObject({
      'outbox[docId].count': 1,
      'outbox[docId].openCursor': 1,
      'outbox.cursor.continue': 3,
      'outbox.cursor.update': 1,
      'outbox.cursor.delete': 2,
    });
  });

  it('count nothing for a call that throws, since it issued no request', async () => {
    const transaction = db.transaction('docs');
    expect(() => transaction.objectStore('docs').put({ id: 'c' })).toThrow();
    await finished(transaction);
    expect(counters.read()).toMatchObject({ reads: 0, writes: 0, transactions: { readonly: 1, readwrite: 0 } });
  });

  it('start again from zero on reset, and time requests from it', async () => {
    await done(db.transaction('docs').objectStore('docs').get('a'));
    expect(counters.read().lastAtMs).toBeGreaterThanOrEqual(0);
    counters.reset();
    const counts = counters.read();
    expect(counts).toMatchObject({ reads: 0, writes: 0, stores: {}, calls: {}, firstAtMs: null, lastAtMs: null });
    expect(counters.quietForMs()).toBeGreaterThanOrEqual(0);
  });
});

describe('the init script', () => {
  it('installs the counters on its own, in a realm that has nothing but IndexedDB', () => {
    const realm = createContext({
      IDBObjectStore: class {},
      IDBIndex: class {},
      IDBCursor: class {},
      IDBDatabase: class {
        transaction(): void {}
      },
      performance,
    });
    runInContext(idbCountersScript(), realm);
    const handle = (realm as { __idbCounts?: IdbCounterHandle }).__idbCounts;
    expect(handle?.read()).toMatchObject({ reads: 0, writes: 0 });
  });
});
