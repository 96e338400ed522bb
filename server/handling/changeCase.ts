import { type CaseAnswer, handlingTarget } from '../../shared/api/handling';
import type { NotificationType } from '../../shared/api/review';
import type { DocRecord } from '../../shared/api/schemas';
import {
  type CaseChange,
  caseStage,
  type HandlingCase,
  type HandlingRefusal,
  handlingUnitIds,
  isOverdue,
} from '../../shared/domain/handling';
import {
  type Action,
  type ActionTargets,
  type Actor,
  can,
  type DocId,
  type DocumentTarget,
  decide,
  Role,
  type UserId,
} from '../../shared/index';
import { refusalMessage } from '../auth/refusalMessage';
import { announceNotifications, announceRecordTo, type StreamPublisher } from '../review/announce';
import { ReviewError } from '../review/ReviewError';
import { notificationsFor } from '../review/recipients';
import type { AccountStore, UserRecord } from '../storage/AccountStore';
import type { DocRecordStore } from '../storage/DocRecordStore';
import type { HandlingStore } from '../storage/HandlingStore';
import type { ReviewStore } from '../storage/ReviewStore';

/** What the handling use cases need, each part as narrow as they use it. */
export interface HandlingDeps {
  readonly handling: Pick<HandlingStore, 'getCase' | 'saveCase'>;
  readonly records: Pick<DocRecordStore, 'getDocument'>;
  readonly accounts: Pick<AccountStore, 'listUsers'>;
  readonly reviews: Pick<ReviewStore, 'addNotifications'>;
  readonly hub: StreamPublisher;
  /** Decides again what the document's open connections may do: the units that read it changed. */
  readonly onAccessChanged: (filter: { readonly docId: DocId }) => Promise<void>;
  readonly now: () => number;
}

/** What a step of the handling knows when it runs. */
export interface StepContext {
  readonly actor: Actor;
  readonly record: DocRecord;
  /** The proposal's first proposer (its creator): whose rating decides. */
  readonly firstProposer: UserId;
  readonly at: number;
  readonly people: readonly UserRecord[];
}

/** Who is told what after a step. */
export interface StepNotice {
  readonly type: NotificationType;
  readonly userIds: readonly UserId[];
  readonly reason?: string | null;
}

/** One change to a case: who may make it, the pure rule, and whom it concerns. */
export interface CaseStep {
  readonly action: DocumentAction;
  apply(current: HandlingCase, context: StepContext): CaseChange;
  notices?(before: HandlingCase, after: HandlingCase, context: StepContext): readonly StepNotice[];
}

const REFUSALS: { readonly [R in HandlingRefusal]: string } = {
  not_filed: 'it is not a filed proposal',
  already_handed: 'it is handed over already: reassign a declined unit instead',
  not_handed: 'it is not handed over yet, or nothing is late',
  bad_units: 'name each unit once, at most eight, none already handling it',
  not_your_unit: 'it is not handed to your unit, or your unit declined it',
  not_pending: 'your unit has accepted or declined it already',
  window_closed: 'the days to decline it have passed: answer it, or ask the secretariat',
  not_declined: 'that unit did not decline it',
  not_answering: 'a co-unit sends its opinion to the lead unit, which answers',
  not_co_unit: 'only a co-unit sends an opinion to the lead unit',
  not_answered: 'it waits for its answers before it is rated',
  closed: 'its handling is closed',
  empty_answer: 'an answer needs its text, or an uploaded reply letter',
};

/** The actions decided on one document. */
type DocumentAction = { [A in Action]: ActionTargets[A] extends DocumentTarget ? A : never }[Action];

function allow(actor: Actor, action: DocumentAction, record: DocRecord): void {
  const decision = decide(actor, action, handlingTarget(record));
  if (!decision.allowed) {
    throw new ReviewError('forbidden', refusalMessage(decision.denial, action), decision.denial);
  }
}

async function findRecord(deps: Pick<HandlingDeps, 'records'>, docId: DocId): Promise<DocRecord> {
  const record = await deps.records.getDocument(docId);
  if (record === null) {
    throw new ReviewError('not_found', `No document ${docId} is registered`);
  }
  return record;
}

/** The case as the API answers it to `actor`: the thread only to its parties and the chairs (P18). */
export function caseAnswer(stored: HandlingCase, record: DocRecord, actor: Actor, now: number): CaseAnswer {
  const firstProposer = record.createdBy ?? stored.decidedBy;
  const seesThread = actor.role === Role.chair || can(actor, 'discuss_handling', handlingTarget(record));
  return {
    case: seesThread ? stored : { ...stored, messages: [] },
    stage: caseStage(stored, firstProposer),
    isOverdue: isOverdue(stored, now),
  };
}

/** The case of a document the actor may read; 404 when it has none. */
export async function readCase(
  deps: Pick<HandlingDeps, 'records' | 'handling' | 'now'>,
  actor: Actor,
  docId: DocId,
): Promise<CaseAnswer> {
  const record = await findRecord(deps, docId);
  allow(actor, 'read_document', record);
  const stored = await deps.handling.getCase(docId);
  if (stored === null) {
    throw new ReviewError('not_found', `Document ${docId} has no case: the office has not decided on it yet`);
  }
  return caseAnswer(stored, record, actor, deps.now());
}

const ATTEMPTS = 5;

/**
 * Runs one step on a document's case: checks who asks (P16-P18), applies the pure rule to the
 * stored case and saves it on the version it read, again from a fresh read when another change
 * came first; then has access decided again when the units changed, tells whom it concerns and
 * announces the record. Throws ReviewError when it refuses.
 */
export async function changeCase(deps: HandlingDeps, actor: Actor, docId: DocId, step: CaseStep): Promise<CaseAnswer> {
  const record = await findRecord(deps, docId);
  allow(actor, 'read_document', record);
  allow(actor, step.action, record);
  const people = await deps.accounts.listUsers();
  const context: StepContext = { actor, record, firstProposer: record.createdBy ?? actor.id, at: deps.now(), people };
  for (let attempt = 0; attempt < ATTEMPTS; attempt += 1) {
    const before = await deps.handling.getCase(docId);
    if (before === null) {
      throw new ReviewError('conflict', `Document ${docId} has no case: the office has not decided on it yet`);
    }
    const change = step.apply(before, context);
    if (!change.ok) {
      throw new ReviewError('conflict', `Cannot do this on document ${docId}: ${REFUSALS[change.refusal]}`);
    }
    const saved = await deps.handling.saveCase(change.next);
    if (saved === 'missing') {
      throw new ReviewError('not_found', `Document ${docId} has no case any more`);
    }
    if (saved === 'saved') {
      return afterSave(deps, { before, after: change.next, context, step });
    }
  }
  throw new ReviewError('conflict', `Document ${docId} changed several times meanwhile: try again`);
}

async function afterSave(
  deps: HandlingDeps,
  saved: { before: HandlingCase; after: HandlingCase; context: StepContext; step: CaseStep },
): Promise<CaseAnswer> {
  const { before, after, context, step } = saved;
  const docId = after.docId;
  const unitsChanged = handlingUnitIds(before).join() !== handlingUnitIds(after).join();
  // The record carries the units that read it: read it again after they changed.
  const record = unitsChanged ? await findRecord(deps, docId) : context.record;
  if (unitsChanged) {
    await deps.onAccessChanged({ docId });
    announceRecordTo(deps.hub, context.people, record);
  }
  const notices = step.notices?.(before, after, { ...context, record }) ?? [];
  const notifications = notices.flatMap((notice) =>
    notificationsFor(record, notice.userIds, context.people, {
      type: notice.type,
      actorId: context.actor.id,
      at: context.at,
      reason: notice.reason ?? null,
    }),
  );
  if (notifications.length > 0) {
    announceNotifications(deps.hub, await deps.reviews.addNotifications(notifications));
  }
  return caseAnswer(after, record, context.actor, context.at);
}

/** The accounts of these units. */
export function accountsOfUnits(people: readonly UserRecord[], unitIds: readonly string[]): UserId[] {
  return people.filter((person) => person.unitId !== null && unitIds.includes(person.unitId)).map((p) => p.id);
}

/** The secretariat's accounts. */
export function officeAccounts(people: readonly UserRecord[]): UserId[] {
  return people.filter((person) => person.role === Role.secretariat && person.isActive).map((p) => p.id);
}
