import * as Y from 'yjs';

function textOf(node: Y.XmlText): string {
  return node
    .toDelta()
    .map((op: { insert?: unknown }) => (typeof op.insert === 'string' ? op.insert : ''))
    .join('');
}

/**
 * The plain text of an XML fragment, one line per text block (paragraph, heading, table cell):
 * the document's content without markup, for tests and previews.
 */
export function fragmentText(fragment: Y.XmlFragment | Y.XmlElement): string {
  const lines: string[] = [];
  const visit = (element: Y.XmlFragment | Y.XmlElement): void => {
    const children = element.toArray();
    if (children.some((child) => child instanceof Y.XmlText)) {
      lines.push(children.map((child) => (child instanceof Y.XmlText ? textOf(child) : '')).join(''));
      return;
    }
    if (children.length === 0 && element instanceof Y.XmlElement) {
      lines.push('');
      return;
    }
    for (const child of children) {
      if (child instanceof Y.XmlElement) {
        visit(child);
      }
    }
  };
  visit(fragment);
  return lines.join('\n');
}
