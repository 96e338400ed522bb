import { CloseCode, isFatalCloseCode } from '../../../shared';

/** What the sync indicator shows. */
export const SyncPhase = {
  /** Connected, synced, and the server acknowledged every local change. */
  synced: 'synced',
  /** Connecting, loading the server's state, or waiting for acknowledgements. */
  syncing: 'syncing',
  /** No network, or the server cannot be reached; changes stay on the device. */
  offline: 'offline',
  /** The server refused or failed; the problem says what to do. */
  error: 'error',
} as const;
export type SyncPhase = (typeof SyncPhase)[keyof typeof SyncPhase];

export type SyncProblem =
  /** 4500: the server could not load the room; the client retries by itself. */
  | { readonly kind: 'roomUnavailable' }
  /** 1009: a message was too big for the server. */
  | { readonly kind: 'tooBig' }
  /** 4400-4499: the server refused the connection for good; `reason` is the server's text. */
  | { readonly kind: 'refused'; readonly code: number; readonly reason: string }
  /** Online, but repeated attempts to reach the server failed. */
  | { readonly kind: 'unreachable' };

/** Raw facts about one document's connection, gathered from the provider and the browser. */
export interface SyncFacts {
  readonly isOnline: boolean;
  readonly isConnected: boolean;
  /** The server's step 2 arrived on the current connection. */
  readonly hasSynced: boolean;
  readonly unsent: number;
  readonly lastClose: { readonly code: number; readonly reason: string } | null;
  /** Connection attempts that failed since the last successful sync. */
  readonly failures: number;
  /** The server's reason when it said this connection may only read. */
  readonly permissionDenied: string | null;
  /**
   * The workspace keeps the document from connecting: nobody is signed in, the session expired,
   * the document is not registered yet, or the user may not read it.
   */
  readonly isHeld: boolean;
}

export interface SyncStatus {
  readonly phase: SyncPhase;
  readonly unsent: number;
  readonly problem: SyncProblem | null;
  readonly readOnlyReason: string | null;
  /** Not connecting on purpose (see `SyncFacts.isHeld`): changes stay on the device meanwhile. */
  readonly isHeld?: boolean;
}

/** After this many failed attempts in a row the indicator says the server cannot be reached. */
export const UNREACHABLE_AFTER_FAILURES = 3;

export const INITIAL_SYNC_FACTS: SyncFacts = {
  isOnline: true,
  isConnected: false,
  hasSynced: false,
  unsent: 0,
  lastClose: null,
  failures: 0,
  permissionDenied: null,
  isHeld: false,
};

function problemOf(facts: SyncFacts): SyncProblem | null {
  const close = facts.lastClose;
  if (close !== null && isFatalCloseCode(close.code)) {
    return { kind: 'refused', code: close.code, reason: close.reason };
  }
  if (facts.hasSynced) {
    return null;
  }
  if (close?.code === CloseCode.roomUnavailable) {
    return { kind: 'roomUnavailable' };
  }
  if (close?.code === CloseCode.messageTooBig) {
    return { kind: 'tooBig' };
  }
  if (!facts.isConnected && facts.failures >= UNREACHABLE_AFTER_FAILURES) {
    return { kind: 'unreachable' };
  }
  return null;
}

function phaseOf(facts: SyncFacts, problem: SyncProblem | null): SyncPhase {
  if (problem !== null && problem.kind !== 'unreachable') {
    return SyncPhase.error;
  }
  if (!facts.isOnline || problem?.kind === 'unreachable') {
    return SyncPhase.offline;
  }
  if (facts.isConnected && facts.hasSynced && (facts.unsent === 0 || facts.permissionDenied !== null)) {
    return SyncPhase.synced;
  }
  return SyncPhase.syncing;
}

/** Turns the raw facts into what the indicator shows. */
export function deriveSyncStatus(facts: SyncFacts): SyncStatus {
  if (facts.isHeld) {
    // Whatever the last socket said no longer applies: the workspace says why it waits.
    return { phase: SyncPhase.offline, unsent: facts.unsent, problem: null, readOnlyReason: null, isHeld: true };
  }
  const problem = facts.isOnline ? problemOf(facts) : null;
  return {
    phase: phaseOf(facts, problem),
    unsent: facts.unsent,
    problem,
    readOnlyReason: facts.permissionDenied,
    isHeld: false,
  };
}
