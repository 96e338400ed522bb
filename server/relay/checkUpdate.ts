import * as Y from 'yjs';
import { toError } from '../logger';

/** The verdict on an incoming update, before it touches a room's document. */
export type UpdateCheck =
  /** `decoded` is the update as decoded for the check, for the rules that judge it next. */
  | { readonly kind: 'ok'; readonly decoded: Decoded }
  /** Well-formed, but it refers to content the room does not have yet: hold it back. */
  | { readonly kind: 'missing' }
  /** Not a decodable Yjs (V1) update. */
  | { readonly kind: 'invalid'; readonly reason: string };

const MISSING: UpdateCheck = { kind: 'missing' };

export type Decoded = ReturnType<typeof Y.decodeUpdate>;

/**
 * Decodes an update with the V1 decoder (whose work is bounded by the input's length, unlike
 * mergeUpdates or the V2 decoder) and checks that everything it builds on is either in `doc` or
 * in the update itself. Applying an update that fails this check would leave "pending" structs
 * in the document, so that new clients would load another state than connected ones hold.
 */
export function checkUpdate(doc: Y.Doc, update: Uint8Array): UpdateCheck {
  let decoded: Decoded;
  try {
    decoded = Y.decodeUpdate(update);
  } catch (thrown) {
    return { kind: 'invalid', reason: `undecodable Yjs update: ${toError(thrown).message}` };
  }
  return hasAllDependencies(doc, decoded) ? { kind: 'ok', decoded } : MISSING;
}

function hasAllDependencies(doc: Y.Doc, decoded: Decoded): boolean {
  // The clock up to which each client's structs are known: the document's state, extended by the
  // update's own structs where they continue it without a gap.
  const known = new Map<number, number>();
  const knownClock = (client: number): number => known.get(client) ?? Y.getState(doc.store, client);
  for (const struct of decoded.structs) {
    if (struct instanceof Y.Skip) {
      continue;
    }
    const { client, clock } = struct.id;
    const state = knownClock(client);
    if (clock > state) {
      return false;
    }
    const end = clock + struct.length;
    if (end > state) {
      known.set(client, end);
    }
  }
  for (const struct of decoded.structs) {
    if (!(struct instanceof Y.Item)) {
      continue;
    }
    const parent = struct.parent instanceof Y.ID ? struct.parent : null;
    for (const dependency of [struct.origin, struct.rightOrigin, parent]) {
      if (dependency !== null && dependency.clock >= knownClock(dependency.client)) {
        return false;
      }
    }
  }
  for (const [client, deletions] of decoded.ds.clients) {
    const state = knownClock(client);
    for (const deletion of deletions) {
      if (deletion.clock + deletion.len > state) {
        return false;
      }
    }
  }
  return true;
}

/**
 * Whether applying `update` would change `doc`: it has structs beyond the document's state, or
 * deletes something not deleted yet. Used for connections that may only read, whose handshake
 * step 2 (everything they hold beyond the server's state vector, plus their whole delete set) is
 * usually no change at all and must not be answered as a refused edit. An update that does not
 * decode counts as a change.
 */
export function changesDoc(doc: Y.Doc, update: Uint8Array): boolean {
  let decoded: Decoded;
  try {
    decoded = Y.decodeUpdate(update);
  } catch {
    return true;
  }
  for (const struct of decoded.structs) {
    if (!(struct instanceof Y.Skip) && struct.id.clock + struct.length > Y.getState(doc.store, struct.id.client)) {
      return true;
    }
  }
  for (const [client, deletions] of decoded.ds.clients) {
    for (const deletion of deletions) {
      if (deletesSomethingNew(doc, client, deletion.clock, deletion.clock + deletion.len)) {
        return true;
      }
    }
  }
  return false;
}

function deletesSomethingNew(doc: Y.Doc, client: number, start: number, end: number): boolean {
  const structs = doc.store.clients.get(client);
  if (structs === undefined || end > Y.getState(doc.store, client)) {
    return end > start;
  }
  for (let index = Y.findIndexSS(structs, start); index < structs.length; index++) {
    const struct = structs[index];
    if (struct === undefined || struct.id.clock >= end) {
      break;
    }
    if (struct instanceof Y.Item && !struct.deleted) {
      return true;
    }
  }
  return false;
}
