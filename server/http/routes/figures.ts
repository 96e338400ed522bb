import type { Hono } from 'hono';
import { figuresQuerySchema } from '../../../shared/api/figures';
import { Action } from '../../../shared/index';
import { readFigures } from '../../figures/readFigures';
import { ApiError } from '../ApiError';
import type { ApiDeps, ApiEnv } from '../apiEnv';
import { permit } from '../permit';
import { requireUser } from '../requireUser';
import { parseWith } from '../validate';

/** The annual report's figures (docs/API.md, "Figures"; docs/RULES.md F1-F8, P19). */
export function registerFiguresRoutes(api: Hono<ApiEnv>, deps: ApiDeps): void {
  const auth = requireUser(deps);

  // Computed on every request from the stores: the figures are live, and a committee's few thousand proposals take milliseconds (bench `figures`).
  api.get('/figures', auth, async (c) => {
    permit(c.get('auth').actor, Action.viewAllDocuments, { type: 'committee' });
    const query = parseWith(figuresQuerySchema, c.req.query(), 'query');
    const figures = await readFigures(deps, query.sessionId ?? null, deps.now());
    if (figures === null) {
      throw ApiError.notFound(`No session ${query.sessionId ?? ''}: choose one of GET /api/sessions`);
    }
    return c.json(figures, 200);
  });
}
