import type { Logger } from '../logger';
import { toError } from '../logger';
import type { AttemptOutcome, ClaimedDelivery, WebhookStore } from '../storage/WebhookStore';
import { type SendResult, sendDelivery } from './sendDelivery';

/**
 * Waits before each retry: a receiver that is down for maintenance gets a few quick tries, one
 * that is down for the day gets tries spread over about 8.5 hours; then the delivery is failed
 * and the secretariat can send it again from the log. Attempts in all: one more than the delays.
 */
export const DEFAULT_RETRY_DELAYS_MS: readonly number[] = [60_000, 300_000, 1_800_000, 7_200_000, 21_600_000];
/** A receiver must answer within this time; slower ones are retried like a network error. */
export const DEFAULT_WEBHOOK_TIMEOUT_MS = 10_000;
/**
 * How often a worker looks for due deliveries when nothing woke it: retries coming due (the
 * first after a minute) and deliveries whose process died (after their lease). An event stored in
 * this process wakes its worker at once; each process wakes its own. Seldom enough that an idle
 * server stays idle.
 */
export const DEFAULT_WEBHOOK_POLL_MS = 10_000;
/** How long a claim lasts: well beyond the timeout, so a live worker never loses a delivery it is sending. */
const LEASE_MS = 60_000;
/** Deliveries claimed at once: a few in parallel, so one slow receiver does not hold up the rest for long. */
const BATCH_SIZE = 8;

export interface WebhookWorkerOptions {
  readonly store: Pick<WebhookStore, 'claimDue' | 'recordAttempt' | 'release'>;
  readonly logger: Logger;
  readonly now: () => number;
  /** DEFAULT_RETRY_DELAYS_MS when missing. */
  readonly retryDelaysMs?: readonly number[];
  readonly timeoutMs?: number;
  readonly pollIntervalMs?: number;
}

/**
 * Sends the stored deliveries that are due, in each server process. Deliveries are claimed for a
 * lease (`WebhookStore.claimDue`), so with several processes each is sent by one; one whose
 * process died is sent again after its lease. `stop` abandons what is in flight and gives it back
 * (it is sent at the next start), so that shutdown never waits for a slow receiver.
 */
export class WebhookWorker {
  readonly #store: WebhookWorkerOptions['store'];
  readonly #logger: Logger;
  readonly #now: () => number;
  readonly #retryDelaysMs: readonly number[];
  readonly #timeoutMs: number;
  readonly #pollIntervalMs: number;
  readonly #stop = new AbortController();
  #timer: NodeJS.Timeout | null = null;
  #running: Promise<void> | null = null;
  #isWoken = false;

  constructor(options: WebhookWorkerOptions) {
    this.#store = options.store;
    this.#logger = options.logger;
    this.#now = options.now;
    this.#retryDelaysMs = options.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS;
    this.#timeoutMs = options.timeoutMs ?? DEFAULT_WEBHOOK_TIMEOUT_MS;
    this.#pollIntervalMs = options.pollIntervalMs ?? DEFAULT_WEBHOOK_POLL_MS;
  }

  /** Starts looking for due deliveries, at once and then every poll interval. */
  start(): void {
    this.wake();
  }

  /** Looks for due deliveries now (an event was just stored), or right after the current round. */
  wake(): void {
    if (this.#stop.signal.aborted) {
      return;
    }
    if (this.#running !== null) {
      this.#isWoken = true;
      return;
    }
    if (this.#timer !== null) {
      clearTimeout(this.#timer);
      this.#timer = null;
    }
    this.#running = this.#round().finally(() => {
      this.#running = null;
      this.#scheduleNext();
    });
  }

  /** Stops: no new claims; requests in flight are abandoned and their deliveries given back. */
  async stop(): Promise<void> {
    this.#stop.abort();
    if (this.#timer !== null) {
      clearTimeout(this.#timer);
      this.#timer = null;
    }
    await this.#running;
  }

  #scheduleNext(): void {
    if (this.#stop.signal.aborted) {
      return;
    }
    if (this.#isWoken) {
      this.#isWoken = false;
      this.wake();
      return;
    }
    this.#timer = setTimeout(() => {
      this.#timer = null;
      this.wake();
    }, this.#pollIntervalMs);
    this.#timer.unref();
  }

  /** Claims and sends due deliveries until none is left. */
  async #round(): Promise<void> {
    try {
      for (;;) {
        if (this.#stop.signal.aborted) {
          return;
        }
        const claimed = await this.#store.claimDue(this.#now(), LEASE_MS, BATCH_SIZE);
        const attempts = await Promise.allSettled(claimed.map((delivery) => this.#attempt(delivery)));
        for (const attempt of attempts) {
          if (attempt.status === 'rejected') {
            // Not recorded: the delivery stays claimed and is sent again once its lease has passed.
            this.#logger.error('a webhook attempt could not be recorded', { error: toError(attempt.reason).message });
          }
        }
        if (claimed.length < BATCH_SIZE) {
          return;
        }
      }
    } catch (thrown) {
      // The store failed (the database is away): the next round tries again; nothing claimed is lost.
      this.#logger.error('webhook deliveries could not be claimed or recorded', { error: toError(thrown).message });
    }
  }

  async #attempt(delivery: ClaimedDelivery): Promise<void> {
    const result = await sendDelivery(delivery, {
      timestamp: String(Math.floor(this.#now() / 1000)),
      timeoutMs: this.#timeoutMs,
      stopSignal: this.#stop.signal,
    });
    if (result.kind === 'abandoned') {
      await this.#store.release(delivery.id, delivery.leaseToken);
      return;
    }
    const outcome = this.#outcome(delivery, result);
    const at = this.#now();
    if (!(await this.#store.recordAttempt(delivery.id, delivery.leaseToken, at, outcome))) {
      this.#logger.warn('webhook attempt not recorded: the delivery was claimed again or removed meanwhile', {
        delivery: delivery.id,
      });
      return;
    }
    const fields = {
      webhook: delivery.webhookId,
      delivery: delivery.id,
      event: delivery.event,
      attempt: delivery.attempts,
    };
    if (outcome.kind === 'delivered') {
      this.#logger.debug('webhook delivered', { ...fields, status: outcome.responseCode });
    } else {
      const log =
        outcome.retryAt === null ? 'webhook delivery failed; giving up' : 'webhook delivery failed; will retry';
      this.#logger.warn(log, { ...fields, status: outcome.responseCode, error: outcome.error });
    }
  }

  #outcome(delivery: ClaimedDelivery, result: Exclude<SendResult, { kind: 'abandoned' }>): AttemptOutcome {
    if (result.kind === 'answered' && result.status >= 200 && result.status < 300) {
      return { kind: 'delivered', responseCode: result.status, responseExcerpt: result.excerpt };
    }
    const delay = this.#retryDelaysMs[delivery.attempts - 1];
    const retryAt = delay === undefined ? null : this.#now() + delay;
    if (result.kind === 'no_answer') {
      return { kind: 'failed', retryAt, responseCode: null, error: result.error, responseExcerpt: null };
    }
    const error =
      result.status >= 300 && result.status < 400
        ? `answered ${result.status} (a redirect, which is not followed)`
        : `answered ${result.status}`;
    return { kind: 'failed', retryAt, responseCode: result.status, error, responseExcerpt: result.excerpt };
  }
}
