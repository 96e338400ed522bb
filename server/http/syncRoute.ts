import type { UpgradeWebSocket } from 'hono/ws';
import type { WebSocket } from 'ws';
import { CloseCode } from '../../shared/index';
import type { Logger } from '../logger';
import type { ConnectionEvents, Relay } from '../relay/Relay';
import type { RelaySocket } from '../relay/RelaySocket';

/** Adapts a `ws` socket to the relay's minimal socket. */
function adaptSocket(ws: WebSocket): RelaySocket {
  return {
    send: (data) => {
      if (ws.readyState === ws.OPEN) {
        ws.send(data);
      }
    },
    close: (code, reason) => ws.close(code, reason),
    terminate: () => ws.terminate(),
    ping: () => {
      if (ws.readyState === ws.OPEN) {
        ws.ping();
      }
    },
    get bufferedAmount() {
      return ws.bufferedAmount;
    },
    get isOpen() {
      return ws.readyState === ws.OPEN;
    },
  };
}

function toBytes(data: Buffer | ArrayBuffer | Buffer[]): Uint8Array {
  if (Array.isArray(data)) {
    return Buffer.concat(data);
  }
  return data instanceof ArrayBuffer ? new Uint8Array(data) : data;
}

/**
 * ws refuses a frame over `maxPayload` before buffering it, but closes with 1009 and no reason.
 * Give that close a reason the client can show.
 */
function explainOversizedFrames(ws: WebSocket, maxMessageBytes: number): void {
  const close = ws.close.bind(ws);
  ws.close = (code?: number, reason?: string | Buffer) => {
    const explained =
      code === CloseCode.messageTooBig && !reason ? `frame larger than ${maxMessageBytes} bytes` : reason;
    close(code, explained);
  };
}

/**
 * The handler of `GET /sync/:room`. The upgrade is always accepted and problems are reported by
 * closing with a code and reason: a browser cannot read an HTTP error on an upgrade and would
 * retry forever. Frames are read from the raw socket: nothing can arrive before `onOpen`, and
 * this skips a copy and an event object per frame.
 */
export function syncRoute(
  upgradeWebSocket: UpgradeWebSocket<WebSocket>,
  relay: Relay,
  logger: Logger,
  maxMessageBytes: number,
) {
  return upgradeWebSocket((c) => {
    const roomText = c.req.param('room') ?? '';
    const query = new URL(c.req.url).searchParams;
    let events: ConnectionEvents | null = null;
    return {
      onOpen: (_event, context) => {
        const ws = context.raw;
        if (ws === undefined) {
          return;
        }
        explainOversizedFrames(ws, maxMessageBytes);
        const connection = relay.connect(adaptSocket(ws), roomText, query);
        events = connection;
        ws.on('message', (data, isBinary) => {
          if (!isBinary) {
            ws.close(CloseCode.badMessage, 'text frames are not part of the protocol');
            return;
          }
          connection.onMessage(toBytes(data));
        });
        ws.on('pong', () => connection.onPong());
      },
      onClose: () => {
        events?.onClose();
      },
      onError: (event) => {
        logger.warn('websocket error', { room: roomText, error: String(event.type) });
      },
    };
  });
}
