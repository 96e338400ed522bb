import { randomBytes, type ScryptOptions, scrypt, timingSafeEqual } from 'node:crypto';

/**
 * Password hashing with scrypt (memory-hard, in node:crypto). A hash is stored as
 * `scrypt$<log2 N>$<r>$<p>$<salt base64url>$<key base64url>`, so the parameters can be raised
 * later: old hashes still verify, and `needsRehash` says when to store a new one at sign-in.
 */

export interface ScryptParams {
  /** log2 of the CPU/memory cost N. */
  readonly logN: number;
  /** Block size. */
  readonly r: number;
  /** Parallelism. */
  readonly p: number;
}

/**
 * N = 2^17, r = 8: 128 MiB and about 0.3 s per hash, OWASP's current recommendation for scrypt.
 * Hashes made with the earlier N = 2^15 still verify with their own parameters and are rehashed
 * at the next successful sign-in.
 */
export const DEFAULT_SCRYPT_PARAMS: ScryptParams = { logN: 17, r: 8, p: 1 };
/**
 * The cost of hashing a one-time password (a roster's, a reset's): about 59 random bits, which
 * no cost parameter makes stronger or weaker in practice, so a roster of a thousand accounts is
 * hashed in a minute rather than four. Replaced at N = 2^17 at the first sign-in, and the
 * password itself must be changed then.
 */
export const ONE_TIME_SCRYPT_LOG_N = 15;
/** Per-user salt: 16 random bytes. */
const SALT_BYTES = 16;
/** Length of the derived key. */
const KEY_BYTES = 64;
/** Largest cost a stored hash may ask for, so a forged row cannot make verification allocate gigabytes. */
const MAX_LOG_N = 20;
const MAX_R = 16;
const MAX_P = 4;
const PREFIX = 'scrypt';

/**
 * The `maxmem` given to every scrypt call. scrypt needs 128 * N * r bytes (plus 128 * r * p and
 * a little); Node refuses anything above maxmem, whose default of 32 MiB is exactly N = 2^15 and
 * would refuse N = 2^17. Sized per call from the hash's own parameters, so old hashes verify.
 */
export function scryptMaxmemBytes(params: ScryptParams): number {
  return 128 * 2 ** params.logN * params.r * (params.p + 1) + 1024 * 1024;
}

/**
 * scrypt calls running at once, in the whole process: each holds 128 MiB at N = 2^17 and one of
 * libuv's four threads, so a burst of sign-ins (or guesses from many addresses) queues here
 * rather than taking half a gigabyte and every thread the file system also needs.
 */
const MAX_CONCURRENT_SCRYPT = 2;
let scryptRunning = 0;
const scryptWaiting: (() => void)[] = [];

async function acquireScryptSlot(): Promise<void> {
  if (scryptRunning < MAX_CONCURRENT_SCRYPT) {
    scryptRunning += 1;
    return;
  }
  // The slot is handed over by releaseScryptSlot: the count stays the same.
  await new Promise<void>((resolve) => scryptWaiting.push(resolve));
}

function releaseScryptSlot(): void {
  const next = scryptWaiting.shift();
  if (next === undefined) {
    scryptRunning -= 1;
  } else {
    next();
  }
}

async function derive(password: string, salt: Uint8Array, params: ScryptParams, keyBytes: number): Promise<Buffer> {
  const options: ScryptOptions = { N: 2 ** params.logN, r: params.r, p: params.p, maxmem: scryptMaxmemBytes(params) };
  await acquireScryptSlot();
  try {
    return await new Promise<Buffer>((resolve, reject) => {
      scrypt(password.normalize('NFC'), salt, keyBytes, options, (error, key) =>
        error ? reject(error) : resolve(key),
      );
    });
  } finally {
    releaseScryptSlot();
  }
}

interface ParsedHash {
  readonly params: ScryptParams;
  readonly salt: Buffer;
  readonly key: Buffer;
}

function parseHash(stored: string): ParsedHash | null {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== PREFIX) {
    return null;
  }
  const [logN, r, p] = [Number(parts[1]), Number(parts[2]), Number(parts[3])];
  const isSane = (value: number, max: number) => Number.isInteger(value) && value >= 1 && value <= max;
  if (!isSane(logN, MAX_LOG_N) || !isSane(r, MAX_R) || !isSane(p, MAX_P)) {
    return null;
  }
  const salt = Buffer.from(parts[4] ?? '', 'base64url');
  const key = Buffer.from(parts[5] ?? '', 'base64url');
  if (salt.length < SALT_BYTES || key.length < 32) {
    return null;
  }
  return { params: { logN, r, p }, salt, key };
}

async function hashWith(password: string, params: ScryptParams): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const key = await derive(password, salt, params, KEY_BYTES);
  const { logN, r, p } = params;
  return [PREFIX, logN, r, p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

export interface PasswordHasherOptions {
  /** Parameters for new hashes; tests may lower the cost. Default DEFAULT_SCRYPT_PARAMS. */
  readonly params?: ScryptParams;
}

/** Hashes and verifies passwords; one instance per server, holding the parameters for new hashes. */
export class PasswordHasher {
  readonly #params: ScryptParams;
  #dummyHash: Promise<string> | null = null;

  constructor(options: PasswordHasherOptions = {}) {
    this.#params = options.params ?? DEFAULT_SCRYPT_PARAMS;
  }

  /** A new hash of `password` with a fresh random salt. */
  hash(password: string): Promise<string> {
    return hashWith(password, this.#params);
  }

  /**
   * A hash of a random one-time password (oneTimePassword: roster, reset), at N = 2^15 at most:
   * its entropy, not the cost, is what protects it (ONE_TIME_SCRYPT_LOG_N). Never for a password
   * a person chose.
   */
  hashOneTimePassword(password: string): Promise<string> {
    return hashWith(password, { ...this.#params, logN: Math.min(this.#params.logN, ONE_TIME_SCRYPT_LOG_N) });
  }

  /** Whether `password` matches `stored`; false (never a throw) for a malformed hash. */
  async verify(password: string, stored: string): Promise<boolean> {
    const parsed = parseHash(stored);
    if (parsed === null) {
      return false;
    }
    const key = await derive(password, parsed.salt, parsed.params, parsed.key.length);
    return timingSafeEqual(key, parsed.key);
  }

  /**
   * Spends the time of a real verification and answers false: for a username that does not
   * exist, so that the answer's timing does not tell which usernames do.
   */
  async verifyNobody(password: string): Promise<false> {
    this.#dummyHash ??= this.hash(randomBytes(SALT_BYTES).toString('base64url'));
    await this.verify(password, await this.#dummyHash);
    return false;
  }

  /** Whether `stored` was made with other parameters than new hashes use (or cannot be read). */
  needsRehash(stored: string): boolean {
    const parsed = parseHash(stored);
    const { logN, r, p } = this.#params;
    return parsed === null || parsed.params.logN !== logN || parsed.params.r !== r || parsed.params.p !== p;
  }
}
