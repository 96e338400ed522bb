import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import type { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { MessageType, type RoomName } from '../../../shared';
import type { Diagnostics } from '../diagnostics';
import type { UpdateLogStore } from '../storage';
import { type DeleteSet, type ServerStateHint, serverHasUpdate } from './serverState';
import { UpdateOrigin } from './updateOrigin';

/**
 * Probes are rate-limited by a token bucket: up to PROBE_BURST at once, then one per
 * PROBE_DELAY_MS. A local change is asked about as soon as a token is free, so a few separate
 * actions (reply, delete, reopen) are each acknowledged within a round trip, while fast typing
 * costs the server one probe per interval.
 */
const PROBE_DELAY_MS = 500;
const PROBE_BURST = 4;
/** Longest wait between probes that acknowledge nothing (a server that drops our updates). */
const PROBE_MAX_DELAY_MS = 30_000;
/** Probes that may acknowledge nothing before backing off: reconnecting takes two round trips. */
const FRUITLESS_PROBES_BEFORE_BACKOFF = 2;

export interface AckTrackerOptions {
  readonly updates: Pick<UpdateLogStore, 'listUnsent' | 'acknowledge'>;
  /** The room whose unsent records this connection acknowledges (content or comments). */
  readonly room: RoomName;
  readonly doc: Y.Doc;
  readonly provider: WebsocketProvider;
  /** Where an update came from (see `classifyOrigin`). */
  readonly originOf: (origin: unknown) => UpdateOrigin;
  readonly diagnostics: Diagnostics;
}

/**
 * Acknowledgement of local updates (C4). The server answers each step 1 with a step 2 (carrying
 * its whole delete set) and then a step 1 (its state vector), both after everything received
 * before is stored. An unsent update covered by both is durable on the server and its record
 * is removed. To get such an answer after local edits, we send a step 1 ourselves.
 */
export class AckTracker {
  readonly #options: AckTrackerOptions;
  #deleteSet: DeleteSet | null = null;
  #timer: ReturnType<typeof setTimeout> | null = null;
  /** Probes that may be sent now (fractional while refilling), as of `#tokensAt`. */
  #tokens = PROBE_BURST;
  #tokensAt = 0;
  /** When the last probe was sent (Date.now()); -Infinity for none on this connection. */
  #lastProbeAt = Number.NEGATIVE_INFINITY;
  /**
   * A probe was sent and its answer has not come: no other is sent meanwhile, the answer
   * schedules the next one if records are left. A socket that never answers is closed by the
   * heartbeat, which ends the wait.
   */
  #isAwaitingAnswer = false;
  #fruitless = 0;
  #unsent = 0;
  #isStopped = false;
  #evaluation: Promise<void> = Promise.resolve();

  constructor(options: AckTrackerOptions) {
    this.#options = options;
    options.doc.on('update', this.#onUpdate);
  }

  /** Feeds what a server sync message said; call after the stock handler applied it. */
  onServerState(hint: ServerStateHint): void {
    if (hint.kind === 'deleteSet') {
      this.#deleteSet = hint.deleteSet;
    } else if (hint.kind === 'stateVector') {
      this.#isAwaitingAnswer = false;
      const deleteSet = this.#deleteSet ?? Y.createDeleteSet();
      const { stateVector } = hint;
      this.#evaluation = this.#evaluation.then(() => this.#acknowledge({ stateVector, deleteSet }));
    }
  }

  /** The number of unsent records changed (here or in another tab). */
  onUnsentCount(unsent: number): void {
    this.#unsent = unsent;
    this.#schedule();
  }

  /** The socket closed: what the server said on it no longer describes the next connection. */
  onDisconnected(): void {
    this.#deleteSet = null;
    this.#fruitless = 0;
    this.#tokens = PROBE_BURST;
    this.#lastProbeAt = Number.NEGATIVE_INFINITY;
    this.#isAwaitingAnswer = false;
    this.#clearTimer();
  }

  /** The server will not store our updates (read-only): stop asking. */
  stop(): void {
    this.#isStopped = true;
    this.#clearTimer();
  }

  destroy(): void {
    this.stop();
    this.#options.doc.off('update', this.#onUpdate);
  }

  readonly #onUpdate = (_update: Uint8Array, origin: unknown): void => {
    if (this.#options.originOf(origin) === UpdateOrigin.local) {
      this.#fruitless = 0;
      this.#schedule(true);
    }
  };

  async #acknowledge(server: Parameters<typeof serverHasUpdate>[0]): Promise<void> {
    const { updates, room } = this.#options;
    try {
      const rows = await updates.listUnsent(room);
      const seqs = rows.filter((row) => serverHasUpdate(server, row.update)).map((row) => row.seq);
      if (seqs.length > 0) {
        await updates.acknowledge(room, seqs);
      }
      this.#fruitless = seqs.length > 0 ? 0 : this.#fruitless + 1;
      this.#unsent = rows.length - seqs.length;
    } catch (err) {
      // The records stay; the next probe tries again.
      this.#options.diagnostics.report('rooms.acknowledge', err);
      this.#fruitless += 1;
    }
    this.#schedule();
  }

  #schedule(hasLocalChange = false): void {
    const { provider } = this.#options;
    if (
      this.#isStopped ||
      this.#timer !== null ||
      this.#isAwaitingAnswer ||
      !provider.wsconnected ||
      !provider.synced
    ) {
      return;
    }
    if (this.#unsent === 0 && !hasLocalChange) {
      return;
    }
    const now = Date.now();
    const backoff = Math.max(0, this.#fruitless - FRUITLESS_PROBES_BEFORE_BACKOFF);
    // Asking early never acknowledges too much: the server answers only after storing everything
    // it received before the probe. Even at once, the probe leaves in a later task than the
    // change, after the provider sent it and the update log issued its write.
    const delay =
      backoff > 0
        ? Math.max(0, this.#lastProbeAt + Math.min(PROBE_DELAY_MS * 2 ** backoff, PROBE_MAX_DELAY_MS) - now)
        : Math.max(0, (1 - this.#refillTokens(now)) * PROBE_DELAY_MS);
    this.#timer = setTimeout(() => {
      this.#timer = null;
      this.#probe();
    }, delay);
  }

  /** The tokens available at `now`. */
  #refillTokens(now: number): number {
    this.#tokens = Math.min(PROBE_BURST, this.#tokens + Math.max(0, now - this.#tokensAt) / PROBE_DELAY_MS);
    this.#tokensAt = now;
    return this.#tokens;
  }

  #probe(): void {
    const { provider, doc } = this.#options;
    const ws = provider.ws;
    if (ws === null || ws.readyState !== WebSocket.OPEN || !provider.wsconnected) {
      return;
    }
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MessageType.sync);
    syncProtocol.writeSyncStep1(encoder, doc);
    ws.send(encoding.toUint8Array(encoder));
    const now = Date.now();
    this.#tokens = Math.max(0, this.#refillTokens(now) - 1);
    this.#lastProbeAt = now;
    this.#isAwaitingAnswer = true;
  }

  #clearTimer(): void {
    if (this.#timer !== null) {
      clearTimeout(this.#timer);
      this.#timer = null;
    }
  }
}
