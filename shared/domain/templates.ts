import * as Y from 'yjs';
import { ContentField, DocKind, MetaKey } from './documentSchema';

/**
 * The Yjs client id that authors every template. Template updates are built the same way on
 * every device, so they carry the same ids: applying one twice, or on two devices that each
 * created the document offline, is a no-op instead of a second copy of the template.
 */
export const TEMPLATE_CLIENT_ID = 1;

interface Section {
  readonly heading: string;
}

/** Section headings of each kind of document, in the order of the official forms. */
const SECTIONS: Record<DocKind, readonly Section[]> = {
  [DocKind.proposal]: [
    { heading: '案由' },
    { heading: '提案人' },
    { heading: '联名人' },
    { heading: '情况分析' },
    { heading: '具体建议' },
  ],
  [DocKind.researchReport]: [
    { heading: '调研背景' },
    { heading: '基本情况' },
    { heading: '存在问题' },
    { heading: '对策建议' },
  ],
  [DocKind.socialInfo]: [{ heading: '反映的问题' }, { heading: '原因分析' }, { heading: '意见建议' }],
};

function headingElement(text: string): Y.XmlElement {
  const heading = new Y.XmlElement('heading');
  heading.setAttribute('level', 2 as unknown as string);
  heading.insert(0, [new Y.XmlText(text)]);
  return heading;
}

/**
 * A paragraph holding one empty text node. Without it, two people who start typing in the same
 * empty paragraph at once each create a text node of their own, and the editor shows their words
 * interleaved; with it, both type into one Y.XmlText and each one's run stays together.
 */
function emptyParagraph(): Y.XmlElement {
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [new Y.XmlText()]);
  return paragraph;
}

/**
 * The schema version the template writes: fixed, because every device must build byte for byte
 * the same template (its items share ids, so two different ones would never converge). A client
 * raises `meta.schemaVersion` itself when it first writes a node of a newer schema (a photo).
 */
export const TEMPLATE_SCHEMA_VERSION = 1;

function buildTemplate(kind: DocKind): Uint8Array {
  const doc = new Y.Doc({ gc: false });
  doc.clientID = TEMPLATE_CLIENT_ID;
  doc.transact(() => {
    const meta = doc.getMap(ContentField.meta);
    meta.set(MetaKey.schemaVersion, TEMPLATE_SCHEMA_VERSION);
    meta.set(MetaKey.kind, kind);
    const body = doc.getXmlFragment(ContentField.body);
    const nodes: Y.XmlElement[] = [];
    for (const section of SECTIONS[kind]) {
      nodes.push(headingElement(section.heading), emptyParagraph());
    }
    body.insert(0, nodes);
  });
  const update = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return update;
}

const cache = new Map<DocKind, Uint8Array>();

/** The deterministic update that seeds a new document of `kind` with its template. */
export function templateUpdate(kind: DocKind): Uint8Array {
  let update = cache.get(kind);
  if (update === undefined) {
    update = buildTemplate(kind);
    cache.set(kind, update);
  }
  return update;
}

/** The section headings of a kind, for tests and previews. */
export function templateHeadings(kind: DocKind): readonly string[] {
  return SECTIONS[kind].map((section) => section.heading);
}
