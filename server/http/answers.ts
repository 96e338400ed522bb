import type { ApiToken, Invitation, Me, Person } from '../../shared/api/schemas';
import type { ApiTokenRecord, InvitationRecord, UserRecord } from '../storage/AccountStore';

/** The signed-in user as `GET /api/me` answers it. */
export function toMe(user: UserRecord): Me {
  return { ...toPerson(user), mustChangePassword: user.mustChangePassword, unitId: user.unitId };
}

/** A person as others see them: never the password hash. */
export function toPerson(user: UserRecord): Person {
  return {
    id: user.id,
    username: user.username,
    name: user.name,
    role: user.role,
    groupIds: [...user.groupIds],
    isActive: user.isActive,
  };
}

export function toApiToken(token: ApiTokenRecord): ApiToken {
  return {
    id: token.id,
    name: token.name,
    createdAt: token.createdAt,
    lastUsedAt: token.lastUsedAt,
    expiresAt: token.expiresAt,
  };
}

export function toInvitation(invitation: InvitationRecord): Invitation {
  return {
    id: invitation.id,
    role: invitation.role,
    groupIds: [...invitation.groupIds],
    unitId: invitation.unitId,
    createdAt: invitation.createdAt,
    expiresAt: invitation.expiresAt,
  };
}
