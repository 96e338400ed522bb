import { isIP } from 'node:net';
import path from 'node:path';
import { z } from 'zod';
import { DEFAULT_COMMITTEE_FILES_QUOTA_BYTES, DEFAULT_DOC_FILES_QUOTA_BYTES } from '../shared/domain/docFiles';
import { DEFAULT_MAX_MESSAGE_BYTES } from '../shared/index';
import type { LogLevelName } from './logger';
import { DEFAULT_QUOTAS, type Quotas } from './quotas';

/** The server's settings, read once from the environment at start-up. */
export interface Config {
  /** TCP port; 0 picks a free one. */
  readonly port: number;
  /** Interface to listen on. */
  readonly host: string;
  /** Folder for the SQLite database; created when missing. */
  readonly dataDir: string;
  /** Folder of the built client, served at `/`; null serves no client. */
  readonly staticDir: string | null;
  /** Largest websocket frame accepted; larger ones close the connection with 1009. */
  readonly maxMessageBytes: number;
  readonly logLevel: LogLevelName;
  /** SQLite `synchronous` mode: `normal` survives a killed process, `full` also a power cut. */
  readonly sqliteSynchronous: 'normal' | 'full';
  /** What each user, connection and room may hold (docs/PROTOCOL.md, "Quotas"). */
  readonly quotas: Quotas;
  /** How many bytes of files documents may link (docs/RULES.md DF4). */
  readonly docFileQuotas: DocFileQuotas;
  /**
   * The origin browsers use (`https://jianyan.example.gov.cn`), from PUBLIC_URL: links, the
   * `Origin` check, HSTS and the cookie follow it. Null: each request's own origin.
   */
  readonly publicUrl: string | null;
  /** Addresses of the reverse proxies whose X-Forwarded-For and X-Forwarded-Proto are honoured (TRUST_PROXY). */
  readonly trustProxy: readonly string[];
  /** PostgreSQL (DATABASE_URL) instead of SQLite under dataDir; null keeps SQLite. */
  readonly databaseUrl: string | null;
  /** Redis (REDIS_URL), through which several processes serve one committee; null: one process. */
  readonly redisUrl: string | null;
  /** Prefix of every Redis key and channel (REDIS_PREFIX), so deployments can share one Redis. */
  readonly redisPrefix: string;
}

/** The limits of document files (DOC_FILES_QUOTA_BYTES, COMMITTEE_FILES_QUOTA_BYTES), in bytes. */
export interface DocFileQuotas {
  /** The sizes of the files linked to one document. */
  readonly document: number;
  /** The sizes of the committee's distinct files, each counted once however many documents link it. */
  readonly committee: number;
}

export const DEFAULT_DOC_FILE_QUOTAS: DocFileQuotas = {
  document: DEFAULT_DOC_FILES_QUOTA_BYTES,
  committee: DEFAULT_COMMITTEE_FILES_QUOTA_BYTES,
};

/** The largest file quota taken: 1 TiB, beyond what one database should hold in rows. */
const MAX_FILES_QUOTA_BYTES = 1024 ** 4;

export const DEFAULT_PORT = 8787;
export const DEFAULT_HOST = '127.0.0.1';

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65_535).default(DEFAULT_PORT),
  HOST: z.string().min(1).default(DEFAULT_HOST),
  DATA_DIR: z.string().min(1).default('./data'),
  STATIC_DIR: z.string().min(1).default('./dist/client'),
  MAX_MESSAGE_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(1024 * 1024 * 1024)
    .default(DEFAULT_MAX_MESSAGE_BYTES),
  LOG_LEVEL: z.enum(['silent', 'error', 'warn', 'info', 'debug']).default('info'),
  SQLITE_SYNCHRONOUS: z.enum(['normal', 'full']).default('normal'),
  MAX_UPDATE_BYTES: bytesVar(1024, DEFAULT_QUOTAS.maxUpdateBytes),
  MAX_CONTENT_ROOM_BYTES: bytesVar(64 * 1024, DEFAULT_QUOTAS.maxContentRoomBytes),
  MAX_COMMENTS_ROOM_BYTES: bytesVar(64 * 1024, DEFAULT_QUOTAS.maxCommentsRoomBytes),
  MAX_HELD_BYTES_TOTAL: bytesVar(1024 * 1024, DEFAULT_QUOTAS.maxHeldBytesTotal),
  MAX_SEND_BACKLOG_BYTES: bytesVar(1024 * 1024, DEFAULT_QUOTAS.maxSendBacklogBytes),
  MAX_EARLY_BYTES: bytesVar(4 * 1024, DEFAULT_QUOTAS.maxEarlyBytes),
  MAX_CONNECTIONS_PER_USER: countVar(DEFAULT_QUOTAS.maxConnectionsPerUser),
  MAX_CONNECTIONS_PER_USER_ROOM: countVar(DEFAULT_QUOTAS.maxConnectionsPerUserRoom),
  MAX_STREAMS_PER_USER: countVar(DEFAULT_QUOTAS.maxStreamsPerUser),
  DOC_FILES_QUOTA_BYTES: filesQuotaVar(DEFAULT_DOC_FILE_QUOTAS.document),
  COMMITTEE_FILES_QUOTA_BYTES: filesQuotaVar(DEFAULT_DOC_FILE_QUOTAS.committee),
  PUBLIC_URL: z.string().optional(),
  TRUST_PROXY: z.string().optional(),
  DATABASE_URL: urlVar(['postgres:', 'postgresql:'], 'postgres://user:password@host:5432/jianyan'),
  REDIS_URL: urlVar(['redis:', 'rediss:'], 'redis://host:6379'),
  REDIS_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9:_-]{1,64}$/, 'use letters, digits, ":", "_" or "-" (at most 64)')
    .default('jianyan:'),
});

/** An optional connection string with one of `protocols`; empty counts as not set. */
function urlVar(protocols: readonly string[], example: string) {
  return z
    .string()
    .optional()
    .transform((text) => (text === undefined || text.trim() === '' ? null : text.trim()))
    .refine(
      (text) => {
        if (text === null) {
          return true;
        }
        try {
          return protocols.includes(new URL(text).protocol);
        } catch {
          return false;
        }
      },
      { message: `must be a URL like ${example}` },
    );
}

/** A size in bytes, at least `min` (smaller would refuse ordinary use) and at most 4 GiB. */
function bytesVar(min: number, fallback: number) {
  return z.coerce
    .number()
    .int()
    .min(min)
    .max(4 * 1024 * 1024 * 1024)
    .default(fallback);
}

/** A quota of document files in bytes: 0 takes no files at all; at most MAX_FILES_QUOTA_BYTES. */
function filesQuotaVar(fallback: number) {
  return z.coerce.number().int().min(0).max(MAX_FILES_QUOTA_BYTES).default(fallback);
}

/** A count of open connections or streams, at least 1. */
function countVar(fallback: number) {
  return z.coerce.number().int().min(1).max(100_000).default(fallback);
}

/**
 * The origin of a PUBLIC_URL (`https://host[:port]`, lower case, default port dropped); throws
 * ConfigError for anything else: another scheme, a path, a query, credentials.
 */
export function parsePublicUrl(text: string): string {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    throw new ConfigError(
      `PUBLIC_URL: "${text}" is not a URL; give the origin browsers use, like https://jianyan.example.gov.cn`,
    );
  }
  const isOrigin =
    (url.protocol === 'https:' || url.protocol === 'http:') &&
    url.pathname === '/' &&
    url.search === '' &&
    url.hash === '' &&
    url.username === '' &&
    url.password === '';
  if (!isOrigin || !/^https?:\/\/[^/]+\/?$/i.test(text.trim())) {
    throw new ConfigError(
      `PUBLIC_URL: "${text}" must be an http(s) origin without a path, like https://jianyan.example.gov.cn`,
    );
  }
  return url.origin;
}

/** The addresses of TRUST_PROXY (comma-separated IPv4 or IPv6); throws ConfigError naming a bad one. */
export function parseTrustProxy(text: string): string[] {
  const addresses = text
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '');
  for (const address of addresses) {
    if (isIP(address) === 0) {
      throw new ConfigError(
        `TRUST_PROXY: "${address}" is not an IP address; list the proxies' addresses, comma-separated`,
      );
    }
  }
  return addresses;
}

/** The environment does not describe a valid configuration; the message names each bad variable. */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

/** Reads and validates the configuration; throws ConfigError naming every bad variable. */
export function loadConfig(env: Record<string, string | undefined>, cwd: string = process.cwd()): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration: ${problems.join('; ')}`);
  }
  const values = parsed.data;
  return {
    port: values.PORT,
    host: values.HOST,
    dataDir: path.resolve(cwd, values.DATA_DIR),
    staticDir: path.resolve(cwd, values.STATIC_DIR),
    maxMessageBytes: values.MAX_MESSAGE_BYTES,
    logLevel: values.LOG_LEVEL,
    sqliteSynchronous: values.SQLITE_SYNCHRONOUS,
    quotas: {
      maxUpdateBytes: values.MAX_UPDATE_BYTES,
      maxContentRoomBytes: values.MAX_CONTENT_ROOM_BYTES,
      maxCommentsRoomBytes: values.MAX_COMMENTS_ROOM_BYTES,
      maxHeldBytesTotal: values.MAX_HELD_BYTES_TOTAL,
      maxSendBacklogBytes: values.MAX_SEND_BACKLOG_BYTES,
      maxEarlyBytes: values.MAX_EARLY_BYTES,
      maxConnectionsPerUser: values.MAX_CONNECTIONS_PER_USER,
      maxConnectionsPerUserRoom: values.MAX_CONNECTIONS_PER_USER_ROOM,
      maxStreamsPerUser: values.MAX_STREAMS_PER_USER,
    },
    docFileQuotas: { document: values.DOC_FILES_QUOTA_BYTES, committee: values.COMMITTEE_FILES_QUOTA_BYTES },
    publicUrl:
      values.PUBLIC_URL === undefined || values.PUBLIC_URL.trim() === '' ? null : parsePublicUrl(values.PUBLIC_URL),
    trustProxy: values.TRUST_PROXY === undefined ? [] : parseTrustProxy(values.TRUST_PROXY),
    databaseUrl: values.DATABASE_URL,
    redisUrl: values.REDIS_URL,
    redisPrefix: values.REDIS_PREFIX,
  };
}
