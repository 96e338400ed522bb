import { describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { docRecordSchema } from '../../shared/api/schemas';
import { DocKind, MessageType, roomNameOf, templateUpdate } from '../../shared/index';
import { parseRelayReason, RelayReasonCode } from '../../shared/protocol/relayReasons';
import { databasePath } from '../storage/sqlite/databasePath';
import { SqliteDocStore } from '../storage/sqlite/SqliteDocStore';
import { apiRequest, expectOk } from './support/apiRequest';
import { SyncClient, type SyncClientOptions, waitUntil } from './support/SyncClient';
import { setupSeededServer } from './support/setupTestServer';
import { newRoom, RELAY_PLAN } from './support/testServer';

const clients: SyncClient[] = [];
const ctx = setupSeededServer(RELAY_PLAN, {
  isPerTest: true,
  onBeforeDispose: async () => {
    await Promise.all(clients.splice(0).map((client) => client.close()));
  },
});

/** Connects as a member of the document's group (zhang unless `as` says otherwise). */
async function connect(
  room: string,
  options: { as?: 'zhang' | 'li'; query?: SyncClientOptions['query'] } = {},
): Promise<SyncClient> {
  const token = ctx.tokenOf(options.as ?? 'zhang');
  const client = await SyncClient.connect(ctx.server.wsUrl, room, { token, query: options.query });
  clients.push(client);
  return client;
}

describe('relay over real websockets', () => {
  it('answers GET /healthz', async () => {
    const response = await fetch(`${ctx.server.url}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true });
  });

  it('lets two clients converge on concurrent edits', async () => {
    const room = await newRoom(ctx.workspace);
    const a = await connect(room);
    const b = await connect(room, { as: 'li' });
    a.doc.getText('title').insert(0, 'hello ');
    b.doc.getText('title').insert(0, 'world ');
    await waitUntil(() => a.text() === b.text() && a.text().length === 12, 'convergence');
    expect(Y.encodeStateVector(a.doc)).toEqual(Y.encodeStateVector(b.doc));
  });

  it('never echoes an update back to the connection that sent it', async () => {
    const room = await newRoom(ctx.workspace);
    const a = await connect(room);
    const b = await connect(room);
    const receivedBefore = a.received.length;
    a.doc.getText('title').insert(0, 'only once');
    await waitUntil(() => b.text() === 'only once', 'relay to b');
    await a.sync();
    const updatesToA = a.received
      .slice(receivedBefore)
      .filter((frame) => frame[0] === MessageType.sync && frame[1] === 2);
    expect(updatesToA).toHaveLength(0);
  });

  it('relays awareness and removes a closed connection’s state from the others', async () => {
    const room = await newRoom(ctx.workspace);
    const a = await connect(room);
    const b = await connect(room);
    a.setPresence({ user: { name: '张委员', color: '#c00' } });
    await waitUntil(() => b.awareness.getStates().has(a.doc.clientID), 'presence of a at b');
    // The name, id and role are the account's as the server knows it (RULES.md A4).
    expect(b.awareness.getStates().get(a.doc.clientID)).toEqual({
      user: { name: 'zhang', color: '#c00', userId: ctx.workspace.people.zhang.id, role: 'member' },
    });
    await a.close();
    await waitUntil(() => !b.awareness.getStates().has(a.doc.clientID), 'removal of a at b');
  });

  it('sends the present awareness states to a client that joins later', async () => {
    const room = await newRoom(ctx.workspace);
    const a = await connect(room);
    a.setPresence({ user: { name: '李主席' } });
    const b = await connect(room);
    await waitUntil(() => b.awareness.getStates().has(a.doc.clientID), 'presence of a at b');
  });

  it('syncs a stock y-websocket WebsocketProvider', async () => {
    const room = await newRoom(ctx.workspace);
    const a = await connect(room);
    a.doc.getText('title').insert(0, 'from raw client');
    await a.sync();
    const doc = new Y.Doc({ gc: false });
    const provider = new WebsocketProvider(`${ctx.server.wsUrl}/sync`, room, doc, {
      WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
      disableBc: true,
      params: { token: ctx.workspace.people.li.token },
    });
    try {
      await waitUntil(() => provider.synced, 'provider synced');
      expect(doc.getText('title').toString()).toBe('from raw client');
      doc.getText('title').insert(0, 'provider: ');
      await waitUntil(() => a.text() === 'provider: from raw client', 'provider edit at a');
    } finally {
      provider.destroy();
    }
  });

  it('unloads a room when its last client leaves and loads the same state again', async () => {
    const room = await newRoom(ctx.workspace);
    const a = await connect(room);
    a.doc.getText('title').insert(0, '关于加强乡村医疗的提案');
    await a.sync();
    await a.close();
    clients.splice(clients.indexOf(a), 1);
    await waitUntil(() => ctx.server.relay.roomCount === 0, 'room unloaded');
    const b = await connect(room);
    expect(b.text()).toBe('关于加强乡村医疗的提案');
  });

  it('keeps the document record’s title in step with the content', async () => {
    const room = await newRoom(ctx.workspace);
    const a = await connect(room);
    a.doc.getText('title').insert(0, '调研报告');
    await a.sync();
    const read = async () =>
      expectOk(
        await apiRequest(ctx.server.url, 'GET', `/api/docs/${room}`, { token: ctx.workspace.people.li.token }),
        docRecordSchema,
      );
    expect(await read()).toMatchObject({ id: room, title: '调研报告', kind: DocKind.proposal });
    a.doc.getText('title').insert(4, '（初稿）');
    await a.sync();
    expect((await read()).title).toBe('调研报告（初稿）');
  });

  it('holds back an update whose dependencies are missing until they arrive', async () => {
    const room = await newRoom(ctx.workspace);
    const a = await connect(room);
    const b = await connect(room);
    const offline = new Y.Doc({ gc: false });
    offline.getText('title').insert(0, 'base');
    const first = Y.encodeStateAsUpdate(offline);
    const vector = Y.encodeStateVector(offline);
    offline.getText('title').insert(4, '+more');
    const second = Y.encodeStateAsUpdate(offline, vector);
    a.sendUpdate(second);
    await a.sync();
    expect(b.text()).toBe('');
    a.sendUpdate(first);
    await waitUntil(() => b.text() === 'base+more', 'held update released');
    const late = await connect(room);
    expect(late.text()).toBe('base+more');
  });

  it('compacts a long update log into a few rows that load to the same document', async () => {
    const room = await newRoom(ctx.workspace);
    const a = await connect(room);
    const title = a.doc.getText('title');
    for (let i = 0; i < 700; i++) {
      title.insert(title.length, String(i % 10));
      if (i % 50 === 0) {
        await a.sync();
      }
    }
    await a.sync();
    const reader = new SqliteDocStore({
      path: databasePath(ctx.server.dataDir),
      checkpointInBackground: false,
    });
    const rows = await reader.load(roomNameOf(room));
    await reader.close();
    expect(rows.length).toBeLessThan(256);
    const restored = new Y.Doc({ gc: false });
    for (const row of rows) {
      Y.applyUpdate(restored, row.update);
    }
    expect(restored.getText('title').toString()).toBe(title.toString());
  });

  it('drops the updates of a client with an older document schema and tells it why', async () => {
    const room = await newRoom(ctx.workspace);
    const author = await connect(room);
    Y.applyUpdate(author.doc, templateUpdate(DocKind.proposal));
    author.doc.getText('title').insert(0, 'v1 document');
    await author.sync();
    const oldApp = await connect(room, { as: 'li', query: { v: '1', schema: '0' } });
    oldApp.doc.getText('title').insert(0, 'stripped? ');
    await oldApp.sync();
    expect(oldApp.permissionDenied).toHaveLength(1);
    expect(parseRelayReason(oldApp.permissionDenied[0] ?? '')).toEqual({
      code: RelayReasonCode.schemaTooNew,
      text: "this document uses format 1, newer than this app's 0: reload to update the app before editing",
    });
    await author.sync();
    expect(author.text()).toBe('v1 document');
    const fresh = await connect(room);
    expect(fresh.text()).toBe('v1 document');
  });
});
