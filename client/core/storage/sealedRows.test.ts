import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ContentField, DocKind, newDocId, roomNameOf } from '../../../shared';
import { makeMe, makeRecord, newGroupId } from '../../test/FakeServer';
import { openTestStore } from '../../test/testStore';
import { createRowCipher, newDataKey } from '../keys';
import type { DexieDeviceStore } from './DexieDeviceStore';
import { localDocRow } from './docRows';

const SECRET = '关于乡村养老服务站点布局的机密建议';
const opened: DexieDeviceStore[] = [];

afterEach(async () => {
  for (const store of opened.splice(0)) {
    await store.delete();
  }
});

function open(name: string, cipher = createRowCipher(newDataKey())): DexieDeviceStore {
  const store = openTestStore({ name, cipher });
  opened.push(store);
  return store;
}

/** Every string and byte array stored in the database, read without the cipher. */
async function rawContents(name: string): Promise<{ strings: string[]; bytes: Uint8Array[] }> {
  const db = new Dexie(name);
  await db.open();
  const strings: string[] = [];
  const bytes: Uint8Array[] = [];
  const visit = (value: unknown): void => {
    if (typeof value === 'string') {
      strings.push(value);
    } else if (value instanceof Uint8Array) {
      bytes.push(value);
    } else if (typeof value === 'object' && value !== null) {
      Object.values(value).forEach(visit);
    }
  };
  for (const table of db.tables) {
    (await table.toArray()).forEach(visit);
  }
  db.close();
  return { strings, bytes };
}

function contains(haystack: Uint8Array, needle: Uint8Array): boolean {
  outer: for (let i = 0; i + needle.length <= haystack.length; i += 1) {
    for (let j = 0; j < needle.length; j += 1) {
      if (haystack[i + j] !== needle[j]) {
        continue outer;
      }
    }
    return true;
  }
  return false;
}

describe('the device store at rest', () => {
  it('keeps no text, title, queued change or cached record in the clear', async () => {
    const name = `test-${crypto.randomUUID()}`;
    const store = open(name);
    const docId = newDocId();
    const groupId = newGroupId();
    const doc = new Y.Doc();
    // Open first: the update log then appends past Dexie, in the caller's task (C1).
    await store.docs.get(docId);
    const appended: Promise<void>[] = [];
    doc.on('update', (update: Uint8Array) => appended.push(store.updates.append(roomNameOf(docId), update, true)));
    doc.getText(ContentField.title).insert(0, SECRET);
    await Promise.all(appended);
    await store.docs.saveLocal(docId, { title: SECRET, updatedAt: 5 });
    await store.createDocument({
      updates: [Y.encodeStateAsUpdate(doc)],
      row: localDocRow({ id: newDocId(), kind: DocKind.proposal, groupId, title: SECRET, createdBy: null, now: 1 }),
      registration: {
        docId,
        userId: makeMe([]).id,
        op: 'renameDoc',
        payload: { title: SECRET },
        createdAt: 1,
        attempts: 0,
        lastError: null,
        isRefused: false,
      },
    });
    const me = makeMe([groupId], { name: SECRET.slice(0, 8) });
    await store.workspace.save(
      { me, groups: [], people: [], docs: [makeRecord(docId, groupId, { title: SECRET })] },
      { requestedAt: 1, fetchedAt: 2 },
    );
    expect(await store.updates.listUnsent(roomNameOf(docId))).not.toHaveLength(0);

    const { strings, bytes } = await rawContents(name);
    const needle = new TextEncoder().encode(SECRET.slice(0, 6));
    expect(strings.filter((each) => each.includes(SECRET.slice(0, 6)) || each.includes(me.name))).toEqual([]);
    expect(bytes.filter((each) => contains(each, needle))).toEqual([]);
    expect(bytes.length).toBeGreaterThan(3);
  });

  it('reads nothing of rows sealed under another key, and skips them', async () => {
    const name = `test-${crypto.randomUUID()}`;
    const docId = newDocId();
    const writer = open(name);
    await writer.updates.append(roomNameOf(docId), new Uint8Array([1, 2, 3]), true);
    await writer.docs.saveLocal(docId, { title: SECRET, updatedAt: 5 });
    writer.close();

    const other = open(name);
    expect(await other.updates.read(roomNameOf(docId))).toEqual([]);
    expect(await other.docs.get(docId)).toBeNull();
  });
});
