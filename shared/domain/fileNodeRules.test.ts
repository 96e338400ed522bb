import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { type ContentVerdict, judgeContentUpdate } from './contentRules';
import { MAX_PHOTO_ALT } from './docFileNodes';
import { ContentField, DocKind, FILE_NODES_SCHEMA_VERSION, MetaKey, readSchemaVersion } from './documentSchema';
import type { UserId } from './ids';
import { TEMPLATE_CLIENT_ID, templateUpdate } from './templates';

const ZHANG = 'zhang' as UserId;
const SHA = 'a'.repeat(64);

/** A social-conditions draft of the format that holds photos (an app raises it before the first goes in). */
function room(): Y.Doc {
  const doc = templateRoom();
  doc.getMap(ContentField.meta).set(MetaKey.schemaVersion, FILE_NODES_SCHEMA_VERSION);
  return doc;
}

/** A social-conditions draft as its template makes it, of the format before photos. */
function templateRoom(): Y.Doc {
  const doc = new Y.Doc({ gc: false });
  Y.applyUpdate(doc, templateUpdate(DocKind.socialInfo));
  return doc;
}

/** Judges what `change` writes on a device holding `base`, and applies it to `base` when accepted. */
function judge(base: Y.Doc, change: (body: Y.XmlFragment) => void): ContentVerdict {
  const device = new Y.Doc({ gc: false });
  Y.applyUpdate(device, Y.encodeStateAsUpdate(base));
  const before = Y.encodeStateVector(device);
  change(device.getXmlFragment(ContentField.body));
  const update = Y.encodeStateAsUpdate(device, before);
  const verdict = judgeContentUpdate(
    { doc: base, owners: new Map(), userId: ZHANG, docKind: DocKind.socialInfo },
    Y.decodeUpdate(update),
  );
  if (verdict.kind === 'accept') {
    Y.applyUpdate(base, update);
  }
  return verdict;
}

function element(name: string, attrs: Record<string, unknown>): Y.XmlElement {
  const node = new Y.XmlElement(name);
  for (const [key, value] of Object.entries(attrs)) {
    node.setAttribute(key, value as string);
  }
  return node;
}

const PHOTO = { sha256: SHA, mediaType: 'image/jpeg', width: 1600, height: 1200, alt: '' };
const FILE = { sha256: SHA, name: '现场记录.pdf', mediaType: 'application/pdf', size: 123456 };

describe('file nodes in the body (RULES.md D8)', () => {
  it('D8 accepts a valid photo and a paragraph holding a valid fileLink', () => {
    const doc = room();
    expect(judge(doc, (body) => body.insert(0, [element('photo', PHOTO)]))).toMatchObject({ kind: 'accept' });
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [new Y.XmlText('见附件'), element('fileLink', FILE)]);
    expect(judge(doc, (body) => body.insert(1, [paragraph]))).toMatchObject({ kind: 'accept' });
  });

  const bad: readonly { readonly name: string; readonly node: string; readonly attrs: Record<string, unknown> }[] = [
    { name: 'an uppercase digest', node: 'photo', attrs: { ...PHOTO, sha256: 'A'.repeat(64) } },
    { name: 'a short digest', node: 'fileLink', attrs: { ...FILE, sha256: 'a'.repeat(63) } },
    { name: 'a photo of a PDF type', node: 'photo', attrs: { ...PHOTO, mediaType: 'application/pdf' } },
    { name: 'an attachment of an executable type', node: 'fileLink', attrs: { ...FILE, mediaType: 'text/html' } },
    { name: 'a photo wider than downscaling leaves', node: 'photo', attrs: { ...PHOTO, width: 4000 } },
    { name: 'a size given as text', node: 'photo', attrs: { ...PHOTO, height: '1200' } },
    { name: 'an attachment over 10 MiB', node: 'fileLink', attrs: { ...FILE, size: 10 * 1024 * 1024 + 1 } },
    { name: 'an empty file name', node: 'fileLink', attrs: { ...FILE, name: '  ' } },
    { name: 'a missing digest', node: 'photo', attrs: { mediaType: 'image/jpeg', width: 10, height: 10 } },
    { name: 'an unknown attribute', node: 'photo', attrs: { ...PHOTO, onerror: 'x' } },
  ];
  for (const { name, node, attrs } of bad) {
    it(`D8 refuses ${name}`, () => {
      const verdict = judge(room(), (body) => body.insert(0, [element(node, attrs)]));
      expect(verdict).toMatchObject({ kind: 'refuse', rule: 'D8', reason: 'file_node_refused' });
    });
  }

  it('D8 refuses an invalid attribute written later on a photo already in the room', () => {
    const doc = room();
    expect(judge(doc, (body) => body.insert(0, [element('photo', PHOTO)]))).toMatchObject({ kind: 'accept' });
    const verdict = judge(doc, (body) => (body.get(0) as Y.XmlElement).setAttribute('sha256', 'nope'));
    expect(verdict, JSON.stringify([verdict, doc.getXmlFragment(ContentField.body).toJSON()])).toMatchObject({
      kind: 'refuse',
      rule: 'D8',
    });
    const alt = judge(doc, (body) => (body.get(0) as Y.XmlElement).setAttribute('alt', '村口'));
    expect(alt, JSON.stringify(alt)).toMatchObject({
      kind: 'accept',
    });
    // A caption the editor's dialog would have cleaned: a tab, or over MAX_PHOTO_ALT characters.
    for (const caption of ['图1\t断桥', '桥'.repeat(MAX_PHOTO_ALT + 1)]) {
      const refused = judge(doc, (body) => (body.get(0) as Y.XmlElement).setAttribute('alt', caption));
      expect(refused).toMatchObject({ kind: 'refuse', rule: 'D8' });
    }
  });

  it('D8 refuses a photo in a document left at the format before photos, from a client that tries anyway', () => {
    const doc = templateRoom();
    const verdict = judge(doc, (body) => body.insert(0, [element('photo', PHOTO)]));
    expect(verdict).toMatchObject({ kind: 'refuse', rule: 'D8' });
    expect(readSchemaVersion(doc)).toBeLessThan(FILE_NODES_SCHEMA_VERSION);
  });

  it('D8 accepts a photo that comes with the raised format in the same update', () => {
    const doc = templateRoom();
    const verdict = judge(doc, (body) => {
      body.doc?.getMap(ContentField.meta).set(MetaKey.schemaVersion, FILE_NODES_SCHEMA_VERSION);
      body.insert(0, [element('photo', PHOTO)]);
    });
    expect(verdict).toMatchObject({ kind: 'accept' });
    expect(readSchemaVersion(doc)).toBe(FILE_NODES_SCHEMA_VERSION);
  });

  it('D8 accepts a new document whose template, raise and photo arrive merged in one update (sent from offline)', () => {
    const device = templateRoom();
    // Encoded after the template's items, whose raise then comes first: the order is not what decides.
    device.clientID = TEMPLATE_CLIENT_ID + 1;
    const before = Y.encodeStateVector(device);
    device.transact(() => {
      device.getMap(ContentField.meta).set(MetaKey.schemaVersion, FILE_NODES_SCHEMA_VERSION);
      device.getXmlFragment(ContentField.body).insert(0, [element('photo', PHOTO)]);
    });
    const merged = Y.mergeUpdates([templateUpdate(DocKind.socialInfo), Y.encodeStateAsUpdate(device, before)]);
    const verdict = judgeContentUpdate(
      { doc: new Y.Doc({ gc: false }), owners: new Map(), userId: ZHANG, docKind: DocKind.socialInfo },
      Y.decodeUpdate(merged),
    );
    expect(verdict).toMatchObject({ kind: 'accept' });
  });

  it('D8 refuses content put inside a photo', () => {
    const doc = room();
    judge(doc, (body) => body.insert(0, [element('photo', PHOTO)]));
    const verdict = judge(doc, (body) => (body.get(0) as Y.XmlElement).insert(0, [new Y.XmlText('x')]));
    expect(verdict).toMatchObject({ kind: 'refuse', rule: 'D8' });
  });
});
