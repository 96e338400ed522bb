import * as prng from 'lib0/prng';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { MAX_COMMENT_LENGTH } from '../../shared/domain/comments';
import { CloseCode, type DocId, DocKind, Role, RoomKind, roomNameOf, type UserId } from '../../shared/index';
import { databasePath } from '../storage/sqlite/databasePath';
import { SqliteDocStore } from '../storage/sqlite/SqliteDocStore';
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

/**
 * Seeded fuzzing of the comment rules (docs/RULES.md, Comments) over real connections: four people
 * make honest changes (some offline, sent when they connect again) and dishonest ones, a few at
 * the same time. Every dishonest change is refused and closes its connection (the person comes
 * back with a fresh one); at the end the server holds every honest change and nothing of a
 * dishonest one, and every peer holds the same threads.
 */

const PEOPLE = ['zhang', 'li', 'zhao', 'chair'] as const;
type Person = (typeof PEOPLE)[number];
const SEEDS = [1, 2, 3];
const ROUNDS = 40;
/** Marks every text a dishonest change writes, so that the end state can be searched for it. */
const FORGED = 'FORGED';

const ctx = setupSeededServer({
  groups: ['经济界'],
  people: {
    zhang: { role: Role.member, groups: ['经济界'] },
    li: { role: Role.member, groups: ['经济界'] },
    zhao: { role: Role.member, groups: ['经济界'] },
    chair: { role: Role.chair },
  },
});

interface ExpectedComment {
  readonly authorId: UserId;
  text: string;
  isDeleted: boolean;
}

interface ExpectedThread {
  resolvedBy: UserId | null;
  readonly comments: Map<string, ExpectedComment>;
}

/** One change a person makes on their connected document. */
type Operation = (doc: Y.Doc) => void;

class Fuzz {
  readonly random: prng.PRNG;
  readonly id: DocId;
  readonly clients = new Map<Person, SyncClient>();
  readonly expected = new Map<string, ExpectedThread>();
  refusals = 0;
  dishonest = 0;
  offlineChanges = 0;

  constructor(seed: number, id: DocId) {
    this.random = prng.create(seed);
    this.id = id;
  }

  userOf(person: Person): UserId {
    return ctx.workspace.people[person].id;
  }

  async connect(person: Person): Promise<SyncClient> {
    const client = await SyncClient.connect(ctx.server.wsUrl, roomNameOf(this.id, RoomKind.comments), {
      token: ctx.tokenOf(person),
    });
    this.clients.set(person, client);
    return client;
  }

  client(person: Person): SyncClient {
    const client = this.clients.get(person);
    if (client === undefined) {
      throw new Error(`${person} is not connected`);
    }
    return client;
  }

  threadIds(): string[] {
    return [...this.expected.keys()];
  }

  pickThread(): string | null {
    const ids = this.threadIds();
    return ids.length === 0 ? null : prng.oneOf(this.random, ids);
  }

  /** A comment of the thread whose author is (or is not) `userId`, not deleted; null when none. */
  pickComment(threadId: string, userId: UserId, isOwn: boolean): string | null {
    const thread = this.expected.get(threadId);
    const ids = [...(thread?.comments ?? [])]
      .filter(([, comment]) => (comment.authorId === userId) === isOwn && !comment.isDeleted)
      .map(([id]) => id);
    return ids.length === 0 ? null : prng.oneOf(this.random, ids);
  }

  /** An honest change by `person`, recorded in the expected state. */
  honest(person: Person, mayResolve: boolean): Operation {
    const user = this.userOf(person);
    const threadId = this.pickThread();
    const choice = prng.int32(this.random, 0, mayResolve ? 4 : 3);
    if (threadId === null || choice === 0) {
      return (doc) => {
        const text = `${person} 的意见 ${prng.word(this.random, 1, 8)}`;
        const opened = openThread(doc, user, text);
        const comments = new Map([[opened.commentId, { authorId: user, text, isDeleted: false }]]);
        this.expected.set(opened.threadId, { resolvedBy: null, comments });
      };
    }
    const thread = this.expected.get(threadId) as ExpectedThread;
    const own = this.pickComment(threadId, user, true);
    if (choice === 1 || own === null) {
      return (doc) => {
        const text = `${person} 的回复 ${prng.word(this.random, 1, 8)}`;
        thread.comments.set(reply(doc, threadId, user, text), { authorId: user, text, isDeleted: false });
      };
    }
    if (choice === 2) {
      return (doc) => {
        const text = `${person} 改过 ${prng.word(this.random, 1, 8)}`;
        editComment(doc, threadId, own, text);
        (thread.comments.get(own) as ExpectedComment).text = text;
      };
    }
    if (choice === 3) {
      return (doc) => {
        deleteComment(doc, threadId, own);
        Object.assign(thread.comments.get(own) as ExpectedComment, { text: '', isDeleted: true });
      };
    }
    return (doc) => {
      const by = thread.resolvedBy === null ? user : null;
      setResolved(doc, threadId, by);
      thread.resolvedBy = by;
    };
  }

  /** A dishonest change by `person`: the expected state does not change. Null when there is nothing to attack. */
  dishonestOf(person: Person): Operation | null {
    const user = this.userOf(person);
    const other = this.userOf(
      prng.oneOf(
        this.random,
        PEOPLE.filter((each) => each !== person),
      ),
    );
    const threadId = this.pickThread();
    if (threadId === null) {
      return null;
    }
    const theirs = this.pickComment(threadId, user, false);
    const attacks: Operation[] = [
      (doc) => reply(doc, threadId, other, `${FORGED} 冒名回复`),
      (doc) => setResolved(doc, threadId, other),
      (doc) => threadsOf(doc).delete(threadId),
      (doc) => reply(doc, threadId, user, FORGED.repeat(MAX_COMMENT_LENGTH)),
      (doc) => reply(doc, threadId, user, `${FORGED} 未来`, { now: Date.now() + 3_600_000 }),
      (doc) => openThread(doc, other, `${FORGED} 冒名话题`),
      (doc) => threadMap(doc, threadId).set('quote', FORGED),
    ];
    if (theirs !== null) {
      attacks.push(
        (doc) => commentIn(doc, threadId, theirs).set('text', `${FORGED} 篡改`),
        (doc) => deleteComment(doc, threadId, theirs),
        (doc) => {
          const list = commentList(doc, threadId);
          const index = list.toArray().findIndex((comment) => comment.get('id') === theirs);
          list.delete(index, 1);
        },
      );
    }
    return prng.oneOf(this.random, attacks);
  }

  /** One round: one to three people change the document at the same time, then everyone catches up. */
  async round(): Promise<void> {
    const count = prng.int32(this.random, 1, 3);
    const people = [...PEOPLE].sort(() => prng.real53(this.random) - 0.5).slice(0, count);
    // Every change is chosen from the state all hold at the start of the round, then all are made.
    const plan = people.map((person, index) => {
      const attack = prng.bool(this.random) && prng.bool(this.random) ? this.dishonestOf(person) : null;
      // One resolution per round, so that which one wins is known.
      return { person, attack, operation: attack ?? this.honest(person, index === 0) };
    });
    const waits: Promise<void>[] = [];
    for (const { person, attack, operation } of plan) {
      const client = this.client(person);
      if (attack === null && prng.int32(this.random, 0, 3) === 0) {
        // Made offline, sent in the step 2 of the next connection's handshake.
        waits.push(this.offline(person, client, operation));
        continue;
      }
      operation(client.doc);
      if (attack === null) {
        waits.push(client.sync());
      } else {
        this.dishonest += 1;
        waits.push(this.reconnectAfterRefusal(person, client));
      }
    }
    await Promise.all(waits);
    await Promise.all(PEOPLE.map((person) => this.client(person).sync()));
  }

  /** Disconnects, makes the change on the device's copy, then connects again and sends it. */
  async offline(person: Person, client: SyncClient, operation: Operation): Promise<void> {
    const device = new Y.Doc({ gc: false });
    Y.applyUpdate(device, Y.encodeStateAsUpdate(client.doc));
    await client.close();
    operation(device);
    this.offlineChanges += 1;
    const fresh = await this.connect(person);
    Y.applyUpdate(fresh.doc, Y.encodeStateAsUpdate(device));
    await fresh.sync();
    expect(fresh.closed).toBeNull();
  }

  async reconnectAfterRefusal(person: Person, client: SyncClient): Promise<void> {
    const closed = await client.waitClosed();
    expect(closed.code).toBe(CloseCode.refusedUpdate);
    this.refusals += 1;
    await this.connect(person);
  }

  async closeAll(): Promise<void> {
    await Promise.all([...this.clients.values()].map((client) => client.close()));
  }
}

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

function expectHolds(doc: Y.Doc, expected: ReadonlyMap<string, ExpectedThread>): void {
  expect(threadsOf(doc).size).toBe(expected.size);
  for (const [threadId, thread] of expected) {
    expect(threadMap(doc, threadId).get('resolvedBy')).toBe(thread.resolvedBy);
    const comments = commentList(doc, threadId)
      .toArray()
      .map((comment) => comment.toJSON());
    expect(comments).toHaveLength(thread.comments.size);
    for (const comment of comments) {
      const wanted = thread.comments.get(comment.id as string);
      expect(wanted).toBeDefined();
      expect(comment).toMatchObject({ authorId: wanted?.authorId, text: wanted?.text, isDeleted: wanted?.isDeleted });
    }
  }
}

describe('comments room fuzz (CM1-CM10)', () => {
  it.each(SEEDS)('seed %i: stores every honest change and no dishonest one', async (seed) => {
    const record = await ctx.workspace.createDoc('zhang', { groupKey: '经济界', kind: DocKind.proposal });
    const fuzz = new Fuzz(seed, record.id);
    try {
      for (const person of PEOPLE) {
        await fuzz.connect(person);
      }
      for (let round = 0; round < ROUNDS; round += 1) {
        await fuzz.round();
      }
      expect(fuzz.refusals).toBe(fuzz.dishonest);
      expect(fuzz.dishonest).toBeGreaterThan(0);
      expect(fuzz.offlineChanges).toBeGreaterThan(0);
      const fresh = await fuzz.connect('chair');
      expectHolds(fresh.doc, fuzz.expected);
      expect(JSON.stringify(threadsJson(fresh.doc))).not.toContain(FORGED);
      expect(await storedThreads(record.id)).toEqual(threadsJson(fresh.doc));
      for (const person of PEOPLE) {
        expect(threadsJson(fuzz.client(person).doc)).toEqual(threadsJson(fresh.doc));
      }
    } finally {
      await fuzz.closeAll();
    }
  });
});
