import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ContentField } from '../../../shared';
import { encodeSignatureSnapshot, signatureStateOf } from './signatureState';

function contentDoc(title: string, text: string): Y.Doc {
  const doc = new Y.Doc({ gc: false });
  doc.getText(ContentField.title).insert(0, title);
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [new Y.XmlText(text)]);
  doc.getXmlFragment(ContentField.body).insert(0, [paragraph]);
  return doc;
}

function paragraphText(doc: Y.Doc): Y.XmlText {
  return (doc.getXmlFragment(ContentField.body).get(0) as Y.XmlElement).get(0) as Y.XmlText;
}

describe('signatureStateOf', () => {
  it('says current for the version signed, and outdated after someone else’s edit of the body or the title', () => {
    const doc = contentDoc('关于社区养老', '建议增加日间照料中心。');
    const signed = encodeSignatureSnapshot(doc);
    expect(signatureStateOf(doc, signed, 'bob')).toBe('current');

    paragraphText(doc).insert(0, '一、');
    expect(signatureStateOf(doc, signed, 'bob')).toBe('outdated');

    const titled = contentDoc('关于社区养老', '正文');
    const before = encodeSignatureSnapshot(titled);
    titled.getText(ContentField.title).insert(0, '再议');
    expect(signatureStateOf(titled, before, 'bob')).toBe('outdated');
  });

  it('says current after the co-signer’s own edit, written under their client id', () => {
    const doc = contentDoc('标题', '正文');
    const signed = encodeSignatureSnapshot(doc);
    new Y.PermanentUserData(doc, doc.getMap(ContentField.authors)).setUserMapping(doc, doc.clientID, 'bob');
    paragraphText(doc).insert(0, '补充');
    expect(signatureStateOf(doc, signed, 'bob')).toBe('current');
    expect(signatureStateOf(doc, signed, 'carol')).toBe('outdated');
  });

  it('says current again when an edit is undone to the same visible content', () => {
    const doc = contentDoc('标题', '正文');
    const signed = encodeSignatureSnapshot(doc);
    paragraphText(doc).insert(2, '草稿');
    paragraphText(doc).delete(2, 2);
    expect(signatureStateOf(doc, signed, 'bob')).toBe('current');
  });

  it('says unknown for a snapshot naming changes or deletions this device has not received', () => {
    const other = contentDoc('标题', '正文');
    const local = new Y.Doc({ gc: false });
    Y.applyUpdate(local, Y.encodeStateAsUpdate(other));
    paragraphText(other).insert(0, '新');
    expect(signatureStateOf(local, encodeSignatureSnapshot(other), 'bob')).toBe('unknown');

    const deleting = new Y.Doc({ gc: false });
    Y.applyUpdate(deleting, Y.encodeStateAsUpdate(local));
    paragraphText(deleting).delete(0, 1);
    // A deletion adds no struct: only the delete set tells that the device lacks it.
    const behind = new Y.Doc({ gc: false });
    Y.applyUpdate(behind, Y.encodeStateAsUpdate(local));
    expect(signatureStateOf(behind, encodeSignatureSnapshot(deleting), 'bob')).toBe('unknown');
  });

  it('says unknown for text that is not a snapshot', () => {
    expect(signatureStateOf(contentDoc('a', 'b'), 'bm90IGEgc25hcHNob3Q=', 'bob')).toBe('unknown');
  });
});
