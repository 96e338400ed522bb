import * as Y from 'yjs';
import { ContentField } from './documentSchema';

/**
 * Each author's share of a document's final text (docs/RULES.md L4): the characters of the title
 * and body that survive in the document, credited to whoever's editing session inserted them, as
 * the `authors` map records the sessions (D1-D2 vouch for it). Deleted text counts for nobody, so
 * pasting and deleting earns nothing; text written offline counts once merged; the template's
 * headings belong to no one.
 */

/** The author of each Yjs client id, from the `authors` map. */
function authorsByClient(doc: Y.Doc): Map<number, string> {
  const byClient = new Map<number, string>();
  doc.getMap(ContentField.authors).forEach((entry, userId) => {
    const ids = entry instanceof Y.Map ? entry.get('ids') : null;
    if (ids instanceof Y.Array) {
      for (const id of ids.toArray()) {
        if (typeof id === 'number') {
          byClient.set(id, userId);
        }
      }
    }
  });
  return byClient;
}

/** Adds the surviving characters of one shared type (and the types nested in it) to `shares`. */
function countType(
  type: { readonly _start: Y.Item | null },
  byClient: ReadonlyMap<number, string>,
  shares: Map<string, number>,
) {
  let item = type._start;
  while (item !== null) {
    if (!item.deleted) {
      if (item.content instanceof Y.ContentString) {
        const author = byClient.get(item.id.client);
        if (author !== undefined) {
          shares.set(author, (shares.get(author) ?? 0) + [...item.content.str].length);
        }
      } else if (item.content instanceof Y.ContentType) {
        countType(item.content.type, byClient, shares);
      }
    }
    item = item.right;
  }
}

/** Characters of the document's title and body each author wrote that survive: user id -> count. */
export function textShares(doc: Y.Doc): Map<string, number> {
  const byClient = authorsByClient(doc);
  const shares = new Map<string, number>();
  countType(doc.getText(ContentField.title), byClient, shares);
  countType(doc.getXmlFragment(ContentField.body), byClient, shares);
  return shares;
}
