import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/** How often the WAL is folded back into the database file. */
const CHECKPOINT_INTERVAL_MS = 1_000;
/** WAL frames (4 KiB pages) past which the WAL is reset even if writers must wait: 64 MiB. */
const RESTART_FRAMES = 16_384;

/**
 * The worker's code: its own connection to the database, checkpointing passively (never waiting
 * for readers or blocking writers) on a timer and once more before it stops.
 */
const WORKER_SOURCE = `
const { workerData, parentPort } = require('node:worker_threads');
const Database = require(workerData.modulePath);
const db = new Database(workerData.path);
db.pragma('busy_timeout = 5000');
const checkpoint = (mode) => {
  try {
    return db.pragma('wal_checkpoint(' + mode + ')')[0];
  } catch (error) {
    parentPort.postMessage({ kind: 'error', message: String(error && error.message ? error.message : error) });
    return undefined;
  }
};
// A passive checkpoint never waits, but under writes without pause it never catches up either,
// and the WAL would grow without bound. Past the limit, passive checkpoints first copy nearly
// all of it, so that the one that makes writers wait while it resets the WAL is short.
const tick = () => {
  let result = checkpoint('PASSIVE');
  if (result === undefined || result.log <= workerData.restartFrames) {
    return;
  }
  for (let round = 0; round < 3 && result !== undefined && result.log - result.checkpointed > 64; round++) {
    result = checkpoint('PASSIVE');
  }
  checkpoint('RESTART');
};
const timer = setInterval(tick, workerData.intervalMs);
parentPort.on('message', (message) => {
  if (message === 'stop') {
    clearInterval(timer);
    checkpoint('PASSIVE');
    db.close();
    parentPort.postMessage({ kind: 'stopped' });
  }
});
`;

export interface WalCheckpointerOptions {
  readonly path: string;
  /** Called with a checkpoint failure; the store keeps working, the WAL just grows. */
  readonly onError: (message: string) => void;
}

/**
 * Runs SQLite's WAL checkpoints in a worker thread. A checkpoint ends with an fsync of the
 * database file (10-15 ms here); run automatically inside a commit, it stalls the event loop and
 * every frame waiting behind that commit. The relay's connection turns automatic checkpoints off.
 */
export class WalCheckpointer {
  readonly #worker: Worker;
  #stopped: Promise<void> | null = null;

  constructor(options: WalCheckpointerOptions) {
    const modulePath = createRequire(import.meta.url).resolve('better-sqlite3');
    this.#worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { path: options.path, modulePath, intervalMs: CHECKPOINT_INTERVAL_MS, restartFrames: RESTART_FRAMES },
    });
    this.#worker.unref();
    this.#worker.on('message', (message: { kind: string; message?: string }) => {
      if (message.kind === 'error') {
        options.onError(message.message ?? 'unknown error');
      }
    });
    this.#worker.on('error', (error) => options.onError(error.message));
  }

  /** Checkpoints once more and stops the worker. */
  stop(): Promise<void> {
    this.#stopped ??= new Promise<void>((resolve) => {
      const done = (): void => {
        void this.#worker.terminate().then(() => resolve());
      };
      this.#worker.once('message', done);
      this.#worker.once('exit', () => resolve());
      this.#worker.postMessage('stop');
    });
    return this.#stopped;
  }
}
