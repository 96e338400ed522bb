import { toError } from '../errors';

/** One failure the app went on after: where it happened, and what it was. */
export interface DroppedFailure {
  readonly where: string;
  readonly message: string;
  readonly at: number;
}

/** How many failures were dropped where, and the latest of them. */
export interface DiagnosticsSnapshot {
  readonly counts: Readonly<Record<string, number>>;
  readonly recent: readonly DroppedFailure[];
}

/** Failures kept for reading (the test hook, a support session); older ones are only counted. */
const MAX_RECENT_FAILURES = 50;

/**
 * The one place failures go that the app deliberately survives (a cache write that failed, a
 * refresh that could not reach the server, a background fetch): each is counted by where it
 * happened and logged, instead of being swallowed where it occurred.
 */
export interface Diagnostics {
  /** Records a failure the caller goes on after; `where` names the operation, e.g. `outbox.reload`. */
  report(where: string, err: unknown): void;
  snapshot(): DiagnosticsSnapshot;
}

export interface DiagnosticsOptions {
  /** Where each failure is written; the browser console by default. */
  readonly log?: (where: string, error: Error) => void;
  readonly now?: () => number;
}

function logToConsole(where: string, error: Error): void {
  console.warn(`[jianyan] ${where}: ${error.message}`, error);
}

export function createDiagnostics(options: DiagnosticsOptions = {}): Diagnostics {
  const counts: Record<string, number> = {};
  let recent: DroppedFailure[] = [];
  const log = options.log ?? logToConsole;
  const now = options.now ?? Date.now;
  return {
    report(where, err) {
      const error = toError(err);
      counts[where] = (counts[where] ?? 0) + 1;
      recent = [...recent, { where, message: error.message, at: now() }].slice(-MAX_RECENT_FAILURES);
      log(where, error);
    },
    snapshot: () => ({ counts: { ...counts }, recent }),
  };
}
