import { type AdoptionLevel, type AdoptionRecord, AdoptionType } from './adoptions';
import type { DocKind } from './documentSchema';
import type { DutyFact } from './dutyScoring';
import { answeringAssignments, type HandlingCase } from './handling';
import type { DocId, UserId } from './ids';
import { DocStatus } from './roles';

/**
 * The ledger's facts that documents give (docs/RULES.md L1-L3), built from what the server
 * stores: the records, the cases after 立案 and the use made of reports. Nothing is typed in.
 */

/** What the ledger reads of a document's record. */
export interface LedgerRecord {
  readonly id: DocId;
  readonly kind: DocKind;
  readonly status: DocStatus;
  readonly isArchived: boolean;
  readonly createdBy: UserId | null;
  readonly updatedAt: number;
  readonly cosigners: readonly { readonly userId: UserId; readonly state: string }[];
}

/** Statuses of a document that was submitted: a draft or a returned one counts for nothing yet. */
const SUBMITTED: readonly DocStatus[] = [
  DocStatus.inReview,
  DocStatus.approved,
  DocStatus.filed,
  DocStatus.notFiled,
  DocStatus.merged,
];

const LEVEL_ORDER: readonly AdoptionLevel[] = ['city', 'province', 'national'];

/** The latest answer class of the case's answering units, the best one when several answered. */
function answerClassOf(handled: HandlingCase | undefined): 'A' | 'B' | 'C' | null {
  if (handled === undefined) {
    return null;
  }
  const classes = answeringAssignments(handled).flatMap((assignment) => {
    const latest = assignment.answers.at(-1);
    return latest === undefined ? [] : [latest.answerClass];
  });
  return classes.sort()[0] ?? null;
}

function proposalFacts(record: LedgerRecord, handled: HandlingCase | undefined): DutyFact[] {
  const outcome: 'filed' | 'not_filed' | 'merged' | 'pending' = handled === undefined ? 'pending' : handled.outcome;
  const at = handled?.decidedAt ?? record.updatedAt;
  const base = {
    kind: 'proposal' as const,
    outcome,
    isKey: handled?.isKey === true,
    isExcellent: false,
    answerClass: answerClassOf(handled),
  };
  const source = { type: 'document' as const, id: record.id };
  const signed = record.cosigners.filter((cosigner) => cosigner.state === 'signed').map((cosigner) => cosigner.userId);
  return [
    ...(record.createdBy === null
      ? []
      : [{ ...base, id: `${record.id}:first`, userId: record.createdBy, at, source, role: 'first' as const }]),
    ...signed.map((userId) => ({
      ...base,
      id: `${record.id}:${userId}`,
      userId,
      at,
      source,
      role: 'cosigner' as const,
    })),
  ];
}

function reportFacts(record: LedgerRecord, adoptions: readonly AdoptionRecord[]): DutyFact[] {
  const author = record.createdBy;
  if (author === null) {
    return [];
  }
  const source = { type: 'document' as const, id: record.id };
  const adopted = adoptions.filter((each) => each.type === AdoptionType.adopted).map((each) => each.level);
  const highest = LEVEL_ORDER.filter((level) => adopted.includes(level)).at(-1) ?? null;
  const main: DutyFact =
    record.kind === 'social_info'
      ? {
          id: `${record.id}:report`,
          userId: author,
          at: record.updatedAt,
          source,
          kind: 'social_info',
          adoptedLevel: highest,
        }
      : { id: `${record.id}:report`, userId: author, at: record.updatedAt, source, kind: 'research_report' };
  const instructions: DutyFact[] = adoptions
    .filter((each) => each.type === AdoptionType.instruction)
    .map((each) => ({ id: `${record.id}:${each.id}`, userId: author, at: each.at, source, kind: 'instruction' }));
  return [main, ...instructions];
}

/**
 * L1-L3: the facts of every submitted document. A proposal gives its first proposer and each
 * co-signer who signed a fact with the office's decision, 重点 and the answer's class; a report
 * gives its author a fact with the highest level it was adopted at, and one per leader's instruction.
 */
export function documentFacts(input: {
  readonly records: readonly LedgerRecord[];
  readonly cases: readonly HandlingCase[];
  readonly adoptions: readonly AdoptionRecord[];
}): DutyFact[] {
  const cases = new Map(input.cases.map((each) => [each.docId, each]));
  return input.records
    .filter((record) => !record.isArchived && SUBMITTED.includes(record.status))
    .flatMap((record) => {
      if (record.kind === 'proposal') {
        return proposalFacts(record, cases.get(record.id));
      }
      const adoptions = input.adoptions.filter((each) => each.docId === record.id);
      return reportFacts(record, adoptions);
    });
}
