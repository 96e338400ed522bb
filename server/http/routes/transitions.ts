import { randomUUID } from 'node:crypto';
import type { Hono } from 'hono';
import {
  type DocEventType,
  type NotificationType,
  TRANSITION_ACTIONS,
  type Transition,
  type TransitionResult,
  transitionRequestSchema,
  type VersionCause,
} from '../../../shared/api/review';
import { type DocRecord, docIdSchema } from '../../../shared/api/schemas';
import {
  Action,
  type Actor,
  type DocStatus,
  documentTarget,
  STATUS_AFTER,
  type WorkflowAction,
} from '../../../shared/index';
import { RelayReason } from '../../../shared/protocol/relayReasons';
import { announceNotifications, announceRecord } from '../../review/announce';
import { encodeCurrentSnapshot } from '../../review/contentSnapshots';
import { outdatedSigners } from '../../review/outdatedSigners';
import { notificationsFor, proposersOf, reviewersOf } from '../../review/recipients';
import { TRANSITION_VERSION_NAMES } from '../../review/versionNames';
import { withoutSnapshots } from '../../review/withoutSnapshots';
import type { NewNotification, NewTransition, NewVersion, StoredTransition } from '../../storage/ReviewStore';
import { ApiError } from '../ApiError';
import type { ApiDeps, ApiEnv } from '../apiEnv';
import { findDoc } from '../findDoc';
import { permit } from '../permit';
import { requireUser } from '../requireUser';
import { jsonBody, param } from '../validate';

/** What each transition of the API is, on the domain's side and in the records. */
const TRANSITIONS: {
  readonly [T in Transition]: {
    readonly action: WorkflowAction;
    readonly event: DocEventType;
    /** The version saved with it; null: none is saved. */
    readonly version: { readonly name: string; readonly cause: VersionCause } | null;
    readonly notification: NotificationType;
    /** Told to writers whose edits are dropped while the transition is recorded. */
    readonly holdReason: string;
  };
} = {
  submit: {
    action: TRANSITION_ACTIONS.submit,
    event: 'submitted',
    version: { name: TRANSITION_VERSION_NAMES.submit, cause: 'submit' },
    notification: 'review_requested',
    holdReason: RelayReason.submitting,
  },
  return: {
    action: TRANSITION_ACTIONS.return,
    event: 'returned',
    version: { name: TRANSITION_VERSION_NAMES.return, cause: 'return' },
    notification: 'returned',
    holdReason: RelayReason.returning,
  },
  approve: {
    action: TRANSITION_ACTIONS.approve,
    event: 'approved',
    version: { name: TRANSITION_VERSION_NAMES.approve, cause: 'approve' },
    notification: 'approved',
    holdReason: RelayReason.approving,
  },
  file: {
    action: TRANSITION_ACTIONS.file,
    event: 'filed',
    version: null,
    notification: 'filed',
    holdReason: RelayReason.filing,
  },
};

interface TransitionInput {
  readonly transition: Transition;
  readonly fromStatus: DocStatus;
  readonly reason: string | null;
  readonly requestId: string;
}

/** The same request again: the first answer, unless the id was used for something else. */
async function repeatedAnswer(
  deps: ApiDeps,
  actor: Actor,
  input: TransitionInput,
  stored: StoredTransition,
  docId: string,
): Promise<TransitionResult> {
  const { event } = stored;
  if (event.docId !== docId || event.actorId !== actor.id || event.type !== TRANSITIONS[input.transition].event) {
    throw ApiError.conflict(`The request id ${input.requestId} was used for another request: send a new one`);
  }
  // The first answer again, to someone who may still read the document (P6) and nobody else.
  const record = await findDoc(deps, event.docId);
  permit(actor, Action.readDocument, documentTarget(record));
  return { record: withoutSnapshots(record), event, version: stored.version };
}

/** Who is told, by transition: reviewers of a submission, the proposers of everything else. */
async function notificationsOf(
  deps: ApiDeps,
  record: DocRecord,
  actor: Actor,
  input: TransitionInput,
  at: number,
): Promise<NewNotification[]> {
  const users = await deps.store.listUsers();
  const content = { actorId: actor.id, at, reason: input.reason };
  if (input.transition !== 'submit') {
    const type = TRANSITIONS[input.transition].notification;
    return notificationsFor(record, proposersOf(record), users, { ...content, type });
  }
  const outdated = await outdatedSigners(deps.content, record.id, record.cosigners);
  return [
    ...notificationsFor(record, reviewersOf(record, users), users, { ...content, type: 'review_requested' }),
    ...notificationsFor(record, outdated, users, { ...content, type: 'cosign_outdated' }),
  ];
}

async function planTransition(
  deps: ApiDeps,
  record: DocRecord,
  actor: Actor,
  input: TransitionInput,
): Promise<NewTransition> {
  const { event: type, version: saved, action } = TRANSITIONS[input.transition];
  const at = deps.now();
  let version: NewVersion | null = null;
  if (saved !== null) {
    version = {
      id: randomUUID(),
      docId: record.id,
      name: saved.name,
      cause: saved.cause,
      createdBy: actor.id,
      createdAt: at,
      snapshot: await deps.content.readContent(record.id, encodeCurrentSnapshot),
    };
  }
  const isReview = action === Action.returnDocument || action === Action.approveDocument;
  return {
    requestId: input.requestId,
    event: {
      id: randomUUID(),
      docId: record.id,
      type,
      actorId: actor.id,
      at,
      reason: input.transition === 'return' ? input.reason : null,
      versionId: version?.id ?? null,
      subjectId: null,
      fromStatus: input.fromStatus,
      toStatus: STATUS_AFTER[action],
    },
    version,
    reviewedVersionId: isReview ? (version?.id ?? null) : null,
    notifications: await notificationsOf(deps, record, actor, input, at),
  };
}

function staleStatus(id: string, asked: DocStatus, status: DocStatus): ApiError {
  return ApiError.conflict(
    `Document ${id} is ${status}, not ${asked} as the request assumed: it moved on meanwhile; reload it and decide again`,
  );
}

/** `POST /api/docs/:id/transitions`: submit, return, approve and file (P10-P12). */
export function registerTransitionRoutes(api: Hono<ApiEnv>, deps: ApiDeps): void {
  api.post('/docs/:id/transitions', requireUser(deps), jsonBody(transitionRequestSchema), async (c) => {
    const id = param(docIdSchema, c.req.param('id'), 'id');
    const body = c.get('body');
    const { actor } = c.get('auth');
    const input: TransitionInput = {
      transition: body.action,
      fromStatus: body.fromStatus,
      // Only a return carries a reason; one sent with another transition is ignored.
      reason: body.action === 'return' ? (body.reason ?? null) : null,
      requestId: body.requestId,
    };
    const earlier = await deps.reviews.findTransition(input.requestId);
    if (earlier !== null) {
      return c.json(await repeatedAnswer(deps, actor, input, earlier, id), 200);
    }
    // With the signed snapshots: a submit tells co-signers whose signature is outdated.
    const record = await findDoc(deps, id, { withSnapshots: true });
    permit(actor, Action.readDocument, documentTarget(record));
    if (record.status !== input.fromStatus) {
      throw staleStatus(id, input.fromStatus, record.status);
    }
    permit(actor, TRANSITIONS[input.transition].action, documentTarget(record));

    // No edit may land between the version's snapshot and the status that freezes the content:
    // the content room is held from before the snapshot until access has been decided again.
    const outcome = await deps.content.holdWrites(id, TRANSITIONS[input.transition].holdReason, async () => {
      const applied = await deps.reviews.applyTransition(await planTransition(deps, record, actor, input));
      if (applied.kind === 'applied') {
        // Editors turn read-only in review, approved and filed, and may write again once returned.
        await deps.onAccessChanged({ docId: id });
      }
      return applied;
    });
    switch (outcome.kind) {
      case 'missing':
        throw ApiError.notFound(`No document ${id} is registered`);
      case 'stale':
        throw staleStatus(id, input.fromStatus, outcome.status);
      case 'repeated':
        return c.json(await repeatedAnswer(deps, actor, input, outcome, id), 200);
      case 'applied':
        break;
    }
    announceNotifications(deps.hub, outcome.notifications);
    await announceRecord(deps.hub, deps.store, outcome.record);
    const result: TransitionResult = {
      record: withoutSnapshots(outcome.record),
      event: outcome.event,
      version: outcome.version,
    };
    return c.json(result, 200);
  });
}
