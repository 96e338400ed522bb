import * as Y from 'yjs';
import { COMMENTS_KEY, type PlainComment, type PlainThread, THREADS_KEY } from './comments';

/**
 * Reads a comments Y.Doc as the plain values the comment rules judge (shared/domain/comments.ts).
 * Shared types are named by their item's id, so that one replaced by another with the same
 * content is still seen as replaced.
 */

/** The root map of threads in a comments doc. */
export function threadsOf(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(THREADS_KEY);
}

/** Anything with an item: a Yjs shared type. */
interface HasItem {
  readonly _item: Y.Item | null;
}

function itemKeyOf(type: HasItem): string {
  const item = type._item;
  return item === null ? 'root' : `${item.id.client}:${item.id.clock}`;
}

function plainValue(value: unknown): unknown {
  return value instanceof Y.AbstractType ? { sharedType: itemKeyOf(value) } : value;
}

function plainEntries(map: Y.Map<unknown>, skip: string | null): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  for (const [name, value] of map.entries()) {
    if (name !== skip) {
      fields[name] = plainValue(value);
    }
  }
  return fields;
}

/** Which comments to read whole, by key; the others are read as their id alone. */
export type CommentFilter = (commentKey: string) => boolean;

const EVERY_COMMENT: CommentFilter = () => true;

/**
 * Comments read as their id alone, by map: a map's item never changes, and a comment's id does
 * not either (CM6) once stored; a comment an update touches is read whole, never from here.
 */
const idOnly = new WeakMap<Y.Map<unknown>, PlainComment>();

function plainComment(value: unknown, index: number, list: Y.Array<unknown>, isWhole: CommentFilter): PlainComment {
  if (value instanceof Y.Map) {
    const known = idOnly.get(value);
    if (known !== undefined && !isWhole(known.key)) {
      return known;
    }
    const key = known?.key ?? itemKeyOf(value);
    if (isWhole(key)) {
      return { key, fields: plainEntries(value, null) };
    }
    const comment = { key, fields: { id: plainValue(value.get('id')) } };
    idOnly.set(value, comment);
    return comment;
  }
  // Not a map: named by its position, which is enough to refuse it as new and to see it go.
  return { key: `${itemKeyOf(list)}#${index}:${JSON.stringify(plainValue(value)) ?? ''}`, fields: null };
}

/**
 * The thread under `key` as plain values; null when there is none. Anything not a Y.Map counts as
 * a thread with no valid fields. Comments `isWhole` rejects are read as their id alone: the relay
 * reads whole only the comments an update touched or added, which the rules compare field by
 * field, so that judging a reply in a long thread does not copy every comment in it.
 */
export function readPlainThread(doc: Y.Doc, key: string, isWhole: CommentFilter = EVERY_COMMENT): PlainThread | null {
  const threads = threadsOf(doc);
  if (!threads.has(key)) {
    return null;
  }
  const value = threads.get(key);
  if (!(value instanceof Y.Map)) {
    return { key: `value:${JSON.stringify(plainValue(value)) ?? ''}`, fields: {}, commentsKey: null, comments: [] };
  }
  const list = value.get(COMMENTS_KEY);
  const isList = list instanceof Y.Array;
  return {
    key: itemKeyOf(value),
    fields: plainEntries(value, COMMENTS_KEY),
    commentsKey: isList ? itemKeyOf(list) : null,
    comments: isList ? list.toArray().map((each, index) => plainComment(each, index, list, isWhole)) : [],
  };
}

/** The fields of the comment `commentId` of thread `threadId`; null when there is no such comment. */
export function findPlainComment(
  doc: Y.Doc,
  threadId: string,
  commentId: string,
): Readonly<Record<string, unknown>> | null {
  const thread = readPlainThread(doc, threadId);
  const comment = thread?.comments.find((each) => each.fields?.id === commentId);
  return comment?.fields ?? null;
}
