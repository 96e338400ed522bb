import type { ParsedRoom, UserId } from '../../../shared/index';
import { CloseCode } from '../../../shared/index';
import { formatRelayReason, RelayReasonCode } from '../../../shared/protocol/relayReasons';
import type { RoomAccess, RoomGate } from '../RoomGate';

/** The user every connection of `writeAllGate` is. */
export const TEST_USER = '00000000-0000-4000-8000-0000000000aa' as UserId;

/** A gate that lets every connection write, as `TEST_USER`: for tests about everything else. */
export const writeAllGate: RoomGate = {
  decide: () => Promise.resolve({ kind: 'write', userId: TEST_USER }),
};

/**
 * A gate whose answers a test sets per credential (unknown credentials are refused with 4401).
 * Each answer is taken when `decide` is called; while held, answers are given only on release,
 * so a test can interleave decisions with frames and other decisions.
 */
export class ScriptedGate implements RoomGate {
  readonly #answers = new Map<string, RoomAccess | Error>();
  #held: (() => void)[] | null = null;
  readonly calls: { credential: string | null; room: ParsedRoom }[] = [];

  /** Sets what the holder of `credential` may do from now on; an Error makes `decide` throw. */
  set(credential: string, answer: RoomAccess | Error): void {
    this.#answers.set(credential, answer);
  }

  /** Holds every answer from now on until `release`. */
  hold(): void {
    this.#held ??= [];
  }

  /** Gives the held answers, in the order asked, and stops holding. */
  release(): void {
    const held = this.#held ?? [];
    this.#held = null;
    for (const give of held) {
      give();
    }
  }

  decide(credential: string | null, room: ParsedRoom): Promise<RoomAccess> {
    this.calls.push({ credential, room });
    const answer: RoomAccess | Error = (credential === null ? undefined : this.#answers.get(credential)) ?? {
      kind: 'refuse',
      code: CloseCode.unauthorized,
      reason: formatRelayReason(RelayReasonCode.signIn),
    };
    return new Promise((resolve, reject) => {
      const give = () => (answer instanceof Error ? reject(answer) : resolve(answer));
      if (this.#held === null) {
        give();
      } else {
        this.#held.push(give);
      }
    });
  }
}
