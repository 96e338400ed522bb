import { Extension } from '@tiptap/core';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { type HtmlElement, type HtmlNode, parseHtml, readStyle, serializeHtml, textOf } from './htmlTree';

/**
 * Cleaning of HTML from word processors (Word, WPS) and converters, down to the structure the
 * editor keeps: headings, paragraphs, lists, tables, bold, italic, underline, strike, links and
 * line breaks. Styles, classes, fonts, colours, Office namespaced tags (`<o:p>`), conditional
 * comments, scripts and event handlers are dropped; Word's list paragraphs (`mso-list`) become
 * real lists. What is not on the list of kept tags is unwrapped, so its text stays.
 */

const KEPT_TAGS = new Set([
  'p',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'ul',
  'ol',
  'li',
  'table',
  'thead',
  'tbody',
  'tfoot',
  'tr',
  'td',
  'th',
  'strong',
  'em',
  'u',
  's',
  'a',
  'br',
  'blockquote',
  'pre',
  'code',
  'hr',
  'sub',
  'sup',
  'img',
]);

/** Tags that mean the same as a kept one. */
const SAME_AS: Record<string, string> = { b: 'strong', i: 'em', strike: 's', del: 's', ins: 'u', caption: 'p' };

/** Tags removed with everything inside: Office markup and form controls carry no document text. */
const DROPPED_TAGS = new Set(['o:p', 'head', 'meta', 'link', 'button', 'input', 'select', 'textarea', 'colgroup']);

const SAFE_LINK = /^(https?:|mailto:)/i;

/** Whether a link target may be kept: web and mail addresses only, never script or data URLs. */
export function isSafeHref(href: string): boolean {
  return SAFE_LINK.test(href.trim());
}

export interface CleanOptions {
  /** Keep `<img>` (with its `src` only); the editor without an image node drops them. */
  readonly keepImages?: boolean;
}

interface ListParagraph {
  readonly listId: string;
  readonly level: number;
  readonly isOrdered: boolean;
  readonly content: HtmlNode[];
}

/** Bullets Word and WPS write before a list paragraph's text, in Symbol, Wingdings or plain fonts. */
const ORDERED_MARKER = /^\(?（?([0-9]+|[a-z]|[ivxlc]+|[一二三四五六七八九十]+)[.)、．）]/i;

/** Word's list paragraph: `mso-list: l0 level2 lfo1` on the paragraph's style. */
function listStyleOf(node: HtmlElement): { listId: string; level: number } | null {
  const value = readStyle(node.attrs.style).get('mso-list');
  if (value === undefined || /ignore/i.test(value)) {
    return null;
  }
  const listId = /\bl(\d+)\b/i.exec(value)?.[1] ?? '0';
  const level = Number.parseInt(/level(\d+)/i.exec(value)?.[1] ?? '1', 10);
  return { listId, level: Math.min(Math.max(level, 1), 9) };
}

function isMarker(node: HtmlNode): boolean {
  return node.kind === 'element' && /mso-list\s*:\s*ignore/i.test(node.attrs.style ?? '');
}

/** Finds (and removes) the list marker Word writes inside a list paragraph; returns its text. */
function takeMarker(node: HtmlElement): string | null {
  for (let index = 0; index < node.children.length; index += 1) {
    const child = node.children[index];
    if (child === undefined || child.kind === 'text') {
      continue;
    }
    if (isMarker(child)) {
      node.children.splice(index, 1);
      return textOf(child).trim();
    }
    const inner = takeMarker(child);
    if (inner !== null) {
      return inner;
    }
  }
  return null;
}

function withTag(tag: string, children: HtmlNode[], attrs: Record<string, string> = {}): HtmlElement {
  return { kind: 'element', tag, attrs, children };
}

/** The attributes a kept tag may carry. */
function keptAttributes(tag: string, attrs: Record<string, string>): Record<string, string> {
  const kept: Record<string, string> = {};
  if (tag === 'a' && attrs.href !== undefined && isSafeHref(attrs.href)) {
    kept.href = attrs.href.trim();
  }
  if (tag === 'td' || tag === 'th') {
    for (const name of ['colspan', 'rowspan']) {
      const value = Number.parseInt(attrs[name] ?? '', 10);
      if (Number.isSafeInteger(value) && value > 1 && value <= 100) {
        kept[name] = String(value);
      }
    }
  }
  if (tag === 'ol') {
    const start = Number.parseInt(attrs.start ?? '', 10);
    if (Number.isSafeInteger(start) && start > 1) {
      kept.start = String(start);
    }
  }
  if (tag === 'img' && attrs.src !== undefined) {
    kept.src = attrs.src;
    if (attrs.alt !== undefined) {
      kept.alt = attrs.alt;
    }
  }
  return kept;
}

/** Marks that Word writes as inline styles on spans, turned into tags before the styles go. */
function wrapStyledMarks(style: Map<string, string>, children: HtmlNode[]): HtmlNode[] {
  let result = children;
  const weight = style.get('font-weight') ?? '';
  if (weight === 'bold' || weight === 'bolder' || Number.parseInt(weight, 10) >= 600) {
    result = [withTag('strong', result)];
  }
  if ((style.get('font-style') ?? '').startsWith('italic')) {
    result = [withTag('em', result)];
  }
  const decoration = `${style.get('text-decoration') ?? ''} ${style.get('text-decoration-line') ?? ''}`;
  if (decoration.includes('underline')) {
    result = [withTag('u', result)];
  }
  if (decoration.includes('line-through')) {
    result = [withTag('s', result)];
  }
  return result;
}

/** Cleans one node; returns what takes its place (nothing, its children, or a clean copy). */
function cleanNode(node: HtmlNode, options: CleanOptions): HtmlNode[] {
  if (node.kind === 'text') {
    return node.text === '' ? [] : [node];
  }
  const tag = SAME_AS[node.tag] ?? node.tag;
  if (DROPPED_TAGS.has(tag) || (tag.includes(':') && tag !== 'o:p' && node.children.length === 0)) {
    return [];
  }
  if (isMarker(node)) {
    return [];
  }
  if (tag === 'img' && options.keepImages !== true) {
    return [];
  }
  const children = cleanChildren(node.children, options);
  const className = node.attrs.class ?? '';
  if (tag === 'p' && /\bMsoTitle\b/i.test(className)) {
    return [withTag('h1', children)];
  }
  if (!KEPT_TAGS.has(tag)) {
    return wrapStyledMarks(readStyle(node.attrs.style), children);
  }
  if (tag === 'a' && keptAttributes(tag, node.attrs).href === undefined) {
    return children;
  }
  const clean = withTag(tag, children, keptAttributes(tag, node.attrs));
  return tag === 'p' || tag === 'li' || tag === 'td' || tag === 'th' || /^h[1-6]$/.test(tag)
    ? [withTag(tag, wrapStyledMarks(readStyle(node.attrs.style), children), clean.attrs)]
    : [clean];
}

/** Builds nested lists from a run of Word list paragraphs. */
function buildLists(run: readonly ListParagraph[]): HtmlElement[] {
  const roots: HtmlElement[] = [];
  // The open lists, one per level, each with its last item (where a deeper list goes).
  const open: { list: HtmlElement; level: number }[] = [];
  for (const paragraph of run) {
    while (open.length > 0 && (open[open.length - 1]?.level ?? 0) > paragraph.level) {
      open.pop();
    }
    let current = open[open.length - 1];
    if (
      current !== undefined &&
      current.level === paragraph.level &&
      (current.list.tag === 'ol') !== paragraph.isOrdered
    ) {
      open.pop();
      current = open[open.length - 1];
    }
    if (current === undefined || current.level < paragraph.level) {
      const list = withTag(paragraph.isOrdered ? 'ol' : 'ul', []);
      const parentItem = current?.list.children[current.list.children.length - 1];
      if (current !== undefined && parentItem !== undefined && parentItem.kind === 'element') {
        parentItem.children.push(list);
      } else {
        roots.push(list);
      }
      current = { list, level: paragraph.level };
      open.push(current);
    }
    current.list.children.push(withTag('li', [withTag('p', paragraph.content)]));
  }
  return roots;
}

function cleanChildren(children: readonly HtmlNode[], options: CleanOptions): HtmlNode[] {
  const result: HtmlNode[] = [];
  let run: ListParagraph[] = [];
  const flush = (): void => {
    result.push(...buildLists(run));
    run = [];
  };
  for (const child of children) {
    const listStyle = child.kind === 'element' && child.tag === 'p' ? listStyleOf(child) : null;
    if (child.kind === 'element' && listStyle !== null) {
      const copy = withTag(child.tag, [...child.children], child.attrs);
      const marker = takeMarker(copy) ?? '';
      const isOrdered = ORDERED_MARKER.test(marker);
      const previous = run[run.length - 1];
      if (previous !== undefined && previous.listId !== listStyle.listId && listStyle.level === 1) {
        flush();
      }
      run.push({ ...listStyle, isOrdered, content: cleanChildren(copy.children, options) });
      continue;
    }
    // Whitespace between list paragraphs does not end the list.
    if (run.length > 0 && child.kind === 'text' && child.text.trim() === '') {
      continue;
    }
    flush();
    result.push(...cleanNode(child, options));
  }
  flush();
  return result;
}

/** Cleans a parsed tree; see the module comment for what is kept. */
export function cleanHtmlTree(root: HtmlElement, options: CleanOptions = {}): HtmlElement {
  return withTag('#root', cleanChildren(root.children, options));
}

/** The clean HTML for pasted `html`; the editor's own parse rules then read it. */
export function cleanPastedHtml(html: string): string {
  const body = /<body[^>]*>([\s\S]*?)(<\/body>|$)/i.exec(html)?.[1] ?? html;
  const fragment = /<!--StartFragment-->([\s\S]*?)<!--EndFragment-->/i.exec(body)?.[1] ?? body;
  return serializeHtml(cleanHtmlTree(parseHtml(fragment)));
}

/**
 * Cleans HTML pasted from other programs (Word, WPS, web pages) before the editor reads it.
 * HTML copied inside the editor itself carries ProseMirror's slice marker and is left alone.
 */
export const PasteCleaning = Extension.create({
  name: 'pasteCleaning',
  addProseMirrorPlugins() {
    return [
      new Plugin({
        key: new PluginKey('pasteCleaning'),
        props: {
          transformPastedHTML: (html) => (html.includes('data-pm-slice') ? html : cleanPastedHtml(html)),
        },
      }),
    ];
  },
});
