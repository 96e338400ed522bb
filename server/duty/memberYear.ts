import { attendanceFacts } from '../../shared/domain/activities';
import type { AdoptionRecord } from '../../shared/domain/adoptions';
import { documentFacts } from '../../shared/domain/dutyFacts';
import { PRESET_100 } from '../../shared/domain/dutyPresets';
import { type DutyFact, type DutyScore, scoreYear } from '../../shared/domain/dutyScoring';
import { COMMITTEE_TIME_ZONE, DocKind, type UserId } from '../../shared/index';
import type { ActivityStore } from '../storage/ActivityStore';
import type { AttachmentStore } from '../storage/AttachmentStore';
import type { DocRecordStore } from '../storage/DocRecordStore';
import type { HandlingStore } from '../storage/HandlingStore';

export interface MemberYearDeps {
  readonly records: Pick<DocRecordStore, 'listDocuments'>;
  readonly handling: Pick<HandlingStore, 'listCases'>;
  readonly attachments: Pick<AttachmentStore, 'listAdoptions'>;
  readonly activities: Pick<ActivityStore, 'listActivities'>;
}

export interface MemberYear {
  readonly year: number;
  /** The member's facts of the year, oldest first. */
  readonly facts: readonly DutyFact[];
  /** Scored under the 100-point preset until the office sets the year's rules. */
  readonly score: DutyScore;
}

/** The year of a moment in the committee's calendar. */
export function committeeYear(at: number): number {
  return Number(new Intl.DateTimeFormat('en', { timeZone: COMMITTEE_TIME_ZONE, year: 'numeric' }).format(at));
}

/**
 * One member's year (我的履职, RULES.md L1-L5, Y1-Y5): the facts the documents and the activities
 * give, built from what is stored now, and their score. Nothing of it is typed in.
 */
export async function memberYear(deps: MemberYearDeps, userId: UserId, year: number): Promise<MemberYear> {
  const [records, cases, activities] = await Promise.all([
    deps.records.listDocuments(),
    deps.handling.listCases(),
    deps.activities.listActivities(),
  ]);
  const reports = records.filter(
    (record) =>
      record.createdBy === userId && (record.kind === DocKind.socialInfo || record.kind === DocKind.researchReport),
  );
  const adoptions: AdoptionRecord[] = (
    await Promise.all(reports.map((record) => deps.attachments.listAdoptions(record.id)))
  ).flat();
  const facts = [...documentFacts({ records, cases, adoptions }), ...activities.flatMap(attendanceFacts)]
    .filter((fact) => fact.userId === userId && committeeYear(fact.at) === year)
    .sort((a, b) => a.at - b.at);
  return { year, facts, score: scoreYear(facts, PRESET_100) };
}
