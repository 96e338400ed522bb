import { type Action, type ActionTargets, type Actor, Denial, decide } from '../../shared/index';
import { refusalMessage } from '../auth/refusalMessage';
import { ApiError } from './ApiError';

/** Checks `decide()` and throws 403 with the denial and a sentence saying what was refused. */
export function permit<A extends Action>(actor: Actor, action: A, target: ActionTargets[A]): void {
  const decision = decide(actor, action, target);
  if (!decision.allowed) {
    throw ApiError.forbidden(decision.denial, refusalMessage(decision.denial, action));
  }
}

export { Denial };
