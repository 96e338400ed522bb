import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { docRecordSchema } from '../../shared/api/schemas';
import { CloseCode, type DocId, DocKind, newDocId, Role, roomNameOf } from '../../shared/index';
import { formatRelayReason, RelayReasonCode } from '../../shared/protocol/relayReasons';
import { databasePath } from '../storage/sqlite/databasePath';
import { SqliteDocStore } from '../storage/sqlite/SqliteDocStore';
import { apiRequest, expectOk } from './support/apiRequest';
import { type CloseInfo, SyncClient, type SyncClientOptions, waitUntil } from './support/SyncClient';
import { setupSeededServer } from './support/setupTestServer';

const clients: SyncClient[] = [];
const ctx = setupSeededServer(
  {
    groups: ['经济界', '教育界'],
    people: {
      zhang: { role: Role.member, groups: ['经济界'] },
      li: { role: Role.member, groups: ['经济界'] },
      wang: { role: Role.member, groups: ['教育界'] },
      // A chair reads every group's documents and edits none of them (P6, P7).
      chair: { role: Role.chair },
    },
  },
  {
    isPerTest: true,
    onBeforeDispose: async () => {
      await Promise.all(clients.splice(0).map((client) => client.close()));
    },
  },
);

/** A proposal of the 经济界 group, created by zhang, whose content zhang has typed. */
async function draftWith(text: string): Promise<DocId> {
  const record = await ctx.workspace.createDoc('zhang', { groupKey: '经济界', kind: DocKind.proposal });
  const author = await connect(record.id, { token: ctx.tokenOf('zhang') });
  author.doc.getText('title').insert(0, text);
  // Presence too: a refused connection must not even learn who is there.
  author.setPresence({ user: { name: '张委员' } });
  await author.sync();
  return record.id;
}

async function connect(room: string, options: SyncClientOptions): Promise<SyncClient> {
  const client = await SyncClient.connect(ctx.server.wsUrl, room, options);
  clients.push(client);
  return client;
}

/**
 * Opens a socket, sends a step 1 as every client does, and waits for the relay to close it.
 * Resolves with the close and the number of frames that arrived before it.
 */
async function refusal(room: string, options: SyncClientOptions): Promise<CloseInfo & { frames: number }> {
  const client = new SyncClient(ctx.server.wsUrl, room, options);
  clients.push(client);
  await client.opened;
  client.sendRaw(new Uint8Array([0, 0, 1, 0]));
  const closed = await client.waitClosed();
  return { ...closed, frames: client.received.length };
}

/** The content as stored, read from the database file: what a restarted server would serve. */
async function stored(room: DocId): Promise<{ rows: number; title: string }> {
  const reader = new SqliteDocStore({
    path: databasePath(ctx.server.dataDir),
    checkpointInBackground: false,
  });
  try {
    const rows = await reader.load(roomNameOf(room));
    const doc = new Y.Doc({ gc: false });
    for (const row of rows) {
      Y.applyUpdate(doc, row.update);
    }
    return { rows: rows.length, title: doc.getText('title').toString() };
  } finally {
    await reader.close();
  }
}

async function record(room: DocId) {
  const answer = await apiRequest(ctx.server.url, 'GET', `/api/docs/${room}`, { token: ctx.tokenOf('zhang') });
  return expectOk(answer, docRecordSchema);
}

describe('who may open a room (R13, R15)', () => {
  it('admits a member with ?token= and a browser with its session cookie', async () => {
    const room = await draftWith('关于');
    const byToken = await connect(room, { token: ctx.tokenOf('li') });
    const byCookie = await connect(room, {
      headers: { cookie: `jianyan_session=${ctx.tokenOf('li')}`, origin: ctx.server.url },
    });
    expect(byToken.text()).toBe('关于');
    expect(byCookie.text()).toBe('关于');
  });

  it('refuses a connection without a token with 4401 before sending any byte', async () => {
    const room = await draftWith('不公开的草稿');
    const closed = await refusal(room, {});
    expect(closed).toMatchObject({ code: CloseCode.unauthorized, frames: 0 });
    expect(closed.reason).toBe(formatRelayReason(RelayReasonCode.signIn));
  });

  const guesses: [string, (real: string) => string][] = [
    ['an empty token', () => ''],
    ['a truncated real token', (real) => real.slice(0, -1)],
    ['a real token with one more character', (real) => `${real}A`],
    ['a real token with its last character changed', (real) => `${real.slice(0, -1)}${real.endsWith('A') ? 'B' : 'A'}`],
    ['an alg:none JWT', () => 'eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0.eyJzdWIiOiJ6aGFuZyJ9.'],
    ['an 8 KiB token', () => 'A'.repeat(8 * 1024)],
  ];
  it.each(guesses)('refuses %s with 4401 before sending any byte', async (_name, guess) => {
    const room = await draftWith('不公开的草稿');
    const closed = await refusal(room, { token: guess(ctx.tokenOf('zhang')) });
    expect(closed).toMatchObject({ code: CloseCode.unauthorized, frames: 0 });
    expect(closed.reason.length).toBeGreaterThan(0);
  });

  it('refuses a bad session cookie with 4401', async () => {
    const room = await draftWith('不公开的草稿');
    const closed = await refusal(room, {
      headers: { cookie: `jianyan_session=${ctx.tokenOf('zhang').slice(1)}`, origin: ctx.server.url },
    });
    expect(closed).toMatchObject({ code: CloseCode.unauthorized, frames: 0 });
  });

  it('refuses a member of another group with 4403 before sending any byte', async () => {
    const room = await draftWith('经济界的草稿');
    const closed = await refusal(room, { token: ctx.tokenOf('wang') });
    expect(closed).toMatchObject({ code: CloseCode.forbidden, frames: 0 });
    expect(closed.reason).toBe(formatRelayReason(RelayReasonCode.notInGroup));
  });

  it('refuses a document that is not registered with 4410', async () => {
    const closed = await refusal(newDocId(), { token: ctx.tokenOf('zhang') });
    expect(closed).toMatchObject({ code: CloseCode.documentNotFound, frames: 0 });
  });
});

describe('a connection that may only read (R14)', () => {
  it('answers its step 1 but drops the offline state it sends in the handshake, and says why', async () => {
    const room = await draftWith('正式稿');
    const before = await stored(room);
    const offline = new SyncClient(ctx.server.wsUrl, room, { token: ctx.tokenOf('chair') });
    clients.push(offline);
    offline.doc.getText('title').insert(0, '离线时写的');
    await offline.opened;
    await offline.sync();
    await waitUntil(() => offline.permissionDenied.length > 0, 'the permission-denied message');
    expect(offline.text()).toContain('正式稿');
    expect(offline.permissionDenied).toEqual([formatRelayReason(RelayReasonCode.readOnlyGroup)]);
    expect(await stored(room)).toEqual(before);
    const zhang = await connect(room, { token: ctx.tokenOf('zhang') });
    expect(zhang.text()).toBe('正式稿');
  });

  it('drops its updates, stores nothing, relays nothing and tells it once', async () => {
    const room = await draftWith('正式稿');
    const zhang = await connect(room, { token: ctx.tokenOf('zhang') });
    const chair = await connect(room, { token: ctx.tokenOf('chair') });
    const before = await stored(room);
    chair.doc.getText('title').insert(0, '主席改的');
    await chair.sync();
    chair.doc.getText('title').insert(0, '再改');
    await chair.sync();
    expect(chair.permissionDenied).toHaveLength(1);
    expect(chair.closed).toBeNull();
    await zhang.sync();
    expect(zhang.text()).toBe('正式稿');
    expect(await stored(room)).toEqual(before);
    zhang.doc.getText('title').insert(3, '（修改）');
    await waitUntil(() => chair.text().includes('（修改）'), 'the writer’s change at the reader');
  });

  it('turns an editor read-only when the document is archived, without closing', async () => {
    const room = await draftWith('草稿');
    const zhang = await connect(room, { token: ctx.tokenOf('zhang') });
    const archived = await apiRequest(ctx.server.url, 'PATCH', `/api/docs/${room}`, {
      token: ctx.workspace.secretariat.token,
      json: { isArchived: true },
    });
    expect(archived.status).toBe(200);
    const before = await stored(room);
    zhang.doc.getText('title').insert(0, '归档后');
    await zhang.sync();
    expect(zhang.permissionDenied).toEqual([formatRelayReason(RelayReasonCode.archivedContent)]);
    expect(zhang.closed).toBeNull();
    expect(await stored(room)).toEqual(before);
  });
});

describe('losing access while connected', () => {
  it('closes a member’s connection with 4403 when they are removed from the group', async () => {
    const room = await draftWith('草稿');
    const li = await connect(room, { token: ctx.tokenOf('li') });
    const zhang = await connect(room, { token: ctx.tokenOf('zhang') });
    const groupId = ctx.workspace.groups.经济界.id;
    const removed = await apiRequest(
      ctx.server.url,
      'DELETE',
      `/api/groups/${groupId}/members/${ctx.workspace.people.li.id}`,
      {
        token: ctx.workspace.secretariat.token,
      },
    );
    expect(removed.status).toBe(200);
    const closed = await li.waitClosed();
    expect(closed.code).toBe(CloseCode.forbidden);
    expect(closed.reason.length).toBeGreaterThan(0);
    expect(zhang.closed).toBeNull();
    const again = await refusal(room, { token: ctx.tokenOf('li') });
    expect(again).toMatchObject({ code: CloseCode.forbidden, frames: 0 });
  });

  it('closes every connection of a deactivated person with 4401', async () => {
    const room = await draftWith('草稿');
    const other = await ctx.workspace.createDoc('li', { groupKey: '经济界', kind: DocKind.researchReport });
    const first = await connect(room, { token: ctx.tokenOf('li') });
    const second = await connect(other.id, { token: ctx.tokenOf('li') });
    const deactivated = await apiRequest(ctx.server.url, 'PATCH', `/api/people/${ctx.workspace.people.li.id}`, {
      token: ctx.workspace.secretariat.token,
      json: { isActive: false },
    });
    expect(deactivated.status).toBe(200);
    expect((await first.waitClosed()).code).toBe(CloseCode.unauthorized);
    expect((await second.waitClosed()).code).toBe(CloseCode.unauthorized);
  });
});

describe('authors', () => {
  it('records who changed a document and who changed it last', async () => {
    const created = await ctx.workspace.createDoc('zhang', { groupKey: '经济界', kind: DocKind.proposal });
    const li = await connect(created.id, { token: ctx.tokenOf('li') });
    li.doc.getText('title').insert(0, '李委员起草');
    await li.sync();
    const afterLi = await record(created.id);
    expect(afterLi.authorIds).toEqual([ctx.workspace.people.zhang.id, ctx.workspace.people.li.id]);
    expect(afterLi.updatedBy).toBe(ctx.workspace.people.li.id);
    expect(afterLi.title).toBe('李委员起草');

    const zhang = await connect(created.id, { token: ctx.tokenOf('zhang') });
    zhang.doc.getText('body').insert(0, '张委员补充');
    await zhang.sync();
    await Promise.all(clients.splice(0).map((client) => client.close()));
    // The last author reaches the record at once with a title change, else within 10 s or when
    // the room unloads.
    await waitUntil(() => ctx.server.relay.roomCount === 0, 'the room to unload');
    const afterZhang = await record(created.id);
    expect(afterZhang.updatedBy).toBe(ctx.workspace.people.zhang.id);
    expect(afterZhang.authorIds).toEqual([ctx.workspace.people.zhang.id, ctx.workspace.people.li.id]);
  });
});
