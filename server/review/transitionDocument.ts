import { randomUUID } from 'node:crypto';
import type { Transition, TransitionResult } from '../../shared/api/review';
import type { DocRecord } from '../../shared/api/schemas';
import type { HandlingCase } from '../../shared/domain/handling';
import {
  Action,
  type Actor,
  type DocId,
  type DocStatus,
  decide,
  documentTarget,
  type SubmitCheckInput,
  type SubmitChecksConfig,
  type UserId,
  WORKFLOW,
} from '../../shared/index';
import { formatRelayReason } from '../../shared/protocol/relayReasons';
import { refusalMessage } from '../auth/refusalMessage';
import type { AccountStore, UserRecord } from '../storage/AccountStore';
import type { DocRecordStore, GetDocumentOptions } from '../storage/DocRecordStore';
import type { NewNotification, NewTransition, ReviewStore, StoredTransition } from '../storage/ReviewStore';
import { transitionWebhookEvents } from '../webhooks/transitionWebhookEvents';
import { announceNotifications, announceRecordTo, type StreamPublisher } from './announce';
import { type ContentReader, encodeCurrentSnapshot } from './contentSnapshots';
import { outdatedSigners, signedCosigners } from './outdatedSigners';
import { ReviewError } from './ReviewError';
import { nextStepTakersOf, notificationsFor, proposersOf, reviewersOf } from './recipients';
import { blockingSubmitChecks, refuseFailedChecks, type SubmitCheckDeps, submitCheckInput } from './submitChecks';
import { type TransitionVersionCause, transitionVersionName } from './versionNames';
import { withoutSnapshots } from './withoutSnapshots';

/** What a workflow transition needs, each part as narrow as the transition uses it. */
export interface TransitionDeps {
  /**
   * A request id seen before, the document's versions (to number the one a transition saves) and
   * the transition's writes in one transaction.
   */
  readonly reviews: Pick<ReviewStore, 'findTransition' | 'activity' | 'applyTransition'>;
  /** The document's record, with its co-signers' signed snapshots. */
  readonly records: Pick<DocRecordStore, 'getDocument'>;
  /** Every account: read once per transition, for whom to tell and to whom the record is announced. */
  readonly accounts: Pick<AccountStore, 'listUsers'>;
  /** The server's content (read once, for the version and the signatures) and the hold on its edits. */
  readonly content: ContentReader;
  /** Decides again what the document's open connections may do, once its status changed. */
  readonly onAccessChanged: (filter: { readonly docId: DocId }) => Promise<void>;
  /** The live streams, told of the notifications and of the record. */
  readonly hub: StreamPublisher;
  /**
   * Told once a transition stored its webhook events (with the transition, in its transaction),
   * so that they are sent now rather than at the next poll.
   */
  readonly onWebhookEvents?: () => void;
  /** The secretariat's checks before submitting (RULES.md K1-K5); absent, the defaults apply. */
  readonly settings?: SubmitCheckDeps['settings'];
  readonly now: () => number;
}

/** One transition as asked for. */
export interface TransitionInput {
  readonly transition: Transition;
  /** The status the person saw when they asked; a document that moved on since is refused. */
  readonly fromStatus: DocStatus;
  /** Kept only by a transition that needs a reason (a return); ignored otherwise. */
  readonly reason: string | null;
  /** Made by the client: the same request sent again answers the first answer and does nothing. */
  readonly requestId: string;
  /** The case an office decision opens (server/handling/openCase.ts), stored with it; none otherwise. */
  readonly filing?: HandlingCase | null;
}

/**
 * Submits, withdraws, returns, approves or files a document (P10-P12, P15, WORKFLOW): checks the request, then,
 * while the relay holds the document's content edits, saves the version of the server's content,
 * records the event and the status with the notifications and the webhook events in one
 * transaction (a submit first passes the blocking checks before submitting, checkBeforeSubmit) and has access decided again; then tells the live streams. Reads the accounts once and the content at most
 * once. Throws ReviewError when it refuses.
 */
export async function transitionDocument(
  deps: TransitionDeps,
  actor: Actor,
  docId: DocId,
  input: TransitionInput,
): Promise<TransitionResult> {
  const earlier = await deps.reviews.findTransition(input.requestId);
  if (earlier !== null) {
    return repeatedAnswer(deps, actor, docId, input, earlier);
  }
  // With the signed snapshots: a submit tells co-signers whose signature is outdated.
  const record = await findRecord(deps, docId, { withSnapshots: true });
  allow(actor, Action.readDocument, record);
  if (record.status !== input.fromStatus) {
    throw staleStatus(docId, input.fromStatus, record.status);
  }
  const rule = WORKFLOW[input.transition];
  allow(actor, rule.action, record);
  const people = await deps.accounts.listUsers();
  const checks = rule.action === Action.submitDocument ? await blockingSubmitChecks(deps, record) : null;

  // No edit may land between the version's snapshot and the status that freezes the content:
  // the content room is held from before the snapshot until access has been decided again.
  const outcome = await deps.content.holdWrites(docId, formatRelayReason(rule.holdReason), async () => {
    const plan = await planTransition(deps, { record, actorId: actor.id, input, people, checks });
    const applied = await deps.reviews.applyTransition(plan);
    if (applied.kind === 'applied') {
      // Editors turn read-only in review, approved and filed, and may write again once returned
      // or withdrawn.
      await deps.onAccessChanged({ docId });
    }
    return applied;
  });
  switch (outcome.kind) {
    case 'missing':
      throw notRegistered(docId);
    case 'stale':
      throw staleStatus(docId, input.fromStatus, outcome.status);
    case 'reviewed':
      throw alreadyReviewed(docId);
    case 'repeated':
      return repeatedAnswer(deps, actor, docId, input, outcome);
    case 'applied':
      break;
  }
  deps.onWebhookEvents?.();
  announceNotifications(deps.hub, outcome.notifications);
  announceRecordTo(deps.hub, people, outcome.record);
  return { record: withoutSnapshots(outcome.record), event: outcome.event, version: outcome.version };
}

/** The same request again: the first answer, unless the id was used for something else. */
async function repeatedAnswer(
  deps: TransitionDeps,
  actor: Actor,
  docId: DocId,
  input: TransitionInput,
  stored: StoredTransition,
): Promise<TransitionResult> {
  const { event } = stored;
  if (event.docId !== docId || event.actorId !== actor.id || event.type !== WORKFLOW[input.transition].event) {
    throw new ReviewError('conflict', `The request id ${input.requestId} was used for another request: send a new one`);
  }
  // The first answer again, to someone who may still read the document (P6) and nobody else.
  const record = await findRecord(deps, event.docId);
  allow(actor, Action.readDocument, record);
  return { record: withoutSnapshots(record), event, version: stored.version };
}

/** Everything a transition needs to know to be planned, read before the plan. */
interface PlanContext {
  readonly record: DocRecord;
  readonly actorId: UserId;
  readonly input: TransitionInput;
  readonly people: readonly UserRecord[];
  /** A submit's checks before submitting when one of them blocks; null otherwise. */
  readonly checks: SubmitChecksConfig | null;
}

/** The version, the event, the review mark and the notifications of a transition, to be stored together. */
async function planTransition(deps: TransitionDeps, context: PlanContext): Promise<NewTransition> {
  const { record, actorId, input } = context;
  const rule = WORKFLOW[input.transition];
  const at = deps.now();
  const read = await readContentOnce(deps.content, context);
  if (context.checks !== null && read.checkInput !== null) {
    // On the text the status freezes: no edit lands between the checks and the submit.
    refuseFailedChecks(record, context.checks, read.checkInput);
  }
  const version =
    rule.versionCause === null || read.snapshot === null
      ? null
      : {
          id: randomUUID(),
          docId: record.id,
          name: transitionVersionName(rule.versionCause, await ordinalOf(deps, context, rule.versionCause), at),
          cause: rule.versionCause,
          createdBy: actorId,
          createdAt: at,
          snapshot: read.snapshot,
        };
  const reason = rule.needsReason ? input.reason : null;
  const event = {
    id: randomUUID(),
    docId: record.id,
    type: rule.event,
    actorId,
    at,
    reason,
    versionId: version?.id ?? null,
    subjectId: null,
    fromStatus: input.fromStatus,
    toStatus: rule.to,
  };
  const actorName = context.people.find((person) => person.id === actorId)?.name ?? null;
  return {
    requestId: input.requestId,
    event,
    version,
    reviewedVersionId: rule.isReview ? (version?.id ?? null) : null,
    needsUnreviewed: rule.needsUnreviewed,
    notifications: notificationsOf(context, { actorId, at, reason }, read.outdated),
    webhookEvents: transitionWebhookEvents({ record, transition: input.transition, event, actorName }),
    ...(input.filing == null ? {} : { filing: input.filing }),
  };
}

/**
 * Which version of its cause the transition saves: one more than the document has. Counted
 * while the content is held; a concurrent transition of the same cause cannot also apply, since
 * it leaves from the same status.
 */
async function ordinalOf(deps: TransitionDeps, context: PlanContext, cause: TransitionVersionCause): Promise<number> {
  const { versions } = await deps.reviews.activity(context.record.id, context.actorId);
  return versions.filter((version) => version.cause === cause).length + 1;
}

/** What a transition reads of the server's content. */
interface ContentRead {
  /** The version's snapshot; null when the transition saves no version. */
  readonly snapshot: Uint8Array | null;
  /** The co-signers to tell that their signature is outdated. */
  readonly outdated: readonly UserId[];
  /** What the checks before submitting read; null when no check blocks. */
  readonly checkInput: SubmitCheckInput | null;
}

/** The version's snapshot and the outdated signatures, from one read of the content (none when neither is needed). */
async function readContentOnce(content: ContentReader, context: PlanContext): Promise<ContentRead> {
  const rule = WORKFLOW[context.input.transition];
  const isVersionSaved = rule.versionCause !== null;
  const signed = rule.remindsOutdatedSigners ? signedCosigners(context.record.cosigners) : [];
  if (!isVersionSaved && signed.length === 0 && context.checks === null) {
    return { snapshot: null, outdated: [], checkInput: null };
  }
  return content.readContent(context.record.id, (doc) => ({
    snapshot: isVersionSaved ? encodeCurrentSnapshot(doc) : null,
    outdated: outdatedSigners(doc, signed),
    checkInput: context.checks === null ? null : submitCheckInput(doc, context.record),
  }));
}

/**
 * Whom the transition concerns (its reviewers or its proposers), whoever takes the next step
 * (the secretariat, once approved), and the co-signers to sign again.
 */
function notificationsOf(
  context: PlanContext,
  content: { readonly actorId: UserId; readonly at: number; readonly reason: string | null },
  outdated: readonly UserId[],
): NewNotification[] {
  const { record, people } = context;
  const rule = WORKFLOW[context.input.transition];
  const concerned = rule.notifies === 'reviewers' ? reviewersOf(record, people) : proposersOf(record);
  const nextStep = rule.nextStepNotification;
  return [
    ...notificationsFor(record, concerned, people, { ...content, type: rule.notification }),
    ...(nextStep === null
      ? []
      : notificationsFor(record, nextStepTakersOf(record, rule.to, people), people, { ...content, type: nextStep })),
    ...notificationsFor(record, outdated, people, { ...content, type: 'cosign_outdated' }),
  ];
}

async function findRecord(deps: TransitionDeps, id: DocId, options: GetDocumentOptions = {}): Promise<DocRecord> {
  const record = await deps.records.getDocument(id, options);
  if (record === null) {
    throw notRegistered(id);
  }
  return record;
}

/** Refuses with `decide()`'s denial unless `actor` may do `action` on the document. */
function allow(actor: Actor, action: Action, record: DocRecord): void {
  const decision = decide(actor, action, documentTarget(record));
  if (!decision.allowed) {
    throw new ReviewError('forbidden', refusalMessage(decision.denial, action), decision.denial);
  }
}

function notRegistered(id: DocId): ReviewError {
  return new ReviewError('not_found', `No document ${id} is registered`);
}

function alreadyReviewed(id: DocId): ReviewError {
  return new ReviewError(
    'conflict',
    `Cannot withdraw the submission of document ${id}: a reviewer has already returned, approved or marked it reviewed since it was submitted; ask the reviewer to return it instead`,
  );
}

function staleStatus(id: DocId, asked: DocStatus, status: DocStatus): ReviewError {
  return new ReviewError(
    'conflict',
    `Document ${id} is ${status}, not ${asked} as the request assumed: it moved on meanwhile; reload it and decide again`,
  );
}
