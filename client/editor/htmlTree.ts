/**
 * A small, forgiving HTML reader that needs no DOM: the paste cleaner and the importer use it in
 * the browser and in unit tests alike. It reads what word processors, mammoth and marked write
 * (tags, attributes, entities, comments, Word's conditional comments) into a plain tree; it does
 * not run scripts or fetch anything, and it drops the contents of script, style and similar tags.
 */

export interface HtmlElement {
  readonly kind: 'element';
  /** Lower-case tag name, with any namespace prefix kept (`o:p`). */
  readonly tag: string;
  readonly attrs: Record<string, string>;
  readonly children: HtmlNode[];
}

export interface HtmlText {
  readonly kind: 'text';
  readonly text: string;
}

export type HtmlNode = HtmlElement | HtmlText;

const VOID_TAGS = new Set(['br', 'img', 'hr', 'meta', 'link', 'input', 'col', 'area', 'base', 'wbr', 'source']);
/** Tags whose contents are never text of the document. */
const SKIPPED_TAGS = new Set(['script', 'style', 'title', 'xml', 'template', 'noscript', 'iframe', 'object', 'svg']);
/** Opening one of these closes an open paragraph, as browsers do. */
const BLOCK_TAGS = new Set([
  'p',
  'div',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'ul',
  'ol',
  'table',
  'blockquote',
  'pre',
  'hr',
]);

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  ensp: '\u2002',
  emsp: '\u2003',
  middot: '·',
  bull: '•',
  hellip: '…',
  mdash: '—',
  ndash: '–',
  ldquo: '“',
  rdquo: '”',
  lsquo: '‘',
  rsquo: '’',
  copy: '©',
  reg: '®',
  times: '×',
};

/** Replaces character references; unknown names stay as written. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z][a-z0-9]*);?/gi, (whole, name: string) => {
    if (name.startsWith('#')) {
      const isHex = name[1] === 'x' || name[1] === 'X';
      const code = Number.parseInt(name.slice(isHex ? 2 : 1), isHex ? 16 : 10);
      return Number.isSafeInteger(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[name.toLowerCase()] ?? whole;
  });
}

function readAttributes(source: string): Record<string, string> {
  const attrs: Record<string, string> = {};
  const pattern = /([^\s"'<>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;
  for (const match of source.matchAll(pattern)) {
    const name = (match[1] ?? '').toLowerCase();
    if (name !== '' && !(name in attrs)) {
      attrs[name] = decodeEntities(match[2] ?? match[3] ?? match[4] ?? '');
    }
  }
  return attrs;
}

function element(tag: string, attrs: Record<string, string> = {}): HtmlElement {
  return { kind: 'element', tag, attrs, children: [] };
}

/** Reads `html` into a tree under a root element named `#root`. Never throws. */
export function parseHtml(html: string): HtmlElement {
  const root = element('#root');
  const stack: HtmlElement[] = [root];
  const top = (): HtmlElement => stack[stack.length - 1] ?? root;
  const closeTo = (tag: string): void => {
    const index = stack.findLastIndex((open) => open.tag === tag);
    if (index > 0) {
      stack.length = index;
    }
  };
  const closeWhileTop = (tags: readonly string[]): void => {
    while (stack.length > 1 && tags.includes(top().tag)) {
      stack.pop();
    }
  };
  const tagPattern =
    /<!--[\s\S]*?(?:-->|$)|<![^>]*>|<\?[^>]*>|<\/([a-zA-Z][\w:.-]*)[^>]*>|<([a-zA-Z][\w:.-]*)((?:"[^"]*"|'[^']*'|[^'">])*)>/g;
  let last = 0;
  for (let match = tagPattern.exec(html); match !== null; match = tagPattern.exec(html)) {
    if (match.index > last) {
      top().children.push({ kind: 'text', text: decodeEntities(html.slice(last, match.index)) });
    }
    last = tagPattern.lastIndex;
    const closing = match[1]?.toLowerCase();
    const opening = match[2]?.toLowerCase();
    if (closing !== undefined) {
      closeTo(closing);
    } else if (opening !== undefined) {
      if (SKIPPED_TAGS.has(opening)) {
        // Jump past the matching end tag: nothing inside is document text.
        const end = html.toLowerCase().indexOf(`</${opening}`, last);
        const after = end < 0 ? html.length : html.indexOf('>', end) + 1 || html.length;
        tagPattern.lastIndex = after;
        last = after;
        continue;
      }
      if (BLOCK_TAGS.has(opening)) {
        closeWhileTop(['p']);
      }
      if (opening === 'li') {
        closeWhileTop(['p', 'li']);
      } else if (opening === 'td' || opening === 'th') {
        closeWhileTop(['p', 'td', 'th']);
      } else if (opening === 'tr') {
        closeWhileTop(['p', 'td', 'th', 'tr']);
      }
      const attrSource = match[3] ?? '';
      const node = element(opening, readAttributes(attrSource));
      top().children.push(node);
      if (!VOID_TAGS.has(opening) && !attrSource.trimEnd().endsWith('/')) {
        stack.push(node);
      }
    }
  }
  if (last < html.length) {
    top().children.push({ kind: 'text', text: decodeEntities(html.slice(last)) });
  }
  return root;
}

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function escapeAttribute(text: string): string {
  return escapeText(text).replace(/"/g, '&quot;');
}

/** Writes a tree back as HTML (the root's children only for `#root`). */
export function serializeHtml(node: HtmlNode): string {
  if (node.kind === 'text') {
    return escapeText(node.text);
  }
  const inner = node.children.map(serializeHtml).join('');
  if (node.tag === '#root') {
    return inner;
  }
  const attrs = Object.entries(node.attrs)
    .map(([name, value]) => ` ${name}="${escapeAttribute(value)}"`)
    .join('');
  return VOID_TAGS.has(node.tag) ? `<${node.tag}${attrs}>` : `<${node.tag}${attrs}>${inner}</${node.tag}>`;
}

/** The text of a node and everything under it. */
export function textOf(node: HtmlNode): string {
  return node.kind === 'text' ? node.text : node.children.map(textOf).join('');
}

/** Reads an inline `style` attribute into lower-case property names and their values. */
export function readStyle(style: string | undefined): Map<string, string> {
  const result = new Map<string, string>();
  for (const declaration of (style ?? '').split(';')) {
    const colon = declaration.indexOf(':');
    if (colon > 0) {
      result.set(declaration.slice(0, colon).trim().toLowerCase(), declaration.slice(colon + 1).trim());
    }
  }
  return result;
}
