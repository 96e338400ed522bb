import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DocEvent, DocEventType } from '../../shared/api/review';
import type { DocId, DocStatus, UserId } from '../../shared/index';
import type { NewNotification, NewTransition, NewVersion, ReviewStore } from './ReviewStore';
import type { WebhookStore } from './WebhookStore';

/** A review store on a fresh database, and what the contract needs of the document records beside it. */
export interface ReviewStoreHarness {
  readonly reviews: ReviewStore;
  /** Registers a draft proposal with this id, created and last changed at time 1. */
  registerDocument(id: DocId): Promise<void>;
  /** The webhook store on the same database (the transition stores its deliveries); closed by `dispose`. */
  readonly webhooks: WebhookStore;
  /** The record's status and time of change as stored; null when it is not registered. */
  readDocument(id: DocId): Promise<{ readonly status: DocStatus; readonly updatedAt: number } | null>;
  /** Closes the store and removes the database. */
  dispose(): Promise<void>;
}

export type OpenReviewStore = () => Promise<ReviewStoreHarness>;

const newUserId = () => randomUUID() as UserId;
/** The author of the tests' events and versions. */
export const CREATOR = newUserId();
const CHAIR = newUserId();
const TITLE = '关于乡村养老的提案';

/** An event of the creator's at time 10, as the tests write them. */
export function testEvent(docId: DocId, type: DocEventType, extra: Partial<DocEvent> = {}): DocEvent {
  return {
    id: randomUUID(),
    docId,
    type,
    actorId: CREATOR,
    at: 10,
    reason: null,
    versionId: null,
    subjectId: null,
    fromStatus: null,
    toStatus: null,
    ...extra,
  };
}

/** A version saved by the creator at time 10, as the tests write them. */
export function testVersion(docId: DocId, extra: Partial<NewVersion> = {}): NewVersion {
  return {
    id: randomUUID(),
    docId,
    name: '提交审阅',
    cause: 'submit',
    createdBy: CREATOR,
    createdAt: 10,
    snapshot: new Uint8Array([0, 0]),
    ...extra,
  };
}

function notification(docId: DocId | null, to: UserId, extra: Partial<NewNotification> = {}): NewNotification {
  return {
    id: randomUUID(),
    userId: to,
    type: 'review_requested',
    docId,
    docTitle: TITLE,
    actorId: CREATOR,
    at: 10,
    reason: null,
    excerpt: null,
    threadId: null,
    commentId: null,
    ...extra,
  };
}

function transition(
  docId: DocId,
  from: DocStatus,
  to: DocStatus,
  requestId: string = randomUUID(),
): NewTransition & { version: NewVersion } {
  const saved = testVersion(docId);
  return {
    requestId,
    event: { ...testEvent(docId, 'submitted', { versionId: saved.id }), fromStatus: from, toStatus: to },
    version: saved,
    reviewedVersionId: null,
    notifications: [notification(docId, CHAIR)],
  };
}

/** The behaviour every ReviewStore adapter must show; each adapter's test runs it. */
export function describeReviewStoreContract(name: string, open: OpenReviewStore): void {
  describe(`${name} (ReviewStore contract)`, () => {
    let harness: ReviewStoreHarness;
    let reviews: ReviewStore;
    let docId: DocId;

    beforeEach(async () => {
      harness = await open();
      reviews = harness.reviews;
      docId = randomUUID() as DocId;
      await harness.registerDocument(docId);
    });
    afterEach(() => harness.dispose());

    it('applies a transition: status, event, version, review and notifications in one go', async () => {
      const submit = transition(docId, 'draft', 'in_review');
      const applied = await reviews.applyTransition({ ...submit, reviewedVersionId: submit.version.id });

      expect(applied).toMatchObject({ kind: 'applied', record: { status: 'in_review' }, event: { type: 'submitted' } });
      expect(applied.kind === 'applied' && applied.version?.snapshot).toBe('AAA=');
      expect(applied.kind === 'applied' && applied.notifications.map((n) => n.userId)).toEqual([CHAIR]);
      expect(await harness.readDocument(docId)).toEqual({ status: 'in_review', updatedAt: 10 });
      const activity = await reviews.activity(docId, CREATOR);
      expect(activity.events.map((e) => [e.type, e.fromStatus, e.toStatus])).toEqual([
        ['submitted', 'draft', 'in_review'],
      ]);
      expect(activity.versions.map((v) => [v.id, v.snapshot])).toEqual([[submit.version.id, 'AAA=']]);
      expect(activity.lastReviewedVersionId).toBe(submit.version.id);
      expect((await reviews.activity(docId, CHAIR)).lastReviewedVersionId).toBeNull();
      expect((await reviews.inbox(CHAIR, 10)).unreadCount).toBe(1);
    });

    it('stores a transition’s webhook events with it, and none for a transition it refuses', async () => {
      const webhook = await harness.webhooks.createWebhook({
        id: randomUUID(),
        url: 'https://zhzx.example.gov.cn/hooks/jianyan',
        events: ['document.status_changed'],
        isActive: true,
        secret: 'secret',
        createdBy: CREATOR,
        createdAt: 1,
        updatedAt: 1,
        secretCreatedAt: 1,
      });
      const webhookEvents = [
        { event: 'document.status_changed', occurredAt: 10, data: { docId } },
        { event: 'document.filed', occurredAt: 10, data: { docId } },
      ] as const;
      await reviews.applyTransition({ ...transition(docId, 'draft', 'in_review'), webhookEvents });
      expect(
        await reviews.applyTransition({ ...transition(docId, 'draft', 'in_review'), webhookEvents }),
      ).toMatchObject({
        kind: 'stale',
      });
      const deliveries = await harness.webhooks.listDeliveries(webhook.id, 10);
      expect(deliveries.map((d) => [d.event, d.status])).toEqual([['document.status_changed', 'pending']]);
    });

    it('keeps the last return on the record: who, when and why, also once it is submitted again', async () => {
      const returnAt = (from: DocStatus, at: number, reason: string): NewTransition => {
        const base = transition(docId, from, 'returned');
        return { ...base, event: { ...base.event, type: 'returned', actorId: CHAIR, at, reason } };
      };
      const submitted = await reviews.applyTransition(transition(docId, 'draft', 'in_review'));
      expect(submitted).toMatchObject({ kind: 'applied', record: { lastReturn: null } });
      await reviews.applyTransition(returnAt('in_review', 20, '请补充调研数据'));
      await reviews.applyTransition(transition(docId, 'returned', 'in_review'));
      const returned = await reviews.applyTransition(returnAt('in_review', 40, '具体建议不够具体'));
      const again = await reviews.applyTransition(transition(docId, 'returned', 'in_review'));

      const last = { actorId: CHAIR, at: 40, reason: '具体建议不够具体' };
      expect(returned).toMatchObject({ kind: 'applied', record: { status: 'returned', lastReturn: last } });
      expect(again).toMatchObject({ kind: 'applied', record: { status: 'in_review', lastReturn: last } });
    });

    it('writes nothing for a transition from a status the document is no longer in', async () => {
      expect(await reviews.applyTransition(transition(docId, 'in_review', 'approved'))).toEqual({
        kind: 'stale',
        status: 'draft',
      });
      expect(await reviews.activity(docId, CREATOR)).toEqual({ events: [], versions: [], lastReviewedVersionId: null });
      expect(await harness.readDocument(docId)).toEqual({ status: 'draft', updatedAt: 1 });
      expect(await reviews.inbox(CHAIR, 10)).toEqual({ notifications: [], unreadCount: 0 });
    });

    it('applies only one of two transitions from the same status sent together', async () => {
      const outcomes = await Promise.all([
        reviews.applyTransition(transition(docId, 'draft', 'in_review')),
        reviews.applyTransition(transition(docId, 'draft', 'in_review')),
      ]);
      expect(outcomes.map((outcome) => outcome.kind).sort()).toEqual(['applied', 'stale']);
      expect((await reviews.activity(docId, CREATOR)).events).toHaveLength(1);
    });

    it('answers a transition of an unregistered document as missing and writes nothing', async () => {
      const unknown = randomUUID() as DocId;
      expect(await reviews.applyTransition(transition(unknown, 'draft', 'in_review'))).toEqual({ kind: 'missing' });
      expect(await reviews.activity(unknown, CREATOR)).toEqual({
        events: [],
        versions: [],
        lastReviewedVersionId: null,
      });
      expect(await reviews.inbox(CHAIR, 10)).toEqual({ notifications: [], unreadCount: 0 });
    });

    it('answers a request id used before with the first transition and writes nothing more', async () => {
      const first = transition(docId, 'draft', 'in_review', 'request-0001');
      await reviews.applyTransition(first);
      const again = await reviews.applyTransition(transition(docId, 'draft', 'in_review', 'request-0001'));
      expect(again).toMatchObject({
        kind: 'repeated',
        event: { id: first.event.id },
        version: { id: first.version.id },
      });
      expect(await reviews.findTransition('request-0001')).toMatchObject({ event: { id: first.event.id } });
      expect(await reviews.findTransition('request-0002')).toBeNull();
      expect((await reviews.activity(docId, CREATOR)).events).toHaveLength(1);
    });

    it('refuses a withdrawal once a review was recorded after the last submit, and only then (P15)', async () => {
      const withdrawal = (): NewTransition => ({
        requestId: randomUUID(),
        event: { ...testEvent(docId, 'withdrawn'), fromStatus: 'in_review', toStatus: 'draft' },
        version: null,
        reviewedVersionId: null,
        notifications: [notification(docId, CHAIR)],
        needsUnreviewed: true,
      });
      // A review recorded before the submit (of an earlier draft) does not count.
      await reviews.saveVersion({
        version: testVersion(docId),
        event: testEvent(docId, 'reviewed'),
        reviewerId: CHAIR,
      });
      await reviews.applyTransition(transition(docId, 'draft', 'in_review'));
      expect(await reviews.applyTransition(withdrawal())).toMatchObject({
        kind: 'applied',
        record: { status: 'draft' },
      });

      await reviews.applyTransition(transition(docId, 'draft', 'in_review'));
      await reviews.saveVersion({
        version: testVersion(docId),
        event: testEvent(docId, 'reviewed'),
        reviewerId: CHAIR,
      });
      expect(await reviews.applyTransition(withdrawal())).toEqual({ kind: 'reviewed' });
      expect(await harness.readDocument(docId)).toMatchObject({ status: 'in_review' });
      const events = (await reviews.activity(docId, CREATOR)).events.map((e) => e.type);
      expect(events).toEqual(['reviewed', 'submitted', 'withdrawn', 'submitted', 'reviewed']);
      expect((await reviews.inbox(CHAIR, 10)).unreadCount).toBe(3);
    });

    it('saves a version by hand, and as the last review when asked', async () => {
      const manual = testVersion(docId, { cause: 'manual', name: '初稿' });
      await reviews.saveVersion({ version: manual, event: testEvent(docId, 'version_saved'), reviewerId: null });
      const review = testVersion(docId, { cause: 'review', name: '已阅', createdBy: CHAIR });
      const saved = await reviews.saveVersion({
        version: review,
        event: testEvent(docId, 'reviewed'),
        reviewerId: CHAIR,
      });
      expect(saved).toMatchObject({ id: review.id, cause: 'review', createdBy: CHAIR, snapshot: 'AAA=' });
      const activity = await reviews.activity(docId, CHAIR);
      expect(activity.versions.map((v) => v.name)).toEqual(['初稿', '已阅']);
      expect(activity.events.map((e) => e.type)).toEqual(['version_saved', 'reviewed']);
      expect(activity.lastReviewedVersionId).toBe(review.id);
    });

    it('keeps co-signers in the record in the order asked: invite, sign, re-invite, withdraw', async () => {
      const [a, b] = [newUserId(), newUserId()];
      const invite = { docId, invitedBy: CREATOR, at: 5, events: [], notifications: [] };
      await reviews.inviteCosigners({ ...invite, userIds: [a] });
      const signed = await reviews.sign({
        docId,
        userId: b,
        at: 6,
        snapshot: new Uint8Array([1]),
        event: testEvent(docId, 'cosigned'),
      });
      expect(signed?.record.cosigners).toEqual([
        { userId: a, state: 'invited', invitedBy: CREATOR, invitedAt: 5, signedAt: null, snapshot: null },
        { userId: b, state: 'signed', invitedBy: null, invitedAt: null, signedAt: 6, snapshot: 'AQ==' },
      ]);
      const invitedAgain = await reviews.inviteCosigners({ ...invite, userIds: [a, b], at: 7 });
      expect(invitedAgain?.record.cosigners.map((c) => c.state)).toEqual(['invited', 'signed']);
      const withdrawn = await reviews.withdrawSignature({
        docId,
        userId: b,
        event: testEvent(docId, 'cosign_withdrawn'),
      });
      expect(withdrawn?.record.cosigners.map((c) => [c.userId, c.state, c.snapshot])).toEqual([
        [a, 'invited', null],
        [b, 'withdrawn', null],
      ]);
      expect(
        await reviews.withdrawSignature({ docId, userId: b, event: testEvent(docId, 'cosign_withdrawn') }),
      ).toBeNull();
      expect((await reviews.activity(docId, CREATOR)).events.map((e) => e.type)).toEqual([
        'cosigned',
        'cosign_withdrawn',
      ]);
    });

    it('marks the record changed by a co-signer event, always later than before', async () => {
      const invited = await reviews.inviteCosigners({
        docId,
        userIds: [CHAIR],
        invitedBy: CREATOR,
        at: 20,
        events: [testEvent(docId, 'cosign_invited', { at: 20, subjectId: CHAIR })],
        notifications: [notification(docId, CHAIR, { type: 'cosign_requested', at: 20 })],
      });
      expect(invited?.record.updatedAt).toBe(20);
      expect(invited?.notifications.map((n) => [n.userId, n.notification.type])).toEqual([[CHAIR, 'cosign_requested']]);
      // A clock behind the stored time still moves the record forward, by one.
      await reviews.sign({
        docId,
        userId: CHAIR,
        at: 15,
        snapshot: new Uint8Array([2]),
        event: testEvent(docId, 'cosigned', { at: 15 }),
      });
      expect(await harness.readDocument(docId)).toEqual({ status: 'draft', updatedAt: 21 });
    });

    it('writes no co-signer records for an unregistered document', async () => {
      const unknown = randomUUID() as DocId;
      const at = 5;
      expect(
        await reviews.inviteCosigners({
          docId: unknown,
          userIds: [CHAIR],
          invitedBy: CREATOR,
          at,
          events: [],
          notifications: [],
        }),
      ).toBeNull();
      expect(
        await reviews.sign({
          docId: unknown,
          userId: CHAIR,
          at,
          snapshot: new Uint8Array([1]),
          event: testEvent(unknown, 'cosigned'),
        }),
      ).toBeNull();
      expect(
        await reviews.withdrawSignature({
          docId: unknown,
          userId: CHAIR,
          event: testEvent(unknown, 'cosign_withdrawn'),
        }),
      ).toBeNull();
      expect((await reviews.activity(unknown, CREATOR)).events).toEqual([]);
    });

    it('stores a mention once per comment and person', async () => {
      const mention = (to: UserId) =>
        notification(docId, to, { type: 'mention', commentId: 'comment-0001', threadId: 'thread-0001' });
      expect(await reviews.addNotifications([mention(CHAIR)])).toHaveLength(1);
      expect(await reviews.addNotifications([mention(CHAIR), mention(CREATOR)])).toEqual([
        expect.objectContaining({ userId: CREATOR }),
      ]);
      expect((await reviews.inbox(CHAIR, 10)).notifications).toHaveLength(1);
    });

    it('answers the newest notifications first and marks only the owner’s read', async () => {
      const other = newUserId();
      const mine = [1, 2, 3].map((at) => notification(docId, CHAIR, { at }));
      await reviews.addNotifications([...mine, notification(docId, other)]);
      const inbox = await reviews.inbox(CHAIR, 2);
      expect(inbox.notifications.map((n) => n.at)).toEqual([3, 2]);
      expect(inbox.unreadCount).toBe(3);

      const first = mine[0]?.id ?? '';
      expect(await reviews.markRead(other, { ids: [first] }, 50)).toBe(1);
      expect(await reviews.markRead(CHAIR, { ids: [first] }, 50)).toBe(2);
      expect(await reviews.markRead(CHAIR, { all: true }, 60)).toBe(0);
      expect((await reviews.inbox(other, 10)).unreadCount).toBe(1);
      expect((await reviews.inbox(CHAIR, 10)).notifications.at(-1)?.readAt).toBe(50);
    });

    it('keeps to the given documents, and always answers notifications about no document', async () => {
      const elsewhere = randomUUID() as DocId;
      const token = notification(null, CHAIR, { type: 'token_created', docTitle: '', at: 3 });
      await reviews.addNotifications([
        notification(docId, CHAIR, { at: 1 }),
        notification(elsewhere, CHAIR, { at: 2 }),
        token,
      ]);

      const only = await reviews.inbox(CHAIR, 10, [docId]);
      expect(only.notifications.map((n) => [n.type, n.docId])).toEqual([
        ['token_created', null],
        ['review_requested', docId],
      ]);
      expect(only.unreadCount).toBe(2);
      expect((await reviews.inbox(CHAIR, 10, [])).notifications.map((n) => n.id)).toEqual([token.id]);
      expect((await reviews.inbox(CHAIR, 10)).unreadCount).toBe(3);
      expect(await reviews.markRead(CHAIR, { ids: [token.id] }, 40, [docId])).toBe(1);
      expect(await reviews.markRead(CHAIR, { all: true }, 41, [])).toBe(0);
    });
  });
}
