import type { Action, Denial } from '../../shared/index';

const DENIAL_MESSAGES: { readonly [D in Denial]: string } = {
  inactive: 'This account has been deactivated',
  role: 'Your role does not allow this',
  not_in_group: 'You are not a member of this group',
  status: "The document's status does not allow this",
  archived: 'The document is archived',
  not_author: "Only the document's proposer (its creator) and its authors may do this",
};

/** The sentence that says what `decide()` refused and why, for example "Your role does not allow this: file document refused". */
export function refusalMessage(denial: Denial, action: Action): string {
  return `${DENIAL_MESSAGES[denial]}: ${action.replaceAll('_', ' ')} refused`;
}
