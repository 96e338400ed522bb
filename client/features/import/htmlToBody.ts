import type { JSONContent } from '@tiptap/core';
import { cleanHtmlTree } from '../../editor/cleanPastedHtml';
import { type HtmlElement, type HtmlNode, parseHtml, textOf } from '../../editor/htmlTree';
import { IMAGE_PLACEHOLDER } from './importImages';

/**
 * HTML (from a DOCX or Markdown file) to the editor's body as ProseMirror JSON, without a DOM:
 * the HTML is first cleaned to the kept tags (editor/cleanPastedHtml), then each kept tag maps to
 * one node or mark of the editor's schema. Anything else contributes its text only.
 */

type Mark = NonNullable<JSONContent['marks']>[number];

const MARK_OF_TAG: Record<string, string> = { strong: 'bold', em: 'italic', u: 'underline', s: 'strike', code: 'code' };
/** The editor offers headings 1 to 3; deeper ones become level 3. */
const MAX_HEADING_LEVEL = 3;
/** The level of a template's section headings (shared/domain/templates.ts). */
const SECTION_LEVEL = 2;
const WHITESPACE = /[ \t\n\r\f]+/g;
/** Wide characters (Han, CJK punctuation, full-width forms), between which a line break is no space. */
const WIDE = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef]/u;

function element(node: HtmlNode): HtmlElement | null {
  return node.kind === 'element' ? node : null;
}

/** Inline content: text with marks, and hard breaks; block tags inside contribute their inline content. */
function inline(nodes: readonly HtmlNode[], marks: readonly Mark[] = []): JSONContent[] {
  const result: JSONContent[] = [];
  for (const node of nodes) {
    if (node.kind === 'text') {
      // A run with a line break stays a line break until its neighbours are known (see trimmed).
      const text = node.text.replace(WHITESPACE, (run) => (/[\n\r]/.test(run) ? '\n' : ' '));
      if (text !== '') {
        result.push(marks.length === 0 ? { type: 'text', text } : { type: 'text', text, marks: [...marks] });
      }
      continue;
    }
    if (node.tag === 'br') {
      result.push({ type: 'hardBreak' });
      continue;
    }
    const markType = MARK_OF_TAG[node.tag];
    let inner: readonly Mark[] = marks;
    if (markType !== undefined && !marks.some((mark) => mark.type === markType)) {
      inner = [...marks, { type: markType }];
    } else if (node.tag === 'a' && node.attrs.href !== undefined) {
      inner = [...marks.filter((mark) => mark.type !== 'link'), { type: 'link', attrs: { href: node.attrs.href } }];
    }
    result.push(...inline(node.children, inner));
  }
  return result;
}

/**
 * Source line breaks inside a paragraph: nothing between two wide characters (Chinese text
 * wrapped in a Markdown or HTML file reads on without a gap), a space elsewhere, as browsers do.
 */
function joinLines(content: JSONContent[]): void {
  const texts = content.filter((node) => node.type === 'text');
  texts.forEach((node, index) => {
    const source = node.text ?? '';
    node.text = source.replace(/\n/g, (_, offset: number) => {
      const before = offset > 0 ? source[offset - 1] : texts[index - 1]?.text?.slice(-1);
      const after = offset + 1 < source.length ? source[offset + 1] : texts[index + 1]?.text?.[0];
      return WIDE.test(before ?? '') && WIDE.test(after ?? '') ? '' : ' ';
    });
  });
}

/** Trims the whitespace HTML source leaves at the ends of a paragraph, and drops emptied runs. */
function trimmed(content: JSONContent[]): JSONContent[] {
  joinLines(content);
  const first = content[0];
  if (first?.type === 'text' && first.text !== undefined) {
    first.text = first.text.replace(/^ +/, '');
  }
  const last = content[content.length - 1];
  if (last?.type === 'text' && last.text !== undefined) {
    last.text = last.text.replace(/ +$/, '');
  }
  return content.filter((node) => node.type !== 'text' || (node.text ?? '') !== '');
}

function paragraph(content: JSONContent[]): JSONContent {
  const clean = trimmed(content);
  return clean.length === 0 ? { type: 'paragraph' } : { type: 'paragraph', content: clean };
}

function listItems(list: HtmlElement): JSONContent[] {
  const items: JSONContent[] = [];
  for (const child of list.children) {
    const item = element(child);
    if (item === null && textOf(child).trim() === '') {
      continue;
    }
    const content = item !== null && item.tag === 'li' ? blocks(item.children) : blocks([child]);
    if (content[0]?.type !== 'paragraph') {
      content.unshift({ type: 'paragraph' });
    }
    items.push({ type: 'listItem', content });
  }
  return items;
}

function tableRows(table: HtmlElement): HtmlElement[] {
  const rows: HtmlElement[] = [];
  for (const child of table.children) {
    const node = element(child);
    if (node?.tag === 'tr') {
      rows.push(node);
    } else if (node !== null && ['thead', 'tbody', 'tfoot'].includes(node.tag)) {
      rows.push(...tableRows(node));
    }
  }
  return rows;
}

function table(node: HtmlElement): JSONContent | null {
  const rows: JSONContent[] = [];
  for (const row of tableRows(node)) {
    const cells: JSONContent[] = [];
    for (const child of row.children) {
      const cell = element(child);
      if (cell === null || (cell.tag !== 'td' && cell.tag !== 'th')) {
        continue;
      }
      const content = blocks(cell.children);
      const attrs = {
        colspan: Number.parseInt(cell.attrs.colspan ?? '1', 10),
        rowspan: Number.parseInt(cell.attrs.rowspan ?? '1', 10),
      };
      cells.push({
        type: cell.tag === 'th' ? 'tableHeader' : 'tableCell',
        attrs,
        content: content.length === 0 ? [{ type: 'paragraph' }] : content,
      });
    }
    if (cells.length > 0) {
      rows.push({ type: 'tableRow', content: cells });
    }
  }
  return rows.length === 0 ? null : { type: 'table', content: rows };
}

/** Placeholders for the pictures in and under `node`, resolved to photos by importImages. */
function imagesIn(node: HtmlElement): JSONContent[] {
  if (node.tag === 'img') {
    return node.attrs.src === undefined
      ? []
      : [{ type: IMAGE_PLACEHOLDER, attrs: { src: node.attrs.src, alt: node.attrs.alt ?? '' } }];
  }
  return node.children.flatMap((child) => (child.kind === 'element' ? imagesIn(child) : []));
}

/** One block tag to its nodes; null when the tag is not a block. */
function block(node: HtmlElement): JSONContent[] | null {
  const heading = /^h([1-6])$/.exec(node.tag);
  if (heading !== null) {
    const level = Math.min(Number.parseInt(heading[1] ?? '1', 10), MAX_HEADING_LEVEL);
    const content = trimmed(inline(node.children));
    return content.length === 0 ? [] : [{ type: 'heading', attrs: { level }, content }];
  }
  switch (node.tag) {
    case 'p': {
      // A picture inside a paragraph (as mammoth and marked write them) becomes a block after it.
      const images = imagesIn(node);
      const text = paragraph(inline(node.children));
      return images.length > 0 && (text.content ?? []).length === 0 ? images : [text, ...images];
    }
    case 'img':
      return imagesIn(node);
    case 'ul':
    case 'ol': {
      const items = listItems(node);
      if (items.length === 0) {
        return [];
      }
      const start = Number.parseInt(node.attrs.start ?? '1', 10);
      return node.tag === 'ul'
        ? [{ type: 'bulletList', content: items }]
        : [{ type: 'orderedList', attrs: { start }, content: items }];
    }
    case 'table': {
      const result = table(node);
      return result === null ? [] : [result];
    }
    case 'blockquote': {
      const content = blocks(node.children);
      return [{ type: 'blockquote', content: content.length === 0 ? [{ type: 'paragraph' }] : content }];
    }
    case 'pre': {
      const text = textOf(node).replace(/\n$/, '');
      return [text === '' ? { type: 'codeBlock' } : { type: 'codeBlock', content: [{ type: 'text', text }] }];
    }
    case 'hr':
      return [{ type: 'horizontalRule' }];
    case 'li':
      return blocks(node.children);
    default:
      return null;
  }
}

/** Block content: block tags map to nodes, loose inline content is gathered into paragraphs. */
function blocks(nodes: readonly HtmlNode[]): JSONContent[] {
  const result: JSONContent[] = [];
  let loose: HtmlNode[] = [];
  const flush = (): void => {
    const content = trimmed(inline(loose));
    if (content.length > 0) {
      result.push({ type: 'paragraph', content });
    }
    loose = [];
  };
  for (const node of nodes) {
    const mapped = node.kind === 'element' ? block(node) : null;
    if (mapped === null) {
      loose.push(node);
    } else {
      flush();
      result.push(...mapped);
    }
  }
  flush();
  return result;
}

/** Whether a block has no text and no break: Word's blank spacer paragraphs. */
function isBlank(node: JSONContent): boolean {
  return node.type === 'paragraph' && (node.content ?? []).length === 0;
}

/**
 * Moves the headings so that the file's top level becomes level 2, the level of the templates'
 * sections (案由, 理由, 建议): the title has left the body, and an imported draft then looks and
 * exports like one made here. Deeper levels follow, down to the editor's last level.
 */
function sectionLevels(content: readonly JSONContent[]): void {
  const headings = content.filter((node) => node.type === 'heading');
  const levels = headings.map((node) => Number(node.attrs?.level ?? 1));
  const top = Math.min(...levels);
  for (const [index, node] of headings.entries()) {
    const level = Math.min((levels[index] ?? top) - top + SECTION_LEVEL, MAX_HEADING_LEVEL);
    node.attrs = { ...node.attrs, level };
  }
}

export interface ImportedBody {
  /** The first heading when the document starts with one, else null (the file name serves). */
  readonly title: string | null;
  /**
   * The body as a ProseMirror `doc` node in the editor's schema, but for picture placeholders
   * (resolve them with importImages, then check it against the schema).
   */
  readonly doc: JSONContent;
}

function plainText(node: JSONContent): string {
  return node.text ?? (node.content ?? []).map(plainText).join('');
}

/**
 * The editor body for `html`. When the document starts with a heading, that heading is its title:
 * it leaves the body, so the title is not shown twice.
 */
export function htmlToBody(html: string): ImportedBody {
  const content = blocks(cleanHtmlTree(parseHtml(html), { keepImages: true }).children);
  // Leading and trailing blank paragraphs carry nothing; those in between are the author's spacing.
  while (content[0] !== undefined && isBlank(content[0])) {
    content.shift();
  }
  while (content.length > 0 && isBlank(content[content.length - 1] ?? {})) {
    content.pop();
  }
  const first = content[0];
  let title: string | null = null;
  if (first?.type === 'heading') {
    title = plainText(first).trim();
    content.shift();
  }
  sectionLevels(content);
  return { title, doc: { type: 'doc', content: content.length === 0 ? [{ type: 'paragraph' }] : content } };
}
