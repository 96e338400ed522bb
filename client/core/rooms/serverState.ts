import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';
import { SyncMessageType } from '../../../shared';

/** Yjs does not export the DeleteSet class by name; this is the type its functions use. */
export type DeleteSet = ReturnType<typeof Y.createDeleteSet>;

/** What a sync message from the server tells about the state the server has stored. */
export type ServerStateHint =
  | { readonly kind: 'stateVector'; readonly stateVector: Map<number, number> }
  | { readonly kind: 'deleteSet'; readonly deleteSet: DeleteSet }
  | { readonly kind: 'none' };

const NONE: ServerStateHint = { kind: 'none' };

/**
 * Reads a sync message body (after the message type) without consuming `decoder`: a server
 * step 1 carries its state vector, a step 2 its whole delete set. Both are sent only after the
 * server stored everything it received before our step 1, which makes them an acknowledgement.
 */
export function peekServerState(decoder: decoding.Decoder): ServerStateHint {
  const copy = decoding.clone(decoder);
  const syncType = decoding.readVarUint(copy);
  if (syncType === SyncMessageType.step1) {
    return { kind: 'stateVector', stateVector: Y.decodeStateVector(decoding.readVarUint8Array(copy)) };
  }
  if (syncType === SyncMessageType.step2) {
    const { ds } = Y.decodeUpdate(decoding.readVarUint8Array(copy));
    // Normalised (sorted, merged) so that coverage can be checked by comparing delete sets.
    return { kind: 'deleteSet', deleteSet: Y.mergeDeleteSets([ds]) };
  }
  return NONE;
}

/** The server's durable state as last reported: a state vector and a delete set. */
export interface ServerState {
  readonly stateVector: Map<number, number>;
  readonly deleteSet: DeleteSet;
}

/**
 * Whether the server holds everything `update` contains: all its structs are below the server's
 * state vector and all its deletions are in the server's delete set.
 */
export function serverHasUpdate(server: ServerState, update: Uint8Array): boolean {
  return Y.snapshotContainsUpdate(Y.createSnapshot(server.deleteSet, server.stateVector), update);
}
