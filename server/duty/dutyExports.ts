import { memberYearSchema } from '../../shared/api/duty';
import { buildDutyFormDocx } from '../../shared/formal/buildDutyFormDocx';
import type { Actor } from '../../shared/index';
import type { UserRecord } from '../storage/AccountStore';
import { dutyFormFileName, zipDutyForms } from './dutyFormsZip';
import { type MemberYearDeps, memberYearIn, type YearContext, yearContext } from './memberYear';

/** How the committee is named on its forms. */
export const COMMITTEE_NAME = '政协';

/** The registration form of one member's year as a DOCX (委员履行职责登记表), with its file name. */
export async function dutyFormDocx(
  context: YearContext,
  actor: Actor,
  member: UserRecord,
  people: readonly UserRecord[],
): Promise<{ readonly name: string; readonly bytes: Uint8Array }> {
  // The answer as the client reads it: the form is built from exactly what 我的履职 shows.
  const answer = memberYearSchema.parse(JSON.parse(JSON.stringify(memberYearIn(context, actor, member))));
  const nameOf = (id: string | undefined) => people.find((person) => person.id === id)?.name ?? null;
  const bytes = await buildDutyFormDocx({
    committeeName: COMMITTEE_NAME,
    answer,
    confirmerNames: {
      convener: nameOf(answer.book.convenerConfirmation?.by),
      office: nameOf(answer.book.officeConfirmation?.by),
    },
  });
  return { name: dutyFormFileName(context.ledger.year, member.name), bytes };
}

/** Every given member's form of the year in one ZIP, one DOCX each. */
export async function dutyFormsZip(
  deps: MemberYearDeps,
  actor: Actor,
  members: readonly UserRecord[],
  year: number,
  people: readonly UserRecord[],
): Promise<Uint8Array> {
  const context = await yearContext(deps, year);
  const files = [];
  for (const member of members) {
    files.push(await dutyFormDocx(context, actor, member, people));
  }
  return zipDutyForms(files);
}
