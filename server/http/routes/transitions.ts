import type { Hono } from 'hono';
import { transitionRequestSchema } from '../../../shared/api/review';
import { docIdSchema } from '../../../shared/api/schemas';
import { transitionDocument } from '../../review/transitionDocument';
import type { ApiDeps, ApiEnv } from '../apiEnv';
import { requireUser } from '../requireUser';
import { jsonBody, param } from '../validate';

/** `POST /api/docs/:id/transitions`: submit, withdraw, return, approve and file (P10-P12, P15); see transitionDocument. */
export function registerTransitionRoutes(api: Hono<ApiEnv>, deps: ApiDeps): void {
  api.post('/docs/:id/transitions', requireUser(deps), jsonBody(transitionRequestSchema), async (c) => {
    const id = param(docIdSchema, c.req.param('id'), 'id');
    const body = c.get('body');
    const input = {
      transition: body.action,
      fromStatus: body.fromStatus,
      reason: body.reason ?? null,
      requestId: body.requestId,
    };
    return c.json(await transitionDocument(deps, c.get('auth').actor, id, input), 200);
  });
}
