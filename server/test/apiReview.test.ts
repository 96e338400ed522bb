import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { docActivitySchema, inboxSchema, transitionResultSchema } from '../../shared/api/review';
import { apiErrorSchema, docRecordSchema, meSchema, workspaceSchema } from '../../shared/api/schemas';
import { DocKind, decide, documentTarget, RoomKind, roomNameOf } from '../../shared/index';
import { formatRelayReason, RelayReasonCode } from '../../shared/protocol/relayReasons';
import { apiRequest, expectOk } from './support/apiRequest';
import { openThread, threadsJson } from './support/commentsWriter';
import { eventually } from './support/eventually';
import {
  ClientPool,
  draftWith,
  REVIEW_PLAN,
  requestTransition,
  storedDoc,
  storedTitle,
  transition,
} from './support/reviewWorkspace';
import { waitUntil } from './support/SyncClient';
import { setupSeededServer } from './support/setupTestServer';

const pool = new ClientPool();
const ctx = setupSeededServer(REVIEW_PLAN, { onBeforeDispose: () => pool.closeAll() });

async function activityOf(id: string, as: 'zhang' | 'chair' | 'convener' | 'wang') {
  return apiRequest(ctx.server.url, 'GET', `/api/docs/${id}/activity`, { token: ctx.tokenOf(as) });
}

describe('the relay while a document is in review (P7, P9)', () => {
  it('refuses and does not store a member’s content update, but keeps their comment', async () => {
    const { id } = await draftWith(ctx, pool, '关于乡村养老的提案');
    await transition(ctx, 'zhang', id, { action: 'submit', fromStatus: 'draft' });

    const li = await pool.connect(ctx.server.wsUrl, id, { token: ctx.tokenOf('li') });
    li.doc.getText('title').insert(0, '审阅中改的');
    await li.sync();
    await waitUntil(() => li.permissionDenied.length > 0, 'the permission-denied message');
    expect(li.permissionDenied).toEqual([formatRelayReason(RelayReasonCode.inReview)]);
    expect(await storedTitle(ctx, id)).toBe('关于乡村养老的提案');

    const commentsRoom = roomNameOf(id, RoomKind.comments);
    const comments = await pool.connect(ctx.server.wsUrl, commentsRoom, { token: ctx.tokenOf('li') });
    const { threadId } = openThread(comments.doc, ctx.workspace.people.li.id, '请补充数据来源');
    await comments.sync();
    expect(comments.permissionDenied).toEqual([]);
    expect(threadsJson(await storedDoc(ctx, commentsRoom))).toEqual(threadsJson(comments.doc));
    expect(Object.keys(threadsJson(comments.doc))).toEqual([threadId]);
  });

  it('turns an editor who is connected read-only at submit, and writable again once returned', async () => {
    const { id, author } = await draftWith(ctx, pool, '草稿');
    await transition(ctx, 'zhang', id, { action: 'submit', fromStatus: 'draft' });
    author.doc.getText('title').insert(0, '提交后');
    await author.sync();
    await waitUntil(() => author.permissionDenied.length > 0, 'the permission-denied message');
    expect(await storedTitle(ctx, id)).toBe('草稿');
    const asked = author.step1Count;

    await transition(ctx, 'chair', id, { action: 'return', fromStatus: 'in_review', reason: '请补充数据' });
    // The relay asks the writer for what it dropped: the edit made while read-only arrives too.
    await waitUntil(() => author.step1Count > asked, 'the relay to ask for the dropped edit');
    author.doc.getText('title').insert(author.text().length, '（修改）');
    await author.sync();
    await eventually(async () => expect(await storedTitle(ctx, id)).toBe('提交后草稿（修改）'));
    expect(author.permissionDenied).toHaveLength(1);
    expect(author.closed).toBeNull();
  });
});

/** The title a version's snapshot (base64) shows of `content`. */
function titleAt(content: Y.Doc, snapshot: string | undefined): string {
  const past = Y.createDocFromSnapshot(
    content,
    Y.decodeSnapshot(Buffer.from(snapshot ?? '', 'base64')),
    new Y.Doc({ gc: false }),
  );
  return past.getText('title').toString();
}

describe('content frozen by a transition', () => {
  it('stores no edit sent around a submit beyond the version the submit saved', async () => {
    const { id } = await draftWith(ctx, pool, '竞速');
    const li = await pool.connect(ctx.server.wsUrl, id, { token: ctx.tokenOf('li') });
    let isAnswered = false;
    const submitting = transition(ctx, 'zhang', id, { action: 'submit', fromStatus: 'draft' }).finally(() => {
      isAnswered = true;
    });
    // Li types steadily while the submit is under way, and a little after it answered.
    let typed = 0;
    for (let after = 0; after < 5; after += isAnswered ? 1 : 0) {
      li.doc.getText('title').insert(li.text().length, String(typed++ % 10));
      await new Promise((resolve) => setImmediate(resolve));
    }
    const submitted = await submitting;
    await li.sync();
    const stored = await storedDoc(ctx, roomNameOf(id));
    expect(typed).toBeGreaterThan(5);
    expect(stored.getText('title').toString()).toMatch(/^竞速/);
    expect(stored.getText('title').toString()).toBe(titleAt(stored, submitted.version?.snapshot));
    expect(li.permissionDenied.length).toBeGreaterThan(0);
  });
});

describe('transitions (P10-P12)', () => {
  it('answers a transition by the wrong role 403 with the denial can() gives', async () => {
    const { id } = await draftWith(ctx, pool, '角色');
    const record = expectOk(
      await apiRequest(ctx.server.url, 'GET', `/api/docs/${id}`, { token: ctx.tokenOf('zhang') }),
      docRecordSchema,
    );
    const cases = [
      ['chair', 'submit', 'submit_document', 'not_in_group'],
      ['secretariat', 'file', 'file_document', 'status'],
    ] as const;
    for (const [as, action, domainAction, denial] of cases) {
      const answer = await requestTransition(ctx, as, id, { action, fromStatus: 'draft' });
      expect(answer.status).toBe(403);
      expect(apiErrorSchema.parse(answer.body)).toMatchObject({ error: 'forbidden', denial });
      const me = expectOk(await apiRequest(ctx.server.url, 'GET', '/api/me', { token: ctx.tokenOf(as) }), meSchema);
      expect(decide(me, domainAction, documentTarget(record))).toEqual({ allowed: false, denial });
    }
    await transition(ctx, 'zhang', id, { action: 'submit', fromStatus: 'draft' });
    const approve = await requestTransition(ctx, 'li', id, { action: 'approve', fromStatus: 'in_review' });
    expect(approve.status).toBe(403);
    expect(approve.body).toMatchObject({ error: 'forbidden', denial: 'role' });
  });

  it('refuses a return without a reason, naming the field', async () => {
    const { id } = await draftWith(ctx, pool, '退回');
    await transition(ctx, 'zhang', id, { action: 'submit', fromStatus: 'draft' });
    const answer = await requestTransition(ctx, 'chair', id, { action: 'return', fromStatus: 'in_review' });
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ error: 'bad_request', field: 'reason' });
    const blank = await requestTransition(ctx, 'chair', id, {
      action: 'return',
      fromStatus: 'in_review',
      reason: '  ',
    });
    expect(blank.status).toBe(400);
  });

  it('keeps a reason only with a return: sent with a submit, it reaches neither the event nor the reviewers', async () => {
    const { id } = await draftWith(ctx, pool, '附带理由');
    const submitted = await transition(ctx, 'zhang', id, {
      action: 'submit',
      fromStatus: 'draft',
      reason: '不该出现的理由',
    });
    expect(submitted.event.reason).toBeNull();
    const inbox = expectOk(
      await apiRequest(ctx.server.url, 'GET', '/api/notifications', { token: ctx.tokenOf('chair') }),
      inboxSchema,
    );
    const requested = inbox.notifications.find((notification) => notification.docId === id);
    expect(requested).toMatchObject({ type: 'review_requested', reason: null });
  });

  it('makes every status change a newer record (updatedAt), so a client can tell which copy is newer', async () => {
    const { id } = await draftWith(ctx, pool, '排序');
    const get = async () =>
      expectOk(
        await apiRequest(ctx.server.url, 'GET', `/api/docs/${id}`, { token: ctx.tokenOf('zhang') }),
        docRecordSchema,
      );
    const draft = await get();
    const submitted = await transition(ctx, 'zhang', id, { action: 'submit', fromStatus: 'draft' });
    expect(submitted.record.updatedAt).toBeGreaterThan(draft.updatedAt);
    const returned = await transition(ctx, 'chair', id, { action: 'return', fromStatus: 'in_review', reason: '再改' });
    expect(returned.record.updatedAt).toBeGreaterThan(submitted.record.updatedAt);
    expect((await get()).updatedAt).toBe(returned.record.updatedAt);
  });

  it('puts the last return on the record, in the workspace too, and keeps it once submitted again', async () => {
    const { id } = await draftWith(ctx, pool, '退回理由');
    await transition(ctx, 'zhang', id, { action: 'submit', fromStatus: 'draft' });
    const returned = await transition(ctx, 'chair', id, {
      action: 'return',
      fromStatus: 'in_review',
      reason: '请补充近三年的财政投入数据',
    });
    const lastReturn = {
      actorId: ctx.workspace.people.chair.id,
      at: returned.event.at,
      reason: '请补充近三年的财政投入数据',
    };
    expect(returned.record.lastReturn).toEqual(lastReturn);
    const workspace = expectOk(
      await apiRequest(ctx.server.url, 'GET', '/api/workspace', { token: ctx.tokenOf('li') }),
      workspaceSchema,
    );
    expect(workspace.docs.find((doc) => doc.id === id)?.lastReturn).toEqual(lastReturn);

    const again = await transition(ctx, 'zhang', id, { action: 'submit', fromStatus: 'returned' });
    expect(again.record.lastReturn).toEqual(lastReturn);
    const record = expectOk(
      await apiRequest(ctx.server.url, 'GET', `/api/docs/${id}`, { token: ctx.tokenOf('zhang') }),
      docRecordSchema,
    );
    expect(record.lastReturn).toEqual(lastReturn);
  });

  it('tells the secretariat at each approval that the document waits for filing (approved_awaiting_filing)', async () => {
    const { id } = await draftWith(ctx, pool, '待立案');
    await transition(ctx, 'zhang', id, { action: 'submit', fromStatus: 'draft' });
    await transition(ctx, 'chair', id, { action: 'approve', fromStatus: 'in_review' });
    const inboxOf = async (as: 'secretariat' | 'zhang') =>
      expectOk(await apiRequest(ctx.server.url, 'GET', '/api/notifications', { token: ctx.tokenOf(as) }), inboxSchema)
        .notifications.filter((notification) => notification.docId === id)
        .map((notification) => [notification.type, notification.actorId, notification.docTitle]);

    const chairId = ctx.workspace.people.chair.id;
    expect(await inboxOf('secretariat')).toEqual([['approved_awaiting_filing', chairId, '待立案']]);
    expect(await inboxOf('zhang')).toEqual([['approved', chairId, '待立案']]);
  });

  it('refuses a transition from a status the document has left, naming both statuses', async () => {
    const { id } = await draftWith(ctx, pool, '过时');
    await transition(ctx, 'zhang', id, { action: 'submit', fromStatus: 'draft' });
    const answer = await requestTransition(ctx, 'li', id, { action: 'submit', fromStatus: 'draft' });
    expect(answer.status).toBe(409);
    expect(apiErrorSchema.parse(answer.body).message).toMatch(/in_review.*draft/);
  });

  it('does a transition sent twice with one request id once, answering the same both times', async () => {
    const { id } = await draftWith(ctx, pool, '重发');
    const body = { action: 'submit', fromStatus: 'draft', requestId: 'retry-submit-0001' } as const;
    const first = await requestTransition(ctx, 'zhang', id, body);
    const second = await requestTransition(ctx, 'zhang', id, body);
    expect(first.status).toBe(200);
    expect(second.status).toBe(200);
    const [a, b] = [first, second].map((answer) => transitionResultSchema.parse(answer.body));
    expect(b?.event).toEqual(a?.event);
    expect(b?.version).toEqual(a?.version);
    const activity = expectOk(await activityOf(id, 'zhang'), docActivitySchema);
    expect(activity.events.filter((event) => event.type === 'submitted')).toHaveLength(1);
    const reused = await requestTransition(ctx, 'li', id, { ...body, action: 'submit' });
    expect(reused.status).toBe(409);

    // Asked again by someone who may no longer read the document: refused, the record not shown.
    const membership = `/api/groups/${ctx.workspace.groups.经济界.id}/members/${ctx.workspace.people.zhang.id}`;
    const asSecretariat = { token: ctx.tokenOf('secretariat') };
    expect((await apiRequest(ctx.server.url, 'DELETE', membership, asSecretariat)).status).toBe(200);
    try {
      const third = await requestTransition(ctx, 'zhang', id, body);
      expect(third.status).toBe(403);
      expect(third.body).toMatchObject({ error: 'forbidden', denial: 'not_in_group' });
    } finally {
      expect((await apiRequest(ctx.server.url, 'PUT', membership, asSecretariat)).status).toBe(200);
    }
  });

  it('saves a named version at submit, return and approve whose snapshot rebuilds the content', async () => {
    const { id, author } = await draftWith(ctx, pool, '第一稿');
    const submitted = await transition(ctx, 'zhang', id, { action: 'submit', fromStatus: 'draft' });
    const returned = await transition(ctx, 'convener', id, {
      action: 'return',
      fromStatus: 'in_review',
      reason: '请补充调研数据',
    });
    author.doc.getText('title').insert(author.text().length, '（第二稿）');
    await author.sync();
    const resubmitted = await transition(ctx, 'zhang', id, { action: 'submit', fromStatus: 'returned' });
    const approved = await transition(ctx, 'chair', id, { action: 'approve', fromStatus: 'in_review' });
    const filed = await transition(ctx, 'secretariat', id, { action: 'file', fromStatus: 'approved' });
    expect(filed.record.status).toBe('filed');
    expect(filed.version).toBeNull();

    const content = await storedDoc(ctx, roomNameOf(id));
    const titleAt = (snapshot: string | undefined) =>
      Y.createDocFromSnapshot(
        content,
        Y.decodeSnapshot(Buffer.from(snapshot ?? '', 'base64')),
        new Y.Doc({ gc: false }),
      )
        .getText('title')
        .toString();
    // Named by cause, numbered once a cause repeats, and dated by the committee's day (UTC+8).
    const day = (at: number) => {
      const shanghai = new Date(at + 8 * 3_600_000);
      return `${shanghai.getUTCMonth() + 1}月${shanghai.getUTCDate()}日`;
    };
    expect([submitted, returned, resubmitted, approved].map((result) => result.version?.name)).toEqual([
      `提交审阅 · ${day(submitted.event.at)}`,
      `退回修改 · ${day(returned.event.at)}`,
      `第2次提交审阅 · ${day(resubmitted.event.at)}`,
      `审核通过 · ${day(approved.event.at)}`,
    ]);
    expect(titleAt(submitted.version?.snapshot)).toBe('第一稿');
    expect(titleAt(approved.version?.snapshot)).toBe('第一稿（第二稿）');
    expect(returned.event).toMatchObject({ type: 'returned', reason: '请补充调研数据', fromStatus: 'in_review' });

    const activity = expectOk(await activityOf(id, 'chair'), docActivitySchema);
    expect(activity.record.status).toBe('filed');
    expect(activity.events.map((event) => event.type)).toEqual([
      'submitted',
      'returned',
      'submitted',
      'approved',
      'filed',
    ]);
    expect(activity.versions.map((version) => version.cause)).toEqual(['submit', 'return', 'submit', 'approve']);
    expect(activity.lastReviewedVersionId).toBe(approved.version?.id);
    expect(expectOk(await activityOf(id, 'convener'), docActivitySchema).lastReviewedVersionId).toBe(
      returned.version?.id,
    );
    expect(expectOk(await activityOf(id, 'zhang'), docActivitySchema).lastReviewedVersionId).toBeNull();
    expect((await activityOf(id, 'wang')).status).toBe(403);
  });
});

describe('versions saved by hand (P13)', () => {
  it('saves the server’s state as a named version, and as the caller’s last review when asked', async () => {
    const { id } = await draftWith(ctx, pool, '手动保存');
    const path = `/api/docs/${id}/versions`;
    const saved = await apiRequest(ctx.server.url, 'POST', path, {
      token: ctx.tokenOf('li'),
      json: { name: '初稿' },
    });
    expect(saved.status).toBe(201);
    expect(saved.body).toMatchObject({ name: '初稿', cause: 'manual' });
    const reviewed = await apiRequest(ctx.server.url, 'POST', path, {
      token: ctx.tokenOf('chair'),
      json: { name: '已阅', isReview: true },
    });
    expect(reviewed.body).toMatchObject({ cause: 'review' });
    const activity = expectOk(await activityOf(id, 'chair'), docActivitySchema);
    expect(activity.events.map((event) => event.type)).toEqual(['version_saved', 'reviewed']);
    expect(activity.lastReviewedVersionId).toBe((reviewed.body as { id: string }).id);
    const outsider = await apiRequest(ctx.server.url, 'POST', path, {
      token: ctx.tokenOf('wang'),
      json: { name: 'x' },
    });
    expect(outsider.body).toMatchObject({ error: 'forbidden', denial: 'not_in_group' });
    const notReviewer = await apiRequest(ctx.server.url, 'POST', path, {
      token: ctx.tokenOf('li'),
      json: { name: '我看过了', isReview: true },
    });
    expect(notReviewer.status).toBe(403);
    expect(notReviewer.body).toMatchObject({ error: 'forbidden', denial: 'role' });
    const stranger = await apiRequest(ctx.server.url, 'POST', path, {
      token: ctx.tokenOf('wang'),
      json: { name: '已阅', isReview: true },
    });
    expect(stranger.status).toBe(403);
    const report = await draftWith(ctx, pool, '报告', DocKind.researchReport);
    expect((await activityOf(report.id, 'zhang')).status).toBe(200);
  });
});
