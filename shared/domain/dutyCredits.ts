import * as Y from 'yjs';
import { COMMENTS_KEY } from './comments';
import { threadsOf } from './commentsDoc';
import type { DutyFact } from './dutyScoring';
import type { DocId, UserId } from './ids';
import { DocStatus } from './roles';

/**
 * What each person gave a document by the time the office decided on it (docs/RULES.md L4, L6):
 * the characters of the final text they wrote (contributionShare.ts), the comments they wrote
 * and the reviews they gave. Read once when the text is frozen and kept, so that scoring a year
 * never opens a document again.
 */
export interface DocCredit {
  readonly docId: DocId;
  readonly userId: UserId;
  /** Characters of the final title and body the person wrote. */
  readonly chars: number;
  /** Characters of the final title and body everybody wrote. */
  readonly total: number;
  readonly comments: number;
  readonly reviews: number;
  /** When the office decided. */
  readonly at: number;
}

/** Comments each person wrote in a document's discussion and did not delete: user id -> count. */
export function commentCounts(doc: Y.Doc): Map<string, number> {
  const counts = new Map<string, number>();
  threadsOf(doc).forEach((thread) => {
    const comments = thread instanceof Y.Map ? thread.get(COMMENTS_KEY) : null;
    if (!(comments instanceof Y.Array)) {
      return;
    }
    for (const comment of comments.toArray()) {
      if (comment instanceof Y.Map && comment.get('isDeleted') !== true) {
        const author = comment.get('authorId');
        if (typeof author === 'string') {
          counts.set(author, (counts.get(author) ?? 0) + 1);
        }
      }
    }
  });
  return counts;
}

/** What the credit facts read of a document's record. */
export interface CreditedRecord {
  readonly id: DocId;
  readonly status: DocStatus;
  readonly createdBy: UserId | null;
}

/**
 * L4, L6: the facts credits give. A share of the final text counts for a filed document only;
 * comments and reviews count on another's document, whatever the office decided.
 */
export function creditFacts(credits: readonly DocCredit[], records: ReadonlyMap<string, CreditedRecord>): DutyFact[] {
  return credits.flatMap((credit): DutyFact[] => {
    const record = records.get(credit.docId);
    if (record === undefined) {
      return [];
    }
    const base = { userId: credit.userId, at: credit.at, source: { type: 'document' as const, id: credit.docId } };
    const facts: DutyFact[] = [];
    if (record.status === DocStatus.filed && credit.chars > 0 && credit.total > 0) {
      facts.push({
        ...base,
        id: `${credit.docId}:share:${credit.userId}`,
        kind: 'text_share',
        chars: credit.chars,
        total: credit.total,
      });
    }
    const isOwn = record.createdBy === credit.userId;
    if (!isOwn && credit.comments > 0) {
      facts.push({
        ...base,
        id: `${credit.docId}:comments:${credit.userId}`,
        kind: 'comments',
        count: credit.comments,
      });
    }
    if (!isOwn && credit.reviews > 0) {
      facts.push({ ...base, id: `${credit.docId}:reviews:${credit.userId}`, kind: 'reviews', count: credit.reviews });
    }
    return facts;
  });
}
