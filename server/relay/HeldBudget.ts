/**
 * The bytes of updates held back for missing dependencies by all connections together. Each
 * connection has its own limit too; this one keeps many connections at their limit from
 * filling the server's memory together.
 */
export class HeldBudget {
  readonly maxBytes: number;
  #totalBytes = 0;

  constructor(maxBytes: number) {
    this.maxBytes = maxBytes;
  }

  get totalBytes(): number {
    return this.#totalBytes;
  }

  /** Whether `bytes` more may be held now. */
  hasRoomFor(bytes: number): boolean {
    return this.#totalBytes + bytes <= this.maxBytes;
  }

  add(bytes: number): void {
    this.#totalBytes += bytes;
  }

  release(bytes: number): void {
    this.#totalBytes = Math.max(0, this.#totalBytes - bytes);
  }
}
