import { randomUUID } from 'node:crypto';
import type { Context, Hono } from 'hono';
import {
  createGroupRequestSchema,
  type Group,
  groupIdSchema,
  renameGroupRequestSchema,
  userIdSchema,
} from '../../../shared/api/schemas';
import { Action, type GroupId } from '../../../shared/index';
import { ApiError } from '../ApiError';
import type { ApiDeps, ApiEnv } from '../apiEnv';
import { permit } from '../permit';
import { requireUser } from '../requireUser';
import { jsonBody, param } from '../validate';
import { visibleGroups } from '../visibility';

function found(group: Group | null, id: GroupId): Group {
  if (group === null) {
    throw ApiError.notFound(`No group ${id}`);
  }
  return group;
}

/** Adds or removes a member; the relay then re-decides the person's open connections. */
async function changeMembership(c: Context<ApiEnv>, deps: ApiDeps, change: 'add' | 'remove'): Promise<Group> {
  const groupId = param(groupIdSchema, c.req.param('id'), 'id');
  const userId = param(userIdSchema, c.req.param('userId'), 'userId');
  permit(c.get('auth').actor, Action.manageMembers, { type: 'group', groupId });
  found(await deps.groups.getGroup(groupId), groupId);
  if ((await deps.accounts.getUser(userId)) === null) {
    throw ApiError.notFound(`No person ${userId}`);
  }
  const group =
    change === 'add' ? await deps.groups.addMember(groupId, userId) : await deps.groups.removeMember(groupId, userId);
  await deps.onAccessChanged({ userId });
  return found(group, groupId);
}

/** Activity groups: list, create, rename, and their members. */
export function registerGroupRoutes(api: Hono<ApiEnv>, deps: ApiDeps): void {
  const auth = requireUser(deps);

  api.get('/groups', auth, async (c) => {
    return c.json({ groups: visibleGroups(c.get('auth').actor, await deps.groups.listGroups()) });
  });

  api.post('/groups', auth, jsonBody(createGroupRequestSchema), async (c) => {
    permit(c.get('auth').actor, Action.createGroup, { type: 'committee' });
    const group = await deps.groups.createGroup({
      id: randomUUID() as GroupId,
      name: c.get('body').name,
      createdAt: deps.now(),
    });
    return c.json(group, 201);
  });

  api.patch('/groups/:id', auth, jsonBody(renameGroupRequestSchema), async (c) => {
    const id = param(groupIdSchema, c.req.param('id'), 'id');
    permit(c.get('auth').actor, Action.renameGroup, { type: 'group', groupId: id });
    return c.json(found(await deps.groups.renameGroup(id, c.get('body').name), id));
  });

  api.put('/groups/:id/members/:userId', auth, async (c) => c.json(await changeMembership(c, deps, 'add')));
  api.delete('/groups/:id/members/:userId', auth, async (c) => c.json(await changeMembership(c, deps, 'remove')));
}
