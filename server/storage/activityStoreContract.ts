import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Activity, respond } from '../../shared/domain/activities';
import type { UserId } from '../../shared/domain/ids';
import type { ActivityStore } from './ActivityStore';

export interface ActivityStoreHarness {
  readonly activities: ActivityStore;
  dispose(): Promise<void>;
}

const ZHANG = randomUUID() as UserId;

function activity(startsAt: number): Activity {
  return {
    id: randomUUID(),
    kind: 'research',
    title: '农村养老调研',
    place: '城关镇',
    startsAt,
    endsAt: startsAt + 3_600_000,
    groupId: null,
    organizerId: randomUUID() as UserId,
    inviteeIds: [ZHANG],
    responses: [],
    attendance: [],
    createdAt: 1,
    version: 1,
  };
}

/** The behaviour every ActivityStore adapter must show; each adapter's test runs it. */
export function describeActivityStoreContract(name: string, open: () => Promise<ActivityStoreHarness>): void {
  describe(`${name} (ActivityStore contract)`, () => {
    let harness: ActivityStoreHarness;
    beforeEach(async () => {
      harness = await open();
    });
    afterEach(() => harness.dispose());

    it('creates and lists activities earliest first, and reads one back whole', async () => {
      const later = activity(2_000_000);
      const earlier = activity(1_000_000);
      await harness.activities.createActivity(later);
      await harness.activities.createActivity(earlier);
      expect((await harness.activities.listActivities()).map((each) => each.id)).toEqual([earlier.id, later.id]);
      expect(await harness.activities.getActivity(later.id)).toEqual(later);
      expect(await harness.activities.getActivity(randomUUID())).toBeNull();
    });

    it('saves a change made on the stored version only', async () => {
      const stored = activity(1_000_000);
      await harness.activities.createActivity(stored);
      const answered = respond(stored, ZHANG, { answer: 'leave', reason: '出差' }, 10);
      if (!answered.ok) {
        throw new Error(answered.refusal);
      }
      expect(await harness.activities.saveActivity(answered.next)).toBe('saved');
      expect(await harness.activities.saveActivity(answered.next)).toBe('conflict');
      expect(await harness.activities.saveActivity({ ...answered.next, id: randomUUID() })).toBe('missing');
      expect(await harness.activities.getActivity(stored.id)).toEqual(answered.next);
    });
  });
}
