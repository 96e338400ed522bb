import { CloseCode, type UserId } from '../../shared/index';
import { formatRelayReason, RelayReasonCode } from '../../shared/protocol/relayReasons';
import type { Quotas } from '../quotas';

/** The caps on one user's open connections. */
export type ConnectionCaps = Pick<Quotas, 'maxConnectionsPerUser' | 'maxConnectionsPerUserRoom'>;

/** Why a connection was not counted: the close code and reason to give it. */
export interface ConnectionRefusal {
  readonly code: CloseCode;
  readonly reason: string;
  /** The user's open connections, in all or to the room, when refused. */
  readonly open: number;
}

interface Counted {
  readonly userId: UserId;
  readonly key: string;
}

/**
 * Counts admitted connections per user and per (user, room), so that one account cannot hold
 * the server's sockets: a connection over either cap is refused when it is admitted.
 */
export class ConnectionLimits<Member extends object> {
  readonly #caps: ConnectionCaps;
  readonly #byUser = new Map<UserId, number>();
  readonly #byUserRoom = new Map<string, number>();
  readonly #counted = new Map<Member, Counted>();

  constructor(caps: ConnectionCaps) {
    this.#caps = caps;
  }

  /** Counts `member` as a connection of `userId` to `room`, or says why it is over a cap. */
  admit(member: Member, userId: UserId, room: string): ConnectionRefusal | null {
    if (this.#counted.has(member)) {
      return null;
    }
    const key = `${userId} ${room}`;
    const inAll = this.#byUser.get(userId) ?? 0;
    const inRoom = this.#byUserRoom.get(key) ?? 0;
    if (inRoom >= this.#caps.maxConnectionsPerUserRoom) {
      return {
        code: CloseCode.tooManyConnections,
        reason: formatRelayReason(RelayReasonCode.tooManyRoomConnections),
        open: inRoom,
      };
    }
    if (inAll >= this.#caps.maxConnectionsPerUser) {
      return {
        code: CloseCode.tooManyConnections,
        reason: formatRelayReason(RelayReasonCode.tooManyConnections),
        open: inAll,
      };
    }
    this.#byUser.set(userId, inAll + 1);
    this.#byUserRoom.set(key, inRoom + 1);
    this.#counted.set(member, { userId, key });
    return null;
  }

  /** Stops counting a connection that closed; nothing happens for one never counted. */
  release(member: Member): void {
    const counted = this.#counted.get(member);
    if (counted === undefined) {
      return;
    }
    this.#counted.delete(member);
    decrement(this.#byUser, counted.userId);
    decrement(this.#byUserRoom, counted.key);
  }
}

function decrement<K>(counts: Map<K, number>, key: K): void {
  const next = (counts.get(key) ?? 0) - 1;
  if (next <= 0) {
    counts.delete(key);
  } else {
    counts.set(key, next);
  }
}
