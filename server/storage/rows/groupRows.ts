import type { Group } from '../../../shared/api/schemas';
import { parseGroupId, type UserId } from '../../../shared/index';

/** Rows of the `groups` table as both SQL adapters read them, and their conversion to groups. */

export interface GroupRow {
  id: string;
  name: string;
  created_at: number;
}

/** The group with its members (by group id); null when its id does not parse. */
export function toGroup(row: GroupRow, members: Map<string, UserId[]>): Group | null {
  const id = parseGroupId(row.id);
  return id === null ? null : { id, name: row.name, createdAt: row.created_at, memberIds: members.get(id) ?? [] };
}
