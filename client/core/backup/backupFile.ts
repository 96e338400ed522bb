import { deflateSync, inflateSync } from 'fflate';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { z } from 'zod';
import { keyFromPassword, newSalt, PASSWORD_ITERATIONS } from '../keys';
import type { BackupRows, BackupTally } from '../storage';

/**
 * The device backup file (docs/DEVICE.md, 本机备份), byte by byte:
 *
 *   magic      8 bytes  `JYBACKUP`
 *   length     4 bytes  the header's length, big-endian
 *   header     JSON, UTF-8 (`BackupHeader`): readable without the password, so that a file of
 *              another member or of a newer app is refused before anything is asked
 *   payload    AES-256-GCM of the deflated rows (lib0 `writeAny`), with magic, length and
 *              header as associated data: a changed header does not open either
 *
 * The key is made from the member's password with PBKDF2-SHA-256 and the header's own salt; a
 * short check sealed with the same key tells a wrong password from a damaged payload.
 */

const MAGIC = new TextEncoder().encode('JYBACKUP');
const LENGTH_BYTES = 4;
const NONCE_BYTES = 12;
/** A header is a few hundred bytes; anything much larger is not ours. */
const MAX_HEADER_BYTES = 64 * 1024;
/** The largest file restore reads; a member's device copy is far smaller. */
export const MAX_BACKUP_BYTES = 1024 * 1024 * 1024;
/** The format this app writes and the newest it reads. */
export const BACKUP_FORMAT = 1;
const APP = 'jianyan';
const CHECK_TEXT = 'jianyan-device-backup';
/** Iterations restore accepts: fewer would be a weakened file, more would hang the page. */
const MIN_ITERATIONS = 1_000;
const MAX_ITERATIONS = 10_000_000;

/** Why a backup could not be opened; the UI says each in the member's words. */
export const BackupErrorCode = {
  notBackup: 'not_backup',
  truncated: 'truncated',
  damaged: 'damaged',
  newerFormat: 'newer_format',
  otherUser: 'other_user',
  wrongPassword: 'wrong_password',
  tooLarge: 'too_large',
} as const;
export type BackupErrorCode = (typeof BackupErrorCode)[keyof typeof BackupErrorCode];

export class BackupError extends Error {
  readonly code: BackupErrorCode;
  /** For `other_user`: whose backup it is. */
  readonly username: string | null;

  constructor(code: BackupErrorCode, message: string, username: string | null = null) {
    super(message);
    this.name = 'BackupError';
    this.code = code;
    this.username = username;
  }
}

const tallySchema = z.object({
  documents: z.number().int().nonnegative(),
  unsentUpdates: z.number().int().nonnegative(),
  queuedOperations: z.number().int().nonnegative(),
  rows: z.number().int().nonnegative(),
});

const base64Schema = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/);

const headerSchema = z.object({
  app: z.literal(APP),
  format: z.literal(BACKUP_FORMAT),
  userId: z.string().min(1).max(200),
  username: z.string().min(1).max(200),
  createdAt: z.number().int().nonnegative(),
  tally: tallySchema,
  kdf: z.object({
    name: z.literal('PBKDF2-SHA-256'),
    iterations: z.number().int().min(MIN_ITERATIONS).max(MAX_ITERATIONS),
    salt: base64Schema,
  }),
  cipher: z.object({
    name: z.literal('AES-256-GCM'),
    nonce: base64Schema,
    checkNonce: base64Schema,
    check: base64Schema,
  }),
  payloadBytes: z.number().int().positive(),
});

/** What a backup file says about itself before the password opens it. */
export type BackupHeader = z.infer<typeof headerSchema>;

/** What goes into a backup besides the rows. */
export interface BackupOwner {
  readonly userId: string;
  readonly username: string;
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.byteLength; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  return Uint8Array.from(atob(text), (char) => char.charCodeAt(0));
}

function encodeRows(rows: BackupRows): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeAny(encoder, { tables: rows.tables } as unknown as encoding.AnyEncodable);
  return encoding.toUint8Array(encoder);
}

function decodeRows(bytes: Uint8Array): BackupRows {
  const value = decoding.readAny(decoding.createDecoder(bytes)) as unknown;
  const tables = typeof value === 'object' && value !== null ? (value as { tables?: unknown }).tables : undefined;
  if (typeof tables !== 'object' || tables === null || Array.isArray(tables)) {
    throw new BackupError(BackupErrorCode.damaged, 'The backup holds no tables');
  }
  const out: Record<string, readonly unknown[]> = {};
  for (const [name, rows] of Object.entries(tables)) {
    if (Array.isArray(rows)) {
      out[name] = rows;
    }
  }
  return { tables: out };
}

function checkContext(userId: string): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(`check:${userId}`);
}

/** Seals `rows` under a key made from `password`: the bytes of a backup file. */
export async function writeBackup(
  rows: BackupRows,
  tally: BackupTally,
  owner: BackupOwner,
  password: string,
  options: { readonly iterations?: number; readonly now?: number } = {},
): Promise<Uint8Array<ArrayBuffer>> {
  const iterations = options.iterations ?? PASSWORD_ITERATIONS;
  const salt = newSalt();
  const nonce = crypto.getRandomValues(new Uint8Array(NONCE_BYTES));
  const checkNonce = crypto.getRandomValues(new Uint8Array(NONCE_BYTES));
  const key = await keyFromPassword(password, salt, iterations);
  const check = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv: checkNonce, additionalData: checkContext(owner.userId) },
    key,
    new TextEncoder().encode(CHECK_TEXT),
  );
  const plain = deflateSync(encodeRows(rows), { level: 6 });
  const header: BackupHeader = {
    app: APP,
    format: BACKUP_FORMAT,
    userId: owner.userId,
    username: owner.username,
    createdAt: options.now ?? Date.now(),
    tally: { ...tally },
    kdf: { name: 'PBKDF2-SHA-256', iterations, salt: toBase64(salt) },
    cipher: {
      name: 'AES-256-GCM',
      nonce: toBase64(nonce),
      checkNonce: toBase64(checkNonce),
      check: toBase64(new Uint8Array(check)),
    },
    // AES-GCM adds a 16-byte tag.
    payloadBytes: plain.byteLength + 16,
  };
  const headerBytes = new TextEncoder().encode(JSON.stringify(header));
  const prefix = new Uint8Array(MAGIC.byteLength + LENGTH_BYTES + headerBytes.byteLength);
  prefix.set(MAGIC, 0);
  new DataView(prefix.buffer).setUint32(MAGIC.byteLength, headerBytes.byteLength);
  prefix.set(headerBytes, MAGIC.byteLength + LENGTH_BYTES);
  const sealed = new Uint8Array(
    await crypto.subtle.encrypt({ name: 'AES-GCM', iv: nonce, additionalData: prefix }, key, plain),
  );
  const file = new Uint8Array(prefix.byteLength + sealed.byteLength);
  file.set(prefix, 0);
  file.set(sealed, prefix.byteLength);
  return file;
}

/** A backup file's header, checked, and where its payload starts. */
export interface InspectedBackup {
  readonly header: BackupHeader;
  readonly payloadOffset: number;
}

/**
 * Reads a backup's header without the password. Throws a `BackupError`: not a backup, cut short,
 * damaged, or written by a newer app.
 */
export function inspectBackup(file: Uint8Array): InspectedBackup {
  if (file.byteLength > MAX_BACKUP_BYTES) {
    throw new BackupError(BackupErrorCode.tooLarge, `A backup is at most ${MAX_BACKUP_BYTES} bytes`);
  }
  const start = MAGIC.byteLength + LENGTH_BYTES;
  if (file.byteLength < MAGIC.byteLength || MAGIC.some((byte, i) => file[i] !== byte)) {
    throw new BackupError(BackupErrorCode.notBackup, 'This is not a Jianyan backup file');
  }
  if (file.byteLength < start) {
    throw new BackupError(BackupErrorCode.truncated, 'The backup file is cut short');
  }
  const headerLength = new DataView(file.buffer, file.byteOffset, file.byteLength).getUint32(MAGIC.byteLength);
  if (headerLength > MAX_HEADER_BYTES) {
    throw new BackupError(BackupErrorCode.damaged, 'The backup header is damaged');
  }
  if (file.byteLength < start + headerLength) {
    throw new BackupError(BackupErrorCode.truncated, 'The backup file is cut short');
  }
  let raw: unknown;
  try {
    raw = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(file.subarray(start, start + headerLength)));
  } catch {
    throw new BackupError(BackupErrorCode.damaged, 'The backup header is damaged');
  }
  const { app, format } = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  if (app !== APP) {
    throw new BackupError(BackupErrorCode.notBackup, 'This is not a Jianyan backup file');
  }
  if (typeof format === 'number' && Number.isInteger(format) && format > BACKUP_FORMAT) {
    throw new BackupError(BackupErrorCode.newerFormat, `Backup format ${format} is newer than this app reads`);
  }
  const parsed = headerSchema.safeParse(raw);
  if (!parsed.success) {
    throw new BackupError(BackupErrorCode.damaged, 'The backup header is damaged');
  }
  const payloadOffset = start + headerLength;
  const payloadLength = file.byteLength - payloadOffset;
  if (payloadLength < parsed.data.payloadBytes) {
    throw new BackupError(BackupErrorCode.truncated, 'The backup file is cut short');
  }
  if (payloadLength > parsed.data.payloadBytes) {
    throw new BackupError(BackupErrorCode.damaged, 'The backup file has bytes after its end');
  }
  return { header: parsed.data, payloadOffset };
}

/**
 * Opens a backup with the password. Throws a `BackupError`: what `inspectBackup` throws, a
 * backup of another user than `userId`, a wrong password, or a damaged payload.
 */
export async function readBackup(file: Uint8Array, password: string, userId: string): Promise<BackupContents> {
  const { header, payloadOffset } = inspectBackup(file);
  if (header.userId !== userId) {
    throw new BackupError(BackupErrorCode.otherUser, 'This backup belongs to another member', header.username);
  }
  const key = await keyFromPassword(password, fromBase64(header.kdf.salt), header.kdf.iterations);
  try {
    await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: fromBase64(header.cipher.checkNonce), additionalData: checkContext(header.userId) },
      key,
      fromBase64(header.cipher.check),
    );
  } catch {
    throw new BackupError(BackupErrorCode.wrongPassword, 'The password does not open this backup');
  }
  let plain: Uint8Array;
  try {
    plain = new Uint8Array(
      await crypto.subtle.decrypt(
        {
          name: 'AES-GCM',
          iv: fromBase64(header.cipher.nonce),
          additionalData: new Uint8Array(file.subarray(0, payloadOffset)),
        },
        key,
        new Uint8Array(file.subarray(payloadOffset)),
      ),
    );
  } catch {
    throw new BackupError(BackupErrorCode.damaged, 'The backup is damaged: its contents do not match');
  }
  try {
    return { header, rows: decodeRows(inflateSync(plain)) };
  } catch (err) {
    throw err instanceof BackupError
      ? err
      : new BackupError(BackupErrorCode.damaged, 'The backup contents are damaged');
  }
}

/** An opened backup. */
export interface BackupContents {
  readonly header: BackupHeader;
  readonly rows: BackupRows;
}

/** `建言备份-<用户名>-<日期>.jianyan`, with characters no file system takes replaced. */
export function backupFileName(username: string, at: Date): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  const date = `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what file systems refuse.
  const safe = username.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_');
  return `建言备份-${safe}-${date}.jianyan`;
}
