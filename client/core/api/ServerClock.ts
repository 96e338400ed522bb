/**
 * The server's time as this device best knows it. Comment timestamps are checked by the relay
 * against its own clock (docs/RULES.md, CM rules: at most a few minutes ahead), and a township's
 * computer may be set minutes or hours wrong: the app stamps comments with the server's time, not
 * the device's. Every API answer's `Date` header tells the offset; the last one is kept on the
 * device, so a comment written offline the next day is stamped right too.
 */

/** Where the offset is kept between loads; not secret (it says how wrong this device's clock is). */
const STORAGE_KEY = 'jianyan.serverClockOffsetMs';
/** `Date` drops the milliseconds: the server's time was on average half a second past it. */
const HEADER_TRUNCATION_MS = 500;
/** `Date` has whole seconds: offsets under this are the header's rounding, not a wrong clock. */
const NOISE_MS = 2_000;
/** Larger offsets are a broken header rather than a clock (a day short of 100 years). */
const MAX_OFFSET_MS = 36_500 * 24 * 60 * 60 * 1000;

/** The slice of `Storage` the clock uses; localStorage by default, a map in tests. */
export interface OffsetStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export interface ServerClockOptions {
  readonly storage?: OffsetStorage | null;
  /** The device's clock; Date.now by default. */
  readonly deviceNow?: () => number;
}

function defaultStorage(): OffsetStorage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

export class ServerClock {
  readonly #storage: OffsetStorage | null;
  readonly #deviceNow: () => number;
  #offsetMs: number;

  constructor(options: ServerClockOptions = {}) {
    this.#storage = options.storage === undefined ? defaultStorage() : options.storage;
    this.#deviceNow = options.deviceNow ?? Date.now;
    this.#offsetMs = readOffset(this.#storage);
  }

  /** The server's time now, in milliseconds since the epoch. */
  now(): number {
    return this.#deviceNow() + this.#offsetMs;
  }

  /** How far the server's clock is ahead of this device's (negative: behind). */
  get offsetMs(): number {
    return this.#offsetMs;
  }

  /**
   * Learns from one answer: its `Date` header, and when the request left and the answer came
   * (device time). The server stamped the header somewhere in between: the middle is the guess.
   */
  observe(dateHeader: string | null, sentAt: number, receivedAt: number): void {
    if (dateHeader === null) {
      return;
    }
    const serverTime = Date.parse(dateHeader);
    if (Number.isNaN(serverTime)) {
      return;
    }
    const measured = serverTime + HEADER_TRUNCATION_MS - (sentAt + receivedAt) / 2;
    if (Math.abs(measured) > MAX_OFFSET_MS) {
      return;
    }
    const offset = Math.abs(measured) < NOISE_MS ? 0 : Math.round(measured);
    if (offset === this.#offsetMs) {
      return;
    }
    this.#offsetMs = offset;
    try {
      this.#storage?.setItem(STORAGE_KEY, String(offset));
    } catch {
      // A full or blocked storage: the offset still holds for this load.
    }
  }
}

function readOffset(storage: OffsetStorage | null): number {
  try {
    const value = Number(storage?.getItem(STORAGE_KEY) ?? '0');
    return Number.isFinite(value) && Math.abs(value) <= MAX_OFFSET_MS ? value : 0;
  } catch {
    return 0;
  }
}
