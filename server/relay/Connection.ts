import { CloseCode, type ParsedRoom, type UserId } from '../../shared/index';
import { formatRelayReason, RelayReasonCode } from '../../shared/protocol/relayReasons';
import type { RelaySocket } from './RelaySocket';
import type { Room } from './Room';
import type { GrantedAccess } from './RoomGate';

/**
 * Largest backlog of unsent bytes a connection may have before it is dropped as too slow, so a
 * stalled reader cannot grow the server's memory without bound.
 */
export const MAX_BUFFERED_BYTES = 64 * 1024 * 1024;

let nextConnectionId = 1;

export interface ConnectionInit {
  readonly socket: RelaySocket;
  readonly target: ParsedRoom;
  /** The content schema version the client declared; null for clients that declare none. */
  readonly schemaVersion: number | null;
  /** The session or API token the client presented; null when none. */
  readonly credential: string | null;
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
  /** What the gate granted; null until it has decided, and nothing of the room is sent before. */
  access: GrantedAccess | null = null;
  /** Counts access decisions, so that only the latest one started is applied. */
  accessEpoch = 0;
  room: Room<Connection> | null = null;
  /** Awareness client ids this connection has sent states for, removed when it closes. */
  readonly awarenessIds = new Set<number>();
  /** Updates whose dependencies have not arrived yet, in the order received. */
  held: Uint8Array[] = [];
  heldBytes = 0;
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
      this.held = [];
      this.heldBytes = 0;
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

  /** Sends a frame now, or drops the connection if its reader has fallen too far behind. */
  send(data: Uint8Array): void {
    if (this.isClosed || !this.socket.isOpen) {
      return;
    }
    if (this.socket.bufferedAmount > MAX_BUFFERED_BYTES) {
      this.socket.terminate();
      return;
    }
    this.socket.send(data);
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
