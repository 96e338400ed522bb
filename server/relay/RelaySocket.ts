/**
 * The minimal socket the relay needs. The HTTP layer adapts `ws` sockets to it, and tests can
 * use an in-memory pair, so the relay core never depends on a websocket library.
 */
export interface RelaySocket {
  /** Sends one binary frame; a no-op once the socket is closing. */
  send(data: Uint8Array): void;
  /** Starts the closing handshake with a code and a human-readable reason (at most 123 bytes). */
  close(code: number, reason: string): void;
  /** Drops the connection at once, without a closing handshake (a dead peer). */
  terminate(): void;
  /** Holds frames sent from now on in memory, to be written together by `uncork`. */
  cork(): void;
  /** Writes the frames held since `cork` in one system call. */
  uncork(): void;
  /** Sends a websocket ping; the adapter reports the pong through the connection's onPong. */
  ping(): void;
  /** Bytes queued by `send` and not yet written to the network. */
  readonly bufferedAmount: number;
  /** Whether frames can still be sent. */
  readonly isOpen: boolean;
}
