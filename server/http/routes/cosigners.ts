import { randomUUID } from 'node:crypto';
import type { Hono } from 'hono';
import * as Y from 'yjs';
import {
  type DocEvent,
  type DocEventType,
  inviteCosignersRequestSchema,
  MAX_SNAPSHOT_BASE64_LENGTH,
  signRequestSchema,
} from '../../../shared/api/review';
import { type DocRecord, docIdSchema } from '../../../shared/api/schemas';
import { Action, type Actor, DocKind, documentTarget, type UserId } from '../../../shared/index';
import { announceNotifications, announceRecord } from '../../review/announce';
import { decodeUntrustedSnapshot, isSnapshotContained, normalisedSnapshot } from '../../review/contentSnapshots';
import { notificationsFor, peopleNotAllowed } from '../../review/recipients';
import { withoutSnapshots } from '../../review/withoutSnapshots';
import type { UserRecord } from '../../storage/AccountStore';
import type { CosignWritten } from '../../storage/ReviewStore';
import { ApiError } from '../ApiError';
import type { ApiDeps, ApiEnv } from '../apiEnv';
import { findDoc } from '../findDoc';
import { permit } from '../permit';
import { requireUser } from '../requireUser';
import { jsonBody, param } from '../validate';

/** A signature carries a snapshot of up to 2 MiB of base64, beyond the usual 64 KiB of JSON. */
const MAX_SIGN_BODY_BYTES = MAX_SNAPSHOT_BASE64_LENGTH + 1024;

/** The proposal `:id`, once `action` is allowed on it (P14) and it is a proposal (else 409). */
async function proposalFor(
  deps: ApiDeps,
  actor: Actor,
  idText: string | undefined,
  action: typeof Action.cosign | typeof Action.inviteCosigners,
): Promise<DocRecord> {
  const record = await findDoc(deps, param(docIdSchema, idText, 'id'));
  permit(actor, action, documentTarget(record));
  if (record.kind !== DocKind.proposal) {
    throw ApiError.conflict(`Document ${record.id} is a ${record.kind}: only proposals are co-signed`);
  }
  return record;
}

function eventOf(record: DocRecord, actor: Actor, type: DocEventType, at: number, subjectId: UserId | null): DocEvent {
  return {
    id: randomUUID(),
    docId: record.id,
    type,
    actorId: actor.id,
    at,
    reason: null,
    versionId: null,
    subjectId,
    fromStatus: null,
    toStatus: null,
  };
}

/** Refuses (400, naming them) invitees whom `can()` would not let co-sign (P14). */
function checkInvitees(record: DocRecord, userIds: readonly UserId[], users: readonly UserRecord[]): void {
  const refused = peopleNotAllowed(record, userIds, users, Action.cosign);
  if (refused.length > 0) {
    const names = refused.join(', ');
    throw ApiError.badRequest(
      `Cannot ask ${names} to co-sign: co-signers are active members of the document's group other than its proposer`,
      'userIds',
    );
  }
}

/** The record after a co-signer change, once everyone concerned has been told. */
async function announced(deps: ApiDeps, written: CosignWritten | null, id: string): Promise<DocRecord> {
  if (written === null) {
    throw ApiError.notFound(`No document ${id} is registered`);
  }
  announceNotifications(deps.hub, written.notifications);
  await announceRecord(deps.hub, deps.accounts, written.record);
  return written.record;
}

/** Co-signing a proposal (联名, P14): invitations, signatures and their withdrawal. */
export function registerCosignerRoutes(api: Hono<ApiEnv>, deps: ApiDeps): void {
  const auth = requireUser(deps);

  api.post('/docs/:id/cosigners', auth, jsonBody(inviteCosignersRequestSchema), async (c) => {
    const { actor } = c.get('auth');
    const record = await proposalFor(deps, actor, c.req.param('id'), Action.inviteCosigners);
    const userIds = [...new Set(c.get('body').userIds)];
    const users = await deps.accounts.listUsers();
    checkInvitees(record, userIds, users);
    const signed = new Set(record.cosigners.filter((c) => c.state === 'signed').map((c) => c.userId));
    const asked = userIds.filter((userId) => !signed.has(userId));
    const at = deps.now();
    const written = await deps.reviews.inviteCosigners({
      docId: record.id,
      userIds: asked,
      invitedBy: actor.id,
      at,
      events: asked.map((userId) => eventOf(record, actor, 'cosign_invited', at, userId)),
      notifications: notificationsFor(record, asked, users, { type: 'cosign_requested', actorId: actor.id, at }),
    });
    // Only the signature answers carry the snapshots (see withoutSnapshots).
    return c.json(withoutSnapshots(await announced(deps, written, record.id)), 200);
  });

  api.put('/docs/:id/signature', auth, jsonBody(signRequestSchema, { maxBytes: MAX_SIGN_BODY_BYTES }), async (c) => {
    const { actor } = c.get('auth');
    const record = await proposalFor(deps, actor, c.req.param('id'), Action.cosign);
    const snapshot = decodeUntrustedSnapshot(Buffer.from(c.get('body').snapshot, 'base64'));
    if (snapshot === null) {
      throw ApiError.badRequest(
        "The body's field snapshot is not valid: it is not an encoded Yjs snapshot",
        'snapshot',
      );
    }
    const stored = await deps.content.readContent(record.id, (doc) =>
      isSnapshotContained(doc, snapshot) ? normalisedSnapshot(doc, snapshot) : null,
    );
    if (stored === null) {
      throw ApiError.conflict(
        'The server has not received every change you signed yet; wait until your changes are sent, then sign again',
      );
    }
    const at = deps.now();
    const written = await deps.reviews.sign({
      docId: record.id,
      userId: actor.id,
      at,
      snapshot: Y.encodeSnapshot(stored),
      event: eventOf(record, actor, 'cosigned', at, null),
    });
    return c.json(await announced(deps, written, record.id), 200);
  });

  api.delete('/docs/:id/signature', auth, async (c) => {
    const { actor } = c.get('auth');
    const record = await proposalFor(deps, actor, c.req.param('id'), Action.cosign);
    const written = await deps.reviews.withdrawSignature({
      docId: record.id,
      userId: actor.id,
      event: eventOf(record, actor, 'cosign_withdrawn', deps.now(), null),
    });
    if (written === null) {
      throw ApiError.conflict(`You are not a co-signer of document ${record.id}: there is nothing to withdraw`);
    }
    return c.json(await announced(deps, written, record.id), 200);
  });
}
