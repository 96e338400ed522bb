import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { textShares } from './contributionShare';
import { ContentField } from './documentSchema';
import { templateUpdate } from './templates';

/** One person's device: a Y.Doc of their own client id, recorded in the authors map as theirs. */
function device(userId: string, clientId: number): Y.Doc {
  const doc = new Y.Doc({ gc: false });
  doc.clientID = clientId;
  new Y.PermanentUserData(doc, doc.getMap(ContentField.authors)).setUserMapping(doc, clientId, userId);
  return doc;
}

function sync(...docs: Y.Doc[]): void {
  for (const from of docs) {
    for (const to of docs) {
      if (from !== to) {
        Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)));
      }
    }
  }
}

/** The text of the body's first paragraph under its first heading (the template's 案由). */
function firstParagraph(doc: Y.Doc): Y.XmlText {
  const paragraph = doc.getXmlFragment(ContentField.body).get(1) as Y.XmlElement;
  return paragraph.get(0) as Y.XmlText;
}

describe('each author’s share of the final text (L4)', () => {
  it('credits what survives to who typed it, offline merges included; paste-and-delete and the template earn nothing', () => {
    const zhang = device('zhang', 101);
    const li = device('li', 202);
    const wang = device('wang', 303);
    Y.applyUpdate(zhang, templateUpdate('proposal'));
    sync(zhang, li, wang);

    zhang.getText(ContentField.title).insert(0, '关于养老的建议');
    firstParagraph(zhang).insert(0, '甲乙丙丁');
    sync(zhang, li, wang);
    firstParagraph(li).insert(4, '戊己庚');
    // A reviewer's comment leads zhang to cut two of his own characters.
    firstParagraph(zhang).delete(1, 2);
    // wang pastes a paragraph and takes it out again.
    firstParagraph(wang).insert(0, '复制来的一段话');
    firstParagraph(wang).delete(0, 7);
    sync(zhang, li, wang);
    // li writes offline, and her text merges later.
    firstParagraph(li).insert(0, '辛壬');
    sync(zhang, li, wang);

    expect(firstParagraph(zhang).toString()).toBe('辛壬甲丁戊己庚');
    expect(Object.fromEntries(textShares(zhang))).toEqual({ zhang: 7 + 2, li: 3 + 2 });
    expect(textShares(zhang).get('wang')).toBeUndefined();
    // Every device counts the same.
    expect(textShares(wang)).toEqual(textShares(zhang));
  });
});
