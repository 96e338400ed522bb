import type { Group, Me } from '../../../shared/api/schemas';

/** The groups a person belongs to, in the workspace's order. */
export function myGroups(me: Me, groups: readonly Group[]): Group[] {
  return groups.filter((group) => me.groupIds.includes(group.id));
}
