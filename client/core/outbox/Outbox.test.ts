import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type DocId, DocKind } from '../../../shared';
import { FakeServer, makeMe, newGroupId } from '../../test/FakeServer';
import { ApiClient } from '../api/ApiClient';
import { createGroupDocument } from '../storage/createGroupDocument';
import { getDocRecord } from '../storage/docRecords';
import { createDb, type JianyanDb } from '../storage/JianyanDb';
import { enqueueArchive } from '../storage/outboxRows';
import { countUnsent } from '../storage/updateLog';
import { Outbox } from './Outbox';

let db: JianyanDb;
let server: FakeServer;
let outbox: Outbox;
let registered: DocId[];
const groupId = newGroupId();
const me = makeMe([groupId]);

beforeEach(async () => {
  db = createDb(`test-${crypto.randomUUID()}`);
  server = new FakeServer();
  server.addUser(me);
  server.sessionUser = me;
  registered = [];
  outbox = new Outbox({
    db,
    api: new ApiClient({ fetch: server.fetch }),
    currentUser: () => me.id,
    canSend: () => true,
    onRegistered: (docId) => registered.push(docId),
  });
  await outbox.reload();
});

afterEach(async () => {
  outbox.stop();
  await db.delete();
});

async function createOffline(inGroup = groupId): Promise<DocId> {
  const docId = await createGroupDocument(db, {
    kind: DocKind.proposal,
    groupId: inGroup,
    title: '关于',
    userId: me.id,
  });
  await outbox.reload();
  return docId;
}

describe('Outbox', () => {
  it('keeps a document created offline queued, then registers it once online', async () => {
    server.isOnline = false;
    const docId = await createOffline();
    await outbox.flush();
    expect(outbox.summary.getSnapshot()).toEqual({ pending: 1, problems: [] });
    expect(outbox.isUnregistered(docId)).toBe(true);

    server.isOnline = true;
    await outbox.flush();
    expect(server.docs.get(docId)).toMatchObject({ groupId, kind: DocKind.proposal, title: '关于' });
    expect(outbox.summary.getSnapshot()).toEqual({ pending: 0, problems: [] });
    expect(outbox.isUnregistered(docId)).toBe(false);
    expect(registered).toEqual([docId]);
    expect((await getDocRecord(db, docId))?.record).toMatchObject({ id: docId, groupId });
  });

  it('sends the same registration again after a lost answer, and the server keeps one document', async () => {
    const docId = await createOffline();
    server.loseAnswers = 1;
    await outbox.flush();
    expect(server.docs.has(docId)).toBe(true);
    expect(outbox.summary.getSnapshot().pending).toBe(1);

    await outbox.flush();
    expect(server.requests.filter((r) => r === 'POST /api/docs')).toHaveLength(2);
    expect(server.docs.size).toBe(1);
    expect(outbox.summary.getSnapshot()).toEqual({ pending: 0, problems: [] });
    expect(registered).toEqual([docId]);
  });

  it('keeps a refusal as a problem, does not retry it by itself, and keeps the content', async () => {
    const docId = await createOffline(newGroupId());
    await outbox.flush();
    const { pending, problems } = outbox.summary.getSnapshot();
    expect(pending).toBe(0);
    expect(problems).toEqual([
      expect.objectContaining({ docId, status: 403, code: 'forbidden', denial: 'not_in_group' }),
    ]);
    expect(problems[0]?.message).toContain('Not a member');
    expect(outbox.isUnregistered(docId)).toBe(true);
    expect(await countUnsent(db, docId)).toBeGreaterThan(0);

    await outbox.flush();
    expect(server.requests.filter((r) => r === 'POST /api/docs')).toHaveLength(1);
    expect(await db.outbox.count()).toBe(1);
  });

  it('sends a refused operation again when the user asks (after joining the group)', async () => {
    const otherGroup = newGroupId();
    const docId = await createOffline(otherGroup);
    await outbox.flush();
    const problem = outbox.summary.getSnapshot().problems[0];
    server.sessionUser = { ...me, groupIds: [groupId, otherGroup] };
    await outbox.retry(problem?.id ?? '');
    expect(outbox.summary.getSnapshot()).toEqual({ pending: 0, problems: [] });
    expect(server.docs.get(docId)?.groupId).toBe(otherGroup);
  });

  it('retries a server failure (5xx) instead of calling it a problem', async () => {
    const docId = await createOffline();
    server.handler = () => ({ status: 503, body: { error: 'internal', message: 'Storage is busy' } });
    await outbox.flush();
    expect(outbox.summary.getSnapshot()).toEqual({ pending: 1, problems: [] });
    server.handler = () => undefined;
    await outbox.flush();
    expect(server.docs.has(docId)).toBe(true);
  });

  it('archives a new document only after registering it, in the order they were made', async () => {
    server.isOnline = false;
    const docId = await createOffline();
    await enqueueArchive(db, { docId, userId: me.id, isArchived: true });
    await enqueueArchive(db, { docId, userId: me.id, isArchived: false });
    await enqueueArchive(db, { docId, userId: me.id, isArchived: true });
    server.isOnline = true;
    await outbox.flush();
    expect(server.requests).toEqual(['POST /api/docs', `PATCH /api/docs/${docId}`]);
    expect(server.docs.get(docId)?.isArchived).toBe(true);
  });

  it('holds an archive change behind a refused registration', async () => {
    const docId = await createOffline(newGroupId());
    await enqueueArchive(db, { docId, userId: me.id, isArchived: true });
    await outbox.flush();
    expect(server.requests).toEqual(['POST /api/docs']);
    expect(outbox.summary.getSnapshot().pending).toBe(1);
  });

  it('does not send the operations of another user of this device', async () => {
    const other = makeMe([groupId]);
    await createGroupDocument(db, { kind: DocKind.socialInfo, groupId, userId: other.id });
    await outbox.flush();
    expect(server.requests).toEqual([]);
  });
});
