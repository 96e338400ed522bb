import type { GroupId } from '../../shared/index';
import { ApiError } from './ApiError';
import type { ApiDeps } from './apiEnv';

/**
 * Refuses a body's `groupIds` that names a group that does not exist, with 400 and the field of
 * the first one (`groupIds.<index>`): inviting a person and changing one's groups both take a list.
 */
export async function assertGroupsExist(deps: Pick<ApiDeps, 'groups'>, groupIds: readonly GroupId[]): Promise<void> {
  for (const [index, groupId] of groupIds.entries()) {
    if ((await deps.groups.getGroup(groupId)) === null) {
      throw ApiError.badRequest(
        `The body's field groupIds.${index} is not valid: no group ${groupId}`,
        `groupIds.${index}`,
      );
    }
  }
}
