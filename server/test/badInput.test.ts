import net from 'node:net';
import * as encoding from 'lib0/encoding';
import { beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CloseCode, type DocId, MessageType, roomNameOf, SyncMessageType } from '../../shared/index';
import { databasePath } from '../storage/sqlite/databasePath';
import { SqliteDocStore } from '../storage/sqlite/SqliteDocStore';
import { SyncClient, type SyncClientOptions, waitUntil } from './support/SyncClient';
import { setupSeededServer } from './support/setupTestServer';
import { newRoom, RELAY_PLAN } from './support/testServer';

const MAX_MESSAGE_BYTES = 64 * 1024;

let bystanderA: SyncClient;
let bystanderB: SyncClient;
const ctx = setupSeededServer(RELAY_PLAN, {
  server: { maxMessageBytes: MAX_MESSAGE_BYTES },
  onBeforeDispose: async () => {
    await bystanderA.close();
    await bystanderB.close();
  },
});

function frame(...parts: ((encoder: encoding.Encoder) => void)[]): Uint8Array {
  const encoder = encoding.createEncoder();
  for (const part of parts) {
    part(encoder);
  }
  return encoding.toUint8Array(encoder);
}

const uint = (value: number) => (encoder: encoding.Encoder) => encoding.writeVarUint(encoder, value);
const bytes = (value: Uint8Array) => (encoder: encoding.Encoder) => encoding.writeUint8Array(encoder, value);
const payload = (value: Uint8Array) => (encoder: encoding.Encoder) => encoding.writeVarUint8Array(encoder, value);

function validUpdate(text: string): Uint8Array {
  const doc = new Y.Doc({ gc: false });
  doc.getText('title').insert(0, text);
  return Y.encodeStateAsUpdate(doc);
}

function awarenessWithState(stateJson: string): Uint8Array {
  return frame(uint(1), uint(12345), uint(1), (encoder) => encoding.writeVarString(encoder, stateJson));
}

/** Each frame breaks the protocol in its own way, and the close code that refuses it. */
const BAD_FRAMES: { name: string; data: Uint8Array | string; code: number }[] = [
  { name: 'an empty frame', data: new Uint8Array(0), code: CloseCode.badMessage },
  { name: 'a truncated varint', data: new Uint8Array([0x80]), code: CloseCode.badMessage },
  {
    name: 'a varint over 2^53',
    data: new Uint8Array([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01]),
    code: CloseCode.badMessage,
  },
  { name: 'an unknown message type', data: frame(uint(7)), code: CloseCode.unknownMessageType },
  {
    name: 'an unknown sync message type',
    data: frame(uint(MessageType.sync), uint(9)),
    code: CloseCode.unknownMessageType,
  },
  {
    name: 'an auth message from a client',
    data: frame(uint(MessageType.auth), uint(0)),
    code: CloseCode.unknownMessageType,
  },
  {
    name: 'trailing bytes after a message',
    data: frame(
      uint(MessageType.sync),
      uint(SyncMessageType.step1),
      payload(new Uint8Array([0])),
      bytes(new Uint8Array([1])),
    ),
    code: CloseCode.badMessage,
  },
  {
    name: 'a payload shorter than its declared length',
    data: frame(uint(MessageType.sync), uint(SyncMessageType.update), uint(5), bytes(new Uint8Array([1, 2]))),
    code: CloseCode.badMessage,
  },
  {
    name: 'a huge declared payload length',
    data: frame(uint(MessageType.sync), uint(SyncMessageType.update), uint(2 ** 40)),
    code: CloseCode.badMessage,
  },
  {
    name: 'a state vector that does not decode',
    data: frame(uint(MessageType.sync), uint(SyncMessageType.step1), payload(new Uint8Array([5, 1]))),
    code: CloseCode.badMessage,
  },
  {
    name: 'a truncated Yjs update',
    data: frame(uint(MessageType.sync), uint(SyncMessageType.update), payload(validUpdate('corrupt').slice(0, -4))),
    code: CloseCode.badUpdate,
  },
  {
    name: 'a tiny update declaring 2^40 structs',
    data: frame(
      uint(MessageType.sync),
      uint(SyncMessageType.update),
      payload(frame(uint(1), uint(2 ** 40), uint(99), uint(0))),
    ),
    code: CloseCode.badUpdate,
  },
  {
    name: 'a corrupt sync step 2',
    data: frame(uint(MessageType.sync), uint(SyncMessageType.step2), payload(new Uint8Array([1, 1, 7, 0, 0xff]))),
    code: CloseCode.badUpdate,
  },
  {
    name: 'an awareness update with invalid JSON',
    data: frame(uint(MessageType.awareness), payload(awarenessWithState('{not json'))),
    code: CloseCode.badMessage,
  },
  { name: 'a text frame', data: 'hello', code: CloseCode.badMessage },
  { name: 'a frame over the size limit', data: new Uint8Array(MAX_MESSAGE_BYTES + 1), code: CloseCode.messageTooBig },
];

async function expectBystandersWork(text: string): Promise<void> {
  bystanderA.doc.getText('title').insert(0, text);
  await waitUntil(() => bystanderB.text().includes(text), 'bystander edit relayed');
}

/** Zhang's token: every connection here may write, so only the input decides what happens. */
function asZhang(options: SyncClientOptions = {}): SyncClientOptions {
  return { ...options, token: ctx.workspace.people.zhang.token };
}

async function storedUpdateCount(room: DocId): Promise<number> {
  const reader = new SqliteDocStore({
    path: databasePath(ctx.server.dataDir),
    checkpointInBackground: false,
  });
  try {
    return (await reader.load(roomNameOf(room))).length;
  } finally {
    await reader.close();
  }
}

beforeAll(async () => {
  const bystanderRoom = await newRoom(ctx.workspace);
  bystanderA = await SyncClient.connect(ctx.server.wsUrl, bystanderRoom, asZhang());
  bystanderB = await SyncClient.connect(ctx.server.wsUrl, bystanderRoom, { token: ctx.workspace.people.li.token });
});

describe('bad input is refused, never stored, and harms no one else', () => {
  it.each(BAD_FRAMES)('closes the connection that sends $name', async ({ name, data, code }) => {
    const room = await newRoom(ctx.workspace);
    const victim = await SyncClient.connect(ctx.server.wsUrl, room, asZhang());
    victim.doc.getText('title').insert(0, 'good text');
    await victim.sync();
    const storedBefore = await storedUpdateCount(room);

    victim.sendRaw(data);
    const closed = await victim.waitClosed();
    expect(closed.code).toBe(code);
    expect(closed.reason.length).toBeGreaterThan(0);

    await expectBystandersWork(`after ${name}; `);
    expect(await storedUpdateCount(room)).toBe(storedBefore);
    const fresh = await SyncClient.connect(ctx.server.wsUrl, room, asZhang());
    expect(fresh.text()).toBe('good text');
    await fresh.close();
  });

  it('refuses a room name that is not a document id with 4404', async () => {
    const client = new SyncClient(ctx.server.wsUrl, 'not-a-uuid', asZhang());
    expect((await client.waitClosed()).code).toBe(CloseCode.badRoom);
  });

  it('refuses a client protocol version older than supported with 4426', async () => {
    const client = new SyncClient(ctx.server.wsUrl, await newRoom(ctx.workspace), asZhang({ query: { v: '0' } }));
    expect((await client.waitClosed()).code).toBe(CloseCode.clientTooOld);
  });

  it('survives websocket protocol violations on a raw socket', async () => {
    const port = ctx.server.port;
    const socket = net.connect(port, '127.0.0.1');
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
    socket.write(
      `GET /sync/${await newRoom(ctx.workspace)}?token=${ctx.workspace.people.zhang.token} HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
        'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n',
    );
    await new Promise<void>((resolve) => socket.once('data', () => resolve()));
    // FIN with all three reserved bits set and a reserved opcode, masked, empty payload.
    socket.write(Buffer.from([0xf3, 0x80, 1, 2, 3, 4]));
    await new Promise<void>((resolve) => socket.once('close', () => resolve()));
    await expectBystandersWork('after a protocol violation; ');
    const health = await fetch(`${ctx.server.url}/healthz`);
    expect(health.status).toBe(200);
  });
});
