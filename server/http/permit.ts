import { type Action, type ActionTargets, type Actor, Denial, decide } from '../../shared/index';
import { ApiError } from './ApiError';

const MESSAGES: { readonly [D in Denial]: string } = {
  inactive: 'This account has been deactivated',
  role: 'Your role does not allow this',
  not_in_group: 'You are not a member of this group',
  status: "The document's status does not allow this",
  archived: 'The document is archived',
};

/** Checks `decide()` and throws 403 with the denial and a sentence saying what was refused. */
export function permit<A extends Action>(actor: Actor, action: A, target: ActionTargets[A]): void {
  const decision = decide(actor, action, target);
  if (!decision.allowed) {
    throw ApiError.forbidden(decision.denial, `${MESSAGES[decision.denial]}: ${action.replaceAll('_', ' ')} refused`);
  }
}

export { Denial };
