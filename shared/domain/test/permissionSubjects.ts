import type { GroupId, UnitId, UserId } from '../ids';
import { type Actor, type DocumentTarget, documentTarget } from '../permissions';
import { type DocStatus, Role } from '../roles';

/**
 * The people the permission tests ask about, as seen from one document of OWN_GROUP created by
 * CREATOR and written by CREATOR and AUTHOR, co-signed by COSIGNER and handed to HANDED_UNIT.
 */
export const OWN_GROUP = 'a0000000-0000-4000-8000-000000000001' as GroupId;
export const OTHER_GROUP = 'a0000000-0000-4000-8000-000000000002' as GroupId;
export const CREATOR = 'b0000000-0000-4000-8000-000000000001' as UserId;
/** A member of OWN_GROUP recorded as an author of the document (DocRecord.authorIds). */
export const AUTHOR = 'b0000000-0000-4000-8000-000000000002' as UserId;
/** A member of OWN_GROUP who co-signed the document and signed it. */
export const COSIGNER = 'b0000000-0000-4000-8000-000000000003' as UserId;
/** The unit the document is handed to (DocumentTarget.handlingUnitIds), and another. */
export const HANDED_UNIT = 'e0000000-0000-4000-8000-000000000001' as UnitId;
export const OTHER_UNIT = 'e0000000-0000-4000-8000-000000000002' as UnitId;

function person(id: string, role: Role, groupIds: readonly GroupId[], isActive = true): Actor {
  return { id: id as UserId, role, groupIds, isActive };
}

function unitAccount(id: string, unitId: UnitId): Actor {
  return { id: id as UserId, role: Role.unit, groupIds: [], isActive: true, unitId };
}

/**
 * Everyone the matrix asks about, as seen from a document of OWN_GROUP created by CREATOR and
 * written by CREATOR and AUTHOR; `member` belongs to the group but never wrote in it.
 */
export const SUBJECTS = {
  secretariat: person('c0000000-0000-4000-8000-000000000001', Role.secretariat, []),
  chair: person('c0000000-0000-4000-8000-000000000002', Role.chair, []),
  convenerOfGroup: person('c0000000-0000-4000-8000-000000000003', Role.convener, [OWN_GROUP]),
  convenerElsewhere: person('c0000000-0000-4000-8000-000000000004', Role.convener, [OTHER_GROUP]),
  creator: person(CREATOR, Role.member, [OWN_GROUP]),
  author: person(AUTHOR, Role.member, [OWN_GROUP]),
  member: person('c0000000-0000-4000-8000-000000000005', Role.member, [OWN_GROUP, OTHER_GROUP]),
  memberElsewhere: person('c0000000-0000-4000-8000-000000000006', Role.member, [OTHER_GROUP]),
  deactivatedMember: person('c0000000-0000-4000-8000-000000000007', Role.member, [OWN_GROUP], false),
  signedCosigner: person(COSIGNER, Role.member, [OWN_GROUP]),
  unitHanded: unitAccount('c0000000-0000-4000-8000-000000000008', HANDED_UNIT),
  unitElsewhere: unitAccount('c0000000-0000-4000-8000-000000000009', OTHER_UNIT),
} as const;
export type Subject = keyof typeof SUBJECTS;
export const SUBJECT_NAMES = Object.keys(SUBJECTS) as Subject[];

export function documentOf(status: DocStatus, isArchived: boolean): DocumentTarget {
  return documentTarget({
    groupId: OWN_GROUP,
    status,
    isArchived,
    createdBy: CREATOR,
    authorIds: [CREATOR, AUTHOR],
    signedCosignerIds: [COSIGNER],
    handlingUnitIds: [HANDED_UNIT],
    // Only record_adoption reads the kind (P20); the other rules are the same for every kind.
    kind: 'social_info',
  });
}
