import { randomUUID } from 'node:crypto';
import type { NotificationType } from '../../shared/api/review';
import type { UserId } from '../../shared/index';
import type { NewNotification } from '../storage/ReviewStore';

/**
 * A notification about a member's duty record (B2, B4, B5): about no document; the year travels
 * as the title, a note or a reason with it. The inbox leads to the duty pages by its type.
 */
export function dutyNotification(input: {
  readonly type: Extract<NotificationType, `duty_${string}`>;
  readonly to: UserId;
  readonly actorId: UserId;
  readonly year: number;
  readonly at: number;
  /** The member the record is of, when the notification goes to someone else (travels as the thread). */
  readonly memberId?: UserId;
  readonly note?: string | null;
}): NewNotification {
  return {
    id: randomUUID(),
    userId: input.to,
    type: input.type,
    docId: null,
    docTitle: String(input.year),
    actorId: input.actorId,
    at: input.at,
    reason: null,
    excerpt: input.note ?? null,
    threadId: input.memberId ?? null,
    commentId: null,
  };
}
