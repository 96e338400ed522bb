import { randomUUID } from 'node:crypto';
import type { Hono } from 'hono';
import { acceptInvitationRequestSchema, createInvitationRequestSchema } from '../../../shared/api/schemas';
import { Action, type UserId } from '../../../shared/index';
import { hashIfTokenShaped, newToken } from '../../auth/tokens';
import type { InvitationRecord } from '../../storage/AccountStore';
import { ApiError } from '../ApiError';
import { toInvitation } from '../answers';
import type { ApiDeps, ApiEnv } from '../apiEnv';
import { assertGroupsExist } from '../assertGroupsExist';
import { permit } from '../permit';
import { requireUser } from '../requireUser';
import { requestOrigin, signIn } from '../sessionCookie';
import { jsonBody } from '../validate';

/** An invitation link works for a week: long enough to reach someone who is travelling. */
export const INVITATION_TTL_MS = 7 * 24 * 60 * 60 * 1000;

const NOT_FOUND = 'No invitation for this link: check that the whole link was copied';
const GONE = 'This invitation was used already or has expired: ask the secretariat for a new link';
const REVOKED = 'This invitation was withdrawn by the secretariat: ask them for a new link if you should join';

/** The open invitation a link names: 404 when there is none, 410 when used, revoked or expired. */
async function openInvitation(deps: ApiDeps, token: string | undefined): Promise<InvitationRecord> {
  const tokenHash = hashIfTokenShaped(token);
  const invitation = tokenHash === null ? null : await deps.accounts.findInvitation(tokenHash);
  if (invitation === null) {
    throw ApiError.notFound(NOT_FOUND);
  }
  if (invitation.revokedAt !== null) {
    throw ApiError.gone(REVOKED);
  }
  if (invitation.usedAt !== null || invitation.expiresAt <= deps.now()) {
    throw ApiError.gone(GONE);
  }
  return invitation;
}

/** Invitation links: the secretariat makes them, a person joins through one, once. */
export function registerInvitationRoutes(api: Hono<ApiEnv>, deps: ApiDeps): void {
  const auth = requireUser(deps);

  api.post('/invitations', auth, jsonBody(createInvitationRequestSchema), async (c) => {
    const { actor } = c.get('auth');
    permit(actor, Action.managePeople, { type: 'committee' });
    const { role, groupIds, unitId } = c.get('body');
    await assertGroupsExist(deps, groupIds);
    if (unitId !== undefined) {
      const unit = (await deps.handling.listUnits()).find((candidate) => candidate.id === unitId);
      if (unit === undefined || !unit.isActive) {
        throw ApiError.badRequest(`unitId: no active handling unit ${unitId}; create it first (POST /api/units)`);
      }
    }
    const token = newToken();
    const now = deps.now();
    const invitation = await deps.accounts.createInvitation({
      id: randomUUID(),
      tokenHash: hashIfTokenShaped(token) ?? new Uint8Array(),
      role,
      groupIds: [...new Set(groupIds)],
      unitId: unitId ?? null,
      createdBy: actor.id,
      createdAt: now,
      expiresAt: now + INVITATION_TTL_MS,
    });
    const url = `${requestOrigin(c, deps.site)}/join/${token}`;
    return c.json({ url, token, invitation: toInvitation(invitation) }, 201);
  });

  api.get('/invitations', auth, async (c) => {
    permit(c.get('auth').actor, Action.managePeople, { type: 'committee' });
    const invitations = await deps.accounts.listOpenInvitations(deps.now());
    return c.json({ invitations: invitations.map(toInvitation) });
  });

  api.delete('/invitations/:id', auth, async (c) => {
    const { actor } = c.get('auth');
    permit(actor, Action.managePeople, { type: 'committee' });
    const id = c.req.param('id');
    if (!(await deps.accounts.revokeInvitation(id, deps.now()))) {
      throw ApiError.notFound(`No open invitation ${id}: it was used, revoked already, or never existed`);
    }
    deps.logger.info('invitation revoked', { invitation: id, by: actor.id });
    return c.body(null, 204);
  });

  api.get('/invitations/:token', async (c) => {
    const invitation = await openInvitation(deps, c.req.param('token'));
    const groups = await Promise.all(invitation.groupIds.map((id) => deps.groups.getGroup(id)));
    const unit =
      invitation.unitId === null
        ? null
        : ((await deps.handling.listUnits()).find((candidate) => candidate.id === invitation.unitId) ?? null);
    return c.json({
      role: invitation.role,
      groups: groups.flatMap((group) => (group === null ? [] : [{ id: group.id, name: group.name }])),
      unit: unit === null ? null : { id: unit.id, name: unit.name },
      expiresAt: invitation.expiresAt,
    });
  });

  api.post('/invitations/:token/accept', jsonBody(acceptInvitationRequestSchema), async (c) => {
    const invitation = await openInvitation(deps, c.req.param('token'));
    const { username, name, password } = c.get('body');
    const passwordHash = await deps.passwords.hash(password);
    const now = deps.now();
    const outcome = await deps.accounts.acceptInvitation(
      invitation.id,
      { id: randomUUID() as UserId, username, name, passwordHash, createdAt: now },
      now,
    );
    if (outcome.kind === 'gone') {
      throw ApiError.gone(GONE);
    }
    deps.logger.info('joined through an invitation', { userId: outcome.user.id, invitation: invitation.id });
    return c.json(await signIn(c, deps, outcome.user), 201);
  });
}
