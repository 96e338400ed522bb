import { existsSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { createAdaptorServer } from '@hono/node-server';
import { DEFAULT_MAX_MESSAGE_BYTES, type DocId, MAX_HELD_BYTES_PER_CONNECTION, type UserId } from '../shared/index';
import { Authenticator } from './auth/Authenticator';
import { LoginThrottle } from './auth/LoginThrottle';
import type { LoginThrottleStore } from './auth/LoginThrottleStore';
import { PasswordHasher, type ScryptParams } from './auth/passwords';
import type { ThrottlePolicyOptions } from './auth/throttlePolicy';
import { hashToken, newToken } from './auth/tokens';
import { WorkspaceRoomGate } from './auth/WorkspaceRoomGate';
import type { ClusterEvents } from './cluster/ClusterEvents';
import { openCluster } from './cluster/openCluster';
import {
  DEFAULT_DOC_FILE_QUOTAS,
  DEFAULT_HOST,
  DEFAULT_PORT,
  type DocFileQuotas,
  parsePublicUrl,
  parseTrustProxy,
} from './config';
import { ReminderWorker } from './handling/ReminderWorker';
import { createApp } from './http/app';
import { SiteAddress } from './http/SiteAddress';
import { attachSyncUpgrade } from './http/syncUpgrade';
import { createLogger, type Logger, type LogLevelName, toError } from './logger';
import { DEFAULT_QUOTAS, type Quotas } from './quotas';
import { Relay } from './relay/Relay';
import type { RoomGate } from './relay/RoomGate';
import { announceStoredRecord } from './review/announce';
import { StreamHub } from './review/StreamHub';
import type { AccountStore } from './storage/AccountStore';
import type { DocStore } from './storage/DocStore';
import { openStores } from './storage/openStores';
import { WebhookWorker } from './webhooks/WebhookWorker';

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
  /**
   * The newest content format clients may write (RULES.md D3); this build's CONTENT_SCHEMA_VERSION
   * by default. Tests of an app older than its server raise it.
   */
  readonly contentSchemaVersion?: number;
  /** Another relay gate instead of the workspace's sessions and `can()` (relay tests). */
  readonly gate?: RoomGate;
  /** The clock of sessions, invitations and throttling (tests); Date.now by default. */
  readonly now?: () => number;
  /** scrypt parameters for new password hashes; tests lower the cost. Default N=2^17, r=8, p=1. */
  readonly passwordParams?: ScryptParams;
  /** What each user, connection and room may hold; DEFAULT_QUOTAS for those not given. */
  readonly quotas?: Partial<Quotas>;
  /** How many bytes of files documents may link (RULES.md DF4); DEFAULT_DOC_FILE_QUOTAS for those not given. */
  readonly docFileQuotas?: Partial<DocFileQuotas>;
  /**
   * The origin browsers use (PUBLIC_URL, for example https://jianyan.example.gov.cn): links, the
   * `Origin` check, HSTS and the `__Host-` cookie follow it. Null or missing: each request's own.
   */
  readonly publicUrl?: string | null;
  /** The sign-in throttle's limits (tests shorten the waits); its documented defaults otherwise. */
  readonly loginThrottle?: ThrottlePolicyOptions;
  /**
   * Where the sign-in throttle counts failures: this process's memory by default; a
   * RedisLoginThrottleStore when several processes serve the same sign-ins (its connection is
   * the caller's to close, after the server).
   */
  readonly loginThrottleStore?: LoginThrottleStore;
  /** Addresses of the reverse proxies whose X-Forwarded-For / X-Forwarded-Proto are honoured (TRUST_PROXY); none by default. */
  readonly trustProxy?: readonly string[];
  /** PostgreSQL (DATABASE_URL) instead of SQLite under dataDir. */
  readonly databaseUrl?: string | null;
  /** The PostgreSQL schema of the tables (tests give each deployment its own); `public` by default. */
  readonly databaseSchema?: string;
  /** Redis (REDIS_URL): this process serves one committee with others. */
  readonly redisUrl?: string | null;
  /** Prefix of the Redis keys and channels (REDIS_PREFIX); `jianyan:` by default. */
  readonly redisPrefix?: string;
  /** How webhook deliveries are sent; WebhookWorker's defaults for those not given (tests shorten them). */
  readonly webhooks?: WebhookSettings;
  /** How often the office's reminders are looked for (RULES.md R1-R2); REMINDER_INTERVAL_MS by default. */
  readonly reminderIntervalMs?: number;
}

/** The webhook worker's timings. */
export interface WebhookSettings {
  /** The waits before each retry; one more attempt than delays is made. 1 min, 5 min, 30 min, 2 h, 6 h by default. */
  readonly retryDelaysMs?: readonly number[];
  /** A receiver's time to answer; 10 s by default. */
  readonly timeoutMs?: number;
  /** How often due deliveries are looked for; 1 s by default. */
  readonly pollIntervalMs?: number;
}

export interface RunningServer {
  /** Base URL, for example http://127.0.0.1:8787. */
  readonly url: string;
  readonly port: number;
  readonly relay: Relay;
  /**
   * On an empty database, the one-time link that creates the first secretariat account
   * (`<PUBLIC_URL or url>/setup/<token>`); null once an account exists.
   */
  readonly setupUrl: string | null;
  /** Stops accepting, stores everything pending, closes connections and the database. */
  close(): Promise<void>;
}

/** A base URL that a browser on this machine can open: a wildcard address becomes localhost. */
function openableUrl(url: string): string {
  return url.replace(/^http:\/\/(0\.0\.0\.0|\[::\])(?=:)/, 'http://localhost');
}

/** On an empty database, a fresh setup link (the previous one stops working); else null. */
async function prepareSetupLink(accounts: AccountStore, baseUrl: string): Promise<string | null> {
  if ((await accounts.countUsers()) > 0) {
    return null;
  }
  const token = newToken();
  await accounts.setSetupTokenHash(hashToken(token));
  return `${openableUrl(baseUrl)}/setup/${token}`;
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

/**
 * What the API calls after rights changed: the relay decides again, and ended credentials end
 * their streams, in this process and, told through the cluster's events, in every other.
 */
function onAccessChangedFor(relay: Relay, hub: StreamHub, authenticator: Authenticator, events: ClusterEvents) {
  const recheck = async (filter: { readonly userId?: UserId; readonly docId?: DocId }): Promise<void> => {
    await relay.recheckAccess(filter);
    // A user's credentials may have ended (sign-out, password, token, deactivation): so do their streams.
    if (filter.userId !== undefined) {
      await hub.endSignedOut(filter.userId, async (credential) => (await authenticator.check(credential)).ok);
    }
  };
  events.on('accessChanged', (event) => {
    const filter = {
      ...(event.userId === undefined ? {} : { userId: event.userId as UserId }),
      ...(event.docId === undefined ? {} : { docId: event.docId as DocId }),
    };
    void recheck(filter);
  });
  return async (filter: { readonly userId?: UserId; readonly docId?: DocId }): Promise<void> => {
    events.publish({ type: 'accessChanged', ...filter });
    await recheck(filter);
  };
}

/** Starts the whole server: storage, relay, HTTP API, static client. */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const logger = createLogger(options.logLevel ?? 'info');
  // Checked again here, not only in config.ts: tests and tools start the server directly.
  const site = new SiteAddress({
    publicOrigin: options.publicUrl == null ? null : parsePublicUrl(options.publicUrl),
    trustedProxies: parseTrustProxy((options.trustProxy ?? []).join(',')),
  });
  const now = options.now ?? Date.now;
  const stores = await openStores(
    {
      dataDir: options.dataDir,
      databaseUrl: options.databaseUrl ?? null,
      ...(options.databaseSchema === undefined ? {} : { databaseSchema: options.databaseSchema }),
      sqliteSynchronous: options.sqliteSynchronous ?? 'normal',
      now,
    },
    { logger, isServer: true, ...(options.store === undefined ? {} : { documents: options.store }) },
  );
  const {
    documents: store,
    accounts,
    groups,
    records,
    reviews,
    webhooks,
    handling,
    settings,
    attachments,
    docFiles,
    activities,
    duty,
  } = stores;
  let cluster: Awaited<ReturnType<typeof openCluster>>;
  try {
    cluster = await openCluster(options, logger);
  } catch (thrown) {
    await stores.close();
    throw thrown;
  }
  logger.info('storage and processes', { storage: stores.description, processes: cluster.description });

  await accounts.deleteExpiredSessions(now());
  const authenticator = new Authenticator({ accounts, now });
  const maxMessageBytes = options.maxMessageBytes ?? DEFAULT_MAX_MESSAGE_BYTES;
  const quotas: Quotas = { ...DEFAULT_QUOTAS, ...options.quotas };
  const { events } = cluster;
  const throttleStore = options.loginThrottleStore ?? cluster.loginThrottleStore;
  const hub = new StreamHub({
    maxStreamsPerUser: quotas.maxStreamsPerUser,
    onPublish: (userIds, message) => events.publish({ type: 'stream', userIds: [...userIds], ...message }),
  });
  events.on('stream', (event) => hub.deliver(event.userIds as UserId[], { event: event.event, data: event.data }));
  const relay = new Relay({
    store,
    gate: options.gate ?? new WorkspaceRoomGate({ authenticator, records, now }),
    logger,
    maxHeldBytes: MAX_HELD_BYTES_PER_CONNECTION,
    maxEarlyBytes: 2 * maxMessageBytes,
    quotas,
    events,
    ...(options.contentSchemaVersion === undefined ? {} : { contentSchemaVersion: options.contentSchemaVersion }),
    // A new author may submit (P10): their open pages learn it from the record, not at the next refresh.
    onAuthorsRecorded: (docIds) => {
      for (const docId of docIds) {
        announceStoredRecord(hub, { accounts, records }, docId).catch((thrown: unknown) => {
          logger.warn('announcing a record with new authors failed', { docId, error: toError(thrown).message });
        });
      }
    },
  });
  const webhookSettings = options.webhooks ?? {};
  const webhookWorker = new WebhookWorker({
    store: webhooks,
    logger,
    now,
    ...(webhookSettings.retryDelaysMs === undefined ? {} : { retryDelaysMs: webhookSettings.retryDelaysMs }),
    ...(webhookSettings.timeoutMs === undefined ? {} : { timeoutMs: webhookSettings.timeoutMs }),
    ...(webhookSettings.pollIntervalMs === undefined ? {} : { pollIntervalMs: webhookSettings.pollIntervalMs }),
  });
  const api = {
    accounts,
    webhooks,
    settings,
    attachments,
    docFiles,
    docFileQuotas: { ...DEFAULT_DOC_FILE_QUOTAS, ...options.docFileQuotas },
    onWebhookEvents: () => webhookWorker.wake(),
    groups,
    records,
    reviews,
    handling,
    activities,
    duty,
    content: relay,
    hub,
    authenticator,
    passwords: new PasswordHasher(options.passwordParams === undefined ? {} : { params: options.passwordParams }),
    throttle: new LoginThrottle({
      ...options.loginThrottle,
      ...(throttleStore === null ? {} : { store: throttleStore }),
      logger,
      now,
    }),
    site,
    logger,
    now,
    onAccessChanged: onAccessChangedFor(relay, hub, authenticator, events),
  };
  const app = createApp({ api, staticDir: resolveStaticDir(options.staticDir, logger) });
  const server = createAdaptorServer({ fetch: app.fetch }) as Server;
  server.headersTimeout = HEADERS_TIMEOUT_MS;
  const wss = attachSyncUpgrade(server, {
    relay,
    logger,
    maxMessageBytes,
    site,
    maxStrangerFrameBytes: Math.min(quotas.maxEarlyBytes, maxMessageBytes),
    checkCredential: (credential) => authenticator.checkUpgrade(credential),
  });
  const address = await listen(server, options.port ?? DEFAULT_PORT, options.host ?? DEFAULT_HOST);
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const url = `http://${host}:${address.port}`;
  const setupUrl = await prepareSetupLink(accounts, site.publicOrigin ?? url);
  // Pending deliveries, those stored before a restart too, are sent from now on.
  webhookWorker.start();
  const reminders = new ReminderWorker({
    ...api,
    ...(options.reminderIntervalMs === undefined ? {} : { intervalMs: options.reminderIntervalMs }),
  });
  reminders.start();

  let closing: Promise<void> | null = null;
  const close = (): Promise<void> => {
    closing ??= (async () => {
      server.close();
      // Requests to receivers in flight are abandoned and their deliveries given back, to be sent after the next start.
      await webhookWorker.stop();
      await reminders.stop();
      // Live streams never end by themselves: end them so their connections can close.
      hub.close();
      await relay.shutdown();
      wss.close();
      server.closeAllConnections();
      await cluster.close();
      await stores.close();
    })();
    return closing;
  };
  return { url, port: address.port, relay, setupUrl, close };
}
