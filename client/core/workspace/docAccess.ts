import { Action, decide, documentTarget } from '../../../shared';
import type { DocRecord, Me } from '../../../shared/api/schemas';
import type { DocRow } from '../storage';
import type { AuthState } from './AuthStore';

/** What the signed-in user may do with a document. */
export type DocAccess = 'checking' | 'write' | 'read' | 'none' | 'not_found' | 'unknown_offline';

/**
 * What the server said about a document lately: `none` (403, relay 4403), `not_found` (404,
 * relay 4410 that re-registering could not fix), `offline` (the check got no answer).
 */
export type ServerVerdict = 'none' | 'not_found' | 'offline';

/** What `can()` allows with the server's record: edit, read, or nothing. */
export function accessFromRecord(me: Me, record: DocRecord): 'write' | 'read' | 'none' {
  const target = documentTarget(record);
  if (decide(me, Action.editContent, target).allowed) {
    return 'write';
  }
  return decide(me, Action.readDocument, target).allowed ? 'read' : 'none';
}

function hasRecord(row: DocRow): boolean {
  return row.record !== null && row.record !== undefined;
}

export interface AccessInput {
  readonly auth: AuthState;
  /** Whether the device's document rows were read at least once. */
  readonly isCacheLoaded: boolean;
  readonly row: DocRow | undefined;
  /** Created on this device and not registered yet (its registration is in the outbox). */
  readonly isUnregistered: boolean;
  readonly verdict: ServerVerdict | undefined;
  /** A server check of this document is running. */
  readonly isChecking: boolean;
  readonly isOnline: boolean;
}

/**
 * Decides a document's access from what the device knows, most certain first: a document made
 * here and not yet registered is the user's to write; the server's latest refusal; the cached
 * record through `can()`; a document that exists only here; otherwise the server has to say.
 */
export function deriveDocAccess(input: AccessInput): DocAccess {
  const { auth, row, verdict } = input;
  if (auth.status === 'loading') {
    return 'checking';
  }
  if (auth.status === 'signed_out') {
    return 'none';
  }
  if (!input.isCacheLoaded) {
    return 'checking';
  }
  if (input.isUnregistered) {
    return 'write';
  }
  const isDeviceOnly = row !== undefined && !hasRecord(row) && (row.serverSeenAt ?? null) === null;
  if (verdict === 'none' || (verdict === 'not_found' && !isDeviceOnly)) {
    return verdict;
  }
  if (row?.record !== null && row?.record !== undefined) {
    return accessFromRecord(auth.me, row.record);
  }
  if (isDeviceOnly) {
    // Its only copy is here: the user keeps writing, whatever the server knows of it.
    return 'write';
  }
  if (input.isChecking) {
    return 'checking';
  }
  if (verdict === 'offline' || !input.isOnline || auth.status === 'expired') {
    return 'unknown_offline';
  }
  return 'checking';
}
