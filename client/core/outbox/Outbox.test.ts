import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type DocId, DocKind, newDocId } from '../../../shared';
import { FakeServer, makeMe, newGroupId } from '../../test/FakeServer';
import { startTestApp, type TestApp } from '../../test/testApp';
import { openTestStore } from '../../test/testStore';
import { createDiagnostics } from '../diagnostics';
import { ClientError, ClientErrorCode } from '../errors';
import type { DexieDeviceStore } from '../storage';
import { createGroupDocument } from '../workspace';
import { Outbox } from './Outbox';
import { OutboxOp } from './outboxOps';

const groupId = newGroupId();
const otherGroup = newGroupId();
/** The device believes the member is in both groups; the server will say otherwise for one. */
const me = makeMe([groupId, otherGroup]);

describe('Outbox with the workspace’s senders', () => {
  let server: FakeServer;
  let test: TestApp;

  beforeEach(async () => {
    server = new FakeServer();
    server.addUser(me);
    test = await startTestApp(server);
  });

  afterEach(async () => {
    await test.stop();
  });

  async function signedIn() {
    const account = await test.signIn(me);
    // The server knows better: the member left the second group.
    server.sessionUser = { ...me, groupIds: [groupId] };
    return account;
  }

  function docRequests(): string[] {
    return server.requests.filter((request) => request.includes('/api/docs'));
  }

  it('keeps a document created offline queued, then registers it once online', async () => {
    const { workspace, outbox, cache } = await signedIn();
    server.isOnline = false;
    const docId = await workspace.createDocument({ kind: DocKind.proposal, groupId, title: '关于' });
    await outbox.flush();
    expect(outbox.summary.getSnapshot()).toEqual({ pending: 1, problems: [] });
    expect(outbox.isUnregistered(docId)).toBe(true);

    server.isOnline = true;
    await outbox.flush();
    expect(server.docs.get(docId)).toMatchObject({ groupId, kind: DocKind.proposal, title: '关于' });
    expect(outbox.summary.getSnapshot()).toEqual({ pending: 0, problems: [] });
    expect(outbox.isUnregistered(docId)).toBe(false);
    expect(cache.rowOf(docId)?.record).toMatchObject({ id: docId, groupId });
  });

  it('sends the same registration again after a lost answer, and the server keeps one document', async () => {
    const { workspace, outbox } = await signedIn();
    server.loseAnswers = 1;
    const docId = await workspace.createDocument({ kind: DocKind.proposal, groupId });
    // Asked while the first attempt runs, the flush resolves once the attempt after it is done.
    await outbox.flush();
    expect(server.docs.has(docId)).toBe(true);
    expect(docRequests().filter((r) => r === 'POST /api/docs')).toHaveLength(2);
    expect(server.docs.size).toBe(1);
    expect(outbox.summary.getSnapshot()).toEqual({ pending: 0, problems: [] });
  });

  it('keeps a refusal as a problem, does not retry it by itself, and keeps the content', async () => {
    const { workspace, outbox } = await signedIn();
    const docId = await workspace.createDocument({ kind: DocKind.proposal, groupId: otherGroup });
    await outbox.flush();
    const { pending, problems } = outbox.summary.getSnapshot();
    expect(pending).toBe(0);
    expect(problems).toEqual([expect.objectContaining({ docId, code: 'forbidden', denial: 'not_in_group' })]);
    expect(problems[0]?.message).toContain('Not a member');
    expect(outbox.isUnregistered(docId)).toBe(true);
    expect(await test.account().store.updates.countUnsent(docId as string as never)).toBeGreaterThan(0);

    await outbox.flush();
    expect(docRequests().filter((r) => r === 'POST /api/docs')).toHaveLength(1);
    expect(await test.account().store.outbox.list()).toHaveLength(1);
  });

  it('sends a refused operation again when the user asks (after joining the group)', async () => {
    const { workspace, outbox } = await signedIn();
    const docId = await workspace.createDocument({ kind: DocKind.proposal, groupId: otherGroup });
    await outbox.flush();
    const problem = outbox.summary.getSnapshot().problems[0];
    server.sessionUser = me;
    await outbox.retry(problem?.id ?? '');
    expect(outbox.summary.getSnapshot()).toEqual({ pending: 0, problems: [] });
    expect(server.docs.get(docId)?.groupId).toBe(otherGroup);
  });

  it('retries a server failure (5xx) instead of calling it a problem', async () => {
    const { workspace, outbox } = await signedIn();
    server.handler = () => ({ status: 503, body: { error: 'internal', message: 'Storage is busy' } });
    const docId = await workspace.createDocument({ kind: DocKind.proposal, groupId });
    await outbox.flush();
    expect(outbox.summary.getSnapshot()).toEqual({ pending: 1, problems: [] });
    server.handler = () => undefined;
    await outbox.flush();
    expect(server.docs.has(docId)).toBe(true);
  });

  it('archives a new document only after registering it, in the order they were made, the last wish only', async () => {
    const { workspace, outbox } = await signedIn();
    server.isOnline = false;
    const docId = await workspace.createDocument({ kind: DocKind.proposal, groupId });
    await workspace.setArchived(docId, true);
    await workspace.setArchived(docId, false);
    await workspace.setArchived(docId, true);
    server.isOnline = true;
    await outbox.flush();
    expect(docRequests()).toEqual(['POST /api/docs', `PATCH /api/docs/${docId}`]);
    expect(server.docs.get(docId)?.isArchived).toBe(true);
  });

  it('holds an archive change behind a refused registration', async () => {
    const { workspace, outbox } = await signedIn();
    server.isOnline = false;
    const docId = await workspace.createDocument({ kind: DocKind.proposal, groupId: otherGroup });
    await workspace.setArchived(docId, true);
    server.isOnline = true;
    await outbox.flush();
    expect(docRequests()).toEqual(['POST /api/docs']);
    expect(outbox.summary.getSnapshot().pending).toBe(1);
  });

  it('does not send the operations of another user of this device', async () => {
    const { outbox, store } = await signedIn();
    const other = makeMe([groupId]);
    await createGroupDocument(store, { kind: DocKind.socialInfo, groupId, userId: other.id });
    await outbox.flush();
    expect(outbox.summary.getSnapshot().pending).toBe(0);
    expect(docRequests()).toEqual([]);
  });
});

describe('Outbox, its queue and its senders', () => {
  let name: string;
  let store: DexieDeviceStore;
  let outbox: Outbox;
  let sent: string[];
  const userId = me.id;

  beforeEach(() => {
    name = `test-${crypto.randomUUID()}`;
    store = openTestStore({ name });
    outbox = new Outbox({
      rows: store.outbox,
      userId,
      canSend: () => true,
      diagnostics: createDiagnostics({ log: () => undefined }),
    });
    sent = [];
  });

  afterEach(async () => {
    outbox.stop();
    await store.delete();
  });

  function mention(docId: DocId, threadId = 'thread-0001') {
    return {
      op: OutboxOp.mention,
      docId,
      payload: { threadId, commentId: 'comment-0001', userIds: [userId], excerpt: '好' },
    } as const;
  }

  it('sends rows in order from memory and forgets them once sent', async () => {
    outbox.register(OutboxOp.mention, { send: async (row) => void sent.push(row.payload.threadId) });
    outbox.start();
    const docId = newDocId();
    await outbox.enqueueAll([mention(docId, 'thread-aaaa'), mention(docId, 'thread-bbbb')]);
    await outbox.flush();
    expect(sent).toEqual(['thread-aaaa', 'thread-bbbb']);
    expect(outbox.summary.getSnapshot()).toEqual({ pending: 0, problems: [] });
    expect(await store.outbox.list()).toEqual([]);
  });

  it('takes back a row before its request goes out, and not once it is out', async () => {
    let release: () => void = () => undefined;
    const waiting = new Promise<void>((resolve) => {
      release = resolve;
    });
    outbox.register(OutboxOp.mention, {
      send: async (row, context) => {
        await waiting;
        if (!context.claim()) {
          throw new ClientError({ code: ClientErrorCode.cancelled, message: 'taken back' });
        }
        sent.push(row.payload.threadId);
      },
    });
    outbox.start();
    const row = await outbox.enqueue(mention(newDocId()));
    expect(await outbox.cancel(String(row?.seq))).toBe(true);
    release();
    await outbox.flush();
    expect(sent).toEqual([]);
    expect(outbox.summary.getSnapshot().pending).toBe(0);
  });

  it('skips a row whose payload makes no sense for its operation, and sends the others', async () => {
    outbox.register(OutboxOp.mention, { send: async (row) => void sent.push(row.payload.threadId) });
    const docId = newDocId();
    await store.outbox.add({
      docId,
      userId,
      op: OutboxOp.mention,
      payload: { threadId: 42 },
      createdAt: 1,
      attempts: 0,
      lastError: null,
      isRefused: false,
    });
    await store.outbox.add({
      docId,
      userId,
      op: 'unknownOp',
      payload: {},
      createdAt: 1,
      attempts: 0,
      lastError: null,
      isRefused: false,
    });
    outbox.start();
    await outbox.enqueue(mention(docId, 'thread-good'));
    await outbox.flush();
    expect(sent).toEqual(['thread-good']);
  });

  it('reads the rows again when another tab changes them', async () => {
    outbox.start();
    const other = openTestStore({ name, onBackgroundError: () => undefined });
    await other.outbox.add({
      ...mention(newDocId()),
      userId,
      createdAt: 1,
      attempts: 0,
      lastError: null,
      isRefused: false,
    });
    await expect.poll(() => outbox.summary.getSnapshot().pending).toBe(1);
    other.close();
  });
});
