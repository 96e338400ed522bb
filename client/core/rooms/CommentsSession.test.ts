import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type DocId, newDocId, RoomKind, roomNameOf, type UserId } from '../../../shared';
import { openTestStore } from '../../test/testStore';
import { waitUntil } from '../../test/waitUntil';
import { addReply, createThread } from '../comments';
import { createDiagnostics } from '../diagnostics';
import { createStorageHealth, type DexieDeviceStore } from '../storage';
import { CommentsSession } from './CommentsSession';
import type { ConnectionGate } from './ConnectionGate';

const AUTHOR = '00000000-0000-4000-8000-000000000001' as UserId;
/** Offline: the session must work from the device alone. */
const CLOSED_GATE: ConnectionGate = {
  isOpen: () => false,
  subscribe: () => () => undefined,
  onRefused: () => undefined,
};

let store: DexieDeviceStore;

beforeEach(() => {
  store = openTestStore({ onBackgroundError: () => undefined });
  vi.stubGlobal('window', Object.assign(new EventTarget(), { location: { protocol: 'http:', host: 'relay.test' } }));
  vi.stubGlobal('navigator', { onLine: false });
  // Never opened (the gate is closed); y-websocket only needs the class to exist.
  vi.stubGlobal('WebSocket', class {});
});

afterEach(async () => {
  vi.unstubAllGlobals();
  await store.delete();
});

async function open(docId: DocId): Promise<CommentsSession> {
  const session = new CommentsSession({
    updates: store.updates,
    health: createStorageHealth(),
    docId,
    gate: CLOSED_GATE,
    diagnostics: createDiagnostics({ log: () => undefined }),
  });
  await session.open();
  return session;
}

describe('CommentsSession', () => {
  it('keeps threads written offline on the device, as unsent changes of the comments room', async () => {
    const docId = newDocId();
    const first = await open(docId);
    expect(first.state.getSnapshot()).toEqual({ phase: 'ready', hadLocalData: false });
    const anchor = { start: new Uint8Array([1]), end: new Uint8Array([2]) };
    const { threadId } = createThread(first.doc, { anchor, quote: '原文', authorId: AUTHOR, text: '离线评论' });
    await waitUntil(() => first.threads.getSnapshot().length === 1, { what: 'the thread to be published' });
    await first.whenSaved();
    first.destroy();
    expect(await store.updates.countUnsent(roomNameOf(docId, RoomKind.comments))).toBe(1);
    expect(await store.updates.countUnsent(roomNameOf(docId))).toBe(0);

    const second = await open(docId);
    expect(second.threads.getSnapshot().map((thread) => [thread.id, thread.comments[0]?.text])).toEqual([
      [threadId, '离线评论'],
    ]);
    second.destroy();
  });

  it('publishes a change as new objects for the touched thread only', async () => {
    const session = await open(newDocId());
    const anchor = { start: new Uint8Array([1]), end: new Uint8Array([2]) };
    const input = { anchor, quote: '原文', authorId: AUTHOR, text: '评论' };
    const first = createThread(session.doc, input).threadId;
    createThread(session.doc, input);
    const before = session.threads.getSnapshot();
    addReply(session.doc, { threadId: first, authorId: AUTHOR, text: '回复' });
    const after = session.threads.getSnapshot();
    expect(after.map((thread) => thread.comments.length)).toEqual([2, 1]);
    expect(after[0]).not.toBe(before[0]);
    expect(after[1]).toBe(before[1]);
    session.destroy();
  });
});
