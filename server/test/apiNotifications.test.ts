import { afterEach, describe, expect, it } from 'vitest';
import { inboxSchema, notificationSchema, STREAM_EVENTS } from '../../shared/api/review';
import { apiErrorSchema, docRecordSchema } from '../../shared/api/schemas';
import { type DocId, DocKind, RoomKind, roomNameOf } from '../../shared/index';
import { apiRequest, expectOk, FAST_PASSWORDS } from './support/apiRequest';
import { deleteComment, openThread } from './support/commentsWriter';
import { ClientPool, draftWith, REVIEW_PLAN, type ReviewPerson, transition } from './support/reviewWorkspace';
import { SseReader } from './support/SseReader';
import { waitUntil } from './support/SyncClient';
import { seedWorkspace } from './support/seedWorkspace';
import { setupSeededServer } from './support/setupTestServer';
import { startTestServer } from './support/testServer';

const pool = new ClientPool();
const streams: SseReader[] = [];
const ctx = setupSeededServer(REVIEW_PLAN, { onBeforeDispose: () => pool.closeAll() });

afterEach(() => {
  for (const stream of streams.splice(0)) {
    stream.close();
  }
});

interface WrittenComment {
  readonly threadId: string;
  readonly commentId: string;
}

/** Opens a thread in the document's comments room as `as`, whose comment mentions `people`. */
async function writeComment(as: ReviewPerson, id: DocId, people: readonly ReviewPerson[]): Promise<WrittenComment> {
  const room = roomNameOf(id, RoomKind.comments);
  const client = await pool.connect(ctx.server.wsUrl, room, { token: ctx.tokenOf(as) });
  const mentions = people.map((key) => ctx.workspace.people[key].id);
  const written = openThread(client.doc, ctx.workspace.people[as].id, '请@李委员补充数据', { mentions });
  await client.sync();
  await client.close();
  return written;
}

/** `POST /api/docs/:id/mentions` as `as`, for `comment` or for a new comment of theirs mentioning `people`. */
async function mention(as: ReviewPerson, id: DocId, people: readonly ReviewPerson[], comment?: WrittenComment) {
  const { threadId, commentId } = comment ?? (await writeComment(as, id, people));
  return apiRequest(ctx.server.url, 'POST', `/api/docs/${id}/mentions`, {
    token: ctx.tokenOf(as),
    json: {
      threadId,
      commentId,
      userIds: people.map((key) => ctx.workspace.people[key].id),
      excerpt: '请@李委员补充数据',
    },
  });
}

async function inbox(as: ReviewPerson) {
  return expectOk(
    await apiRequest(ctx.server.url, 'GET', '/api/notifications', { token: ctx.tokenOf(as) }),
    inboxSchema,
  );
}

async function openStream(as: ReviewPerson): Promise<SseReader> {
  const stream = await SseReader.open(`${ctx.server.url}/api/stream`, ctx.tokenOf(as));
  streams.push(stream);
  await waitUntil(() => stream.comments.includes('connected'), 'the stream to open');
  return stream;
}

describe('mentions', () => {
  it('notifies each mentioned person once per comment, however often it is sent, and never the author', async () => {
    const { id } = await draftWith(ctx, pool, '提及');
    const comment = await writeComment('zhang', id, ['li', 'zhang']);
    expect((await mention('zhang', id, ['li', 'zhang'], comment)).status).toBe(204);
    expect((await mention('zhang', id, ['li'], comment)).status).toBe(204);
    const mentions = (await inbox('li')).notifications.filter((n) => n.docId === id);
    expect(mentions).toEqual([
      expect.objectContaining({
        type: 'mention',
        actorId: ctx.workspace.people.zhang.id,
        threadId: comment.threadId,
        excerpt: '请@李委员补充数据',
        docTitle: '提及',
        readAt: null,
      }),
    ]);
    expect((await inbox('zhang')).notifications.filter((n) => n.docId === id)).toEqual([]);
    await mention('zhang', id, ['li']);
    expect((await inbox('li')).notifications.filter((n) => n.docId === id)).toHaveLength(2);
  });

  it('refuses to mention someone who may not read the document, naming them', async () => {
    const { id } = await draftWith(ctx, pool, '不可读');
    const answer = await mention('zhang', id, ['li', 'wang']);
    expect(answer.status).toBe(400);
    expect(apiErrorSchema.parse(answer.body)).toMatchObject({
      field: 'userIds',
      message: expect.stringContaining('王委员'),
    });
    expect((await inbox('li')).notifications.filter((n) => n.docId === id)).toEqual([]);
    const theirs = await writeComment('li', id, ['zhang']);
    expect((await mention('wang', id, ['li'], theirs)).body).toMatchObject({
      error: 'forbidden',
      denial: 'not_in_group',
    });
  });

  it('notifies only for a comment the comments room holds, by the caller, mentioning those people', async () => {
    const { id } = await draftWith(ctx, pool, '核对评论');
    const absent = { threadId: 'thread-0001', commentId: 'comment-0001' };
    const answer = await mention('zhang', id, ['li'], absent);
    expect(answer.status).toBe(409);
    expect(apiErrorSchema.parse(answer.body).message).toContain('comment-0001');

    const lis = await writeComment('li', id, ['zhao']);
    expect((await mention('zhang', id, ['zhao'], lis)).body).toMatchObject({
      error: 'bad_request',
      field: 'commentId',
    });
    const zhangs = await writeComment('zhang', id, ['li']);
    expect((await mention('zhang', id, ['zhao'], zhangs)).body).toMatchObject({
      error: 'bad_request',
      field: 'userIds',
    });

    const client = await pool.connect(ctx.server.wsUrl, roomNameOf(id, RoomKind.comments), {
      token: ctx.tokenOf('zhang'),
    });
    deleteComment(client.doc, zhangs.threadId, zhangs.commentId);
    await client.sync();
    expect((await mention('zhang', id, ['li'], zhangs)).body).toMatchObject({
      error: 'bad_request',
      field: 'commentId',
    });
    expect((await inbox('li')).notifications.filter((n) => n.docId === id)).toEqual([]);
    expect((await inbox('zhao')).notifications.filter((n) => n.docId === id)).toEqual([]);
  });
});

describe('the inbox', () => {
  it('marks only the caller’s notifications read, some or all, and answers the unread count', async () => {
    const { id } = await draftWith(ctx, pool, '已读');
    await mention('zhang', id, ['zhao']);
    await mention('zhang', id, ['zhao']);
    const before = await inbox('zhao');
    const [newest] = before.notifications;
    const read = (as: ReviewPerson, json: unknown) =>
      apiRequest(ctx.server.url, 'POST', '/api/notifications/read', { token: ctx.tokenOf(as), json });

    expect((await read('li', { ids: [newest?.id] })).body).toEqual({ unreadCount: (await inbox('li')).unreadCount });
    expect((await inbox('zhao')).unreadCount).toBe(before.unreadCount);
    expect((await read('zhao', { ids: [newest?.id] })).body).toEqual({ unreadCount: before.unreadCount - 1 });
    expect((await inbox('zhao')).notifications[0]?.readAt).toEqual(expect.any(Number));
    expect((await read('zhao', { all: true })).body).toEqual({ unreadCount: 0 });
    expect((await read('zhao', { ids: [] })).status).toBe(400);
  });
});

describe('notifications about documents one may no longer read', () => {
  it('leaves them out of the inbox and its unread count, and shows them again once readable', async () => {
    const { id } = await draftWith(ctx, pool, '离组之后');
    await mention('zhang', id, ['li']);
    const before = await inbox('li');
    expect(before.notifications.filter((n) => n.docId === id)).toHaveLength(1);
    expect(before.unreadCount).toBeGreaterThan(0);
    const membership = `/api/groups/${ctx.workspace.groups.经济界.id}/members/${ctx.workspace.people.li.id}`;
    const asSecretariat = { token: ctx.tokenOf('secretariat') };
    expect((await apiRequest(ctx.server.url, 'DELETE', membership, asSecretariat)).status).toBe(200);
    try {
      // Li is in no other group: every document they were told about is out of reach now.
      const after = await inbox('li');
      expect(after).toEqual({ notifications: [], unreadCount: 0 });
      const marked = await apiRequest(ctx.server.url, 'POST', '/api/notifications/read', {
        token: ctx.tokenOf('li'),
        json: { ids: ['no-such-notification'] },
      });
      expect(marked.body).toEqual({ unreadCount: after.unreadCount });
    } finally {
      expect((await apiRequest(ctx.server.url, 'PUT', membership, asSecretariat)).status).toBe(200);
    }
    expect(await inbox('li')).toEqual(before);
  });
});

describe('the live stream', () => {
  it('delivers a notification to the person’s open stream as it is made', async () => {
    const stream = await openStream('li');
    expect(stream.status).toBe(200);
    expect(stream.contentType).toMatch(/^text\/event-stream/);
    const { id } = await draftWith(ctx, pool, '实时');
    await mention('zhang', id, ['li']);
    const received = await stream.waitFor((event) => event.event === STREAM_EVENTS.notification, 'the notification');
    expect(notificationSchema.parse(JSON.parse(received.data))).toMatchObject({ type: 'mention', docId: id });
  });

  it('sends a changed record to those who may read it, and not to others', async () => {
    const li = await openStream('li');
    const wang = await openStream('wang');
    const { id } = await draftWith(ctx, pool, '状态变化');
    await transition(ctx, 'zhang', id, { action: 'submit', fromStatus: 'draft' });
    // The draft's first author was pushed too (the record now names them); the submit's comes after.
    const received = await li.waitFor(
      (event) => event.event === STREAM_EVENTS.record && event.data.includes('"in_review"'),
      'the submitted record',
    );
    expect(docRecordSchema.parse(JSON.parse(received.data))).toMatchObject({ id, status: 'in_review' });

    // Events reach each stream in the order they were published: once wang has a later one, he
    // would have had the record before it.
    const theirs = await ctx.workspace.createDoc('wang', { groupKey: '教育界', kind: DocKind.proposal });
    expect((await mention('chair', theirs.id, ['wang'])).status).toBe(204);
    await wang.waitFor((event) => event.event === STREAM_EVENTS.notification, 'wang’s notification');
    expect(wang.events.filter((event) => event.event === STREAM_EVENTS.record)).toEqual([]);
  });

  it('refuses a stream without a session', async () => {
    const answer = await apiRequest(ctx.server.url, 'GET', '/api/stream');
    expect(answer.status).toBe(401);
  });

  it('ends a stream at once when its session signs out, and keeps the person’s other streams', async () => {
    const signIn = await apiRequest(ctx.server.url, 'POST', '/api/session', {
      json: { username: 'li', password: ctx.workspace.people.li.password },
    });
    expect(signIn.status).toBe(200);
    const token = (signIn.body as { token: string }).token;
    const leaving = await SseReader.open(`${ctx.server.url}/api/stream`, token);
    streams.push(leaving);
    await waitUntil(() => leaving.comments.includes('connected'), 'the stream to open');
    const staying = await openStream('li');
    expect((await apiRequest(ctx.server.url, 'DELETE', '/api/session', { token })).status).toBe(204);
    await waitUntil(() => leaving.isEnded, 'the signed-out stream to end');
    expect(leaving.isEndedByServer).toBe(true);
    expect(staying.isEnded).toBe(false);
  });

  it('ends open streams as complete responses when the server closes', async () => {
    const server = await startTestServer({ passwordParams: FAST_PASSWORDS });
    try {
      const seeded = await seedWorkspace(server, { groups: [], people: {} });
      const stream = await SseReader.open(`${server.url}/api/stream`, seeded.secretariat.token);
      streams.push(stream);
      await waitUntil(() => stream.comments.includes('connected'), 'the stream to open');
      await server.close();
      await waitUntil(() => stream.isEnded, 'the stream to end');
      // Ended as a response, not cut off with the connection.
      expect(stream.isEndedByServer).toBe(true);
    } finally {
      await server.dispose();
    }
  });
});
