import { randomUUID } from 'node:crypto';
import type { Hono } from 'hono';
import { type Transition, type TransitionResult, transitionRequestSchema } from '../../../shared/api/review';
import { type DocRecord, docIdSchema } from '../../../shared/api/schemas';
import { Action, type Actor, type DocStatus, documentTarget, WORKFLOW } from '../../../shared/index';
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
  if (event.docId !== docId || event.actorId !== actor.id || event.type !== WORKFLOW[input.transition].event) {
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
  const rule = WORKFLOW[input.transition];
  const content = { actorId: actor.id, at, reason: input.reason };
  const concerned = rule.notifies === 'reviewers' ? reviewersOf(record, users) : proposersOf(record);
  const told = notificationsFor(record, concerned, users, { ...content, type: rule.notification });
  if (!rule.remindsOutdatedSigners) {
    return told;
  }
  const outdated = await outdatedSigners(deps.content, record.id, record.cosigners);
  return [...told, ...notificationsFor(record, outdated, users, { ...content, type: 'cosign_outdated' })];
}

async function planTransition(
  deps: ApiDeps,
  record: DocRecord,
  actor: Actor,
  input: TransitionInput,
): Promise<NewTransition> {
  const rule = WORKFLOW[input.transition];
  const at = deps.now();
  let version: NewVersion | null = null;
  if (rule.versionCause !== null) {
    version = {
      id: randomUUID(),
      docId: record.id,
      name: TRANSITION_VERSION_NAMES[rule.versionCause],
      cause: rule.versionCause,
      createdBy: actor.id,
      createdAt: at,
      snapshot: await deps.content.readContent(record.id, encodeCurrentSnapshot),
    };
  }
  return {
    requestId: input.requestId,
    event: {
      id: randomUUID(),
      docId: record.id,
      type: rule.event,
      actorId: actor.id,
      at,
      reason: rule.needsReason ? input.reason : null,
      versionId: version?.id ?? null,
      subjectId: null,
      fromStatus: input.fromStatus,
      toStatus: rule.to,
    },
    version,
    reviewedVersionId: rule.isReview ? (version?.id ?? null) : null,
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
      // Only a transition that needs a reason (a return) carries one; it is ignored with any other.
      reason: WORKFLOW[body.action].needsReason ? (body.reason ?? null) : null,
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
    permit(actor, WORKFLOW[input.transition].action, documentTarget(record));

    // No edit may land between the version's snapshot and the status that freezes the content:
    // the content room is held from before the snapshot until access has been decided again.
    const outcome = await deps.content.holdWrites(id, RelayReason[WORKFLOW[input.transition].holdReason], async () => {
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
