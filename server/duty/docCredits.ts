import { textShares } from '../../shared/domain/contributionShare';
import { commentCounts, type DocCredit } from '../../shared/domain/dutyCredits';
import { type DocId, DocStatus, RoomKind, type UserId } from '../../shared/index';
import type { Logger } from '../logger';
import type { ContentReader } from '../review/contentSnapshots';
import type { DutyStore } from '../storage/DutyStore';
import type { ReviewStore } from '../storage/ReviewStore';

/** The statuses after the office's decision: the text is frozen, its credits can be read once. */
const DECIDED: readonly DocStatus[] = [DocStatus.filed, DocStatus.notFiled, DocStatus.merged];
const REVIEWS: readonly string[] = ['reviewed', 'returned', 'approved'];

export interface DocCreditsDeps {
  readonly duty: Pick<DutyStore, 'creditedDocIds' | 'putCredits'>;
  readonly content: Pick<ContentReader, 'readContent'>;
  readonly reviews: Pick<ReviewStore, 'activity'>;
  readonly logger?: Logger;
}

/** What a document's credits read of its record. */
export interface CreditSubject {
  readonly id: DocId;
  readonly status: DocStatus;
  readonly createdBy: UserId | null;
  readonly updatedAt: number;
}

/**
 * L4, L6: who wrote how much of a decided document's final text, who commented on it and who
 * reviewed it, read from the server's content, its discussion and its timeline.
 */
export async function readDocCredits(deps: DocCreditsDeps, subject: CreditSubject): Promise<DocCredit[]> {
  const shares = await deps.content.readContent(subject.id, (doc) => textShares(doc));
  const comments = await deps.content.readContent(subject.id, (doc) => commentCounts(doc), RoomKind.comments);
  const { events } = await deps.reviews.activity(subject.id, subject.createdBy ?? ('' as UserId));
  const reviews = new Map<string, number>();
  for (const event of events) {
    if (REVIEWS.includes(event.type)) {
      reviews.set(event.actorId, (reviews.get(event.actorId) ?? 0) + 1);
    }
  }
  const decision = events.findLast((event) => DECIDED.includes(event.toStatus as DocStatus));
  const at = decision?.at ?? subject.updatedAt;
  const total = [...shares.values()].reduce((sum, chars) => sum + chars, 0);
  const people = new Set([...shares.keys(), ...comments.keys(), ...reviews.keys()]);
  return [...people].sort().map((userId) => ({
    docId: subject.id,
    userId: userId as UserId,
    chars: shares.get(userId) ?? 0,
    total,
    comments: comments.get(userId) ?? 0,
    reviews: reviews.get(userId) ?? 0,
    at,
  }));
}

/**
 * Reads and keeps the credits of every decided document whose credits were not read yet: once
 * per document, the first time a duty record is asked for after the office decided on it.
 */
export async function ensureDocCredits(deps: DocCreditsDeps, subjects: readonly CreditSubject[]): Promise<number> {
  const done = await deps.duty.creditedDocIds();
  const due = subjects.filter((subject) => DECIDED.includes(subject.status) && !done.has(subject.id));
  for (const subject of due) {
    try {
      await deps.duty.putCredits(subject.id, await readDocCredits(deps, subject));
    } catch (thrown) {
      // The next read tries again; the year is scored without this document's credits meanwhile.
      deps.logger?.error('reading a document’s credits failed', {
        docId: subject.id,
        error: (thrown as Error).message,
      });
    }
  }
  return due.length;
}
