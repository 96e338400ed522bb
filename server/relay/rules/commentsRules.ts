import * as Y from 'yjs';
import {
  ACCEPTED,
  CommentRule,
  type CommentVerdict,
  type JudgeContext,
  judgeThreadChange,
} from '../../../shared/domain/comments';
import { readPlainThread, threadsOf } from '../../../shared/domain/commentsDoc';

/**
 * The relay's judge of updates to a comments room (docs/RULES.md "Comments"). Yjs updates name
 * structs, not meanings, so the judge applies a candidate update to a scratch copy of the room's
 * document, reads the threads it touched before (the room) and after (the scratch) as plain
 * values, and judges them with the shared rules. The scratch then already equals the room once
 * the caller applies the accepted update to the room too; a refused update leaves the scratch
 * ahead, so it is dropped and rebuilt from the room on the next judgement (refusals are rare).
 *
 * Each comments room in memory keeps one scratch, as large as its document (comments are small).
 */
const scratches = new WeakMap<Y.Doc, Y.Doc>();

/** What one update changed in the scratch, read from its transaction. */
interface Touched {
  readonly threadKeys: Set<string>;
  /** The items (as `client:clock`) of every shared type that changed or holds one that did. */
  readonly itemKeys: Set<string>;
  /** A root type other than `threads` changed. */
  hasOtherRoot: boolean;
}

function hasSameState(a: Y.Doc, b: Y.Doc): boolean {
  const left = Y.encodeStateVector(a);
  const right = Y.encodeStateVector(b);
  return left.byteLength === right.byteLength && left.every((byte, index) => byte === right[index]);
}

/** The room's scratch, created (or rebuilt, if anything changed the room without it) from the room. */
function scratchOf(doc: Y.Doc): Y.Doc {
  const kept = scratches.get(doc);
  if (kept !== undefined && hasSameState(kept, doc)) {
    return kept;
  }
  kept?.destroy();
  const scratch = new Y.Doc({ gc: false });
  threadsOf(scratch);
  Y.applyUpdate(scratch, Y.encodeStateAsUpdate(doc));
  scratches.set(doc, scratch);
  return scratch;
}

/** Forgets the scratch of a room, so that the next judgement copies the room again. */
function dropScratch(doc: Y.Doc): void {
  scratches.get(doc)?.destroy();
  scratches.delete(doc);
}

function touchedBy(scratch: Y.Doc, transaction: Y.Transaction, touched: Touched): void {
  const threads: unknown = threadsOf(scratch);
  for (const [type, keys] of transaction.changed) {
    if (type === threads) {
      for (const key of keys) {
        if (key !== null) {
          touched.threadKeys.add(key);
        }
      }
      continue;
    }
    // Walk up to the child of `threads` that holds this type: its key names the thread.
    let item = type._item;
    while (item !== null && item.parent !== threads && item.parent instanceof Y.AbstractType) {
      touched.itemKeys.add(`${item.id.client}:${item.id.clock}`);
      item = item.parent._item;
    }
    if (item !== null && item.parent === threads && typeof item.parentSub === 'string') {
      touched.threadKeys.add(item.parentSub);
    } else {
      touched.hasOtherRoot = true;
    }
  }
}

/** Applies `update` to the room's scratch and reports what it touched. */
function applyToScratch(doc: Y.Doc, update: Uint8Array): { scratch: Y.Doc; touched: Touched } {
  const scratch = scratchOf(doc);
  const touched: Touched = { threadKeys: new Set(), itemKeys: new Set(), hasOtherRoot: false };
  const onTransaction = (transaction: Y.Transaction): void => touchedBy(scratch, transaction, touched);
  scratch.on('afterTransaction', onTransaction);
  try {
    Y.applyUpdate(scratch, update);
  } catch (thrown) {
    dropScratch(doc);
    throw thrown;
  } finally {
    scratch.off('afterTransaction', onTransaction);
  }
  return { scratch, touched };
}

/**
 * Judges an update to a comments room whose document is `doc`, sent by `context.userId`, before
 * it is applied there. The update must have passed checkUpdate (decodable, dependencies present).
 * Accepted: the caller applies it to `doc` next, with nothing in between. Refused: nothing changed.
 */
export function judgeCommentsUpdate(doc: Y.Doc, update: Uint8Array, context: JudgeContext): CommentVerdict {
  const { scratch, touched } = applyToScratch(doc, update);
  const verdict = judgeTouched(doc, scratch, touched, context);
  // Pending structs (checkUpdate should have held the update back) are dropped from the room when
  // it is applied there: the scratch, which keeps them, is rebuilt rather than trusted.
  const isPending = scratch.store.pendingStructs !== null || scratch.store.pendingDs !== null;
  if (!verdict.ok || isPending) {
    dropScratch(doc);
  }
  return verdict;
}

function judgeTouched(doc: Y.Doc, scratch: Y.Doc, touched: Touched, context: JudgeContext): CommentVerdict {
  if (touched.hasOtherRoot) {
    return { ok: false, rule: CommentRule.onlyThreads, detail: 'only the threads of a comments document may change' };
  }
  const threadCount = threadsOf(scratch).size;
  // Comments the update neither touched nor added are the same on both sides: read their ids only.
  const isTouched = (key: string): boolean => touched.itemKeys.has(key);
  for (const key of touched.threadKeys) {
    const before = readPlainThread(doc, key, isTouched);
    const kept = new Set(before?.comments.map((comment) => comment.key));
    const after = readPlainThread(scratch, key, (comment) => isTouched(comment) || !kept.has(comment));
    const verdict = judgeThreadChange(key, before, after, { ...context, threadCount });
    if (!verdict.ok) {
      return verdict;
    }
  }
  return ACCEPTED;
}
