import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { DocEvent, DocEventType } from '../../../shared/api/review';
import { type DocId, DocKind, type DocStatus, type GroupId, type UserId } from '../../../shared/index';
import type { NewNotification, NewVersion } from '../ReviewStore';
import { databasePath } from './databasePath';
import { SqliteDocRecordStore } from './SqliteDocRecordStore';
import { SqliteReviewStore } from './SqliteReviewStore';
import { STORAGE_SCHEMA_VERSION } from './sqliteSchema';

const dirs: string[] = [];
const closables: { close(): Promise<void> }[] = [];

afterEach(async () => {
  for (const closable of closables.splice(0)) {
    await closable.close();
  }
  for (const dir of dirs.splice(0)) {
    rmSync(dir, { recursive: true, force: true });
  }
});

const userId = () => randomUUID() as UserId;
const CREATOR = userId();
const CHAIR = userId();

/** A review store and a document record store on one fresh file, with one registered proposal. */
async function open(): Promise<{
  file: string;
  reviews: SqliteReviewStore;
  records: SqliteDocRecordStore;
  docId: DocId;
}> {
  const dir = mkdtempSync(path.join(tmpdir(), 'jianyan-review-'));
  dirs.push(dir);
  const file = databasePath(dir);
  const records = new SqliteDocRecordStore({ path: file });
  const reviews = new SqliteReviewStore({ path: file });
  closables.push(reviews, records);
  const docId = randomUUID() as DocId;
  await records.createDocument({
    id: docId,
    kind: DocKind.proposal,
    groupId: randomUUID() as GroupId,
    title: '关于乡村养老的提案',
    createdBy: CREATOR,
    createdAt: 1,
  });
  return { file, reviews, records, docId };
}

function event(docId: DocId, type: DocEventType, extra: Partial<DocEvent> = {}): DocEvent {
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

function version(docId: DocId, extra: Partial<NewVersion> = {}): NewVersion {
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

function notification(docId: DocId, to: UserId, extra: Partial<NewNotification> = {}): NewNotification {
  return {
    id: randomUUID(),
    userId: to,
    type: 'review_requested',
    docId,
    docTitle: '关于乡村养老的提案',
    actorId: CREATOR,
    at: 10,
    reason: null,
    excerpt: null,
    threadId: null,
    commentId: null,
    ...extra,
  };
}

function transition(docId: DocId, from: DocStatus, to: DocStatus, requestId: string = randomUUID()) {
  const saved = version(docId);
  return {
    requestId,
    event: { ...event(docId, 'submitted', { versionId: saved.id }), fromStatus: from, toStatus: to },
    version: saved,
    reviewedVersionId: null,
    notifications: [notification(docId, CHAIR)],
  };
}

describe('SqliteReviewStore', () => {
  it('applies a transition: status, event, version, review and notifications in one go', async () => {
    const { reviews, records, docId } = await open();
    const submit = transition(docId, 'draft', 'in_review');
    const applied = await reviews.applyTransition({ ...submit, reviewedVersionId: submit.version.id });

    expect(applied).toMatchObject({ kind: 'applied', record: { status: 'in_review' }, event: { type: 'submitted' } });
    expect(applied.kind === 'applied' && applied.version?.snapshot).toBe('AAA=');
    expect(applied.kind === 'applied' && applied.notifications.map((n) => n.userId)).toEqual([CHAIR]);
    expect((await records.getDocument(docId))?.status).toBe('in_review');
    const activity = await reviews.activity(docId, CREATOR);
    expect(activity.events.map((e) => [e.type, e.fromStatus, e.toStatus])).toEqual([
      ['submitted', 'draft', 'in_review'],
    ]);
    expect(activity.versions.map((v) => v.id)).toEqual([submit.version.id]);
    expect(activity.lastReviewedVersionId).toBe(submit.version.id);
    expect((await reviews.activity(docId, CHAIR)).lastReviewedVersionId).toBeNull();
    expect((await reviews.inbox(CHAIR, 10)).unreadCount).toBe(1);
  });

  it('writes nothing for a transition from a status the document is no longer in', async () => {
    const { reviews, records, docId } = await open();
    expect(await reviews.applyTransition(transition(docId, 'in_review', 'approved'))).toEqual({
      kind: 'stale',
      status: 'draft',
    });
    expect(await reviews.activity(docId, CREATOR)).toEqual({ events: [], versions: [], lastReviewedVersionId: null });
    expect((await records.getDocument(docId))?.status).toBe('draft');
    expect(await reviews.inbox(CHAIR, 10)).toEqual({ notifications: [], unreadCount: 0 });
  });

  it('answers a request id used before with the first transition and writes nothing more', async () => {
    const { reviews, docId } = await open();
    const first = transition(docId, 'draft', 'in_review', 'request-0001');
    await reviews.applyTransition(first);
    const again = await reviews.applyTransition(transition(docId, 'draft', 'in_review', 'request-0001'));
    expect(again).toMatchObject({ kind: 'repeated', event: { id: first.event.id }, version: { id: first.version.id } });
    expect(await reviews.findTransition('request-0001')).toMatchObject({ event: { id: first.event.id } });
    expect(await reviews.findTransition('request-0002')).toBeNull();
    expect((await reviews.activity(docId, CREATOR)).events).toHaveLength(1);
  });

  it('keeps the timeline append-only, even for a connection that bypasses the store', async () => {
    const { file, reviews, docId } = await open();
    await reviews.applyTransition(transition(docId, 'draft', 'in_review'));
    const raw = new Database(file);
    try {
      expect(() => raw.prepare("UPDATE doc_events SET reason = 'changed'").run()).toThrow(/append-only/);
      expect(() => raw.prepare('DELETE FROM doc_events').run()).toThrow(/append-only/);
    } finally {
      raw.close();
    }
  });

  it('saves a version by hand, and as the last review when asked', async () => {
    const { reviews, docId } = await open();
    const manual = version(docId, { cause: 'manual', name: '初稿' });
    await reviews.saveVersion({ version: manual, event: event(docId, 'version_saved'), reviewerId: null });
    const review = version(docId, { cause: 'review', name: '已阅', createdBy: CHAIR });
    await reviews.saveVersion({ version: review, event: event(docId, 'reviewed'), reviewerId: CHAIR });
    const activity = await reviews.activity(docId, CHAIR);
    expect(activity.versions.map((v) => v.name)).toEqual(['初稿', '已阅']);
    expect(activity.lastReviewedVersionId).toBe(review.id);
  });

  it('keeps co-signers in the record in the order asked: invite, sign, re-invite, withdraw', async () => {
    const { reviews, records, docId } = await open();
    const [a, b] = [userId(), userId()];
    await reviews.inviteCosigners({ docId, userIds: [a], invitedBy: CREATOR, at: 5, events: [], notifications: [] });
    const signed = await reviews.sign({
      docId,
      userId: b,
      at: 6,
      snapshot: new Uint8Array([1]),
      event: event(docId, 'cosigned'),
    });
    expect(signed?.record.cosigners).toEqual([
      { userId: a, state: 'invited', invitedBy: CREATOR, invitedAt: 5, signedAt: null, snapshot: null },
      { userId: b, state: 'signed', invitedBy: null, invitedAt: null, signedAt: 6, snapshot: 'AQ==' },
    ]);
    const invitedAgain = await reviews.inviteCosigners({
      docId,
      userIds: [a, b],
      invitedBy: CREATOR,
      at: 7,
      events: [],
      notifications: [],
    });
    expect(invitedAgain?.record.cosigners.map((c) => c.state)).toEqual(['invited', 'signed']);
    await reviews.withdrawSignature({ docId, userId: b, event: event(docId, 'cosign_withdrawn') });
    expect(await reviews.withdrawSignature({ docId, userId: b, event: event(docId, 'cosign_withdrawn') })).toBeNull();

    const listed = (await records.listDocuments()).find((doc) => doc.id === docId);
    expect(listed?.cosigners.map((c) => [c.userId, c.state, c.snapshot])).toEqual([
      [a, 'invited', null],
      [b, 'withdrawn', null],
    ]);
    expect((await records.getDocument(docId))?.cosigners).toEqual(listed?.cosigners);
    expect((await reviews.activity(docId, CREATOR)).events.map((e) => e.type)).toEqual([
      'cosigned',
      'cosign_withdrawn',
    ]);
  });

  it('stores a mention once per comment and person', async () => {
    const { reviews, docId } = await open();
    const mention = (id: string) =>
      notification(docId, CHAIR, { id, type: 'mention', commentId: 'comment-0001', threadId: 'thread-0001' });
    expect(await reviews.addNotifications([mention(randomUUID())])).toHaveLength(1);
    expect(await reviews.addNotifications([mention(randomUUID())])).toEqual([]);
    expect((await reviews.inbox(CHAIR, 10)).notifications).toHaveLength(1);
  });

  it('answers the newest notifications first and marks only the owner’s read', async () => {
    const { reviews, docId } = await open();
    const other = userId();
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

  it('migrates a layout-2 file to the current layout, keeping its records', async () => {
    const { file, records, docId } = await open();
    await records.close();
    const raw = new Database(file);
    expect(raw.pragma('user_version', { simple: true })).toBe(STORAGE_SCHEMA_VERSION);
    raw.exec(`DROP TABLE doc_events; DROP TABLE doc_versions; DROP TABLE doc_cosigners; DROP TABLE doc_reviews;
      DROP TABLE notifications; ALTER TABLE api_tokens DROP COLUMN expires_at;
      ALTER TABLE invitations DROP COLUMN revoked_at; ALTER TABLE updates DROP COLUMN author;
      DROP TABLE room_clients; PRAGMA user_version = 2;`);
    raw.close();

    const reopened = new SqliteDocRecordStore({ path: file });
    closables.push(reopened);
    expect(await reopened.getDocument(docId)).toMatchObject({ title: '关于乡村养老的提案', cosigners: [] });
    const check = new Database(file);
    expect(check.pragma('user_version', { simple: true })).toBe(STORAGE_SCHEMA_VERSION);
    check.close();
  });
});
