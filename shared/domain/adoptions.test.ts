import { describe, expect, it } from 'vitest';
import { AdoptionRefusal, isAdoptable, newAdoptionRecord, notifiesProposers } from './adoptions';

const DOC = 'd0000000-0000-4000-8000-000000000001';
const NOW = Date.UTC(2026, 11, 4);
const input = {
  id: 'r1',
  docId: DOC,
  type: 'adopted' as const,
  level: 'province' as const,
  by: ' 省政协《社情民意》 ',
  at: Date.UTC(2026, 10, 20),
  note: ' 第12期 ',
  evidenceAttachmentId: null,
};

describe('adoption records (U1-U3)', () => {
  it('takes reports approved or filed, never proposals or drafts', () => {
    expect(isAdoptable('social_info', 'approved')).toBe(true);
    expect(isAdoptable('research_report', 'filed')).toBe(true);
    expect(isAdoptable('social_info', 'in_review')).toBe(false);
    expect(isAdoptable('proposal', 'filed')).toBe(false);
  });

  it('records who and when, trimmed', () => {
    const made = newAdoptionRecord(input, [], 'u1', NOW);
    expect(made).toEqual({
      ok: true,
      record: { ...input, by: '省政协《社情民意》', note: '第12期', recordedBy: 'u1', recordedAt: NOW },
    });
  });

  it('refuses a date in the future', () => {
    expect(newAdoptionRecord({ ...input, at: NOW + 3 * 86_400_000 }, [], 'u1', NOW)).toEqual({
      ok: false,
      refusal: AdoptionRefusal.badDate,
    });
  });

  it('takes as evidence only an evidence attachment of the same document', () => {
    const withEvidence = { ...input, evidenceAttachmentId: 'a1' };
    expect(newAdoptionRecord(withEvidence, [{ id: 'a1', kind: 'evidence', docId: DOC }], 'u1', NOW).ok).toBe(true);
    for (const attachments of [
      [],
      [{ id: 'a1', kind: 'reply_letter', docId: DOC }],
      [{ id: 'a1', kind: 'evidence', docId: 'other' }],
    ]) {
      expect(newAdoptionRecord(withEvidence, attachments, 'u1', NOW)).toEqual({
        ok: false,
        refusal: AdoptionRefusal.badEvidence,
      });
    }
  });

  it('tells the proposers of an adoption or an instruction, not of forwarding alone', () => {
    expect(notifiesProposers('adopted')).toBe(true);
    expect(notifiesProposers('instruction')).toBe(true);
    expect(notifiesProposers('forwarded')).toBe(false);
  });
});
