import { describe, expect, it } from 'vitest';
import { DocStatus, newDocId, Role } from '../../../shared';
import { makeMe, makeRecord, newGroupId } from '../../test/FakeServer';
import { isReviewerOf } from './isReviewerOf';

describe('isReviewerOf', () => {
  const groupId = newGroupId();
  const otherGroup = newGroupId();
  const filed = makeRecord(newDocId(), groupId, { status: DocStatus.filed, isArchived: true });

  it('is a chair, or the convener of the document’s group, whatever the status', () => {
    expect(isReviewerOf(makeMe([], { role: Role.chair }), filed)).toBe(true);
    expect(isReviewerOf(makeMe([groupId], { role: Role.convener }), filed)).toBe(true);
  });

  it('is not a member, nor a convener of another group, nor anyone without a record', () => {
    expect(isReviewerOf(makeMe([groupId]), filed)).toBe(false);
    expect(isReviewerOf(makeMe([otherGroup], { role: Role.convener }), filed)).toBe(false);
    expect(isReviewerOf(makeMe([], { role: Role.chair }), undefined)).toBe(false);
    expect(isReviewerOf(null, filed)).toBe(false);
  });
});
