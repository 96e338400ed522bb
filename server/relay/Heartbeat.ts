import { CloseCode } from '../../shared/index';
import { formatRelayReason, RelayReasonCode } from '../../shared/protocol/relayReasons';
import type { Connection } from './Connection';
import { KEEPALIVE_MESSAGE } from './protocolMessages';

/** How often connections are checked: idle ones fed a keepalive, silent ones timed out. */
const HEARTBEAT_INTERVAL_MS = 10_000;
/**
 * A connection that was sent nothing this long gets a keepalive frame. The stock client drops a
 * connection that received nothing for 30 s; with a 10 s beat the longest gap is under 25 s.
 */
const KEEPALIVE_AFTER_MS = 15_000;
/** Every third beat (30 s) pings; a socket that has not answered the previous ping is dropped. */
const PING_EVERY_BEATS = 3;
/** A client that has sent nothing this long after connecting is dropped. */
const HANDSHAKE_TIMEOUT_MS = 30_000;

/**
 * Keeps connections honest while they are idle: drops dead peers and clients that never speak,
 * and feeds idle clients a frame so their watchdog does not reconnect them.
 */
export class Heartbeat {
  readonly #timer: NodeJS.Timeout;
  #beats = 0;

  constructor(connections: ReadonlySet<Connection>) {
    this.#timer = setInterval(() => this.#beat(connections), HEARTBEAT_INTERVAL_MS);
    this.#timer.unref();
  }

  stop(): void {
    clearInterval(this.#timer);
  }

  #beat(connections: ReadonlySet<Connection>): void {
    const now = Date.now();
    this.#beats += 1;
    const isPingBeat = this.#beats % PING_EVERY_BEATS === 0;
    for (const connection of connections) {
      if (isPingBeat) {
        if (!connection.isAlive) {
          connection.socket.terminate();
          continue;
        }
        connection.isAlive = false;
        connection.socket.ping();
      }
      if (!connection.hasSpoken && now - connection.openedAt > HANDSHAKE_TIMEOUT_MS) {
        connection.close(CloseCode.handshakeTimeout, formatRelayReason(RelayReasonCode.handshakeTimeout));
        continue;
      }
      if (connection.room !== null && now - connection.lastSentAt >= KEEPALIVE_AFTER_MS) {
        connection.send(KEEPALIVE_MESSAGE);
      }
    }
  }
}
