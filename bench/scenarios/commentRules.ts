import * as Y from 'yjs';
import { addReply, createThread, editComment, setResolved } from '../../client/core/comments';
import { checkUpdate } from '../../server/relay/checkUpdate';
import { judgeCommentsUpdate } from '../../server/relay/rules/commentsRules';
import type { UserId } from '../../shared/index';
import { seededRandom } from '../lib/seededRandom';
import { round, roundSummary, type Summary, summarize } from '../lib/stats';

/** Load shape of the comment-rules scenario. */
export interface CommentRulesOptions {
  /** Threads in the comments document before the measured updates. */
  readonly threads: number;
  /** Comments in each of those threads. */
  readonly commentsPerThread: number;
  /** Measured updates (replies, edits and resolutions, in turn). */
  readonly updates: number;
  readonly seed: number;
}

/** Figures of the comment-rules scenario: what the relay spends on one comments update. */
export interface CommentRulesResult {
  /** checkUpdate and applying the update, as for any room: microseconds per update. */
  readonly plainUs: Summary;
  /** The same plus the comment rules (scratch apply, reading the thread before and after, judging). */
  readonly judgedUs: Summary;
  /** Judged minus plain, by medians. */
  readonly extraUsP50: number;
  readonly updateBytes: number;
}

const AUTHOR = '00000000-0000-4000-8000-000000000001' as UserId;
const ANCHOR = { start: new Uint8Array(24).fill(1), end: new Uint8Array(24).fill(2) };

/** The comments document the room starts from, written as the app writes it. */
function seedComments(options: CommentRulesOptions): { writer: Y.Doc; threadIds: string[] } {
  const writer = new Y.Doc({ gc: false });
  const threadIds: string[] = [];
  for (let index = 0; index < options.threads; index += 1) {
    const { threadId } = createThread(writer, {
      anchor: ANCHOR,
      quote: '资金分摊比例',
      authorId: AUTHOR,
      text: '请补充',
    });
    for (let reply = 1; reply < options.commentsPerThread; reply += 1) {
      addReply(writer, { threadId, authorId: AUTHOR, text: `第${reply}条回复：已核实数据来源。` });
    }
    threadIds.push(threadId);
  }
  return { writer, threadIds };
}

/** The measured updates: a reply, an edit of it, a resolution, in turn, on random threads. */
function makeUpdates(writer: Y.Doc, threadIds: readonly string[], options: CommentRulesOptions): Uint8Array[] {
  const random = seededRandom(options.seed);
  const updates: Uint8Array[] = [];
  const capture = (update: Uint8Array): number => updates.push(update);
  writer.on('update', capture);
  let lastReply: { threadId: string; commentId: string } | null = null;
  for (let index = 0; index < options.updates; index += 1) {
    const threadId = threadIds[Math.floor(random() * threadIds.length)] ?? '';
    if (index % 3 === 0 || lastReply === null) {
      lastReply = { threadId, commentId: addReply(writer, { threadId, authorId: AUTHOR, text: '同意这个修改意见。' }) };
    } else if (index % 3 === 1) {
      editComment(writer, { ...lastReply, actorId: AUTHOR, text: '同意这个修改意见（补充）。' });
    } else {
      setResolved(writer, { threadId, actorId: AUTHOR, resolved: random() < 0.5 });
    }
  }
  writer.off('update', capture);
  return updates;
}

function roomFrom(base: Uint8Array): Y.Doc {
  const room = new Y.Doc({ gc: false });
  Y.applyUpdate(room, base);
  return room;
}

/** Applies every update to a copy of the room as the relay does, with or without the rules; µs each. */
function measure(base: Uint8Array, updates: readonly Uint8Array[], isJudged: boolean): number[] {
  const room = roomFrom(base);
  const times: number[] = [];
  const now = Date.now();
  for (const update of updates) {
    const start = performance.now();
    if (checkUpdate(room, update).kind !== 'ok') {
      throw new Error('A measured update is not applicable');
    }
    if (isJudged && !judgeCommentsUpdate(room, update, { userId: AUTHOR, now }).ok) {
      throw new Error('An honest update was refused');
    }
    Y.applyUpdate(room, update);
    times.push((performance.now() - start) * 1000);
  }
  room.destroy();
  return times;
}

/** Runs the scenario in this process: the relay's own functions on one comments room. */
export async function runCommentRules(options: CommentRulesOptions): Promise<CommentRulesResult> {
  const { writer, threadIds } = seedComments(options);
  const base = Y.encodeStateAsUpdate(writer);
  const updates = makeUpdates(writer, threadIds, options);
  // Warm up both paths once, so the first measured run does not pay for compilation.
  measure(base, updates.slice(0, 50), true);
  measure(base, updates.slice(0, 50), false);
  const plain = summarize(measure(base, updates, false));
  const judged = summarize(measure(base, updates, true));
  const updateBytes = updates.reduce((sum, update) => sum + update.byteLength, 0) / Math.max(1, updates.length);
  return {
    plainUs: roundSummary(plain),
    judgedUs: roundSummary(judged),
    extraUsP50: round(judged.p50 - plain.p50),
    updateBytes: round(updateBytes),
  };
}
