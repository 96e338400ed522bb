import { CloseCode, type ParsedRoom, type UserId } from '../../shared/index';
import { formatRelayReason, RelayReasonCode } from '../../shared/protocol/relayReasons';
import type { HeldBudget } from './HeldBudget';
import type { RelaySocket } from './RelaySocket';
import type { Room } from './Room';
import type { GrantedAccess } from './RoomGate';

/** Which frames `Connection.send` sends. */
export const SendKind = {
  /** Live traffic: relayed updates and awareness, step 1, refusals. */
  live: 'live',
  /** A sync step 2 answering the client's step 1: possibly the whole room. */
  syncAnswer: 'syncAnswer',
} as const;
export type SendKind = (typeof SendKind)[keyof typeof SendKind];

let nextConnectionId = 1;

export interface ConnectionInit {
  readonly socket: RelaySocket;
  readonly target: ParsedRoom;
  /** The content schema version the client declared; null for clients that declare none. */
  readonly schemaVersion: number | null;
  /** The session or API token the client presented; null when none. */
  readonly credential: string | null;
  /** What the transport learnt of the credential at the upgrade (RoomGate.decide's `hint`). */
  readonly admissionHint?: unknown;
  /** The held-back updates of every connection together. */
  readonly heldBudget: HeldBudget;
  /**
   * Largest backlog of unsent bytes, on top of what is left of the initial sync, before the
   * connection is dropped as too slow: a stalled reader cannot grow the server's memory without
   * bound, and a reader of a large room is never cut off while that room is on its way.
   */
  readonly maxBacklogBytes: number;
}

/**
 * What the relay knows of one websocket: who it is, what it may do, its room, its awareness
 * clients, and frames it holds back.
 */
export class Connection {
  readonly id = nextConnectionId++;
  readonly socket: RelaySocket;
  readonly target: ParsedRoom;
  readonly schemaVersion: number | null;
  /** Kept for re-deciding access when memberships or records change; never logged. */
  readonly credential: string | null;
  /** What the transport learnt of the credential at the upgrade, for the gate's first decision only. */
  admissionHint: unknown;
  /** What the gate granted; null until it has decided, and nothing of the room is sent before. */
  access: GrantedAccess | null = null;
  /** Counts access decisions, so that only the latest one started is applied. */
  accessEpoch = 0;
  room: Room<Connection> | null = null;
  /** Awareness client ids this connection has sent states for, removed when it closes. */
  readonly awarenessIds = new Set<number>();
  #held: Uint8Array[] = [];
  #heldBytes = 0;
  readonly #heldBudget: HeldBudget;
  readonly #maxBacklogBytes: number;
  /**
   * The last sync answer still being written (0: none) and the bytes sent after it. The backlog
   * it makes is not a slow reader's. Frames leave in order, so what is left of the answer is the
   * backlog less what was sent after it (and never more than the answer).
   */
  #syncAnswerBytes = 0;
  #sentAfterSyncBytes = 0;
  /** Why this connection's updates are refused for the rest of its life (a quota); null while they are not. */
  writeRefusal: string | null = null;
  /** Frames received while access was decided or the room loaded, processed once it is ready. */
  early: Uint8Array[] = [];
  earlyBytes = 0;
  /** Whether the client has been told once that its updates are dropped. */
  hasBeenToldReadOnly = false;
  isClosed = false;
  /** Whether a pong (or any frame) arrived since the last ping. */
  isAlive = true;
  hasSpoken = false;
  lastSentAt = Date.now();
  readonly openedAt = Date.now();

  constructor(init: ConnectionInit) {
    this.socket = init.socket;
    this.target = init.target;
    this.schemaVersion = init.schemaVersion;
    this.credential = init.credential;
    this.admissionHint = init.admissionHint;
    this.#heldBudget = init.heldBudget;
    this.#maxBacklogBytes = init.maxBacklogBytes;
  }

  /** Updates whose dependencies have not arrived yet, in the order received. */
  get held(): readonly Uint8Array[] {
    return this.#held;
  }

  get heldBytes(): number {
    return this.#heldBytes;
  }

  /** Holds back an update whose dependencies are missing; the caller checked the limits. */
  hold(update: Uint8Array): void {
    // Copy: the frame's buffer may be reused by the socket library.
    this.#held.push(update.slice());
    this.#heldBytes += update.byteLength;
    this.#heldBudget.add(update.byteLength);
  }

  /** Replaces the held-back updates by `updates` (those still waiting; kept, not copied); none by default. */
  setHeld(updates: Uint8Array[] = []): void {
    this.#heldBudget.release(this.#heldBytes);
    this.#held = updates;
    this.#heldBytes = updates.reduce((sum, update) => sum + update.byteLength, 0);
    this.#heldBudget.add(this.#heldBytes);
  }

  /** The signed-in user; null until access is granted. */
  get userId(): UserId | null {
    return this.access?.userId ?? null;
  }

  /**
   * Applies a granted access, in place when the connection is already in its room. Turning
   * read-only drops updates held back for missing dependencies (they were never applied), and a
   * new reason is told again with the next update that is dropped.
   */
  grant(access: GrantedAccess): void {
    const previousReason = this.access?.kind === 'read' ? this.access.reason : null;
    const reason = access.kind === 'read' ? access.reason : null;
    if (reason !== null) {
      this.setHeld();
    }
    if (reason !== previousReason) {
      this.hasBeenToldReadOnly = false;
    }
    this.access = access;
  }

  /** Keeps a frame that arrived before the connection joined its room; closes it past `maxBytes`. */
  keepEarly(data: Uint8Array, maxBytes: number): void {
    if (this.earlyBytes + data.byteLength > maxBytes) {
      this.close(CloseCode.messageTooBig, formatRelayReason(RelayReasonCode.tooMuchEarlyData));
      return;
    }
    // Copy: the frame's buffer may be reused by the socket library.
    this.early.push(data.slice());
    this.earlyBytes += data.byteLength;
  }

  /**
   * Sends a frame now, or drops the connection if its reader has fallen too far behind. The
   * backlog a sync answer makes does not count while it is being written, however large the
   * room; one answer at a time, so asking again and again cannot queue the room many times.
   */
  send(data: Uint8Array, kind: SendKind = SendKind.live): void {
    if (this.isClosed || !this.socket.isOpen) {
      return;
    }
    const backlog = this.socket.bufferedAmount;
    const unsentSync = Math.min(this.#syncAnswerBytes, Math.max(0, backlog - this.#sentAfterSyncBytes));
    if (unsentSync === 0) {
      this.#syncAnswerBytes = 0;
      this.#sentAfterSyncBytes = 0;
    }
    if (backlog - unsentSync > this.#maxBacklogBytes) {
      this.socket.terminate();
      return;
    }
    this.socket.send(data);
    if (kind === SendKind.syncAnswer && unsentSync === 0) {
      this.#syncAnswerBytes = data.byteLength;
    } else if (this.#syncAnswerBytes > 0) {
      this.#sentAfterSyncBytes += data.byteLength;
    }
    this.lastSentAt = Date.now();
  }

  /** Closes with a code and a reason; the socket's close event then detaches the connection. */
  close(code: number, reason: string): void {
    if (this.isClosed) {
      return;
    }
    this.isClosed = true;
    this.socket.close(code, truncateReason(reason));
  }
}

/** Websocket close reasons are limited to 123 bytes of UTF-8. */
export function truncateReason(reason: string): string {
  const bytes = new TextEncoder().encode(reason);
  if (bytes.byteLength <= 123) {
    return reason;
  }
  let text = reason;
  while (new TextEncoder().encode(text).byteLength > 120) {
    text = text.slice(0, -1);
  }
  return `${text}...`;
}
