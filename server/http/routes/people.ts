import type { Hono } from 'hono';
import { updatePersonRequestSchema, userIdSchema } from '../../../shared/api/schemas';
import { Action } from '../../../shared/index';
import { ApiError } from '../ApiError';
import { toPerson } from '../answers';
import type { ApiDeps, ApiEnv } from '../apiEnv';
import { permit } from '../permit';
import { requireUser } from '../requireUser';
import { jsonBody, param } from '../validate';

/** `PATCH /api/people/:id`: the secretariat deactivates or reactivates an account. */
export function registerPeopleRoutes(api: Hono<ApiEnv>, deps: ApiDeps): void {
  api.patch('/people/:id', requireUser(deps), jsonBody(updatePersonRequestSchema), async (c) => {
    const id = param(userIdSchema, c.req.param('id'), 'id');
    const { actor } = c.get('auth');
    permit(actor, Action.managePeople, { type: 'committee' });
    const { isActive } = c.get('body');
    if (id === actor.id && !isActive) {
      throw ApiError.conflict('You cannot deactivate your own account: ask another member of the secretariat');
    }
    const person = await deps.accounts.setUserActive(id, isActive);
    if (person === null) {
      throw ApiError.notFound(`No person ${id}`);
    }
    // Deactivating ended the sessions; this closes the live connections, API tokens included.
    await deps.onAccessChanged({ userId: id });
    deps.logger.info(isActive ? 'account reactivated' : 'account deactivated', { userId: id, by: actor.id });
    return c.json(toPerson(person));
  });
}
