import * as Y from 'yjs';
import { ContentField } from './documentSchema';

type DeleteSet = ReturnType<typeof Y.createDeleteSet>;

/** What a reader sees of a content document: the title, then the body's markup. */
function visibleText(doc: Y.Doc): string {
  return `${doc.getText(ContentField.title).toString()}\n${doc.getXmlFragment(ContentField.body).toString()}`;
}

/** What a reader saw of `doc` at `snapshot`; splits items of `doc` (no change to its content). */
function visibleTextAt(doc: Y.Doc, snapshot: Y.Snapshot): string {
  const past = Y.createDocFromSnapshot(doc, snapshot, new Y.Doc({ gc: false }));
  try {
    return visibleText(past);
  } finally {
    past.destroy();
  }
}

/** The user's record in the `authors` map (Y.PermanentUserData's layout); null when there is none. */
function authorEntry(doc: Y.Doc, userId: string): Y.Map<unknown> | null {
  const entry = doc.getMap(ContentField.authors).get(userId);
  return entry instanceof Y.Map ? entry : null;
}

/** The Yjs client ids the user wrote under, as the `authors` map records them (RULES.md D2 vouches for them). */
export function authorClientIds(doc: Y.Doc, userId: string): Set<number> {
  const ids = authorEntry(doc, userId)?.get('ids');
  const found = new Set<number>();
  if (ids instanceof Y.Array) {
    for (const id of ids.toArray()) {
      if (typeof id === 'number') {
        found.add(id);
      }
    }
  }
  return found;
}

/**
 * The deletions the user filed under their own entry of the `authors` map. Each entry is a V1
 * delete set; `decodeSnapshot` reads one when a state vector (here empty) follows it. An entry
 * that does not decode is left out.
 */
export function authorDeletions(doc: Y.Doc, userId: string): DeleteSet {
  const filed = authorEntry(doc, userId)?.get('ds');
  const sets: DeleteSet[] = [];
  if (filed instanceof Y.Array) {
    for (const entry of filed.toArray()) {
      if (!(entry instanceof Uint8Array)) {
        continue;
      }
      const bytes = new Uint8Array(entry.length + 1);
      bytes.set(entry);
      try {
        sets.push(Y.decodeSnapshot(bytes).ds);
      } catch {
        // Not a delete set: it attributes nothing.
      }
    }
  }
  return Y.mergeDeleteSets(sets);
}

/**
 * The state the signer would see had nobody else changed the document since they signed: every
 * struct of now, with what was deleted when they signed, what they deleted since, and everything
 * others created since hidden (as deleted).
 */
function signerOnlySnapshot(doc: Y.Doc, signed: Y.Snapshot, signerId: string): Y.Snapshot {
  const now = Y.snapshot(doc);
  const mine = authorClientIds(doc, signerId);
  const othersSince = Y.createDeleteSet();
  for (const [client, clock] of now.sv) {
    const signedClock = signed.sv.get(client) ?? 0;
    if (!mine.has(client) && clock > signedClock) {
      othersSince.clients.set(client, [{ clock: signedClock, len: clock - signedClock }]);
    }
  }
  return Y.createSnapshot(Y.mergeDeleteSets([signed.ds, authorDeletions(doc, signerId), othersSince]), now.sv);
}

/**
 * Whether a co-signer's signature is outdated (RULES.md S1): the title or body changed after
 * `signed` by someone else. It is not when the content reads as it did when they signed (an
 * edit undone), nor when what changed since is the signer's own: the content now reads as the
 * signed content with only the signer's later insertions and deletions applied. Insertions are
 * told apart by client id, deletions by what the signer filed, both from the `authors` map, so
 * the server and every device that holds the same content give the same answer.
 *
 * `doc` has gc off and contains `signed`; rebuilding past states splits some of its items (no
 * change to its content), so pass a copy of a document others share.
 */
export function isSignatureOutdated(doc: Y.Doc, signed: Y.Snapshot, signerId: string): boolean {
  const now = visibleText(doc);
  if (visibleTextAt(doc, signed) === now) {
    return false;
  }
  return visibleTextAt(doc, signerOnlySnapshot(doc, signed, signerId)) !== now;
}
