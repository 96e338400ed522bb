import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { MAX_COMMENT_LENGTH } from '../../shared/domain/comments';
import { CloseCode, type DocId, DocKind, Role, RoomKind, roomNameOf, type UserId } from '../../shared/index';
import { RelayReasonCode } from '../../shared/protocol/relayReasons';
import { databasePath } from '../storage/sqlite/databasePath';
import { SqliteDocStore } from '../storage/sqlite/SqliteDocStore';
import { FAST_PASSWORDS } from './support/apiRequest';
import {
  commentIn,
  commentList,
  deleteComment,
  editComment,
  openThread,
  reply,
  setResolved,
  threadMap,
  threadsJson,
  threadsOf,
} from './support/commentsWriter';
import { SyncClient } from './support/SyncClient';
import { setupSeededServer } from './support/setupTestServer';
import { makeDataDir, newRoom, seedRelayWorkspace, startTestServer } from './support/testServer';

type Person = 'zhang' | 'li' | 'chair';

const clients: SyncClient[] = [];
const ctx = setupSeededServer(
  {
    groups: ['经济界'],
    people: {
      zhang: { role: Role.member, groups: ['经济界'] },
      li: { role: Role.member, groups: ['经济界'] },
      // A chair may comment on every group's documents (P9).
      chair: { role: Role.chair },
    },
  },
  {
    onBeforeDispose: async () => {
      await Promise.all(clients.splice(0).map((client) => client.close()));
    },
  },
);

const DAY_MS = 24 * 60 * 60 * 1000;

function idOf(person: Person): UserId {
  return ctx.workspace.people[person].id;
}

async function connect(id: DocId, as: Person): Promise<SyncClient> {
  const client = await SyncClient.connect(ctx.server.wsUrl, roomNameOf(id, RoomKind.comments), {
    token: ctx.tokenOf(as),
  });
  clients.push(client);
  return client;
}

/** A fresh draft of 经济界 whose comments room holds one thread of zhang's, replied to by li. */
async function discussed(): Promise<{ id: DocId; threadId: string; zhangComment: string; liComment: string }> {
  const record = await ctx.workspace.createDoc('zhang', { groupKey: '经济界', kind: DocKind.proposal });
  const zhang = await connect(record.id, 'zhang');
  const { threadId, commentId } = openThread(zhang.doc, idOf('zhang'), '请补充数据来源');
  await zhang.sync();
  const li = await connect(record.id, 'li');
  const liComment = reply(li.doc, threadId, idOf('li'), '好的，我来补充');
  await li.sync();
  await Promise.all([zhang.close(), li.close()]);
  return { id: record.id, threadId, zhangComment: commentId, liComment };
}

/** The threads as stored in the database file: what a restarted server would serve. */
async function storedThreads(id: DocId): Promise<Record<string, unknown>> {
  const reader = new SqliteDocStore({ path: databasePath(ctx.server.dataDir), checkpointInBackground: false });
  try {
    const doc = new Y.Doc({ gc: false });
    for (const row of await reader.load(roomNameOf(id, RoomKind.comments))) {
      Y.applyUpdate(doc, row.update);
    }
    return threadsJson(doc);
  } finally {
    await reader.close();
  }
}

/**
 * Runs `attack` as li on a connected client and expects the relay to refuse it: a permission
 * denied message with the comment_refused code and the rule, then a close with 4423. Nothing is
 * stored: the database and fresh connections of every person still show `before`.
 */
async function expectRefused(id: DocId, rule: string, attack: (doc: Y.Doc) => void, as: Person = 'li') {
  const before = await storedThreads(id);
  const attacker = await connect(id, as);
  const watcher = await connect(id, 'zhang');
  attack(attacker.doc);
  const closed = await attacker.waitClosed();
  expect(closed.code).toBe(CloseCode.refusedUpdate);
  expect(closed.reason).toMatch(new RegExp(`^${RelayReasonCode.commentRefused}: ${rule}: `));
  expect(attacker.permissionDenied).toHaveLength(1);
  expect(attacker.permissionDenied[0]).toMatch(new RegExp(`^${RelayReasonCode.commentRefused}: ${rule}`));
  // An honest peer is not disturbed, and saw nothing of it.
  await watcher.sync();
  expect(watcher.closed).toBeNull();
  expect(threadsJson(watcher.doc)).toEqual(before);
  expect(await storedThreads(id)).toEqual(before);
  for (const person of ['zhang', 'li', 'chair'] as const) {
    const fresh = await connect(id, person);
    expect(threadsJson(fresh.doc)).toEqual(before);
  }
}

describe('the relay refuses comment updates that break the rules (docs/RULES.md, Comments)', () => {
  it('CM5: refuses a reply posted in the name of another user', async () => {
    const { id, threadId } = await discussed();
    await expectRefused(id, 'CM5', (doc) => reply(doc, threadId, idOf('chair'), '主席同意'));
  });

  it('CM3: refuses a thread opened in the name of another user', async () => {
    const { id } = await discussed();
    await expectRefused(id, 'CM3', (doc) => openThread(doc, idOf('chair'), '主席的意见'));
  });

  it('CM7: refuses rewriting another member’s comment', async () => {
    const { id, threadId, zhangComment } = await discussed();
    await expectRefused(id, 'CM7', (doc) => commentIn(doc, threadId, zhangComment).set('text', '我收回这个意见'));
  });

  it('CM7: refuses deleting another member’s comment', async () => {
    const { id, threadId, zhangComment } = await discussed();
    await expectRefused(id, 'CM7', (doc) => deleteComment(doc, threadId, zhangComment));
  });

  it('CM6: refuses changing the author of one’s own comment', async () => {
    const { id, threadId, liComment } = await discussed();
    await expectRefused(id, 'CM6', (doc) => commentIn(doc, threadId, liComment).set('authorId', idOf('chair')));
  });

  it('CM9: refuses a resolution in the name of someone else', async () => {
    const { id, threadId } = await discussed();
    await expectRefused(id, 'CM9', (doc) => setResolved(doc, threadId, idOf('chair')));
  });

  it('CM2: refuses removing a thread', async () => {
    const { id, threadId } = await discussed();
    await expectRefused(id, 'CM2', (doc) => threadsOf(doc).delete(threadId));
  });

  it('CM2: refuses replacing a thread with a copy of it', async () => {
    const { id, threadId } = await discussed();
    await expectRefused(id, 'CM2', (doc) => {
      const copy = new Y.Map<unknown>();
      for (const [key, value] of threadMap(doc, threadId).entries()) {
        if (key !== 'comments') {
          copy.set(key, value);
        }
      }
      copy.set('comments', new Y.Array());
      threadsOf(doc).set(threadId, copy);
    });
  });

  it('CM4: refuses changing the quote of a thread', async () => {
    const { id, threadId } = await discussed();
    await expectRefused(id, 'CM4', (doc) => threadMap(doc, threadId).set('quote', '另一段话'));
  });

  it('CM5: refuses a reply over the length limit', async () => {
    const { id, threadId } = await discussed();
    await expectRefused(id, 'CM5', (doc) => reply(doc, threadId, idOf('li'), '长'.repeat(MAX_COMMENT_LENGTH + 1)));
  });

  it('CM8: refuses removing a comment from its thread, even one’s own', async () => {
    const { id, threadId } = await discussed();
    await expectRefused(id, 'CM8', (doc) => commentList(doc, threadId).delete(1, 1));
  });

  it('CM5: refuses a reply dated in the future', async () => {
    const { id, threadId } = await discussed();
    await expectRefused(id, 'CM5', (doc) =>
      reply(doc, threadId, idOf('li'), '明天的意见', { now: Date.now() + 60 * 60 * 1000 }),
    );
  });

  it('CM1: refuses a change to another root type of the comments document', async () => {
    const { id } = await discussed();
    await expectRefused(id, 'CM1', (doc) => doc.getMap('settings').set('owner', idOf('li')));
  });

  it('CM7: refuses bringing back a deleted comment', async () => {
    const { id, threadId, liComment } = await discussed();
    const li = await connect(id, 'li');
    deleteComment(li.doc, threadId, liComment);
    await li.sync();
    await li.close();
    await expectRefused(id, 'CM7', (doc) => commentIn(doc, threadId, liComment).set('isDeleted', false));
  });
});

describe('the relay keeps honest comment updates (docs/RULES.md, Comments)', () => {
  it('CM5, CM7, CM9: keeps a reply, an edit and a deletion of one’s own comment, a resolution and a reopening', async () => {
    const { id, threadId, liComment } = await discussed();
    const li = await connect(id, 'li');
    const chair = await connect(id, 'chair');
    editComment(li.doc, threadId, liComment, '已补充统计局数据');
    const second = reply(li.doc, threadId, idOf('li'), '多余的一条');
    deleteComment(li.doc, threadId, second);
    await li.sync();
    reply(chair.doc, threadId, idOf('chair'), '可以了');
    setResolved(chair.doc, threadId, idOf('chair'));
    await chair.sync();
    setResolved(li.doc, threadId, null);
    setResolved(li.doc, threadId, idOf('li'));
    await li.sync();
    expect([li.closed, chair.closed]).toEqual([null, null]);
    const stored = await storedThreads(id);
    expect(stored).toEqual(threadsJson(li.doc));
    const thread = (await connect(id, 'zhang')).doc;
    expect(commentIn(thread, threadId, liComment).toJSON()).toMatchObject({
      text: '已补充统计局数据',
      isDeleted: false,
    });
    expect(commentIn(thread, threadId, second).toJSON()).toMatchObject({ text: '', isDeleted: true });
    expect(commentList(thread, threadId).length).toBe(4);
    expect(threadMap(thread, threadId).toJSON()).toMatchObject({ resolved: true, resolvedBy: idOf('li') });
  });

  it('CM5, CM9: keeps comments and a resolution written offline a day ago and uploaded now', async () => {
    const record = await ctx.workspace.createDoc('zhang', { groupKey: '经济界', kind: DocKind.proposal });
    const zhang = await connect(record.id, 'zhang');
    const { threadId } = openThread(zhang.doc, idOf('zhang'), '两天前的意见', { now: Date.now() - 2 * DAY_MS });
    await zhang.sync();
    // Li's device took the thread, went offline, and wrote a day ago; it comes back only now.
    const device = new Y.Doc({ gc: false });
    Y.applyUpdate(device, Y.encodeStateAsUpdate(zhang.doc));
    const dayAgo = Date.now() - DAY_MS;
    const offlineReply = reply(device, threadId, idOf('li'), '离线写的回复', { now: dayAgo });
    setResolved(device, threadId, idOf('li'), dayAgo);
    const offlineThread = openThread(device, idOf('li'), '离线开的话题', { now: dayAgo });
    const li = await connect(record.id, 'li');
    Y.applyUpdate(li.doc, Y.encodeStateAsUpdate(device));
    await li.sync();
    expect(li.closed).toBeNull();
    const stored = await storedThreads(record.id);
    expect(stored).toEqual(threadsJson(device));
    const fresh = await connect(record.id, 'chair');
    expect(commentIn(fresh.doc, threadId, offlineReply).get('createdAt')).toBe(dayAgo);
    expect(threadMap(fresh.doc, offlineThread.threadId).get('authorId')).toBe(idOf('li'));
  });

  it('CM8, CM9: merges replies, edits and a resolution two people make at the same time', async () => {
    const { id, threadId, zhangComment, liComment } = await discussed();
    const zhang = await connect(id, 'zhang');
    const li = await connect(id, 'li');
    // Neither hears of the other's changes before sending its own.
    zhang.ws.pause();
    li.ws.pause();
    const fromZhang = reply(zhang.doc, threadId, idOf('zhang'), '张的补充');
    editComment(zhang.doc, threadId, zhangComment, '请补充数据来源（已改）');
    const fromLi = reply(li.doc, threadId, idOf('li'), '李的补充');
    editComment(li.doc, threadId, liComment, '好的，已经补充');
    setResolved(li.doc, threadId, idOf('li'));
    zhang.ws.resume();
    li.ws.resume();
    await Promise.all([zhang.sync(), li.sync()]);
    await Promise.all([zhang.sync(), li.sync()]);
    expect([zhang.closed, li.closed]).toEqual([null, null]);
    expect(threadsJson(zhang.doc)).toEqual(threadsJson(li.doc));
    const stored = await storedThreads(id);
    expect(stored).toEqual(threadsJson(zhang.doc));
    const ids = commentList(zhang.doc, threadId)
      .toArray()
      .map((comment) => comment.get('id'));
    expect(ids).toHaveLength(4);
    expect(ids).toEqual(expect.arrayContaining([zhangComment, liComment, fromZhang, fromLi]));
    expect(commentIn(zhang.doc, threadId, zhangComment).get('text')).toBe('请补充数据来源（已改）');
    expect(commentIn(zhang.doc, threadId, liComment).get('text')).toBe('好的，已经补充');
    expect(threadMap(zhang.doc, threadId).get('resolvedBy')).toBe(idOf('li'));
  });

  it('CM7: judges an update held back for missing dependencies when it is released', async () => {
    const { id, threadId } = await discussed();
    const li = await connect(id, 'li');
    // Two updates made on li's device, sent in reverse order: the second waits for the first.
    const device = new Y.Doc({ gc: false });
    Y.applyUpdate(device, Y.encodeStateAsUpdate(li.doc));
    await li.close();
    const base = Y.encodeStateVector(device);
    const firstId = reply(device, threadId, idOf('li'), '第一条');
    const first = Y.encodeStateAsUpdate(device, base);
    const middle = Y.encodeStateVector(device);
    commentIn(device, threadId, firstId).set('text', '第一条（改）');
    commentIn(device, threadId, commentList(device, threadId).get(0).get('id') as string).set('text', '改了别人的');
    const second = Y.encodeStateAsUpdate(device, middle);
    const attacker = await connect(id, 'li');
    attacker.sendUpdate(second);
    attacker.sendUpdate(first);
    const closed = await attacker.waitClosed();
    expect(closed.code).toBe(CloseCode.refusedUpdate);
    expect(closed.reason).toMatch(/^comment_refused: CM7: /);
    // The honest first update of the pair is kept; the held one that broke a rule is not.
    const stored = await storedThreads(id);
    expect(JSON.stringify(stored)).toContain('第一条');
    expect(JSON.stringify(stored)).not.toContain('改了别人的');
  });
});

describe('a refused comments update after a restart', () => {
  it('CM5: is not served by the restarted server, which opens the room with the honest threads', async () => {
    const dataDir = makeDataDir();
    const first = await startTestServer({ dataDir, passwordParams: FAST_PASSWORDS });
    const workspace = await seedRelayWorkspace(first);
    const room = roomNameOf(await newRoom(workspace), RoomKind.comments);
    const zhang = { token: workspace.people.zhang.token };
    const li = { token: workspace.people.li.token };
    const writer = await SyncClient.connect(first.wsUrl, room, zhang);
    const { threadId } = openThread(writer.doc, workspace.people.zhang.id, '请补充数据来源');
    await writer.sync();
    const honest = threadsJson(writer.doc);
    const forger = await SyncClient.connect(first.wsUrl, room, li);
    reply(forger.doc, threadId, workspace.people.zhang.id, '冒名的回复');
    expect((await forger.waitClosed()).code).toBe(CloseCode.refusedUpdate);
    await writer.close();
    await first.close();

    const second = await startTestServer({ dataDir, passwordParams: FAST_PASSWORDS });
    try {
      for (const token of [zhang, li]) {
        const fresh = await SyncClient.connect(second.wsUrl, room, token);
        expect(threadsJson(fresh.doc)).toEqual(honest);
        await fresh.close();
      }
    } finally {
      await second.dispose();
    }
  });
});
