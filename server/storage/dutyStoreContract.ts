import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { emptyDutyBook, submitForm, writeSummary } from '../../shared/domain/dutyBook';
import type { DocCredit } from '../../shared/domain/dutyCredits';
import { PRESET_100 } from '../../shared/domain/dutyPresets';
import type { DutyYearSettings } from '../../shared/domain/dutyYear';
import type { DocId, UserId } from '../../shared/domain/ids';
import type { DutyStore } from './DutyStore';

export interface DutyStoreHarness {
  readonly duty: DutyStore;
  dispose(): Promise<void>;
}

function changedOrThrow<T>(change: { ok: true; next: T } | { ok: false; refusal: string }): T {
  if (!change.ok) {
    throw new Error(change.refusal);
  }
  return change.next;
}

/** The behaviour every DutyStore adapter must show; each adapter's test runs it. */
export function describeDutyStoreContract(name: string, open: () => Promise<DutyStoreHarness>): void {
  describe(`${name} (DutyStore contract)`, () => {
    let harness: DutyStoreHarness;
    beforeEach(async () => {
      harness = await open();
    });
    afterEach(() => harness.dispose());

    it('creates a book at version 1, saves changes on the stored version only, and lists a year', async () => {
      const zhang = randomUUID() as UserId;
      const li = randomUUID() as UserId;
      const first = changedOrThrow(writeSummary(emptyDutyBook(zhang, 2026), '参加调研三次'));
      expect(await harness.duty.saveBook(first)).toBe('saved');
      expect(await harness.duty.saveBook(first)).toBe('conflict');
      const submitted = changedOrThrow(submitForm(first, 10));
      expect(await harness.duty.saveBook(submitted)).toBe('saved');
      expect(await harness.duty.saveBook(submitted)).toBe('conflict');
      expect(await harness.duty.getBook(zhang, 2026)).toEqual(submitted);
      expect(await harness.duty.getBook(zhang, 2025)).toBeNull();
      await harness.duty.saveBook(changedOrThrow(writeSummary(emptyDutyBook(li, 2025), '去年')));
      expect((await harness.duty.listBooks(2026)).map((book) => book.userId)).toEqual([zhang]);
    });

    it('keeps a year’s settings with their version and closed results', async () => {
      const year: DutyYearSettings = {
        year: 2026,
        rules: PRESET_100,
        basis: 'preset_100',
        inactiveDays: 90,
        closedAt: null,
        closedResults: null,
        version: 1,
      };
      expect(await harness.duty.saveYear(year)).toBe('saved');
      expect(await harness.duty.saveYear(year)).toBe('conflict');
      const closed: DutyYearSettings = {
        ...year,
        closedAt: 5,
        closedResults: [
          {
            userId: randomUUID() as UserId,
            participation: 50,
            results: 20,
            total: 70,
            level: 'competent',
            missing: [],
          },
        ],
        version: 2,
      };
      expect(await harness.duty.saveYear(closed)).toBe('saved');
      expect(await harness.duty.getYear(2026)).toEqual(closed);
      expect(await harness.duty.getYear(2025)).toBeNull();
    });

    it('replaces a document’s credits, and marks a document read with no one credited', async () => {
      const doc = randomUUID() as DocId;
      const empty = randomUUID() as DocId;
      const credit = (userId: UserId, chars: number): DocCredit => ({
        docId: doc,
        userId,
        chars,
        total: 100,
        comments: 2,
        reviews: 1,
        at: 1_700_000_000_000,
      });
      const zhang = randomUUID() as UserId;
      await harness.duty.putCredits(doc, [credit(zhang, 10), credit(randomUUID() as UserId, 90)]);
      await harness.duty.putCredits(doc, [credit(zhang, 60)]);
      await harness.duty.putCredits(empty, []);
      expect(await harness.duty.listCredits()).toEqual([credit(zhang, 60)]);
      expect(await harness.duty.creditedDocIds()).toEqual(new Set([doc, empty]));
    });
  });
}
