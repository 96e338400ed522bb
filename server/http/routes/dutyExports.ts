import type { Context, Hono } from 'hono';
import { z } from 'zod';
import { groupIdSchema, userIdSchema } from '../../../shared/api/schemas';
import { Action, can, Denial } from '../../../shared/index';
import { committeeDuty, visibleMembers } from '../../duty/committeeDuty';
import { memberFor } from '../../duty/dutyAccess';
import { dutyFormDocx, dutyFormsZip } from '../../duty/dutyExports';
import { buildDutyWorkbook } from '../../duty/dutyWorkbook';
import { yearContext } from '../../duty/memberYear';
import { ApiError } from '../ApiError';
import type { ApiDeps, ApiEnv } from '../apiEnv';
import { requireUser } from '../requireUser';
import { param } from '../validate';
import { yearOf } from './duty';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const quarterSchema = z.coerce.number().int().min(1, 'must be 1-4').max(4, 'must be 1-4');

function download(c: Context<ApiEnv>, bytes: Uint8Array, type: string, name: string, ascii: string) {
  return c.body(bytes.slice().buffer, 200, {
    'content-type': type,
    'content-disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`,
    'cache-control': 'no-store',
  });
}

/**
 * The duty record's files (P21): a member's registration form as DOCX (their own, or one the
 * caller may read), every visible member's forms in a ZIP, and the scores as XLSX for the office.
 */
export function registerDutyExportRoutes(api: Hono<ApiEnv>, deps: ApiDeps): void {
  const auth = requireUser(deps);

  const visible = async (c: Context<ApiEnv>) => {
    const { actor } = c.get('auth');
    const groupText = c.req.query('groupId');
    const groupId = groupText === undefined || groupText === '' ? null : param(groupIdSchema, groupText, 'groupId');
    const [people, groups] = await Promise.all([deps.accounts.listUsers(), deps.groups.listGroups()]);
    const mayAll = can(actor, Action.viewCommitteeDuty, { type: 'committee' });
    if (!mayAll && !groups.some((group) => can(actor, Action.viewDutyRecords, { type: 'group', groupId: group.id }))) {
      throw ApiError.forbidden(Denial.role, 'Only conveners, the secretariat and chairs export members’ duty records');
    }
    const members = visibleMembers(actor, people).filter(
      (member) => groupId === null || member.groupIds.includes(groupId),
    );
    return { actor, people, groups, members };
  };

  api.get('/me/duty/form.docx', auth, async (c) => {
    const { actor } = c.get('auth');
    const [me, people] = await Promise.all([deps.accounts.getUser(actor.id), deps.accounts.listUsers()]);
    if (me === null || me.role === 'unit') {
      throw ApiError.forbidden(Denial.role, 'A handling unit keeps no duty record');
    }
    const context = await yearContext(deps, yearOf(deps, c.req.query('year')));
    const { name, bytes } = await dutyFormDocx(context, actor, me, people);
    return download(c, bytes, DOCX, name, 'duty-form.docx');
  });

  api.get('/duty/members/:userId/form.docx', auth, async (c) => {
    const { actor } = c.get('auth');
    const id = param(userIdSchema, c.req.param('userId'), 'userId');
    const member = await memberFor(deps, actor, id, Action.viewDutyRecords);
    const context = await yearContext(deps, yearOf(deps, c.req.query('year')));
    const { name, bytes } = await dutyFormDocx(context, actor, member, await deps.accounts.listUsers());
    return download(c, bytes, DOCX, name, 'duty-form.docx');
  });

  api.get('/duty/forms.zip', auth, async (c) => {
    const { actor, people, members } = await visible(c);
    const year = yearOf(deps, c.req.query('year'));
    const bytes = await dutyFormsZip(deps, actor, members, year, people);
    return download(c, bytes, 'application/zip', `${year}年度委员履职登记表.zip`, 'duty-forms.zip');
  });

  api.get('/duty/scores.xlsx', auth, async (c) => {
    const { members, groups } = await visible(c);
    const year = yearOf(deps, c.req.query('year'));
    const asked = c.req.query('quarter');
    const quarter = asked === undefined || asked === '' ? null : param(quarterSchema, asked, 'quarter');
    const context = await yearContext(deps, year);
    const answer = committeeDuty({ ...context, members, groups, quarter, now: deps.now() });
    const bytes = await buildDutyWorkbook(answer, { groups: new Map(groups.map((group) => [group.id, group.name])) });
    const period = quarter === null ? '' : `第${quarter}季度`;
    return download(c, new Uint8Array(bytes), XLSX, `${year}年度${period}委员履职考核.xlsx`, 'duty-scores.xlsx');
  });
}
