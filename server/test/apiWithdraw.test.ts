import { describe, expect, it } from 'vitest';
import { docActivitySchema, inboxSchema, STREAM_EVENTS } from '../../shared/api/review';
import { apiErrorSchema, docRecordSchema } from '../../shared/api/schemas';
import type { DocId } from '../../shared/index';
import { apiRequest, expectOk } from './support/apiRequest';
import { eventually } from './support/eventually';
import {
  ClientPool,
  draftWith,
  REVIEW_PLAN,
  type ReviewPerson,
  requestTransition,
  storedTitle,
  transition,
} from './support/reviewWorkspace';
import { SseReader } from './support/SseReader';
import { waitUntil } from './support/SyncClient';
import { setupSeededServer } from './support/setupTestServer';

const pool = new ClientPool();
const ctx = setupSeededServer(REVIEW_PLAN, { onBeforeDispose: () => pool.closeAll() });

async function recordOf(id: DocId) {
  return expectOk(
    await apiRequest(ctx.server.url, 'GET', `/api/docs/${id}`, { token: ctx.tokenOf('zhang') }),
    docRecordSchema,
  );
}

async function notificationsOf(as: ReviewPerson, id: DocId) {
  const inbox = expectOk(
    await apiRequest(ctx.server.url, 'GET', '/api/notifications', { token: ctx.tokenOf(as) }),
    inboxSchema,
  );
  return inbox.notifications.filter((notification) => notification.docId === id).map((each) => each.type);
}

describe('withdrawing a submission (P15)', () => {
  it('takes a submission nobody reviewed back to draft, on the timeline, tells the reviewers, and lets the author type again', async () => {
    const { id, author } = await draftWith(ctx, pool, '撤回');
    await transition(ctx, 'zhang', id, { action: 'submit', fromStatus: 'draft' });
    author.doc.getText('title').insert(0, '审阅中');
    await author.sync();
    await waitUntil(() => author.permissionDenied.length > 0, 'the permission-denied message');

    const withdrawn = await transition(ctx, 'zhang', id, { action: 'withdraw', fromStatus: 'in_review' });
    expect(withdrawn.record.status).toBe('draft');
    expect(withdrawn.event).toMatchObject({ type: 'withdrawn', fromStatus: 'in_review', toStatus: 'draft' });
    expect(withdrawn.version).toBeNull();

    const activity = expectOk(
      await apiRequest(ctx.server.url, 'GET', `/api/docs/${id}/activity`, { token: ctx.tokenOf('zhang') }),
      docActivitySchema,
    );
    expect(activity.events.map((event) => event.type)).toEqual(['submitted', 'withdrawn']);
    // The reviewers the submit asked hear that it was taken back; the author does not.
    expect(await notificationsOf('chair', id)).toEqual(['withdrawn', 'review_requested']);
    expect(await notificationsOf('convener', id)).toEqual(['withdrawn', 'review_requested']);
    expect(await notificationsOf('zhang', id)).toEqual([]);

    // The relay decided access again: the author's connection writes, and what it dropped arrives.
    author.doc.getText('title').insert(author.text().length, '（改）');
    await author.sync();
    await eventually(async () => expect(await storedTitle(ctx, id)).toBe('审阅中撤回（改）'));
    expect(author.closed).toBeNull();
  });

  it('withdraws a resubmission: a return before the last submit does not count as a review of it', async () => {
    const { id } = await draftWith(ctx, pool, '再次提交');
    await transition(ctx, 'zhang', id, { action: 'submit', fromStatus: 'draft' });
    await transition(ctx, 'chair', id, { action: 'return', fromStatus: 'in_review', reason: '请补充数据' });
    await transition(ctx, 'zhang', id, { action: 'submit', fromStatus: 'returned' });
    const withdrawn = await transition(ctx, 'zhang', id, { action: 'withdraw', fromStatus: 'in_review' });
    expect(withdrawn.record.status).toBe('draft');
  });

  it('answers 409 once a reviewer marked the submission reviewed, and moves nothing', async () => {
    const { id } = await draftWith(ctx, pool, '已审阅');
    await transition(ctx, 'zhang', id, { action: 'submit', fromStatus: 'draft' });
    const marked = await apiRequest(ctx.server.url, 'POST', `/api/docs/${id}/versions`, {
      token: ctx.tokenOf('convener'),
      json: { name: '召集人已看', isReview: true },
    });
    expect(marked.status).toBe(201);

    const answer = await requestTransition(ctx, 'zhang', id, { action: 'withdraw', fromStatus: 'in_review' });
    expect(answer.status).toBe(409);
    expect(apiErrorSchema.parse(answer.body)).toMatchObject({ error: 'conflict' });
    expect(apiErrorSchema.parse(answer.body).message).toMatch(
      /Cannot withdraw .*already returned, approved or marked it reviewed/,
    );
    expect((await recordOf(id)).status).toBe('in_review');
    expect(await notificationsOf('chair', id)).toEqual(['review_requested']);
  });

  it('answers 409 to a withdrawal after a return: the submission it meant is gone', async () => {
    const { id } = await draftWith(ctx, pool, '已退回');
    await transition(ctx, 'zhang', id, { action: 'submit', fromStatus: 'draft' });
    await transition(ctx, 'chair', id, { action: 'return', fromStatus: 'in_review', reason: '请补充数据' });
    const answer = await requestTransition(ctx, 'zhang', id, { action: 'withdraw', fromStatus: 'in_review' });
    expect(answer.status).toBe(409);
    expect((await recordOf(id)).status).toBe('returned');
  });

  it('answers 403 not_author to a member of the group who did not write the document', async () => {
    const { id } = await draftWith(ctx, pool, '他人撤回');
    await transition(ctx, 'zhang', id, { action: 'submit', fromStatus: 'draft' });
    const answer = await requestTransition(ctx, 'li', id, { action: 'withdraw', fromStatus: 'in_review' });
    expect(answer.status).toBe(403);
    expect(answer.body).toMatchObject({ error: 'forbidden', denial: 'not_author' });
  });
});

describe('who submits (P10)', () => {
  it('answers 403 not_author to a member of the group who neither created nor wrote the draft, and leaves it a draft', async () => {
    const { id } = await draftWith(ctx, pool, '别人的草稿');
    for (const as of ['li', 'convener'] as const) {
      const answer = await requestTransition(ctx, as, id, { action: 'submit', fromStatus: 'draft' });
      expect(answer.status).toBe(403);
      expect(apiErrorSchema.parse(answer.body)).toMatchObject({ error: 'forbidden', denial: 'not_author' });
      expect(apiErrorSchema.parse(answer.body).message).toMatch(/proposer .* and its authors/);
    }
    expect((await recordOf(id)).status).toBe('draft');
    expect(await notificationsOf('chair', id)).toEqual([]);
  });

  it('lets a member submit once the server recorded them as an author, and tells their open pages so', async () => {
    const { id } = await draftWith(ctx, pool, '合写');
    const liId = ctx.workspace.people.li.id;
    const stream = await SseReader.open(`${ctx.server.url}/api/stream`, ctx.tokenOf('li'));
    try {
      const li = await pool.connect(ctx.server.wsUrl, id, { token: ctx.tokenOf('li') });
      li.doc.getText('title').insert(li.text().length, '（李委员补充）');
      await li.sync();
      // The record with the new author is announced, so the page enables 提交审阅 at once.
      const announced = await stream.waitFor(
        (event) => event.event === STREAM_EVENTS.record && event.data.includes(id) && event.data.includes(liId),
        'the record naming li as an author',
      );
      expect(docRecordSchema.parse(JSON.parse(announced.data)).authorIds).toEqual([
        ctx.workspace.people.zhang.id,
        liId,
      ]);
    } finally {
      stream.close();
    }
    expect((await recordOf(id)).authorIds).toContain(liId);
    const submitted = await transition(ctx, 'li', id, { action: 'submit', fromStatus: 'draft' });
    expect(submitted.record.status).toBe('in_review');
  });
});
