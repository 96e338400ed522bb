import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { CloseCode, type DocId, newDocId, RoomKind, roomNameOf, type UserId } from '../../shared/index';
import { parseRelayReason, RelayReasonCode } from '../../shared/protocol/relayReasons';
import { ScriptedGate } from '../relay/test/testGates';
import { databasePath } from '../storage/sqlite/databasePath';
import { SqliteDocStore } from '../storage/sqlite/SqliteDocStore';
import { SseReader } from './support/SseReader';
import { SyncClient, type SyncClientOptions, waitUntil } from './support/SyncClient';
import { setupSeededServer, setupTestServer } from './support/setupTestServer';
import { newRoom, RELAY_PLAN } from './support/testServer';

const KIB = 1024;
const MIB = 1024 * KIB;

const clients: SyncClient[] = [];
const closeClients = async (): Promise<void> => {
  await Promise.all(clients.splice(0).map((client) => client.close()));
};

type Handle = { readonly server: { wsUrl: string; dataDir: string }; tokenOf(as: 'zhang' | 'li'): string };

/** Connects and completes the handshake, as zhang unless `as` says otherwise. */
async function connect(ctx: Handle, room: string, as: 'zhang' | 'li' = 'zhang'): Promise<SyncClient> {
  const client = await SyncClient.connect(ctx.server.wsUrl, room, { token: ctx.tokenOf(as) });
  clients.push(client);
  return client;
}

/** Opens a socket without waiting for any answer (it may be refused). */
async function open(ctx: { readonly server: { wsUrl: string } }, room: string, options: SyncClientOptions) {
  const client = new SyncClient(ctx.server.wsUrl, room, options);
  clients.push(client);
  await client.opened;
  return client;
}

/** A room's content as stored, read from the database file: what a restarted server would serve. */
async function stored(ctx: Handle, room: string): Promise<Y.Doc> {
  const reader = new SqliteDocStore({ path: databasePath(ctx.server.dataDir), checkpointInBackground: false });
  try {
    const doc = new Y.Doc({ gc: false });
    for (const row of await reader.load(room as ReturnType<typeof roomNameOf>)) {
      Y.applyUpdate(doc, row.update);
    }
    return doc;
  } finally {
    await reader.close();
  }
}

function reasonCodes(client: SyncClient): (string | null)[] {
  return client.permissionDenied.map((reason) => parseRelayReason(reason).code);
}

/** Appends `bytes` characters to the title in one update and waits until the server answered. */
async function append(client: SyncClient, bytes: number, fill: string): Promise<void> {
  const title = client.doc.getText('title');
  title.insert(title.length, fill.repeat(bytes));
  await client.sync();
}

/** A comment thread as the app writes it (client/core/comments), with `count` comments of 2,000 characters. */
function addThread(doc: Y.Doc, authorId: UserId, count: number): void {
  const id = (): string => randomBytes(16).toString('base64url');
  const now = Date.now();
  doc.transact(() => {
    const thread = new Y.Map<unknown>();
    const threadId = id();
    const body = new Y.Doc().getText('body');
    thread.set('id', threadId);
    thread.set('anchorStart', Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(body, 0)));
    thread.set('anchorEnd', Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(body, 0)));
    thread.set('quote', '');
    thread.set('authorId', authorId);
    thread.set('createdAt', now);
    thread.set('resolved', false);
    thread.set('resolvedBy', null);
    thread.set('resolvedAt', null);
    const comments = new Y.Array<Y.Map<unknown>>();
    for (let index = 0; index < count; index++) {
      const comment = new Y.Map<unknown>();
      comment.set('id', id());
      comment.set('authorId', authorId);
      comment.set('text', '评'.repeat(2000));
      comment.set('mentions', []);
      comment.set('createdAt', now);
      comment.set('editedAt', null);
      comment.set('isDeleted', false);
      comments.push([comment]);
    }
    thread.set('comments', comments);
    doc.getMap('threads').set(threadId, thread);
  });
}

describe('the per-update and per-room size quotas', () => {
  const ctx = setupSeededServer(RELAY_PLAN, {
    isPerTest: true,
    server: { quotas: { maxUpdateBytes: 64 * KIB, maxContentRoomBytes: 256 * KIB, maxCommentsRoomBytes: 96 * KIB } },
    onBeforeDispose: closeClients,
  });

  it('refuses an update over the per-update limit: not stored, not relayed, the writer told why and still reading', async () => {
    const room = await newRoom(ctx.workspace);
    const writer = await connect(ctx, room);
    const reader = await connect(ctx, room, 'li');
    writer.doc.getText('title').insert(0, 'x'.repeat(100 * KIB));
    await waitUntil(() => writer.permissionDenied.length > 0, 'the refusal');
    expect(reasonCodes(writer)).toEqual([RelayReasonCode.updateTooLarge]);
    // Later updates build on the refused one: dropped too, and not told again.
    writer.doc.getText('title').insert(0, '后来的');
    await writer.sync();
    expect(reasonCodes(writer)).toEqual([RelayReasonCode.updateTooLarge]);
    expect(writer.closed).toBeNull();
    await reader.sync();
    expect(reader.text()).toBe('');
    expect((await stored(ctx, room)).getText('title').toString()).toBe('');
    // The writer still reads the room.
    reader.doc.getText('title').insert(0, '李的修改');
    await waitUntil(() => writer.text().includes('李的修改'), 'the reader’s change at the refused writer');
    const late = await connect(ctx, room, 'li');
    expect(late.text()).toBe('李的修改');
  });

  it('grows a room to its limit, refuses more from anyone, and a new client still opens it whole', async () => {
    const room = await newRoom(ctx.workspace);
    const writer = await connect(ctx, room);
    for (let chunk = 0; chunk < 20 && writer.permissionDenied.length === 0; chunk++) {
      await append(writer, 30 * KIB, String.fromCharCode(97 + chunk));
    }
    expect(reasonCodes(writer)).toEqual([RelayReasonCode.roomFull]);
    const atLimit = await stored(ctx, room);
    const storedTitle = atLimit.getText('title').toString();
    const stateBytes = Y.encodeStateAsUpdate(atLimit).byteLength;
    expect(stateBytes).toBeLessThanOrEqual(256 * KIB);
    expect(stateBytes).toBeGreaterThan(256 * KIB - 2 * 30 * KIB);
    // Another member's addition does not fit either.
    const other = await connect(ctx, room, 'li');
    expect(other.text()).toBe(storedTitle);
    await append(other, 30 * KIB, 'z');
    expect(reasonCodes(other)).toEqual([RelayReasonCode.roomFull]);
    // The full room opens for a new client, whole.
    const fresh = await connect(ctx, room, 'li');
    expect(fresh.text()).toBe(storedTitle);
    expect(Y.encodeStateVector(fresh.doc)).toEqual(Y.encodeStateVector(atLimit));
    expect((await stored(ctx, room)).getText('title').toString()).toBe(storedTitle);
  });

  it('checks a held-back update again when its dependency arrives, and refuses it if the room filled meanwhile', async () => {
    const room = await newRoom(ctx.workspace);
    const writer = await connect(ctx, room, 'li');
    for (const fill of ['a', 'b', 'c', 'd', 'e', 'f', 'g']) {
      await append(writer, 30 * KIB, fill);
    }
    // A client whose first update is late: its second (40 KiB) is held back, and fits for now.
    const late = new Y.Doc({ gc: false });
    late.getText('body').insert(0, '先');
    const first = Y.encodeStateAsUpdate(late);
    const before = Y.encodeStateVector(late);
    late.getText('body').insert(1, 'h'.repeat(40 * KIB));
    const holder = await connect(ctx, room);
    holder.sendUpdate(Y.encodeStateAsUpdate(late, before));
    await holder.sync();
    expect(holder.permissionDenied).toEqual([]);
    // Another member fills the room meanwhile; then the dependency arrives.
    await append(writer, 30 * KIB, 'h');
    expect(writer.permissionDenied).toEqual([]);
    holder.sendUpdate(first);
    await waitUntil(() => holder.permissionDenied.length > 0, 'the refusal of the released update');
    expect(reasonCodes(holder)).toEqual([RelayReasonCode.roomFull]);
    const fresh = await connect(ctx, room, 'li');
    expect(fresh.doc.getText('body').length).toBeLessThan(40 * KIB);
    expect(Y.encodeStateAsUpdate(await stored(ctx, room)).byteLength).toBeLessThanOrEqual(256 * KIB);
  });

  it('keeps a stock client that filled the room connected and reading, with its refused change, without reconnecting', async () => {
    const room = await newRoom(ctx.workspace);
    const doc = new Y.Doc({ gc: false });
    let opened = 0;
    const provider = new WebsocketProvider(`${ctx.server.wsUrl}/sync`, room, doc, {
      WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
      disableBc: true,
      params: { token: ctx.tokenOf('zhang') },
    });
    provider.on('status', ({ status }: { status: string }) => {
      opened += status === 'connected' ? 1 : 0;
    });
    const denied: string[] = [];
    provider.on('connection-close', () => denied.push('closed'));
    try {
      await waitUntil(() => provider.synced, 'provider synced');
      for (let chunk = 0; chunk < 10; chunk++) {
        doc.getText('title').insert(doc.getText('title').length, String(chunk).repeat(40 * KIB));
      }
      const reader = await connect(ctx, room, 'li');
      await waitUntil(() => reader.text().length > 0, 'the accepted part at a reader');
      // The reader's edit still reaches the refused writer, on the same socket.
      reader.doc.getText('body').insert(0, '读者');
      await waitUntil(() => doc.getText('body').toString() === '读者', 'the reader’s edit at the stock client');
      expect([opened, denied]).toEqual([1, []]);
      expect(doc.getText('title').length).toBe(10 * 40 * KIB);
      expect(reader.text().length).toBeLessThan(10 * 40 * KIB);
    } finally {
      provider.destroy();
    }
  });

  it('limits a comments room by its own quota, apart from the content', async () => {
    const docId: DocId = await newRoom(ctx.workspace);
    const comments = await connect(ctx, roomNameOf(docId, RoomKind.comments));
    for (let chunk = 0; chunk < 10 && comments.permissionDenied.length === 0; chunk++) {
      addThread(comments.doc, ctx.workspace.people.zhang.id, 8);
      await comments.sync();
    }
    expect(reasonCodes(comments)).toEqual([RelayReasonCode.roomFull]);
    expect(parseRelayReason(comments.permissionDenied[0] ?? '').text).toContain('comments');
    expect(Y.encodeStateAsUpdate(await stored(ctx, roomNameOf(docId, RoomKind.comments))).byteLength).toBeLessThan(
      96 * KIB,
    );
    // The content room of the same document still takes more than the comments limit.
    const content = await connect(ctx, docId);
    for (let chunk = 0; chunk < 4; chunk++) {
      await append(content, 30 * KIB, 'd');
    }
    expect(content.permissionDenied).toEqual([]);
  });
});

describe('a room larger than the send backlog limit', () => {
  const ctx = setupSeededServer(RELAY_PLAN, {
    server: { quotas: { maxSendBacklogBytes: 256 * KIB, maxContentRoomBytes: 32 * MIB } },
    onBeforeDispose: closeClients,
  });

  it('reaches a new connection whole, with live changes after it', async () => {
    const room = await newRoom(ctx.workspace);
    const writer = await connect(ctx, room);
    for (const fill of ['甲', '乙', '丙', '丁']) {
      // 3 bytes per character: 2 MiB each, 8 MiB in all.
      await append(writer, (2 * MIB) / 3, fill);
    }
    expect(writer.permissionDenied).toEqual([]);
    const stateBytes = Y.encodeStateAsUpdate(writer.doc).byteLength;
    expect(stateBytes).toBeGreaterThan(32 * 256 * KIB);
    const readers = await Promise.all([connect(ctx, room, 'li'), connect(ctx, room, 'li')]);
    writer.doc.getText('title').insert(0, '新');
    for (const reader of readers) {
      await waitUntil(() => reader.text().startsWith('新'), 'the live change after the initial sync', 20_000);
      expect(reader.text()).toBe(writer.text());
      expect(reader.closed).toBeNull();
    }
  }, 60_000);
});

/** An update of `bytes` whose dependency (an earlier update of the same client) is never sent. */
function updateMissingItsDependency(bytes: number): Uint8Array {
  const doc = new Y.Doc({ gc: false });
  const title = doc.getText('title');
  title.insert(0, '先');
  const before = Y.encodeStateVector(doc);
  title.insert(1, 'h'.repeat(bytes));
  return Y.encodeStateAsUpdate(doc, before);
}

describe('the global budget of held-back updates', () => {
  const ctx = setupSeededServer(RELAY_PLAN, {
    isPerTest: true,
    server: { quotas: { maxHeldBytesTotal: 200 * KIB } },
    onBeforeDispose: closeClients,
  });

  it('refuses a flood of updates with missing dependencies from many connections, and the server carries on', async () => {
    const room = await newRoom(ctx.workspace);
    const flooders: SyncClient[] = [];
    for (const as of ['zhang', 'li', 'zhang', 'li', 'zhang', 'li'] as const) {
      flooders.push(await connect(ctx, room, as));
    }
    for (const flooder of flooders) {
      flooder.sendUpdate(updateMissingItsDependency(45 * KIB));
      // Each waits for an answer (or its close), so the held bytes grow one connection at a time.
      await Promise.race([flooder.sync(), flooder.waitClosed()]).catch(() => undefined);
    }
    const closed = flooders.filter((flooder) => flooder.closed !== null);
    expect(closed.length).toBeGreaterThanOrEqual(1);
    for (const flooder of closed) {
      expect(flooder.closed?.code).toBe(CloseCode.tryAgainLater);
      expect(parseRelayReason(flooder.closed?.reason ?? '').code).toBe(RelayReasonCode.serverBusy);
    }
    // The first four fit (180 KiB), the fifth did not.
    expect(flooders.slice(0, 4).every((flooder) => flooder.closed === null)).toBe(true);
    expect(flooders[4]?.closed).not.toBeNull();
    expect((await stored(ctx, room)).getText('title').toString()).toBe('');
    // The server carries on: a writer's edits are stored and relayed.
    await closeClients();
    const writer = await connect(ctx, room);
    const reader = await connect(ctx, room, 'li');
    writer.doc.getText('title').insert(0, '照常');
    await waitUntil(() => reader.text() === '照常', 'an edit after the flood');
    // Closed connections gave their budget back: an update held now is applied once its dependency comes.
    const held = new Y.Doc({ gc: false });
    held.getText('body').insert(0, '一');
    const first = Y.encodeStateAsUpdate(held);
    const sv = Y.encodeStateVector(held);
    held.getText('body').insert(1, 'h'.repeat(150 * KIB));
    const holder = await connect(ctx, room);
    holder.sendUpdate(Y.encodeStateAsUpdate(held, sv));
    await holder.sync();
    expect(holder.closed).toBeNull();
    holder.sendUpdate(first);
    await waitUntil(() => reader.doc.getText('body').length === 1 + 150 * KIB, 'the released update');
  });
});

describe('connections per user and per (user, room)', () => {
  const ctx = setupSeededServer(RELAY_PLAN, {
    isPerTest: true,
    server: { quotas: { maxConnectionsPerUser: 4, maxConnectionsPerUserRoom: 2 } },
    onBeforeDispose: closeClients,
  });

  async function refused(room: string, as: 'zhang' | 'li') {
    const client = await open(ctx, room, { token: ctx.tokenOf(as) });
    client.sendRaw(new Uint8Array([0, 0, 1, 0]));
    const closed = await client.waitClosed();
    return { ...closed, code: closed.code, reasonCode: parseRelayReason(closed.reason).code, frames: client.received };
  }

  it('refuses a third connection of one user to one room with 4429 and a reason, and admits another user', async () => {
    const room = await newRoom(ctx.workspace);
    await connect(ctx, room);
    await connect(ctx, room);
    const third = await refused(room, 'zhang');
    expect(third).toMatchObject({ code: CloseCode.tooManyConnections, frames: [] });
    expect(third.reasonCode).toBe(RelayReasonCode.tooManyRoomConnections);
    const li = await connect(ctx, room, 'li');
    expect(li.closed).toBeNull();
  });

  it('refuses a fifth connection of one user over all rooms, and admits one again after another closed', async () => {
    const rooms = await Promise.all([1, 2, 3, 4, 5].map(() => newRoom(ctx.workspace)));
    const open4: SyncClient[] = [];
    for (const room of rooms.slice(0, 4)) {
      open4.push(await connect(ctx, room));
    }
    const fifth = await refused(rooms[4] as string, 'zhang');
    expect(fifth.code).toBe(CloseCode.tooManyConnections);
    expect(fifth.reasonCode).toBe(RelayReasonCode.tooManyConnections);
    await open4[0]?.close();
    await waitUntil(() => ctx.server.relay.connectionCount === 3, 'the closed connection to leave');
    const again = await connect(ctx, rooms[4] as string);
    expect(again.closed).toBeNull();
  });
});

describe('frames before a connection is admitted', () => {
  const gate = new ScriptedGate();
  const ctx = setupTestServer({
    server: { gate, quotas: { maxEarlyBytes: 64 * KIB } },
    onBeforeDispose: async () => {
      gate.release();
      await closeClients();
    },
  });
  const userId = '00000000-0000-4000-8000-0000000000bb' as UserId;
  gate.set('member', { kind: 'write', userId });

  it('closes a connection that floods frames while its access is decided, and admits an honest one', async () => {
    gate.hold();
    const room = newDocId();
    const flooder = new SyncClient(ctx.server.wsUrl, room, { token: 'member' });
    clients.push(flooder);
    const honest = new SyncClient(ctx.server.wsUrl, room, { token: 'member' });
    clients.push(honest);
    await Promise.all([flooder.opened, honest.opened]);
    const junk = new Uint8Array(16 * KIB);
    for (let frame = 0; frame < 8 && flooder.closed === null; frame++) {
      flooder.sendRaw(junk);
    }
    const closed = await flooder.waitClosed();
    expect(closed.code).toBe(CloseCode.messageTooBig);
    expect(parseRelayReason(closed.reason).code).toBe(RelayReasonCode.tooMuchEarlyData);
    expect(flooder.received).toEqual([]);
    honest.doc.getText('title').insert(0, '早到的一句');
    const synced = honest.sync();
    gate.release();
    await synced;
    expect(honest.closed).toBeNull();
    const reader = await SyncClient.connect(ctx.server.wsUrl, room, { token: 'member' });
    clients.push(reader);
    expect(reader.text()).toBe('早到的一句');
  });

  it('refuses a frame over the early limit from a credential that signs nobody in, before reading it', async () => {
    // 'member' is known to this test's gate only: for the server's sessions it is nobody.
    const stranger = await open(ctx, newDocId(), { token: 'member' });
    stranger.sendRaw(new Uint8Array(64 * KIB + 1));
    const closed = await stranger.waitClosed();
    expect(closed.code).toBe(CloseCode.messageTooBig);
    expect(parseRelayReason(closed.reason)).toEqual({
      code: RelayReasonCode.frameTooBig,
      text: `frame larger than ${64 * KIB} bytes`,
    });
  });
});

describe('event streams per user', () => {
  const ctx = setupSeededServer(RELAY_PLAN, {
    server: { quotas: { maxStreamsPerUser: 2 } },
  });
  const streams: SseReader[] = [];

  async function openStream(as: 'zhang' | 'li'): Promise<SseReader> {
    const stream = await SseReader.open(`${ctx.server.url}/api/stream`, ctx.tokenOf(as));
    streams.push(stream);
    return stream;
  }

  it('answers a stream over the cap with 429 and a message, and opens one again after another ended', async () => {
    try {
      const [first, second] = [await openStream('zhang'), await openStream('zhang')];
      expect([first.status, second.status]).toEqual([200, 200]);
      const refused = await fetch(`${ctx.server.url}/api/stream`, {
        headers: { authorization: `Bearer ${ctx.tokenOf('zhang')}` },
      });
      expect(refused.status).toBe(429);
      expect(refused.headers.get('retry-after')).toBe('60');
      const body = (await refused.json()) as { error: string; message: string };
      expect(body.error).toBe('rate_limited');
      expect(body.message).toMatch(/Too many live streams open for this account \(at most 2\)/);
      expect((await openStream('li')).status).toBe(200);
      // Once the server has seen the first one end, a third opens.
      first.close();
      let again = await openStream('zhang');
      for (let attempt = 0; attempt < 100 && again.status === 429; attempt++) {
        await new Promise((resolve) => setTimeout(resolve, 20));
        again = await openStream('zhang');
      }
      expect(again.status).toBe(200);
      await waitUntil(() => again.comments.includes('connected'), 'the first comment of the stream');
    } finally {
      for (const stream of streams.splice(0)) {
        stream.close();
      }
    }
  });
});
