/** First retry after a transient failure (5xx, no network); doubles up to the maximum. */
const RETRY_FIRST_DELAY_MS = 2_000;
/** Longest wait between attempts while operations are pending: a rural link may come back any time. */
const RETRY_MAX_DELAY_MS = 5 * 60_000;

/** When the outbox tries again after a pass that could not send everything: exponential backoff. */
export class RetryPolicy {
  readonly #onRetry: () => void;
  #failures = 0;
  #timer: ReturnType<typeof setTimeout> | null = null;

  constructor(onRetry: () => void) {
    this.#onRetry = onRetry;
  }

  /** A pass failed: try again after the next delay, if anything is still pending. */
  schedule(hasPending: boolean): void {
    this.#failures += 1;
    this.cancel();
    if (!hasPending) {
      return;
    }
    const delay = Math.min(RETRY_FIRST_DELAY_MS * 2 ** (this.#failures - 1), RETRY_MAX_DELAY_MS);
    this.#timer = setTimeout(() => {
      this.#timer = null;
      this.#onRetry();
    }, delay);
  }

  /** Everything went out (or the network came back): the next failure starts the backoff over. */
  reset(): void {
    this.#failures = 0;
  }

  cancel(): void {
    if (this.#timer !== null) {
      clearTimeout(this.#timer);
      this.#timer = null;
    }
  }
}
