import { describe, expect, it } from 'vitest';
import { CaseOutcome, type HandlingCase, HandlingRefusal, newCase } from './handling';
import { answer, handOver } from './handlingSteps';
import type { DocId, SessionId, UnitId, UserId } from './ids';

const OFFICE = 'c0000000-0000-4000-8000-000000000001' as UserId;
const PROPOSER = 'c0000000-0000-4000-8000-000000000002' as UserId;
const LIAISON = 'c0000000-0000-4000-8000-000000000003' as UserId;
const LEAD = 'e0000000-0000-4000-8000-000000000001' as UnitId;
const CO = 'e0000000-0000-4000-8000-000000000002' as UnitId;
const LETTER = 'f0000000-0000-4000-8000-000000000001';
const actor = { id: LIAISON, firstProposer: PROPOSER };

function handed(): HandlingCase {
  const filed = newCase({
    docId: 'd0000000-0000-4000-8000-000000000001' as DocId,
    sessionId: 'a0000000-0000-4000-8000-000000000001' as SessionId,
    outcome: CaseOutcome.filed,
    number: 1,
    isKey: false,
    decidedBy: OFFICE,
    decidedAt: 1,
    reason: null,
    conversion: null,
    mergedInto: null,
  });
  const change = handOver(filed, { mode: 'lead', unitIds: [LEAD, CO], deadline: 9_000, ids: ['a1', 'a2'] }, OFFICE, 2);
  if (!change.ok) {
    throw new Error(change.refusal);
  }
  return change.next;
}

describe('a unit answer with an uploaded reply letter (H5)', () => {
  it('keeps the letter beside the text', () => {
    const change = answer(handed(), LEAD, { answerClass: 'A', text: ' 已采纳 ', attachmentId: LETTER }, actor, 10);
    expect(change.ok && change.next.assignments[0]?.answers).toEqual([
      { answerClass: 'A', text: '已采纳', attachmentId: LETTER, at: 10, by: LIAISON, round: 1 },
    ]);
  });

  it('takes the letter instead of the text', () => {
    const change = answer(handed(), LEAD, { answerClass: 'B', text: '', attachmentId: LETTER }, actor, 10);
    expect(change.ok && change.next.assignments[0]?.answers[0]).toMatchObject({ text: '', attachmentId: LETTER });
  });

  it('keeps an answer without a letter as it was', () => {
    const change = answer(handed(), LEAD, { answerClass: 'C', text: '正在研究' }, actor, 10);
    expect(change.ok && change.next.assignments[0]?.answers[0]).not.toHaveProperty('attachmentId');
  });

  it('refuses an answer with neither text nor letter, and a co-unit answering', () => {
    expect(answer(handed(), LEAD, { answerClass: 'A', text: '  ' }, actor, 10)).toEqual({
      ok: false,
      refusal: HandlingRefusal.emptyAnswer,
    });
    expect(answer(handed(), CO, { answerClass: 'A', text: '', attachmentId: LETTER }, actor, 10)).toEqual({
      ok: false,
      refusal: HandlingRefusal.notAnswering,
    });
  });
});
