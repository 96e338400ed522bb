import { describe, expect, it } from 'vitest';
import { newDocId, type UserId } from '../../../shared';
import type { DocActivity } from '../../../shared/api/review';
import type { Cosigner } from '../../../shared/api/schemas';
import { makeRecord, newGroupId, newUserId } from '../../test/FakeServer';
import { signedSnapshots } from './signatureSnapshots';

const groupId = newGroupId();

function signed(userId: UserId, snapshot: string | null, signedAt = 5): Cosigner {
  return { userId, state: 'signed', invitedBy: null, invitedAt: null, signedAt, snapshot };
}

function activityOf(cosigners: Cosigner[], docId = newDocId()): DocActivity {
  return {
    record: makeRecord(docId, groupId, { cosigners }),
    events: [],
    versions: [],
    lastReviewedVersionId: null,
  };
}

describe('signedSnapshots', () => {
  const alice = newUserId();
  const bob = newUserId();

  it('reads the snapshots from the cached activity when the record has none', () => {
    const activity = activityOf([signed(alice, 'AAAA'), signed(bob, 'BBBB')]);
    const fromStream = [signed(alice, null), signed(bob, null)];
    expect([...signedSnapshots(fromStream, activity)]).toEqual([
      [alice, 'AAAA'],
      [bob, 'BBBB'],
    ]);
  });

  it('falls back to the record’s snapshot, and knows none for a signature the activity has not seen', () => {
    const activity = activityOf([signed(alice, 'OLD', 5), signed(bob, 'BOLD', 5)]);
    const record = [signed(alice, 'NEW', 9), signed(bob, null, 9)];
    expect([...signedSnapshots(record, activity)]).toEqual([[alice, 'NEW']]);
    expect([...signedSnapshots(record, null)]).toEqual([[alice, 'NEW']]);
  });

  it('skips co-signers who are only invited or withdrew', () => {
    const activity = activityOf([signed(alice, 'AAAA')]);
    const record: Cosigner[] = [{ ...signed(alice, null), state: 'withdrawn' }];
    expect(signedSnapshots(record, activity).size).toBe(0);
  });
});
