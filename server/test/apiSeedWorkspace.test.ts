import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { meSchema } from '../../shared/api/schemas';
import { AUTH_PERMISSION_DENIED, CloseCode, DocKind, MessageType, Role } from '../../shared/index';
import { formatRelayReason, RelayReasonCode } from '../../shared/protocol/relayReasons';
import { apiRequest, expectOk } from './support/apiRequest';
import { seedWorkspace } from './support/seedWorkspace';
import { startTestServer, type TestServer } from './support/testServer';

/** Cheap password hashing: these tests are about access, not about scrypt's cost. */
const FAST_PASSWORDS = { logN: 10, r: 8, p: 1 };

let server: TestServer;

function syncStep1(): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.sync);
  syncProtocol.writeSyncStep1(encoder, new Y.Doc());
  return encoding.toUint8Array(encoder);
}
afterEach(() => server.dispose());

/** Opens a room with a token; resolves on the first frame (admitted) or the close (refused). */
function openRoom(
  room: string,
  token: string | null,
): { result: Promise<'admitted' | { code: number; reason: string }>; ws: WebSocket } {
  const query = token === null ? '' : `?token=${token}`;
  const ws = new WebSocket(`${server.wsUrl}/sync/${room}${query}`);
  ws.on('error', () => {});
  // The relay answers a client's sync step 1 once the connection is admitted.
  ws.once('open', () => ws.send(syncStep1()));
  const result = new Promise<'admitted' | { code: number; reason: string }>((resolve) => {
    ws.once('message', () => resolve('admitted'));
    ws.once('close', (code, reason) => resolve({ code, reason: reason.toString() }));
  });
  return { result, ws };
}

/** A sync update frame that sets the title. */
function titleUpdate(text: string): Uint8Array {
  const doc = new Y.Doc({ gc: false });
  doc.getText('title').insert(0, text);
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.sync);
  syncProtocol.writeUpdate(encoder, Y.encodeStateAsUpdate(doc));
  return encoding.toUint8Array(encoder);
}

/** Resolves with the reason of the next permission-denied frame the relay sends. */
function nextDenial(ws: WebSocket): Promise<string> {
  return new Promise((resolve) => {
    const onMessage = (data: Buffer) => {
      const decoder = decoding.createDecoder(new Uint8Array(data));
      if (
        decoding.readVarUint(decoder) === MessageType.auth &&
        decoding.readVarUint(decoder) === AUTH_PERMISSION_DENIED
      ) {
        ws.off('message', onMessage);
        resolve(decoding.readVarString(decoder));
      }
    };
    ws.on('message', onMessage);
  });
}

function closeOf(ws: WebSocket): Promise<{ code: number; reason: string }> {
  return new Promise((resolve) => ws.once('close', (code, reason) => resolve({ code, reason: reason.toString() })));
}

describe('seedWorkspace', () => {
  it('creates the secretariat, groups and people with working tokens and registered documents', async () => {
    server = await startTestServer({ passwordParams: FAST_PASSWORDS });
    expect(server.setupUrl).toMatch(new RegExp(`^${server.url}/setup/[A-Za-z0-9_-]{43}$`));
    const seeded = await seedWorkspace(server, {
      groups: ['经济界', '教育界'],
      people: {
        li: { role: Role.convener, groups: ['经济界'] },
        wang: { role: Role.member, groups: ['经济界', '教育界'] },
        chair: { role: Role.chair },
      },
    });
    const me = expectOk(await apiRequest(server.url, 'GET', '/api/me', { token: seeded.people.wang.token }), meSchema);
    expect(me).toMatchObject({ username: 'wang', role: 'member' });
    expect(new Set(me.groupIds)).toEqual(new Set([seeded.groups.经济界.id, seeded.groups.教育界.id]));

    const doc = await seeded.createDoc('li', { groupKey: '经济界', kind: DocKind.proposal, title: '关于' });
    expect(doc).toMatchObject({ groupId: seeded.groups.经济界.id, createdBy: seeded.people.li.id, title: '关于' });
  });
});

describe('the relay behind the workspace gate', () => {
  it('admits members, refuses outsiders, and closes connections when membership or the account ends', async () => {
    server = await startTestServer({ passwordParams: FAST_PASSWORDS });
    const seeded = await seedWorkspace(server, {
      groups: ['a', 'b'],
      people: { member: { role: Role.member, groups: ['a'] }, outsider: { role: Role.member, groups: ['b'] } },
    });
    const doc = await seeded.createDoc('member', { groupKey: 'a', kind: DocKind.proposal });

    expect(await openRoom(doc.id, null).result).toEqual({
      code: CloseCode.unauthorized,
      reason: formatRelayReason(RelayReasonCode.signIn),
    });
    expect(await openRoom(doc.id, seeded.people.outsider.token).result).toMatchObject({ code: CloseCode.forbidden });

    const first = openRoom(doc.id, seeded.people.member.token);
    expect(await first.result).toBe('admitted');
    const removedClose = closeOf(first.ws);
    const path = `/api/groups/${seeded.groups.a.id}/members/${seeded.people.member.id}`;
    expect((await apiRequest(server.url, 'DELETE', path, { token: seeded.secretariat.token })).status).toBe(200);
    expect(await removedClose).toMatchObject({ code: CloseCode.forbidden });

    expect((await apiRequest(server.url, 'PUT', path, { token: seeded.secretariat.token })).status).toBe(200);
    const second = openRoom(doc.id, seeded.people.member.token);
    expect(await second.result).toBe('admitted');
    const deactivatedClose = closeOf(second.ws);
    const deactivate = await apiRequest(server.url, 'PATCH', `/api/people/${seeded.people.member.id}`, {
      token: seeded.secretariat.token,
      json: { isActive: false },
    });
    expect(deactivate.status).toBe(200);
    expect(await deactivatedClose).toEqual({
      code: CloseCode.unauthorized,
      reason: formatRelayReason(RelayReasonCode.expired),
    });
  });

  it('makes an open document read-only for its editors when it is archived', async () => {
    server = await startTestServer({ passwordParams: FAST_PASSWORDS });
    const seeded = await seedWorkspace(server, {
      groups: ['a'],
      people: { author: { role: Role.member, groups: ['a'] } },
    });
    const doc = await seeded.createDoc('author', { groupKey: 'a', kind: DocKind.proposal });
    const editor = openRoom(doc.id, seeded.people.author.token);
    expect(await editor.result).toBe('admitted');

    const archived = await apiRequest(server.url, 'PATCH', `/api/docs/${doc.id}`, {
      token: seeded.people.author.token,
      json: { isArchived: true },
    });
    expect(archived.status).toBe(200);
    const denial = nextDenial(editor.ws);
    editor.ws.send(titleUpdate('改不了'));
    expect(await denial).toContain('archived');
    editor.ws.close();
  });
});
