import * as Y from 'yjs';
import { ContentField } from '../../../shared';

/**
 * The content document's top-level map in which `Y.PermanentUserData` keeps who wrote what:
 * user id -> { ids: the Yjs client ids of their editing sessions, ds: what they deleted }.
 * It lives in the content document itself, so the record syncs, persists and stays with every
 * version like the text does (see DESIGN.md Review).
 */
export const AUTHORS_FIELD = ContentField.authors;

/** Origin of the transaction that records a mapping, so that it is told apart from an edit. */
export const AUTHORSHIP_ORIGIN = Symbol('authorship');

/** One per document: the constructor observes the map, so a second one would only double the work. */
const authorsByDoc = new WeakMap<Y.Doc, Y.PermanentUserData>();

/** The author records of a content document (read and written through the same instance). */
export function authorsOf(doc: Y.Doc): Y.PermanentUserData {
  let authors = authorsByDoc.get(doc);
  if (authors === undefined) {
    authors = new Y.PermanentUserData(doc, doc.getMap(AUTHORS_FIELD));
    authorsByDoc.set(doc, authors);
  }
  return authors;
}

/** Whether a transaction added or removed anything (not only split items to read a snapshot). */
function changesDocument(transaction: Y.Transaction): boolean {
  if (transaction.deleteSet.clients.size > 0) {
    return true;
  }
  const client = transaction.doc.clientID;
  return (transaction.afterState.get(client) ?? 0) !== (transaction.beforeState.get(client) ?? 0);
}

/**
 * PermanentUserData stores each delete set in the V1 delete-set encoding and reads only that
 * much of an entry. `encodeSnapshot` writes exactly that encoding first (then an empty state
 * vector, which the reader ignores), so it serves without reaching into Yjs' internals.
 */
function encodeDeleteSet(ds: Y.Transaction['deleteSet']): Uint8Array {
  return Y.encodeSnapshot(Y.createSnapshot(ds, new Map()));
}

/** Maps `clientId` to `userId` and files the deletions of the change that triggered it. */
function recordMapping(doc: Y.Doc, clientId: number, userId: string, firstDeletes: Uint8Array | null): void {
  const authors = authorsOf(doc);
  doc.transact(() => {
    // From now on PermanentUserData files the deletions of every local transaction of this client.
    authors.setUserMapping(doc, clientId, userId, { filter: () => doc.clientID === clientId });
    const user: unknown = authors.yusers.get(userId);
    const deletions = user instanceof Y.Map ? user.get('ds') : undefined;
    if (firstDeletes !== null && deletions instanceof Y.Array) {
      deletions.push([firstDeletes]);
    }
  }, AUTHORSHIP_ORIGIN);
}

/**
 * Records who writes on this device: at the first local change to the content, the document's
 * Yjs client id is mapped to the signed-in user (`setUserMapping`), so that versions can be
 * compared with each insertion and deletion attributed. Nothing is written before that, so a
 * reader (a chair) never produces an update the relay would refuse. The change that triggers
 * the mapping happens before PermanentUserData listens, so its deletions are filed by hand.
 * A new client id (Yjs changes it on a clash) is mapped at its first change too.
 * Returns a function that stops recording new mappings.
 */
export function trackAuthorship(doc: Y.Doc, userIdOf: () => string): () => void {
  const mapped = new Set<number>();
  let isStopped = false;
  const onAfterTransaction = (transaction: Y.Transaction): void => {
    if (isStopped || !transaction.local || transaction.origin === AUTHORSHIP_ORIGIN) {
      return;
    }
    const clientId = doc.clientID;
    const userId = userIdOf();
    if (mapped.has(clientId) || userId === '' || !changesDocument(transaction)) {
      return;
    }
    mapped.add(clientId);
    const deleted = transaction.deleteSet.clients.size > 0 ? encodeDeleteSet(transaction.deleteSet) : null;
    recordMapping(doc, clientId, userId, deleted);
  };
  doc.on('afterTransaction', onAfterTransaction);
  return () => {
    isStopped = true;
    doc.off('afterTransaction', onAfterTransaction);
  };
}
