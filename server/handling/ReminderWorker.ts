import type { NotificationType } from '../../shared/api/review';
import type { DocRecord } from '../../shared/api/schemas';
import { dueCallReminder, dueOverdueReminder } from '../../shared/domain/callReminders';
import { CaseOutcome, isOverdue, lateUnitIds } from '../../shared/domain/handling';
import { DocKind, DocStatus, Role, type UserId } from '../../shared/index';
import type { Logger } from '../logger';
import { announceNotifications, type StreamPublisher } from '../review/announce';
import { notificationsFor, reviewersOf } from '../review/recipients';
import type { AccountStore, UserRecord } from '../storage/AccountStore';
import type { DocRecordStore } from '../storage/DocRecordStore';
import type { HandlingStore } from '../storage/HandlingStore';
import type { NewNotification, ReviewStore } from '../storage/ReviewStore';
import { accountsOfUnits } from './changeCase';

/** How often the worker looks for reminders due, by default. */
export const REMINDER_INTERVAL_MS = 10 * 60 * 1000;

export interface ReminderWorkerOptions {
  readonly handling: Pick<HandlingStore, 'currentSession' | 'listCases' | 'claimReminder'>;
  readonly records: Pick<DocRecordStore, 'listDocuments'>;
  readonly accounts: Pick<AccountStore, 'listUsers'>;
  readonly reviews: Pick<ReviewStore, 'addNotifications'>;
  readonly hub: StreamPublisher;
  readonly logger: Logger;
  readonly now: () => number;
  readonly intervalMs?: number;
}

/** Drafts the call is waiting for: a document a member may still submit. */
const UNSUBMITTED: readonly DocStatus[] = [DocStatus.draft, DocStatus.returned];
/** Documents whose co-signers may still sign. */
const SIGNABLE: readonly DocStatus[] = [DocStatus.draft, DocStatus.returned, DocStatus.inReview];

/**
 * Sends the office's reminders when they fall due (RULES.md R1-R2): before the current session's
 * call for proposals closes, to the authors of proposals not submitted, to co-signers who have
 * not answered and to the reviewers of proposals waiting; and, once a week while an answer is
 * late, to the late units (催办). Each reminder is claimed in the handling store first, so that of
 * several processes, and of ticks after a restart, exactly one sends it. The reminders come from
 * the secretariat's first active account.
 */
export class ReminderWorker {
  readonly #options: ReminderWorkerOptions;
  #timer: NodeJS.Timeout | null = null;
  #running: Promise<void> | null = null;

  constructor(options: ReminderWorkerOptions) {
    this.#options = options;
  }

  start(): void {
    this.#timer ??= setInterval(() => {
      void this.tick();
    }, this.#options.intervalMs ?? REMINDER_INTERVAL_MS);
    this.#timer.unref();
  }

  async stop(): Promise<void> {
    if (this.#timer !== null) {
      clearInterval(this.#timer);
      this.#timer = null;
    }
    await this.#running;
  }

  /** Sends what is due now; one tick at a time. A failure is logged and tried again at the next tick. */
  tick(): Promise<void> {
    this.#running ??= this.#tick()
      .catch((thrown: unknown) => {
        this.#options.logger.error('sending reminders failed', { error: (thrown as Error).message });
      })
      .finally(() => {
        this.#running = null;
      });
    return this.#running;
  }

  async #tick(): Promise<void> {
    const { handling, records, accounts, now } = this.#options;
    const at = now();
    const session = await handling.currentSession();
    const callReminder = session === null ? null : dueCallReminder(session, at);
    const cases = await handling.listCases();
    const late = cases.flatMap((each) => {
      const due = each.outcome === CaseOutcome.filed ? dueOverdueReminder(each, isOverdue(each, at), at) : null;
      return due === null ? [] : [{ due, each }];
    });
    if (callReminder === null && late.length === 0) {
      return;
    }
    const [people, docs] = await Promise.all([accounts.listUsers(), records.listDocuments()]);
    const office = people.find((person) => person.role === Role.secretariat && person.isActive);
    if (office === undefined) {
      return;
    }
    const notifications: NewNotification[] = [];
    if (session !== null && callReminder !== null && (await handling.claimReminder(callReminder.key, at))) {
      const words = { excerpt: session.name, reason: String(callReminder.daysLeft) };
      notifications.push(...callNotifications(docs, people, { actorId: office.id, at, ...words }));
    }
    for (const { due, each } of late) {
      const record = docs.find((doc) => doc.id === each.docId);
      if (record !== undefined && (await handling.claimReminder(due.key, at))) {
        const late = accountsOfUnits(people, lateUnitIds(each));
        notifications.push(
          ...notificationsFor(record, late, people, { type: 'handling_overdue', actorId: office.id, at }),
        );
      }
    }
    if (notifications.length > 0) {
      announceNotifications(this.#options.hub, await this.#options.reviews.addNotifications(notifications));
    }
  }
}

/** R1's notifications: authors of unsubmitted proposals, co-signers still invited, reviewers of what waits. */
function callNotifications(
  docs: readonly DocRecord[],
  people: readonly UserRecord[],
  content: { readonly actorId: UserId; readonly at: number; readonly excerpt: string; readonly reason: string },
): NewNotification[] {
  const tell = (record: DocRecord, userIds: readonly UserId[], type: NotificationType) =>
    notificationsFor(record, userIds, people, { ...content, type });
  return docs
    .filter((record) => record.kind === DocKind.proposal && !record.isArchived)
    .flatMap((record) => [
      ...(UNSUBMITTED.includes(record.status)
        ? tell(record, [...(record.createdBy === null ? [] : [record.createdBy]), ...record.authorIds], 'call_closing')
        : []),
      ...(SIGNABLE.includes(record.status)
        ? tell(
            record,
            record.cosigners.filter((cosigner) => cosigner.state === 'invited').map((cosigner) => cosigner.userId),
            'call_closing_cosign',
          )
        : []),
      ...(record.status === DocStatus.inReview ? tell(record, reviewersOf(record, people), 'call_closing_review') : []),
    ]);
}
