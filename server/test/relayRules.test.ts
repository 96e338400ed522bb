import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  CloseCode,
  ContentField,
  type DocId,
  DocKind,
  MessageType,
  MetaKey,
  Role,
  readDocKind,
  readSchemaVersion,
  roomNameOf,
  templateUpdate,
  type UserId,
} from '../../shared/index';
import { parseRelayReason, type RelayReasonCode } from '../../shared/protocol/relayReasons';
import { type AwarenessEntry, encodeAwarenessEntries } from '../relay/awarenessRules';
import type { StoredUpdate } from '../storage/DocStore';
import { databasePath } from '../storage/sqlite/databasePath';
import { SqliteDocStore } from '../storage/sqlite/SqliteDocStore';
import { SyncClient, waitUntil } from './support/SyncClient';
import type { SeedPlan } from './support/seedWorkspace';
import { setupSeededServer } from './support/setupTestServer';

type Person = 'zhang' | 'li' | 'lin';

const PLAN: SeedPlan<'经济界', Person> = {
  groups: ['经济界'],
  people: {
    zhang: { role: Role.member, groups: ['经济界'], name: '张伟' },
    li: { role: Role.member, groups: ['经济界'], name: '李娜' },
    lin: { role: Role.chair, name: '林国栋' },
  },
};

const clients: SyncClient[] = [];
const ctx = setupSeededServer(PLAN, {
  onBeforeDispose: async () => {
    await Promise.all(clients.splice(0).map((client) => client.close()));
  },
});

function idOf(person: Person): UserId {
  return ctx.workspace.people[person].id;
}

async function connect(room: string, as: Person): Promise<SyncClient> {
  const client = await SyncClient.connect(ctx.server.wsUrl, room, { token: ctx.tokenOf(as) });
  clients.push(client);
  return client;
}

/**
 * Maps the client's Yjs client id to its user the way the app does (client/core/versions/
 * authorship.ts: `Y.PermanentUserData` on the root map `authors`, keyed by the user id).
 */
function mapAuthor(client: SyncClient, userId: string, clientId = client.doc.clientID): void {
  const authors = new Y.PermanentUserData(client.doc, client.doc.getMap(ContentField.authors));
  authors.setUserMapping(client.doc, clientId, userId);
}

/** What the database holds for a room: what a restarted server would serve. */
async function storedRows(id: DocId): Promise<StoredUpdate[]> {
  const reader = new SqliteDocStore({ path: databasePath(ctx.server.dataDir), checkpointInBackground: false });
  try {
    return await reader.load(roomNameOf(id));
  } finally {
    await reader.close();
  }
}

function docOf(rows: readonly StoredUpdate[]): Y.Doc {
  const doc = new Y.Doc({ gc: false });
  for (const row of rows) {
    Y.applyUpdate(doc, row.update);
  }
  return doc;
}

/** A new proposal seeded with its template by zhang, who typed a title and recorded his authorship. */
async function draftedByZhang(): Promise<{ id: DocId; zhang: SyncClient }> {
  const record = await ctx.workspace.createDoc('zhang', { groupKey: '经济界', kind: DocKind.proposal });
  const zhang = await connect(record.id, 'zhang');
  Y.applyUpdate(zhang.doc, templateUpdate(DocKind.proposal));
  zhang.doc.getText(ContentField.title).insert(0, '关于乡村养老的提案');
  mapAuthor(zhang, idOf('zhang'));
  await zhang.sync();
  return { id: record.id, zhang };
}

async function expectRefused(client: SyncClient, code: RelayReasonCode): Promise<void> {
  const closed = await client.waitClosed();
  expect(closed.code).toBe(CloseCode.refusedUpdate);
  expect(parseRelayReason(closed.reason).code).toBe(code);
  if (!code.startsWith('presence_')) {
    // A refused update is also told as a permission-denied message, which the app words in the
    // member's language.
    expect(client.permissionDenied.map((reason) => parseRelayReason(reason).code)).toEqual([code]);
  }
}

/** The room opens for another member with the right content, live and as stored. */
async function expectIntact(id: DocId, rowsBefore: number): Promise<SyncClient> {
  const li = await connect(id, 'li');
  for (const doc of [li.doc, docOf(await storedRows(id))]) {
    expect(doc.getText(ContentField.title).toString()).toBe('关于乡村养老的提案');
    expect(readSchemaVersion(doc)).toBe(1);
    expect(readDocKind(doc)).toBe(DocKind.proposal);
    expect([...doc.getMap(ContentField.authors).keys()]).toEqual([idOf('zhang')]);
  }
  expect(await storedRows(id)).toHaveLength(rowsBefore);
  // Still writable: li's edit is stored.
  li.doc.getText(ContentField.title).insert(0, '（草稿）');
  await li.sync();
  expect(
    docOf(await storedRows(id))
      .getText(ContentField.title)
      .toString(),
  ).toBe('（草稿）关于乡村养老的提案');
  return li;
}

function sendAwareness(client: SyncClient, entries: readonly AwarenessEntry[]): void {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.awareness);
  encoding.writeVarUint8Array(encoder, encodeAwarenessEntries(entries));
  client.sendRaw(encoding.toUint8Array(encoder));
}

function presenceOf(client: SyncClient, clientId: number): unknown {
  return client.awareness.getStates().get(clientId);
}

describe('content room rules (RULES.md D1-D6)', () => {
  it('D1 refuses authorship written under another user’s key, and stores nothing of it', async () => {
    const { id, zhang } = await draftedByZhang();
    const rowsBefore = (await storedRows(id)).length;
    mapAuthor(zhang, idOf('lin'));
    await expectRefused(zhang, 'authorship_forged');
    await expectIntact(id, rowsBefore);
  });

  it('D2 refuses a mapping of another user’s client id under one’s own key', async () => {
    const { id, zhang } = await draftedByZhang();
    const li = await connect(id, 'li');
    li.doc.getText(ContentField.title).insert(0, '李');
    await li.sync();
    await waitUntil(() => zhang.doc.getText(ContentField.title).toString().startsWith('李'), 'li’s edit at zhang');
    const rowsBefore = (await storedRows(id)).length;
    mapAuthor(zhang, idOf('zhang'), li.doc.clientID);
    await expectRefused(zhang, 'authorship_forged');
    const stored = docOf(await storedRows(id));
    const ids = (stored.getMap(ContentField.authors).get(idOf('zhang')) as Y.Map<Y.Array<number>>).get('ids');
    expect(ids?.toArray()).toEqual([zhang.doc.clientID]);
    expect(await storedRows(id)).toHaveLength(rowsBefore);
  });

  it('D3 refuses meta.schemaVersion 999999, so the document stays editable by the real app', async () => {
    const { id, zhang } = await draftedByZhang();
    const rowsBefore = (await storedRows(id)).length;
    zhang.doc.getMap(ContentField.meta).set(MetaKey.schemaVersion, 999_999);
    await expectRefused(zhang, 'server_field_changed');
    const li = await expectIntact(id, rowsBefore);
    expect(li.permissionDenied).toEqual([]);
  });

  it('D3 judges an update held back for missing dependencies when it is released', async () => {
    const { id, zhang } = await draftedByZhang();
    const rowsBefore = (await storedRows(id)).length;
    const attacker = new Y.Doc({ gc: false });
    Y.applyUpdate(attacker, Y.encodeStateAsUpdate(zhang.doc));
    const updates: Uint8Array[] = [];
    attacker.on('update', (update: Uint8Array) => updates.push(update));
    attacker.getText(ContentField.title).insert(0, '先');
    attacker.getMap(ContentField.meta).set(MetaKey.schemaVersion, 999_999);
    const li = await connect(id, 'li');
    // The forged change first: it continues a clock the room does not have yet, so it is held.
    li.sendUpdate(updates[1] as Uint8Array);
    li.sendUpdate(updates[0] as Uint8Array);
    await expectRefused(li, 'server_field_changed');
    const stored = docOf(await storedRows(id));
    expect(readSchemaVersion(stored)).toBe(1);
    expect(await storedRows(id)).toHaveLength(rowsBefore + 1);
  });

  it('D4 refuses a change of meta.kind', async () => {
    const { id, zhang } = await draftedByZhang();
    const rowsBefore = (await storedRows(id)).length;
    zhang.doc.getMap(ContentField.meta).set(MetaKey.kind, DocKind.researchReport);
    await expectRefused(zhang, 'server_field_changed');
    await expectIntact(id, rowsBefore);
  });

  it('D5 refuses a meta field no client writes', async () => {
    const { id, zhang } = await draftedByZhang();
    const rowsBefore = (await storedRows(id)).length;
    zhang.doc.getMap(ContentField.meta).set('status', 'filed');
    await expectRefused(zhang, 'server_field_changed');
    await expectIntact(id, rowsBefore);
  });

  it('D6 refuses structs written under a client id another user owns', async () => {
    const { id, zhang } = await draftedByZhang();
    const rowsBefore = (await storedRows(id)).length;
    const forger = await connect(id, 'li');
    // A second document under zhang's client id, holding everything zhang wrote so far.
    const forged = new Y.Doc({ gc: false });
    Y.applyUpdate(forged, Y.encodeStateAsUpdate(forger.doc));
    // Set after loading: Yjs picks a new client id when a remote update uses its own.
    forged.clientID = zhang.doc.clientID;
    const before = Y.encodeStateVector(forged);
    forged.getText(ContentField.title).insert(0, '伪造');
    forger.sendUpdate(Y.encodeStateAsUpdate(forged, before));
    await expectRefused(forger, 'client_id_taken');
    await expectIntact(id, rowsBefore);
  });

  it('accepts two users editing at once, each mapping their own client id, and records who sent each update', async () => {
    const { id, zhang } = await draftedByZhang();
    const li = await connect(id, 'li');
    zhang.doc.getText(ContentField.title).insert(0, '张');
    li.doc.getText(ContentField.title).insert(0, '李');
    mapAuthor(li, idOf('li'));
    await waitUntil(() => zhang.text() === li.text() && zhang.text().length === 11, 'convergence');
    await zhang.sync();
    await li.sync();
    expect(zhang.closed).toBeNull();
    expect(li.closed).toBeNull();
    const rows = await storedRows(id);
    const stored = docOf(rows);
    expect(stored.getText(ContentField.title).toString()).toBe(zhang.text());
    expect([...stored.getMap(ContentField.authors).keys()].sort()).toEqual([idOf('zhang'), idOf('li')].sort());
    expect(new Set(rows.map((row) => row.author))).toEqual(new Set([idOf('zhang'), idOf('li')]));
    const reader = new SqliteDocStore({ path: databasePath(ctx.server.dataDir), checkpointInBackground: false });
    try {
      expect(await reader.loadClientOwners(roomNameOf(id))).toEqual(
        new Map([
          [zhang.doc.clientID, idOf('zhang')],
          [li.doc.clientID, idOf('li')],
        ]),
      );
    } finally {
      await reader.close();
    }
  });

  it('accepts offline edits sent with their authorship mapping in one step 2', async () => {
    const record = await ctx.workspace.createDoc('zhang', { groupKey: '经济界', kind: DocKind.proposal });
    const offline = new Y.Doc({ gc: false });
    Y.applyUpdate(offline, templateUpdate(DocKind.proposal));
    offline.getText(ContentField.title).insert(0, '离线写的标题');
    new Y.PermanentUserData(offline, offline.getMap(ContentField.authors)).setUserMapping(
      offline,
      offline.clientID,
      idOf('zhang'),
    );
    const zhang = await connect(record.id, 'zhang');
    zhang.sendUpdate(Y.encodeStateAsUpdate(offline));
    await zhang.sync();
    expect(zhang.closed).toBeNull();
    expect(
      docOf(await storedRows(record.id))
        .getText(ContentField.title)
        .toString(),
    ).toBe('离线写的标题');
  });

  it('accepts a restore of an old version: others’ text deleted and written again as new text', async () => {
    const { id, zhang } = await draftedByZhang();
    const li = await connect(id, 'li');
    await waitUntil(() => li.text() === '关于乡村养老的提案', 'zhang’s title at li');
    const version = Y.snapshot(li.doc);
    zhang.doc.getText(ContentField.title).delete(0, 2);
    zhang.doc.getText(ContentField.title).insert(0, '建议');
    await waitUntil(() => li.text() === '建议乡村养老的提案', 'zhang’s change at li');
    // As client/core/versions/restoreVersion.ts does it: one transaction, by whoever restores,
    // deleting what was written since and writing again what was deleted since.
    const title = li.doc.getText(ContentField.title);
    const then = Y.createDocFromSnapshot(li.doc, version).getText(ContentField.title).toString();
    li.doc.transact(() => {
      title.delete(0, title.length);
      title.insert(0, then);
    });
    mapAuthor(li, idOf('li'));
    await li.sync();
    await waitUntil(() => zhang.text() === '关于乡村养老的提案', 'the restore at zhang');
    expect(li.closed).toBeNull();
    expect(
      docOf(await storedRows(id))
        .getText(ContentField.title)
        .toString(),
    ).toBe('关于乡村养老的提案');
  });
});

describe('presence rules (RULES.md A1-A4)', () => {
  it('A4 shows the account’s own name and role, whatever the client claims', async () => {
    const { id, zhang } = await draftedByZhang();
    const li = await connect(id, 'li');
    zhang.setPresence({
      user: { name: '林国栋', role: Role.chair, userId: idOf('lin'), color: '#1f6feb', isTyping: true },
    });
    await waitUntil(() => presenceOf(li, zhang.doc.clientID) !== undefined, 'zhang’s presence at li');
    expect(presenceOf(li, zhang.doc.clientID)).toEqual({
      user: { name: '张伟', role: Role.member, userId: idOf('zhang'), color: '#1f6feb', isTyping: true },
    });
    expect(zhang.closed).toBeNull();
  });

  it('shows a chair reading along with their own name and role', async () => {
    const { id, zhang } = await draftedByZhang();
    const lin = await connect(id, 'lin');
    lin.setPresence({
      user: { name: '林国栋', role: Role.chair, userId: idOf('lin'), color: '#0a7', isTyping: false },
    });
    await waitUntil(() => presenceOf(zhang, lin.doc.clientID) !== undefined, 'the chair’s presence at zhang');
    expect(presenceOf(zhang, lin.doc.clientID)).toEqual({
      user: { name: '林国栋', role: Role.chair, userId: idOf('lin'), color: '#0a7', isTyping: false },
    });
  });

  it('A1 refuses removing or overwriting another connection’s presence', async () => {
    const { id, zhang } = await draftedByZhang();
    const li = await connect(id, 'li');
    const lin = await connect(id, 'lin');
    li.setPresence({ user: { name: '李娜', color: '#c00' } });
    await waitUntil(() => presenceOf(lin, li.doc.clientID) !== undefined, 'li’s presence at lin');
    sendAwareness(zhang, [{ clientId: li.doc.clientID, clock: 1_000, json: 'null' }]);
    await expectRefused(zhang, 'presence_not_yours');
    const other = await connect(id, 'zhang');
    sendAwareness(other, [{ clientId: li.doc.clientID, clock: 1_001, json: '{"user":{"name":"假"}}' }]);
    await expectRefused(other, 'presence_not_yours');
    const late = await connect(id, 'lin');
    await waitUntil(() => presenceOf(late, li.doc.clientID) !== undefined, 'li’s presence at a new reader');
    expect(presenceOf(lin, li.doc.clientID)).toMatchObject({ user: { name: '李娜', userId: idOf('li') } });
    expect(presenceOf(late, li.doc.clientID)).toMatchObject({ user: { name: '李娜', userId: idOf('li') } });
  });

  it('A1 lets a client echo others’ presence, as the stock y-websocket client does, without changing it', async () => {
    const { id, zhang } = await draftedByZhang();
    const li = await connect(id, 'li');
    li.setPresence({ user: { name: '李娜', color: '#c00' } });
    await waitUntil(() => presenceOf(zhang, li.doc.clientID) !== undefined, 'li’s presence at zhang');
    const clock = zhang.awareness.meta.get(li.doc.clientID)?.clock ?? -1;
    // The echo of what zhang applied, then a removal at the same clock (a local timeout).
    sendAwareness(zhang, [
      { clientId: li.doc.clientID, clock, json: JSON.stringify(presenceOf(zhang, li.doc.clientID)) },
    ]);
    sendAwareness(zhang, [{ clientId: li.doc.clientID, clock, json: 'null' }]);
    await zhang.sync();
    expect(zhang.closed).toBeNull();
    const late = await connect(id, 'lin');
    await waitUntil(() => presenceOf(late, li.doc.clientID) !== undefined, 'li’s presence at a new reader');
  });

  it('A3 refuses a presence state over 4 KiB', async () => {
    const { id, zhang } = await draftedByZhang();
    const li = await connect(id, 'li');
    zhang.setPresence({ user: { name: '张伟', color: '#c00' }, note: '大'.repeat(2_000) });
    await expectRefused(zhang, 'presence_too_large');
    await li.sync();
    expect(presenceOf(li, zhang.doc.clientID)).toBeUndefined();
  });

  it('A2 refuses presence for more than 4 client ids from one connection', async () => {
    const { id, zhang } = await draftedByZhang();
    const li = await connect(id, 'li');
    const entries = [1_001, 1_002, 1_003, 1_004, 1_005].map((clientId) => ({
      clientId,
      clock: 1,
      json: '{"user":{"name":"张伟","color":"#c00"}}',
    }));
    sendAwareness(zhang, entries);
    await expectRefused(zhang, 'presence_too_many_clients');
    await li.sync();
    expect(li.awareness.getStates().size).toBe(0);
  });
});
