import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { type WebSocket, WebSocketServer } from 'ws';
import { CloseCode } from '../../shared/index';
import { formatRelayReason, RelayReasonCode } from '../../shared/protocol/relayReasons';
import { CredentialSource, readPresentedCredential } from '../auth/credentials';
import { type Logger, toError } from '../logger';
import type { Relay } from '../relay/Relay';
import type { RelaySocket } from '../relay/RelaySocket';
import { factsOfIncoming, type SiteAddress } from './SiteAddress';

/** The websocket endpoint: `/sync/<room>`, any query. */
const SYNC_PATH = /^\/sync\/([^/]+)$/;

export interface SyncUpgradeOptions {
  readonly relay: Relay;
  readonly logger: Logger;
  /** Frames larger than this are refused with 1009 before they are buffered. */
  readonly maxMessageBytes: number;
  /**
   * The frame limit of a connection whose credential signs nobody in (it will be refused with
   * 4401 anyway): a stranger cannot make the server buffer a frame of `maxMessageBytes`.
   */
  readonly maxStrangerFrameBytes: number;
  /**
   * Checks a credential before the upgrade, to pick the frame limit: whether it signs someone in,
   * and what was learnt, handed to the relay's gate for its first decision (RoomGate `hint`).
   */
  readonly checkCredential: (credential: string) => Promise<CheckedUpgrade>;
  /** Where browsers reach the server: the session cookie's name and the origin its upgrades must come from. */
  readonly site: SiteAddress;
}

/** A `ws` socket seen as the relay's minimal socket; a class, so connections share its methods. */
class WsRelaySocket implements RelaySocket {
  readonly #ws: WebSocket;
  /** The TCP socket under `#ws`, corked so that several frames leave in one write. */
  readonly #tcp: Duplex;

  constructor(ws: WebSocket, tcp: Duplex) {
    this.#ws = ws;
    this.#tcp = tcp;
  }

  cork(): void {
    this.#tcp.cork();
  }

  uncork(): void {
    this.#tcp.uncork();
  }

  send(data: Uint8Array): void {
    if (this.#ws.readyState === this.#ws.OPEN) {
      this.#ws.send(data);
    }
  }

  close(code: number, reason: string): void {
    this.#ws.close(code, reason);
  }

  terminate(): void {
    this.#ws.terminate();
  }

  ping(): void {
    if (this.#ws.readyState === this.#ws.OPEN) {
      this.#ws.ping();
    }
  }

  get bufferedAmount(): number {
    return this.#ws.bufferedAmount;
  }

  get isOpen(): boolean {
    return this.#ws.readyState === this.#ws.OPEN;
  }
}

function toBytes(data: Buffer | ArrayBuffer | Buffer[]): Uint8Array {
  if (Array.isArray(data)) {
    return Buffer.concat(data);
  }
  return data instanceof ArrayBuffer ? new Uint8Array(data) : data;
}

interface SyncTarget {
  readonly roomText: string;
  readonly query: URLSearchParams;
  /** The session or API token presented; null when none. */
  readonly credential: string | null;
}

/** What checking a credential at the upgrade found: whether it signs someone in, and the gate's hint. */
export interface CheckedUpgrade {
  readonly isSignedIn: boolean;
  readonly hint?: unknown;
}

const NOBODY: CheckedUpgrade = { isSignedIn: false };

/** The room and query of a `/sync/<room>` URL; null for any other path. */
function parseSyncUrl(requestUrl: string | undefined): { roomText: string; query: URLSearchParams } | null {
  const url = new URL(requestUrl ?? '/', 'http://relay');
  const match = SYNC_PATH.exec(url.pathname);
  if (match?.[1] === undefined) {
    return null;
  }
  try {
    return { roomText: decodeURIComponent(match[1]), query: url.searchParams };
  } catch {
    return { roomText: match[1], query: url.searchParams };
  }
}

function refuseUpgrade(socket: Duplex, status: string): void {
  socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

/**
 * Serves `GET /sync/:room` upgrades on the Node server, next to the Hono app (which answers the
 * same path without an upgrade with 426). Going through Hono's fetch adapter (@hono/node-ws)
 * builds a full Fetch Request per upgrade and keeps it alive with the socket: measured here,
 * about 5 KB more memory and 50% more CPU per connection. An accepted upgrade is never refused with an HTTP status —
 * a browser cannot read one and would retry forever — but closed with a code and a reason.
 * Returns what closes its websocket servers.
 */
export function attachSyncUpgrade(server: Server, options: SyncUpgradeOptions): { close(): void } {
  const { relay, logger, maxMessageBytes, maxStrangerFrameBytes, site } = options;
  const wss = new WebSocketServer({ noServer: true, maxPayload: maxMessageBytes, clientTracking: false });
  const strangers = new WebSocketServer({ noServer: true, maxPayload: maxStrangerFrameBytes, clientTracking: false });
  server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    const target = parseSyncUrl(request.url);
    // Until ws owns the socket, its errors (a client that went away) are ours to swallow.
    const ignoreError = (): void => {};
    socket.on('error', ignoreError);
    if (target === null) {
      refuseUpgrade(socket, '404 Not Found');
      return;
    }
    // A browser sends its session cookie; other clients pass `?token=`. Checked by the relay's
    // gate after the upgrade, so that a refusal is a close code the client can read; checked here
    // only to choose the frame limit.
    const presented = readPresentedCredential({
      cookie: request.headers.cookie,
      cookieName: site.cookieName,
      query: target.query,
    });
    if (
      presented?.source === CredentialSource.cookie &&
      !site.isAcceptedOrigin(request.headers.origin, factsOfIncoming(request))
    ) {
      // Cross-site websocket hijacking: a page of another site opening our relay with the
      // browser's cookie. Refused before the upgrade; our own pages never see this.
      logger.warn('websocket upgrade refused: foreign Origin with the session cookie', {
        room: target.roomText,
        origin: request.headers.origin ?? null,
      });
      refuseUpgrade(socket, '403 Forbidden');
      return;
    }
    const credential = presented?.token ?? null;
    void checkCredential(credential).then((checked) => {
      if (socket.destroyed) {
        return;
      }
      socket.off('error', ignoreError);
      const limit = checked.isSignedIn ? maxMessageBytes : maxStrangerFrameBytes;
      // From here ws owns the socket, including its error listener.
      (checked.isSignedIn ? wss : strangers).handleUpgrade(request, socket, head, (ws) =>
        accept(ws, socket, { ...target, credential }, limit, checked.hint),
      );
    });
  });

  /** What the credential is; nobody when there is none or the check fails. */
  async function checkCredential(credential: string | null): Promise<CheckedUpgrade> {
    if (credential === null) {
      return NOBODY;
    }
    try {
      return await options.checkCredential(credential);
    } catch (thrown) {
      logger.error('checking a credential before an upgrade failed', { error: toError(thrown).message });
      return NOBODY;
    }
  }

  function accept(ws: WebSocket, tcp: Duplex, target: SyncTarget, maxFrameBytes: number, hint: unknown): void {
    const { roomText, query, credential } = target;
    // Every socket has an error listener: protocol violations close that socket and nothing else.
    ws.on('error', (error) => logger.warn('websocket error', { room: roomText, error: error.message }));
    explainOversizedFrames(ws, maxFrameBytes);
    const connection = relay.connect(new WsRelaySocket(ws, tcp), roomText, query, credential, hint);
    ws.on('message', (data: Buffer | ArrayBuffer | Buffer[], isBinary: boolean) => {
      if (!isBinary) {
        ws.close(
          CloseCode.badMessage,
          formatRelayReason(RelayReasonCode.badFrame, 'text frames are not part of the protocol'),
        );
        return;
      }
      connection.onMessage(toBytes(data));
    });
    ws.on('pong', () => connection.onPong());
    ws.on('close', () => connection.onClose());
  }

  return {
    close: () => {
      wss.close();
      strangers.close();
    },
  };
}

/**
 * ws refuses a frame over `maxPayload` before buffering it, but closes with 1009 and no reason.
 * Give that close a reason the client can show.
 */
function explainOversizedFrames(ws: WebSocket, maxMessageBytes: number): void {
  const close = ws.close.bind(ws);
  ws.close = (code?: number, reason?: string | Buffer) => {
    const explained =
      code === CloseCode.messageTooBig && !reason
        ? formatRelayReason(RelayReasonCode.frameTooBig, `frame larger than ${maxMessageBytes} bytes`)
        : reason;
    close(code, explained);
  };
}
