import { parseUserId, type UserId } from './ids';

/**
 * The rules of a document's comments Y.Doc (room `<id>.comments`, docs/RULES.md "Comments",
 * CM1-CM10): its shape, its limits, and who may change what. The relay judges every update to a
 * comments room with `judgeThreadChange` before it stores or relays it; the client's model keeps
 * the same limits, so an honest client never writes what the relay refuses.
 *
 * The judge works on plain values (`PlainThread`, read from a Y.Doc by commentsDoc.ts): the
 * thread as the room holds it before an update and as it would be after it.
 */

/** The only root type of a comments doc: a Y.Map from thread id to thread. */
export const THREADS_KEY = 'threads';
/** The key of a thread's Y.Array of comments. */
export const COMMENTS_KEY = 'comments';
/** Longest comment; a comment is a remark on a passage, not a second document. */
export const MAX_COMMENT_LENGTH = 2000;
/** Longest quote kept with a thread: enough to recognise the passage once it is deleted. */
export const MAX_QUOTE_LENGTH = 300;
/** Most people one comment may mention (as many as a mention notification may name). */
export const MAX_MENTIONS = 20;
/** Largest encoded anchor (a Yjs relative position: a few dozen bytes in practice). */
export const MAX_ANCHOR_BYTES = 1024;
/** Most threads in one document: far beyond a review, small enough to keep a room's memory bounded. */
export const MAX_THREADS_PER_DOC = 2000;
/** Most comments in one thread, the first included. */
export const MAX_COMMENTS_PER_THREAD = 500;
/**
 * How far ahead of the server's clock a timestamp may be: device clocks drift. There is no such
 * bound into the past: a comment written offline arrives days later with its own time.
 */
export const CLOCK_TOLERANCE_MS = 5 * 60 * 1000;

/** Thread and comment ids: url-safe, as links (`?thread=`) and mention notifications carry them. */
export const COMMENT_ID_PATTERN = /^[A-Za-z0-9_-]{8,64}$/;

/** The fields of a thread's Y.Map besides `comments`; a thread has exactly these. */
export const THREAD_FIELDS = [
  'id',
  'anchorStart',
  'anchorEnd',
  'quote',
  'authorId',
  'createdAt',
  'resolved',
  'resolvedBy',
  'resolvedAt',
] as const;
/** The thread fields that may change once it exists (resolving, reopening); the others never do. */
const RESOLUTION_FIELDS: readonly string[] = ['resolved', 'resolvedBy', 'resolvedAt'];
/** The fields of a comment's Y.Map; a comment has exactly these. */
export const COMMENT_FIELDS = ['id', 'authorId', 'text', 'mentions', 'createdAt', 'editedAt', 'isDeleted'] as const;
/** Comment fields that never change once the comment exists. */
const FIXED_COMMENT_FIELDS = ['id', 'authorId', 'createdAt'] as const;

/** A Yjs shared type found where a plain value belongs; `key` is its item's id. */
export interface SharedTypeRef {
  readonly sharedType: string;
}

/** One comment as plain values. `key` names its Y.Map item, so a replaced map is not the same comment. */
export interface PlainComment {
  readonly key: string;
  /** The map's entries; null when the array holds something that is not a Y.Map. */
  readonly fields: Readonly<Record<string, unknown>> | null;
}

/** One thread as plain values: its map's entries and its comments. */
export interface PlainThread {
  readonly key: string;
  /** The map's entries except `comments`. */
  readonly fields: Readonly<Record<string, unknown>>;
  /** The item id of the `comments` array; null when `comments` is not a Y.Array. */
  readonly commentsKey: string | null;
  readonly comments: readonly PlainComment[];
}

/** The stable ids of the comment rules (docs/RULES.md). */
export const CommentRule = {
  onlyThreads: 'CM1',
  threadKept: 'CM2',
  newThread: 'CM3',
  threadFixed: 'CM4',
  newComment: 'CM5',
  commentFixed: 'CM6',
  commentEdit: 'CM7',
  commentsKept: 'CM8',
  resolution: 'CM9',
  counts: 'CM10',
} as const;
export type CommentRule = (typeof CommentRule)[keyof typeof CommentRule];

export type CommentVerdict =
  | { readonly ok: true }
  | { readonly ok: false; readonly rule: CommentRule; readonly detail: string };

export const ACCEPTED: CommentVerdict = { ok: true };

/** Who writes and when, as the server knows it. */
export interface JudgeContext {
  /** The signed-in user whose connection sent the update. */
  readonly userId: UserId;
  /** The server's clock, ms since the epoch. */
  readonly now: number;
}

function refuse(rule: CommentRule, detail: string): CommentVerdict {
  return { ok: false, rule, detail };
}

/** Whether `text` could be a thread or comment id. */
export function isCommentId(text: unknown): text is string {
  return typeof text === 'string' && COMMENT_ID_PATTERN.test(text);
}

/** Why `text` is not a comment's text; null when it is one. */
export function commentTextProblem(text: unknown): string | null {
  if (typeof text !== 'string') {
    return 'is not text';
  }
  if (text.trim().length === 0) {
    return 'is empty';
  }
  return text.length > MAX_COMMENT_LENGTH ? `is longer than ${MAX_COMMENT_LENGTH} characters` : null;
}

/** Why `mentions` is not a comment's mentions; null when it is: distinct user ids, at most MAX_MENTIONS. */
export function mentionsProblem(mentions: unknown): string | null {
  if (!Array.isArray(mentions)) {
    return 'are not a list';
  }
  if (mentions.length > MAX_MENTIONS) {
    return `name more than ${MAX_MENTIONS} people`;
  }
  if (!mentions.every((each) => typeof each === 'string' && parseUserId(each) !== null)) {
    return 'are not all user ids';
  }
  return new Set(mentions).size === mentions.length ? null : 'name someone twice';
}

/** Whether `time` is a timestamp no later than the server's clock allows and no earlier than `notBefore`. */
export function isTimeAllowed(time: unknown, notBefore: number, context: JudgeContext): time is number {
  return (
    typeof time === 'number' &&
    Number.isFinite(time) &&
    time >= notBefore - CLOCK_TOLERANCE_MS &&
    time <= context.now + CLOCK_TOLERANCE_MS
  );
}

/** Equality of plain values as they come out of a Y.Map: primitives, arrays, bytes, shared-type refs. */
export function isSameValue(a: unknown, b: unknown): boolean {
  if (a === b) {
    return true;
  }
  if (a instanceof Uint8Array && b instanceof Uint8Array) {
    return a.byteLength === b.byteLength && a.every((byte, index) => byte === b[index]);
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((each, index) => isSameValue(each, b[index]));
  }
  if (isSharedTypeRef(a) && isSharedTypeRef(b)) {
    return a.sharedType === b.sharedType;
  }
  return false;
}

function isSharedTypeRef(value: unknown): value is SharedTypeRef {
  return typeof value === 'object' && value !== null && 'sharedType' in value;
}

function hasExactly(fields: Readonly<Record<string, unknown>>, names: readonly string[]): boolean {
  const keys = Object.keys(fields);
  return keys.length === names.length && names.every((name) => name in fields);
}

function changedFields(before: Readonly<Record<string, unknown>>, after: Readonly<Record<string, unknown>>): string[] {
  const names = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...names].filter((name) => !isSameValue(before[name], after[name]));
}

/**
 * Judges one thread's change: `before` as the room holds it (null: no thread under `key`),
 * `after` as it would be once the update is applied (null: gone). `threadCount` is the number of
 * threads after the update.
 */
export function judgeThreadChange(
  key: string,
  before: PlainThread | null,
  after: PlainThread | null,
  context: JudgeContext & { readonly threadCount: number },
): CommentVerdict {
  if (after === null) {
    return before === null ? ACCEPTED : refuse(CommentRule.threadKept, `thread ${key} was removed`);
  }
  if (before === null) {
    if (context.threadCount > MAX_THREADS_PER_DOC) {
      return refuse(CommentRule.counts, `more than ${MAX_THREADS_PER_DOC} threads`);
    }
    return judgeNewThread(key, after, context);
  }
  if (before.key !== after.key) {
    return refuse(CommentRule.threadKept, `thread ${key} was replaced`);
  }
  return judgeThreadEdit(key, before, after, context);
}

function judgeNewThread(key: string, thread: PlainThread, context: JudgeContext): CommentVerdict {
  const { fields } = thread;
  const problem = newThreadProblem(key, fields, context);
  if (problem !== null) {
    return refuse(CommentRule.newThread, `new thread ${key} ${problem}`);
  }
  const resolution = resolutionProblem(fields, context);
  if (resolution !== null) {
    return refuse(CommentRule.resolution, `new thread ${key}: ${resolution}`);
  }
  if (thread.commentsKey === null || thread.comments.length === 0) {
    return refuse(CommentRule.newThread, `new thread ${key} has no comment`);
  }
  return judgeComments(key, null, thread, context);
}

function newThreadProblem(
  key: string,
  fields: Readonly<Record<string, unknown>>,
  context: JudgeContext,
): string | null {
  if (!hasExactly(fields, THREAD_FIELDS)) {
    return `does not have exactly the fields ${THREAD_FIELDS.join(', ')}`;
  }
  if (fields.id !== key || !isCommentId(key)) {
    return 'has an id that is not its key or not a valid id';
  }
  if (fields.authorId !== context.userId) {
    return 'is not by the user who sends it';
  }
  if (typeof fields.quote !== 'string' || fields.quote.length > MAX_QUOTE_LENGTH) {
    return `has a quote that is not text of at most ${MAX_QUOTE_LENGTH} characters`;
  }
  for (const anchor of [fields.anchorStart, fields.anchorEnd]) {
    if (!(anchor instanceof Uint8Array) || anchor.byteLength > MAX_ANCHOR_BYTES) {
      return `has an anchor that is not bytes of at most ${MAX_ANCHOR_BYTES}`;
    }
  }
  return isTimeAllowed(fields.createdAt, 0, context) ? null : 'has a creation time in the future';
}

/** Why a thread's resolution fields are not allowed as set by the context's user; null when they are. */
function resolutionProblem(fields: Readonly<Record<string, unknown>>, context: JudgeContext): string | null {
  if (fields.resolved === false) {
    return fields.resolvedBy === null && fields.resolvedAt === null ? null : 'reopened with a resolver or time';
  }
  if (fields.resolved !== true) {
    return 'resolved is not true or false';
  }
  if (fields.resolvedBy !== context.userId) {
    return 'resolved in the name of someone else';
  }
  const createdAt = typeof fields.createdAt === 'number' ? fields.createdAt : 0;
  return isTimeAllowed(fields.resolvedAt, createdAt, context) ? null : 'resolved at a time not allowed';
}

function judgeThreadEdit(key: string, before: PlainThread, after: PlainThread, context: JudgeContext): CommentVerdict {
  const changed = changedFields(before.fields, after.fields);
  const fixed = changed.filter((name) => !RESOLUTION_FIELDS.includes(name));
  if (fixed.length > 0 || before.commentsKey !== after.commentsKey) {
    const names = before.commentsKey !== after.commentsKey ? [...fixed, COMMENTS_KEY] : fixed;
    return refuse(CommentRule.threadFixed, `thread ${key}: ${names.join(', ')} may not change`);
  }
  if (changed.length > 0) {
    const problem = resolutionProblem(after.fields, context);
    if (problem !== null) {
      return refuse(CommentRule.resolution, `thread ${key}: ${problem}`);
    }
  }
  return judgeComments(key, before, after, context);
}

function judgeComments(
  threadKey: string,
  before: PlainThread | null,
  after: PlainThread,
  context: JudgeContext,
): CommentVerdict {
  const previous = new Map((before?.comments ?? []).map((comment) => [comment.key, comment]));
  // Kept comments stay in their order: concurrent replies may land between them, nothing else.
  let kept = 0;
  const earlier = before?.comments ?? [];
  for (const comment of after.comments) {
    if (kept < earlier.length && earlier[kept]?.key === comment.key) {
      kept += 1;
    }
  }
  if (kept < earlier.length) {
    return refuse(CommentRule.commentsKept, `thread ${threadKey}: a comment was removed or moved`);
  }
  const hasNew = after.comments.length > earlier.length;
  if (hasNew && after.comments.length > MAX_COMMENTS_PER_THREAD) {
    return refuse(CommentRule.counts, `thread ${threadKey} has more than ${MAX_COMMENTS_PER_THREAD} comments`);
  }
  const ids = new Set<unknown>();
  const threadCreatedAt = typeof after.fields.createdAt === 'number' ? after.fields.createdAt : 0;
  for (const comment of after.comments) {
    const old = previous.get(comment.key);
    const verdict =
      old === undefined
        ? judgeNewComment(threadKey, comment, threadCreatedAt, context)
        : judgeCommentEdit(threadKey, old, comment, context);
    if (!verdict.ok) {
      return verdict;
    }
    const id = comment.fields?.id;
    if (old === undefined && ids.has(id)) {
      return refuse(CommentRule.newComment, `thread ${threadKey}: comment id ${String(id)} is taken`);
    }
    ids.add(id);
  }
  return ACCEPTED;
}

function judgeNewComment(
  threadKey: string,
  comment: PlainComment,
  threadCreatedAt: number,
  context: JudgeContext,
): CommentVerdict {
  const problem = newCommentProblem(comment.fields, threadCreatedAt, context);
  return problem === null ? ACCEPTED : refuse(CommentRule.newComment, `new comment in thread ${threadKey} ${problem}`);
}

function newCommentProblem(
  fields: Readonly<Record<string, unknown>> | null,
  threadCreatedAt: number,
  context: JudgeContext,
): string | null {
  if (fields === null || !hasExactly(fields, COMMENT_FIELDS)) {
    return `does not have exactly the fields ${COMMENT_FIELDS.join(', ')}`;
  }
  if (!isCommentId(fields.id)) {
    return 'has no valid id';
  }
  if (fields.authorId !== context.userId) {
    return 'is not by the user who sends it';
  }
  const text = commentTextProblem(fields.text);
  if (text !== null) {
    return `text ${text}`;
  }
  const mentions = mentionsProblem(fields.mentions);
  if (mentions !== null) {
    return `mentions ${mentions}`;
  }
  if (!isTimeAllowed(fields.createdAt, threadCreatedAt, context)) {
    return 'has a creation time in the future or before its thread';
  }
  return fields.editedAt === null && fields.isDeleted === false ? null : 'is already edited or deleted';
}

function judgeCommentEdit(
  threadKey: string,
  before: PlainComment,
  after: PlainComment,
  context: JudgeContext,
): CommentVerdict {
  const was = before.fields ?? {};
  const is = after.fields ?? {};
  const changed = changedFields(was, is);
  if (changed.length === 0) {
    return ACCEPTED;
  }
  const where = `comment ${String(was.id)} in thread ${threadKey}`;
  const fixed = changed.filter((name) => (FIXED_COMMENT_FIELDS as readonly string[]).includes(name));
  if (fixed.length > 0 || !hasExactly(is, COMMENT_FIELDS)) {
    return refuse(CommentRule.commentFixed, `${where}: ${fixed.join(', ') || 'its fields'} may not change`);
  }
  if (is.authorId !== context.userId) {
    return refuse(CommentRule.commentEdit, `${where} was changed by someone other than its author`);
  }
  const problem = commentEditProblem(was, is, context);
  return problem === null ? ACCEPTED : refuse(CommentRule.commentEdit, `${where}: ${problem}`);
}

function commentEditProblem(
  was: Readonly<Record<string, unknown>>,
  is: Readonly<Record<string, unknown>>,
  context: JudgeContext,
): string | null {
  if (is.isDeleted !== true && is.isDeleted !== false) {
    return 'isDeleted is not true or false';
  }
  if (was.isDeleted === true && is.isDeleted === false) {
    return 'a deleted comment may not come back';
  }
  // A deletion empties the text; an edit made on another device at the same time may still merge
  // its text in (each field is its own entry), so a deleted comment's text is only bounded.
  const text =
    is.isDeleted === true
      ? typeof is.text === 'string' && is.text.length <= MAX_COMMENT_LENGTH
        ? null
        : 'is not text within the limit'
      : commentTextProblem(is.text);
  if (text !== null) {
    return `text ${text}`;
  }
  const mentions = mentionsProblem(is.mentions);
  if (mentions !== null) {
    return `mentions ${mentions}`;
  }
  const createdAt = typeof is.createdAt === 'number' ? is.createdAt : 0;
  const isEditTimeKept = isSameValue(was.editedAt, is.editedAt);
  return isEditTimeKept || isTimeAllowed(is.editedAt, createdAt, context) ? null : 'edited at a time not allowed';
}
