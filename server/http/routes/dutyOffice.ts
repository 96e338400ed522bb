import type { Hono } from 'hono';
import { z } from 'zod';
import { dutyYearRequestSchema } from '../../../shared/api/duty';
import { groupIdSchema } from '../../../shared/api/schemas';
import type { DutyYearSettings } from '../../../shared/domain/dutyYear';
import { Action, can, Denial } from '../../../shared/index';
import { closedResults } from '../../duty/closeYear';
import { committeeDuty, visibleMembers } from '../../duty/committeeDuty';
import { requireOffice } from '../../duty/dutyAccess';
import { PRESETS, yearSettings } from '../../duty/dutyYears';
import { yearLedger } from '../../duty/ledger';
import { yearContext } from '../../duty/memberYear';
import { ApiError } from '../ApiError';
import type { ApiDeps, ApiEnv } from '../apiEnv';
import { requireUser } from '../requireUser';
import { jsonBody, param } from '../validate';
import { yearOf, yearParamSchema } from './duty';

const quarterSchema = z.coerce.number().int().min(1, 'must be 1-4').max(4, 'must be 1-4');

/** The stored settings of a year, without its kept results: what the office reads and edits. */
function yearView(settings: DutyYearSettings) {
  const { closedResults: _kept, ...view } = settings;
  return view;
}

/**
 * The committee's duty record (RULES.md F1-F3, Y6-Y8, B4, P21): the members the caller may see,
 * scored and flagged, with the year's figures; the correction requests addressed to the caller;
 * the office's rules of a year and closing it.
 */
export function registerDutyOfficeRoutes(api: Hono<ApiEnv>, deps: ApiDeps): void {
  const auth = requireUser(deps);

  api.get('/duty/committee', auth, async (c) => {
    const { actor } = c.get('auth');
    const year = yearOf(deps, c.req.query('year'));
    const asked = c.req.query('quarter');
    const quarter = asked === undefined || asked === '' ? null : param(quarterSchema, asked, 'quarter');
    const groupText = c.req.query('groupId');
    const groupId = groupText === undefined || groupText === '' ? null : param(groupIdSchema, groupText, 'groupId');
    const [people, context] = await Promise.all([deps.accounts.listUsers(), yearContext(deps, year)]);
    const { groups } = context;
    const mayAll = can(actor, Action.viewCommitteeDuty, { type: 'committee' });
    const mayGroups = groups.some((group) => can(actor, Action.viewDutyRecords, { type: 'group', groupId: group.id }));
    if (!mayAll && !mayGroups) {
      throw ApiError.forbidden(Denial.role, 'Only conveners, the secretariat and chairs see members’ duty records');
    }
    const members = visibleMembers(actor, people).filter(
      (member) => groupId === null || member.groupIds.includes(groupId),
    );
    return c.json(committeeDuty({ ...context, members, quarter, now: deps.now() }), 200);
  });

  api.get('/duty/corrections', auth, async (c) => {
    const { actor } = c.get('auth');
    const office = can(actor, Action.manageDuty, { type: 'committee' });
    const year = yearOf(deps, c.req.query('year'));
    const books = await deps.duty.listBooks(year);
    const addressed = books.flatMap((book) =>
      book.corrections
        .filter(
          (request) =>
            request.answer === null && (request.recorderId === actor.id || (office && request.recorderId === null)),
        )
        .map((request) => ({ book, request })),
    );
    if (addressed.length === 0) {
      return c.json({ corrections: [] }, 200);
    }
    // Only when a request waits: the ledger names the facts the requests are about.
    const [people, ledger] = await Promise.all([deps.accounts.listUsers(), yearLedger(deps, year)]);
    const names = new Map(people.map((person) => [person.id, person.name]));
    const factSources = new Map(ledger.facts.map((fact) => [fact.id, fact.source.id]));
    const corrections = addressed.map(({ book, request }) => {
      const source = request.factId === null ? undefined : factSources.get(request.factId);
      return {
        userId: book.userId,
        name: names.get(book.userId) ?? '',
        year,
        request,
        factTitle: source === undefined ? null : (ledger.titles.get(source) ?? null),
      };
    });
    return c.json({ corrections }, 200);
  });

  api.get('/duty/years/:year', auth, async (c) => {
    const year = param(yearParamSchema, c.req.param('year'), 'year');
    return c.json(yearView(await yearSettings(deps.duty, year)), 200);
  });

  api.put('/duty/years/:year', auth, jsonBody(dutyYearRequestSchema), async (c) => {
    requireOffice(c.get('auth').actor);
    const year = param(yearParamSchema, c.req.param('year'), 'year');
    const body = c.get('body');
    const current = await yearSettings(deps.duty, year);
    if (current.closedAt !== null) {
      throw ApiError.conflict(`The year ${year} is closed: its rules and results are kept as they were`);
    }
    if (body.version !== current.version) {
      throw ApiError.conflict(`The rules of ${year} were changed meanwhile: reload them and change them again`);
    }
    const next: DutyYearSettings = {
      ...current,
      ...(body.preset === undefined ? {} : { rules: PRESETS[body.preset], basis: body.preset }),
      ...(body.rules === undefined ? {} : { rules: body.rules, basis: 'custom' as const }),
      ...(body.inactiveDays === undefined ? {} : { inactiveDays: body.inactiveDays }),
      version: current.version + 1,
    };
    if ((await deps.duty.saveYear(next)) !== 'saved') {
      throw ApiError.conflict(`The rules of ${year} were changed meanwhile: reload them and change them again`);
    }
    return c.json(yearView(next), 200);
  });

  api.post('/duty/years/:year/close', auth, async (c) => {
    requireOffice(c.get('auth').actor);
    const year = param(yearParamSchema, c.req.param('year'), 'year');
    const [current, ledger, people] = await Promise.all([
      yearSettings(deps.duty, year),
      yearLedger(deps, year),
      deps.accounts.listUsers(),
    ]);
    if (current.closedAt !== null) {
      throw ApiError.conflict(`The year ${year} is closed already`);
    }
    const next: DutyYearSettings = {
      ...current,
      closedAt: deps.now(),
      closedResults: closedResults(ledger, current, people),
      version: current.version + 1,
    };
    if ((await deps.duty.saveYear(next)) !== 'saved') {
      throw ApiError.conflict(`The rules of ${year} were changed meanwhile: try again`);
    }
    return c.json(yearView(next), 200);
  });
}
