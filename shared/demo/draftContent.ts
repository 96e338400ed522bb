import * as Y from 'yjs';
import { ContentField, DocKind, templateUpdate } from '../index';
import type { DemoDraft } from './drafts';

/** The proposal headings whose text is the people, not prose. */
const PROPOSER_HEADING = '提案人';
const CO_SIGNERS_HEADING = '联名人';

function paragraph(text: string): Y.XmlElement {
  const element = new Y.XmlElement('paragraph');
  element.insert(0, [new Y.XmlText(text)]);
  return element;
}

function textOf(element: Y.XmlElement): string {
  return element
    .toArray()
    .map((child) => (child instanceof Y.XmlText ? child.toString() : ''))
    .join('');
}

/**
 * Fills the template's empty paragraph under a heading with the first text, and adds the others
 * as new paragraphs after it. Returns how many nodes were added.
 */
function fillSection(body: Y.XmlFragment, headingIndex: number, paragraphs: readonly string[]): number {
  const [first, ...rest] = paragraphs;
  const placeholder = body.get(headingIndex + 1);
  if (first === undefined) {
    return 0;
  }
  if (placeholder instanceof Y.XmlElement && placeholder.nodeName === 'paragraph' && textOf(placeholder) === '') {
    const text = placeholder.get(0);
    if (text instanceof Y.XmlText) {
      text.insert(0, first);
    } else {
      placeholder.insert(0, [new Y.XmlText(first)]);
    }
    body.insert(headingIndex + 2, rest.map(paragraph));
    return rest.length;
  }
  body.insert(headingIndex + 1, paragraphs.map(paragraph));
  return paragraphs.length;
}

/** The sections of a draft with the proposal's people filled in from their names. */
function sectionsOf(draft: DemoDraft, nameOf: (username: string) => string): Record<string, readonly string[]> {
  if (draft.kind !== DocKind.proposal) {
    return { ...draft.sections };
  }
  return {
    ...draft.sections,
    [PROPOSER_HEADING]: [nameOf(draft.createdBy)],
    [CO_SIGNERS_HEADING]: [draft.coAuthors.map(nameOf).join('、')],
  };
}

/**
 * The content of a demo draft as one Yjs update: the kind's template (so it merges with the
 * template any device applies), the title, and paragraphs under the template's headings, in the
 * node types the Tiptap editor uses.
 */
export function draftContentUpdate(draft: DemoDraft, nameOf: (username: string) => string): Uint8Array {
  const doc = new Y.Doc({ gc: false });
  Y.applyUpdate(doc, templateUpdate(draft.kind));
  const sections = sectionsOf(draft, nameOf);
  doc.transact(() => {
    doc.getText(ContentField.title).insert(0, draft.title);
    const body = doc.getXmlFragment(ContentField.body);
    for (let index = 0; index < body.length; index += 1) {
      const node = body.get(index);
      if (node instanceof Y.XmlElement && node.nodeName === 'heading') {
        index += fillSection(body, index, sections[textOf(node)] ?? []);
      }
    }
  });
  const update = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return update;
}
