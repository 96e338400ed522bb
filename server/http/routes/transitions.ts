import type { Hono } from 'hono';
import { transitionRequestSchema } from '../../../shared/api/review';
import { docIdSchema } from '../../../shared/api/schemas';
import { openCase } from '../../handling/openCase';
import { transitionDocument } from '../../review/transitionDocument';
import type { ApiDeps, ApiEnv } from '../apiEnv';
import { requireUser } from '../requireUser';
import { jsonBody, param } from '../validate';

/** `POST /api/docs/:id/transitions`: submit, withdraw, return, approve and file (P10-P12, P15); see transitionDocument. */
export function registerTransitionRoutes(api: Hono<ApiEnv>, deps: ApiDeps): void {
  api.post('/docs/:id/transitions', requireUser(deps), jsonBody(transitionRequestSchema), async (c) => {
    const id = param(docIdSchema, c.req.param('id'), 'id');
    const body = c.get('body');
    const { actor } = c.get('auth');
    const reason = body.reason ?? null;
    const filing = await openCase(deps, actor, id, { transition: body.action, filing: body.filing, reason });
    const input = { transition: body.action, fromStatus: body.fromStatus, reason, requestId: body.requestId, filing };
    return c.json(await transitionDocument(deps, actor, id, input), 200);
  });
}
