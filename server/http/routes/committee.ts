import { randomUUID } from 'node:crypto';
import type { Hono, MiddlewareHandler } from 'hono';
import {
  createSessionRequestSchema,
  createUnitRequestSchema,
  sessionIdSchema,
  unitIdSchema,
  updateSessionRequestSchema,
  updateUnitRequestSchema,
} from '../../../shared/api/handling';
import { Action } from '../../../shared/index';
import { compileSession } from '../../handling/compileSession';
import { ApiError } from '../ApiError';
import type { ApiDeps, ApiEnv } from '../apiEnv';
import { permit } from '../permit';
import { requireUser } from '../requireUser';
import { jsonBody, param } from '../validate';

/** Refuses anyone but the secretariat (P2), before the body is read. */
const secretariatOnly: MiddlewareHandler<ApiEnv> = async (c, next) => {
  permit(c.get('auth').actor, Action.manageCommittee, { type: 'committee' });
  await next();
};

/**
 * The committee's handling units (承办单位) and sessions (届次会议): every signed-in person reads
 * them (a proposal names its suggested units, the home page counts down the call); the
 * secretariat manages them (P2).
 */
export function registerCommitteeRoutes(api: Hono<ApiEnv>, deps: ApiDeps): void {
  const auth = requireUser(deps);

  api.get('/units', auth, async (c) => c.json({ units: await deps.handling.listUnits() }, 200));

  api.post('/units', auth, secretariatOnly, jsonBody(createUnitRequestSchema), async (c) => {
    const unit = { id: randomUUID() as never, name: c.get('body').name, isActive: true, createdAt: deps.now() };
    return c.json(await deps.handling.createUnit(unit), 201);
  });

  api.patch('/units/:id', auth, secretariatOnly, jsonBody(updateUnitRequestSchema), async (c) => {
    const id = param(unitIdSchema, c.req.param('id'), 'id');
    const body = c.get('body');
    const updated = await deps.handling.updateUnit(id, {
      ...(body.name === undefined ? {} : { name: body.name }),
      ...(body.isActive === undefined ? {} : { isActive: body.isActive }),
    });
    if (updated === null) {
      throw ApiError.notFound(`No unit ${id}: reload the list`);
    }
    return c.json(updated, 200);
  });

  api.get('/sessions', auth, async (c) => c.json({ sessions: await deps.handling.listSessions() }, 200));

  api.post('/sessions', auth, secretariatOnly, jsonBody(createSessionRequestSchema), async (c) => {
    const body = c.get('body');
    const session = {
      id: randomUUID() as never,
      name: body.name,
      callDeadline: body.callDeadline ?? null,
      isCurrent: body.isCurrent ?? (await deps.handling.currentSession()) === null,
      createdAt: deps.now(),
    };
    return c.json(await deps.handling.createSession(session), 201);
  });

  // 提案汇编: every proposal filed in the session, in number order, as one .docx (P19).
  api.get('/sessions/:id/compilation', auth, async (c) => {
    permit(c.get('auth').actor, Action.viewAllDocuments, { type: 'committee' });
    const id = param(sessionIdSchema, c.req.param('id'), 'id');
    const { name, bytes } = await compileSession(deps, id);
    return c.body(bytes.slice().buffer, 200, {
      'content-type': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      'content-disposition': `attachment; filename="compilation.docx"; filename*=UTF-8''${encodeURIComponent(name)}`,
      'cache-control': 'no-store',
    });
  });

  api.patch('/sessions/:id', auth, secretariatOnly, jsonBody(updateSessionRequestSchema), async (c) => {
    const id = param(sessionIdSchema, c.req.param('id'), 'id');
    const body = c.get('body');
    const updated = await deps.handling.updateSession(id, {
      ...(body.name === undefined ? {} : { name: body.name }),
      ...(body.callDeadline === undefined ? {} : { callDeadline: body.callDeadline }),
      ...(body.isCurrent === undefined ? {} : { isCurrent: body.isCurrent }),
    });
    if (updated === null) {
      throw ApiError.notFound(`No session ${id}: reload the list`);
    }
    return c.json(updated, 200);
  });
}
