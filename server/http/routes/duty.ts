import type { Hono } from 'hono';
import { z } from 'zod';
import { committeeYear, memberYear } from '../../duty/memberYear';
import type { ApiDeps, ApiEnv } from '../apiEnv';
import { requireUser } from '../requireUser';
import { param } from '../validate';

const yearSchema = z.coerce.number().int().min(2000, 'must be a year').max(2100, 'must be a year');

/** 我的履职: the caller's own year (RULES.md L1-L5, Y1-Y5); a member sees only their own record. */
export function registerDutyRoutes(api: Hono<ApiEnv>, deps: ApiDeps): void {
  api.get('/me/duty', requireUser(deps), async (c) => {
    const asked = c.req.query('year');
    const year = asked === undefined ? committeeYear(deps.now()) : param(yearSchema, asked, 'year');
    return c.json(await memberYear(deps, c.get('auth').actor.id, year), 200);
  });
}
