import type { ParsedRoom } from '../../shared/index';
import type { RelaySocket } from './RelaySocket';
import type { Room } from './Room';

/**
 * Largest backlog of unsent bytes a connection may have before it is dropped as too slow, so a
 * stalled reader cannot grow the server's memory without bound.
 */
export const MAX_BUFFERED_BYTES = 64 * 1024 * 1024;

let nextConnectionId = 1;

/** What the relay knows of one websocket: its room, its awareness clients, held-back updates. */
export class Connection {
  readonly id = nextConnectionId++;
  readonly socket: RelaySocket;
  readonly target: ParsedRoom;
  /** The content schema version the client declared; null for clients that declare none. */
  readonly schemaVersion: number | null;
  room: Room | null = null;
  /** Awareness client ids this connection has sent states for, removed when it closes. */
  readonly awarenessIds = new Set<number>();
  /** Updates whose dependencies have not arrived yet, in the order received. */
  held: Uint8Array[] = [];
  heldBytes = 0;
  /** Frames received while the room was loading, processed once it is ready. */
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

  constructor(socket: RelaySocket, target: ParsedRoom, schemaVersion: number | null) {
    this.socket = socket;
    this.target = target;
    this.schemaVersion = schemaVersion;
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
