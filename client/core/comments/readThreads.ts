import * as Y from 'yjs';
import { z } from 'zod';
import { userIdSchema } from '../../../shared/api/schemas';
import {
  type Comment,
  MAX_COMMENT_LENGTH,
  MAX_QUOTE_LENGTH,
  mentionsSchema,
  type Thread,
  threadsOf,
} from './commentTypes';

/**
 * Reading the threads back. The relay judges every update to a comments room (docs/RULES.md,
 * Comments), but what was stored before it did, or by a server of another version, is data from
 * outside like any other: every thread and comment is validated, and what is not valid is left
 * out rather than shown half.
 */

const commentSchema = z.object({
  id: z.string().min(1),
  authorId: userIdSchema,
  text: z.string().max(MAX_COMMENT_LENGTH),
  mentions: mentionsSchema.catch([]),
  createdAt: z.number(),
  editedAt: z.number().nullable().catch(null),
  isDeleted: z.boolean(),
});

const threadSchema = z.object({
  id: z.string().min(1),
  anchorStart: z.instanceof(Uint8Array),
  anchorEnd: z.instanceof(Uint8Array),
  quote: z.string().max(MAX_QUOTE_LENGTH),
  authorId: userIdSchema,
  createdAt: z.number(),
  resolved: z.boolean().catch(false),
  resolvedBy: userIdSchema.nullable().catch(null),
  resolvedAt: z.number().nullable().catch(null),
});

function readComment(value: unknown): Comment | null {
  if (!(value instanceof Y.Map)) {
    return null;
  }
  const parsed = commentSchema.safeParse(value.toJSON());
  if (!parsed.success) {
    return null;
  }
  // An edit made on the author's other device may merge its text into a deletion (docs/RULES.md
  // CM7): a deleted comment reads as empty whatever its entries hold.
  return parsed.data.isDeleted ? { ...parsed.data, text: '', mentions: [] } : parsed.data;
}

/** One thread as plain data; null when it does not exist or what is stored is not a thread. */
export function readThread(doc: Y.Doc, threadId: string): Thread | null {
  const value = threadsOf(doc).get(threadId);
  return value instanceof Y.Map ? toThread(value) : null;
}

function toThread(map: Y.Map<unknown>): Thread | null {
  const fields = threadSchema.safeParse({
    id: map.get('id'),
    anchorStart: map.get('anchorStart'),
    anchorEnd: map.get('anchorEnd'),
    quote: map.get('quote'),
    authorId: map.get('authorId'),
    createdAt: map.get('createdAt'),
    resolved: map.get('resolved'),
    resolvedBy: map.get('resolvedBy'),
    resolvedAt: map.get('resolvedAt'),
  });
  const list = map.get('comments');
  if (!fields.success || !(list instanceof Y.Array)) {
    return null;
  }
  const { anchorStart, anchorEnd, ...rest } = fields.data;
  const comments = list.toArray().flatMap((each) => readComment(each) ?? []);
  return { ...rest, anchor: { start: anchorStart, end: anchorEnd }, comments };
}

export interface ListOptions {
  /**
   * The thread's position in the document (its start), or null when its passage is gone. Threads
   * with a position come first in document order; the others follow, oldest first.
   */
  readonly positionOf?: (thread: Thread) => number | null;
}

/**
 * Sorts threads into document order by `positionOf` (their start); those whose passage is gone
 * (null) follow, oldest first. Ties and unplaced threads are ordered by creation.
 */
export function sortThreads(threads: readonly Thread[], positionOf: (thread: Thread) => number | null): Thread[] {
  const placed = threads.map((thread) => ({ thread, position: positionOf(thread) }));
  placed.sort((a, b) => {
    if (a.position !== null && b.position !== null && a.position !== b.position) {
      return a.position - b.position;
    }
    if ((a.position === null) !== (b.position === null)) {
      return a.position === null ? 1 : -1;
    }
    return a.thread.createdAt - b.thread.createdAt || a.thread.id.localeCompare(b.thread.id);
  });
  return placed.map((entry) => entry.thread);
}

/** Whether a thread is listed: one whose every comment was deleted is gone from the panel. */
export function isListed(thread: Thread | null): thread is Thread {
  return thread?.comments.some((comment) => !comment.isDeleted) === true;
}

/**
 * Every thread with at least one comment not deleted, in document order when `positionOf` is
 * given, otherwise oldest first. Entries that are not valid threads are left out.
 */
export function listThreads(doc: Y.Doc, options: ListOptions = {}): Thread[] {
  const threads: Thread[] = [];
  for (const value of threadsOf(doc).values()) {
    const thread = value instanceof Y.Map ? toThread(value) : null;
    if (isListed(thread)) {
      threads.push(thread);
    }
  }
  return sortThreads(threads, options.positionOf ?? (() => null));
}

/**
 * Calls `onChange` after every change of the threads (local, stored or remote) with the ids of
 * the threads it touched, so that a list of hundreds of threads reads again only those.
 */
export function observeThreads(doc: Y.Doc, onChange: (threadIds: ReadonlySet<string>) => void): () => void {
  const threads = threadsOf(doc);
  const listener = (events: Y.YEvent<Y.AbstractType<unknown>>[]): void => {
    const changed = new Set<string>();
    for (const event of events) {
      if (event.target === threads && event instanceof Y.YMapEvent) {
        for (const key of event.keysChanged) {
          changed.add(key);
        }
      } else if (typeof event.path[0] === 'string') {
        changed.add(event.path[0]);
      }
    }
    onChange(changed);
  };
  threads.observeDeep(listener);
  return () => threads.unobserveDeep(listener);
}
