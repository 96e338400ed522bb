import { existsSync, mkdirSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { createAdaptorServer } from '@hono/node-server';
import { DEFAULT_MAX_MESSAGE_BYTES, MAX_HELD_BYTES_PER_CONNECTION } from '../shared/index';
import { DEFAULT_HOST, DEFAULT_PORT } from './config';
import { createApp } from './http/app';
import { attachSyncUpgrade } from './http/syncUpgrade';
import { createLogger, type Logger, type LogLevelName, toError } from './logger';
import { Relay } from './relay/Relay';
import type { DocStore } from './storage/DocStore';
import { SqliteDocStore } from './storage/SqliteDocStore';

/** A request must send its headers within this time, so half-open connections do not pile up. */
const HEADERS_TIMEOUT_MS = 10_000;

export interface ServerOptions {
  readonly dataDir: string;
  readonly port?: number;
  readonly host?: string;
  /** Folder of the built client; null or missing serves none. */
  readonly staticDir?: string | null;
  readonly maxMessageBytes?: number;
  readonly logLevel?: LogLevelName;
  readonly sqliteSynchronous?: 'normal' | 'full';
  /** Another store instead of SQLite under dataDir (tests). */
  readonly store?: DocStore;
}

export interface RunningServer {
  /** Base URL, for example http://127.0.0.1:8787. */
  readonly url: string;
  readonly port: number;
  readonly relay: Relay;
  /** Stops accepting, stores everything pending, closes connections and the database. */
  close(): Promise<void>;
}

function openStore(options: ServerOptions, logger: Logger): DocStore {
  if (options.store !== undefined) {
    return options.store;
  }
  mkdirSync(options.dataDir, { recursive: true });
  return new SqliteDocStore({
    path: path.join(options.dataDir, 'jianyan.sqlite'),
    synchronous: options.sqliteSynchronous ?? 'normal',
    onCheckpointError: (message) => logger.error('WAL checkpoint failed; checkpointing inside commits', { message }),
  });
}

function resolveStaticDir(staticDir: string | null | undefined, logger: Logger): string | null {
  if (staticDir === null || staticDir === undefined) {
    return null;
  }
  if (!existsSync(path.join(staticDir, 'index.html'))) {
    logger.warn('no built client to serve; run `npm run build` first', { staticDir });
    return null;
  }
  return staticDir;
}

function listen(server: Server, port: number, host: string): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error): void => reject(error);
    server.once('error', onError);
    server.once('listening', () => {
      server.off('error', onError);
      resolve(server.address() as AddressInfo);
    });
    server.listen(port, host);
  });
}

/** Starts the whole server: storage, relay, HTTP API, static client. */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const logger = createLogger(options.logLevel ?? 'info');
  const store = openStore(options, logger);
  const maxMessageBytes = options.maxMessageBytes ?? DEFAULT_MAX_MESSAGE_BYTES;
  const relay = new Relay({
    store,
    logger,
    maxHeldBytes: MAX_HELD_BYTES_PER_CONNECTION,
    maxEarlyBytes: 2 * maxMessageBytes,
  });
  const app = createApp({ store, logger, staticDir: resolveStaticDir(options.staticDir, logger) });
  const server = createAdaptorServer({ fetch: app.fetch }) as Server;
  server.headersTimeout = HEADERS_TIMEOUT_MS;
  const wss = attachSyncUpgrade(server, { relay, logger, maxMessageBytes });
  const address = await listen(server, options.port ?? DEFAULT_PORT, options.host ?? DEFAULT_HOST);
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;

  let closing: Promise<void> | null = null;
  const close = (): Promise<void> => {
    closing ??= (async () => {
      server.close();
      await relay.shutdown();
      wss.close();
      server.closeAllConnections();
      try {
        await store.close();
      } catch (thrown) {
        logger.error('closing the store failed', { error: toError(thrown).message });
      }
    })();
    return closing;
  };
  return { url: `http://${host}:${address.port}`, port: address.port, relay, close };
}
