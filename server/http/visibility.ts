import type { DocRecord, Group } from '../../shared/api/schemas';
import { Action, type Actor, can, documentTarget } from '../../shared/index';

/** The groups `actor` may see (P3). */
export function visibleGroups(actor: Actor, groups: readonly Group[]): Group[] {
  return groups.filter((group) => can(actor, Action.viewGroup, { type: 'group', groupId: group.id }));
}

/** The documents `actor` may read (P6). */
export function readableDocs(actor: Actor, docs: readonly DocRecord[]): DocRecord[] {
  return docs.filter((doc) => can(actor, Action.readDocument, documentTarget(doc)));
}
