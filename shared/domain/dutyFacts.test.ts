import { describe, expect, it } from 'vitest';
import type { AdoptionRecord } from './adoptions';
import { documentFacts, type LedgerRecord } from './dutyFacts';
import { PRESET_100 } from './dutyPresets';
import { scoreYear } from './dutyScoring';
import { newCase } from './handling';
import { answer, handOver } from './handlingSteps';
import type { DocId, SessionId, UnitId, UserId } from './ids';

const ZHANG = 'u0000000-0000-4000-8000-000000000001' as UserId;
const LI = 'u0000000-0000-4000-8000-000000000002' as UserId;
const WANG = 'u0000000-0000-4000-8000-000000000003' as UserId;
const OFFICE = 'u0000000-0000-4000-8000-000000000009' as UserId;
const UNIT = 'e0000000-0000-4000-8000-000000000001' as UnitId;

function record(id: string, extra: Partial<LedgerRecord>): LedgerRecord {
  return {
    id: id as DocId,
    kind: 'proposal',
    status: 'filed',
    isArchived: false,
    createdBy: ZHANG,
    updatedAt: 100,
    cosigners: [],
    ...extra,
  };
}

function filedCase(docId: string, isKey: boolean, answered: 'A' | 'B' | 'C' | null) {
  const opened = newCase({
    docId: docId as DocId,
    sessionId: 's1' as SessionId,
    outcome: 'filed',
    number: 1,
    isKey,
    decidedBy: OFFICE,
    decidedAt: 200,
    reason: null,
    conversion: null,
    mergedInto: null,
  });
  if (answered === null) {
    return opened;
  }
  const handed = handOver(opened, { mode: 'lead', unitIds: [UNIT], deadline: 9_000, ids: ['x'] }, OFFICE, 300);
  if (!handed.ok) {
    throw new Error(handed.refusal);
  }
  const replied = answer(
    handed.next,
    UNIT,
    { answerClass: answered, text: '已办' },
    { id: OFFICE, firstProposer: ZHANG },
    400,
  );
  if (!replied.ok) {
    throw new Error(replied.refusal);
  }
  return replied.next;
}

function adoption(docId: string, type: AdoptionRecord['type'], level: AdoptionRecord['level']): AdoptionRecord {
  return {
    id: `${docId}-${type}-${level}`,
    docId,
    type,
    level,
    by: '省政协',
    at: 500,
    note: '',
    evidenceAttachmentId: null,
    recordedBy: OFFICE,
    recordedAt: 500,
  };
}

describe('the ledger’s facts from documents (L1-L3)', () => {
  it('gives the first proposer and signed co-signers a fact of the decision, 重点 and the answer; drafts give none', () => {
    const records = [
      record('p1', {
        cosigners: [
          { userId: LI, state: 'signed' },
          { userId: WANG, state: 'invited' },
        ],
      }),
      record('p2', { status: 'draft' }),
      record('p3', { status: 'not_filed' }),
      record('p4', { status: 'in_review' }),
    ];
    const facts = documentFacts({ records, cases: [filedCase('p1', true, 'B')], adoptions: [] });
    expect(
      facts.map((fact) => [
        fact.id,
        fact.userId,
        fact.kind === 'proposal' ? [fact.role, fact.outcome, fact.isKey, fact.answerClass] : null,
      ]),
    ).toEqual([
      ['p1:first', ZHANG, ['first', 'filed', true, 'B']],
      [`p1:${LI}`, LI, ['cosigner', 'filed', true, 'B']],
      ['p3:first', ZHANG, ['first', 'pending', false, null]],
      ['p4:first', ZHANG, ['first', 'pending', false, null]],
    ]);
    // Scored: a filed key proposal answered B (8 + 4 + 2); pending ones count nothing until filed.
    const zhang = scoreYear(
      facts.filter((fact) => fact.userId === ZHANG),
      PRESET_100,
    );
    expect(zhang.results).toBe(14);
  });

  it('gives a report’s author the highest level it was adopted at, and a fact per leader’s instruction', () => {
    const records = [
      record('r1', { kind: 'social_info', createdBy: WANG, status: 'approved' }),
      record('r2', { kind: 'research_report', createdBy: WANG }),
    ];
    const adoptions = [
      adoption('r1', 'forwarded', 'city'),
      adoption('r1', 'adopted', 'city'),
      adoption('r1', 'adopted', 'province'),
      adoption('r2', 'instruction', 'city'),
    ];
    const facts = documentFacts({ records, cases: [], adoptions });
    expect(facts.map((fact) => [fact.kind, fact.kind === 'social_info' ? fact.adoptedLevel : null])).toEqual([
      ['social_info', 'province'],
      ['research_report', null],
      ['instruction', null],
    ]);
    // 1 submitted + 6 province + 5 research report + 8 instruction.
    expect(scoreYear(facts, PRESET_100).results).toBe(20);
  });
});
