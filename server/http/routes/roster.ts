import type { Hono } from 'hono';
import { Action, ApiErrorCode } from '../../../shared/index';
import { importRoster } from '../../roster/importRoster';
import { ApiError } from '../ApiError';
import type { ApiDeps, ApiEnv } from '../apiEnv';
import { permit } from '../permit';
import { readBody } from '../readBody';
import { requireUser } from '../requireUser';

/** A committee's roster of a few thousand lines is well under this. */
export const MAX_ROSTER_BYTES = 2 * 1024 * 1024;

/** `text/csv`, with or without parameters (`; charset=gbk`). */
const CSV_CONTENT_TYPE = /^text\/csv\s*(?:;|$)/i;

/**
 * A CSV file only: a cross-site form can post `text/plain` without a preflight, and the file is
 * read as a roster whatever it contains, so the type must be one no form can send.
 */
function requireCsv(contentType: string | undefined): void {
  if (!CSV_CONTENT_TYPE.test(contentType ?? '')) {
    throw new ApiError(
      ApiErrorCode.unsupportedMediaType,
      `The roster must be sent as a CSV file with Content-Type: text/csv, not ${contentType ?? 'without a Content-Type'}`,
    );
  }
}

/** `POST /api/roster`: the CSV file as the raw body; all of it is imported, or nothing. */
export function registerRosterRoutes(api: Hono<ApiEnv>, deps: ApiDeps): void {
  api.post('/roster', requireUser(deps), async (c) => {
    permit(c.get('auth').actor, Action.managePeople, { type: 'committee' });
    requireCsv(c.req.header('content-type'));
    const bytes = await readBody(c.req.raw, MAX_ROSTER_BYTES);
    const outcome = await importRoster(deps.accounts, bytes, {
      hashPassword: (password) => deps.passwords.hashOneTimePassword(password),
    });
    if (!outcome.ok) {
      const count = outcome.problems.length;
      throw new ApiError(
        'bad_request',
        `The roster was not imported: ${count} problem${count === 1 ? '' : 's'} to fix; nothing was changed`,
        {
          problems: outcome.problems,
        },
      );
    }
    deps.logger.info('roster imported', {
      accounts: outcome.result.accounts.length,
      skipped: outcome.result.skipped.length,
      groups: outcome.result.createdGroups.length,
    });
    return c.json(outcome.result, 201);
  });
}
