import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { type DocId, newDocId, RoomKind, roomNameOf } from '../../shared';
import { ContentField } from '../../shared/domain/documentSchema';
import { createStorageHealth, DexieDeviceStore } from '../core/storage';
import { makeRecord, newGroupId } from '../test/FakeServer';
import { TEST_CIPHER } from '../test/testStore';
import { waitUntil } from '../test/waitUntil';
import { LocalSearchEngine } from './SearchEngine';
import { SearchService, SearchStatus } from './SearchService';
import type { SearchSource } from './searchSource';
import { CORPUS, commentsUpdateOf, contentUpdateOf } from './test/corpus';

/** The local engine, counting the documents it was asked to index. */
class CountingEngine extends LocalSearchEngine {
  indexedDocs = 0;

  override update(sources: readonly SearchSource[], removed: readonly string[]): Promise<string[]> {
    this.indexedDocs += sources.length;
    return super.update(sources, removed);
  }
}

const opened: { stop: () => void; store: DexieDeviceStore }[] = [];

afterEach(async () => {
  for (const { stop, store } of opened.splice(0)) {
    stop();
    await store.delete();
  }
});

function openStore(name: string): DexieDeviceStore {
  return new DexieDeviceStore({
    name,
    health: createStorageHealth(),
    cipher: TEST_CIPHER,
    onBackgroundError: (err) => {
      throw err;
    },
  });
}

function startService(store: DexieDeviceStore, engine = new CountingEngine()) {
  const service = new SearchService({
    store,
    engine,
    diagnostics: {
      report: (where, err) => {
        throw new Error(`${where}: ${String(err)}`);
      },
    },
    refreshDelayMs: 20,
    saveDelayMs: 20,
  });
  const stop = service.start();
  opened.push({ stop, store });
  return { service, engine };
}

/** Stores the corpus as the device would after syncing it; resolves with the id of each. */
async function storeCorpus(store: DexieDeviceStore): Promise<Map<string, DocId>> {
  const ids = new Map<string, DocId>();
  for (const doc of CORPUS) {
    const id = newDocId();
    ids.set(doc.id, id);
    await store.docs.saveLocal(id, { title: doc.title, kind: doc.kind, updatedAt: Date.now() });
    await store.updates.append(roomNameOf(id), contentUpdateOf(doc), false);
    if (doc.comments !== undefined) {
      await store.updates.append(roomNameOf(id, RoomKind.comments), commentsUpdateOf(doc), false);
    }
  }
  return ids;
}

async function idsFound(service: SearchService, query: string): Promise<string[]> {
  return (await service.search(query)).map((hit) => hit.id);
}

describe('SearchService', () => {
  it('indexes the documents on the device, their comments and fields', async () => {
    const store = openStore(`test-${crypto.randomUUID()}`);
    const ids = await storeCorpus(store);
    const { service } = startService(store);
    await service.whenIdle();
    expect(service.state.getSnapshot()).toMatchObject({ status: SearchStatus.ready, indexed: CORPUS.length });
    expect(await idsFound(service, '养老')).toEqual([ids.get('doc-elderly')]);
    expect(await idsFound(service, '测算依据')).toEqual([ids.get('doc-elderly')]);
    expect(await idsFound(service, '城关街道')).toEqual([ids.get('doc-traffic')]);
  });

  it('follows updates as they are stored, and a document that goes', async () => {
    const store = openStore(`test-${crypto.randomUUID()}`);
    const ids = await storeCorpus(store);
    const { service } = startService(store);
    await service.whenIdle();
    const docId = ids.get('doc-school') as DocId;
    const doc = new Y.Doc();
    for (const update of await store.updates.read(roomNameOf(docId))) {
      Y.applyUpdate(doc, update);
    }
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [new Y.XmlText('增设校园心理咨询热线。')]);
    const before = Y.encodeStateVector(doc);
    doc.getXmlFragment(ContentField.body).push([paragraph]);
    await store.updates.append(roomNameOf(docId), Y.encodeStateAsUpdate(doc, before), true);
    await waitUntil(async () => (await idsFound(service, '热线')).includes(docId), { what: 'the new paragraph found' });
    const riverId = ids.get('doc-river') as DocId;
    await store.docs.saveServerRecord(
      makeRecord(riverId, newGroupId(), { title: '清水河调研', status: 'approved' }),
      2,
    );
    await waitUntil(async () => (await service.search('清水河', { status: 'approved' })).length === 1, {
      what: 'the status from the server',
    });
    // The server no longer lists it to this account: it is no longer found.
    await store.docs.forgetServerRecord(riverId);
    await waitUntil(async () => (await idsFound(service, '清水河')).length === 0, { what: 'the document gone' });
  });

  it('follows a change another tab stored', async () => {
    const name = `test-${crypto.randomUUID()}`;
    const store = openStore(name);
    const ids = await storeCorpus(store);
    const { service } = startService(store);
    await service.whenIdle();
    // The other tab: the same database, opened again, with no search service of its own.
    const otherTab = openStore(name);
    opened.push({ stop: () => undefined, store: otherTab });
    const docId = ids.get('doc-school') as DocId;
    const doc = new Y.Doc();
    for (const update of await otherTab.updates.read(roomNameOf(docId))) {
      Y.applyUpdate(doc, update);
    }
    const before = Y.encodeStateVector(doc);
    doc.getText(ContentField.title).insert(0, '乡村教师周转房');
    await otherTab.updates.append(roomNameOf(docId), Y.encodeStateAsUpdate(doc, before), true);
    await waitUntil(async () => (await idsFound(service, '周转房')).includes(docId), {
      what: 'the other tab’s change found',
    });
  });

  it('searches at once after a reload from the saved index, which is sealed', async () => {
    const name = `test-${crypto.randomUUID()}`;
    const store = openStore(name);
    const ids = await storeCorpus(store);
    const first = startService(store);
    await first.service.whenIdle();
    await first.service.saveNow();

    const raw = new Dexie(name);
    await raw.open();
    const row: unknown = await raw.table('searchIndex').get('current');
    raw.close();
    expect(Object.keys(row as object).sort()).toEqual(['$sealed', 'key']);
    const sealed = (row as { $sealed: Uint8Array }).$sealed;
    expect(new TextDecoder().decode(sealed)).not.toContain('养老');

    const again = openStore(name);
    const second = startService(again);
    expect(await idsFound(second.service, '幸福院')).toEqual([ids.get('doc-elderly')]);
    await second.service.whenIdle();
    expect(second.engine.indexedDocs).toBe(0);
    expect(second.service.state.getSnapshot().status).toBe(SearchStatus.ready);
  });
});
