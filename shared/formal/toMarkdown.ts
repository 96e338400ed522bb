import type { FormalBlock, FormalDocument, FormalImages, FormalListItem, FormalRun } from './model';
import { KIND_NAMES } from './model';

/** Characters that would start Markdown syntax anywhere in a line. */
const INLINE_SPECIALS = /[\\`*_[\]<>|~]/g;
/** Line starts that Markdown would read as a heading, quote, list or rule. */
const LINE_START_SPECIALS = /^(\s*)(\d*)([#>+.)-])/;

/** Escapes the punctuation that would make a line a heading, quote or list item (`1\.`, `\#`). */
function escapeLineStart(line: string): string {
  return line.replace(LINE_START_SPECIALS, (all, space: string, digits: string, mark: string) =>
    digits === '' && '.)'.includes(mark) ? all : `${space}${digits}\\${mark}`,
  );
}

function escapeLine(line: string): string {
  return escapeLineStart(line.replace(INLINE_SPECIALS, (char) => `\\${char}`));
}

/** Wraps a run's text in its marks, keeping spaces outside them (`** a**` is not bold). */
function runMarkdown(run: FormalRun): string {
  const text = run.text
    .split('\n')
    .map((line) => line.replace(INLINE_SPECIALS, '\\$&'))
    .join('\\\n');
  const marker = `${run.bold === true ? '**' : ''}${run.italic === true ? '*' : ''}${run.strike === true ? '~~' : ''}`;
  const match = /^(\s*)([\s\S]*?)(\s*)$/.exec(text);
  if (marker === '' || match === null || match[2] === '') {
    return text;
  }
  const closing = [...marker].reverse().join('');
  return `${match[1]}${marker}${match[2]}${closing}${match[3]}`;
}

function inlineMarkdown(runs: readonly FormalRun[]): string {
  return escapeLineStart(runs.map(runMarkdown).join(''));
}

const NO_IMAGES: FormalImages = new Map();

/** Base64 of some bytes, in chunks (a spread of a whole photo would overflow the call stack). */
function base64Of(bytes: Uint8Array): string {
  let binary = '';
  for (let at = 0; at < bytes.length; at += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(at, at + 0x8000));
  }
  return btoa(binary);
}

/**
 * A photo as an image with a data URI, so that the one .md file carries it; its alternative text
 * in brackets when the bytes are not at hand.
 */
function photoMarkdown(block: Extract<FormalBlock, { type: 'photo' }>, images: FormalImages): string {
  const alt = block.alt.replace(INLINE_SPECIALS, '\\$&');
  const bytes = images.get(block.sha256);
  if (bytes === undefined) {
    return `\\[${alt === '' ? '图片' : alt}\\]`;
  }
  return `![${alt}](data:${block.mediaType};base64,${base64Of(bytes)})`;
}

function listMarkdown(items: readonly FormalListItem[], isOrdered: boolean, images: FormalImages): string {
  return items
    .map((item, index) => {
      const marker = isOrdered ? `${index + 1}. ` : '- ';
      const indent = ' '.repeat(marker.length);
      const lines = item.blocks
        .map((block) => blockMarkdown(block, images))
        .join('\n')
        .split('\n');
      return lines.map((line, at) => (at === 0 ? marker + line : line === '' ? '' : indent + line)).join('\n');
    })
    .join('\n');
}

function tableMarkdown(rows: readonly (readonly (readonly FormalRun[])[])[]): string {
  const width = Math.max(1, ...rows.map((row) => row.length));
  const line = (cells: readonly string[]) =>
    `| ${Array.from({ length: width }, (_, at) => cells[at] ?? '').join(' | ')} |`;
  const texts = rows.map((row) => row.map((cell) => inlineMarkdown(cell).replace(/\\\n/g, '<br>')));
  const [head = [], ...rest] = texts;
  return [line(head), line(Array.from({ length: width }, () => '---')), ...rest.map(line)].join('\n');
}

function blockMarkdown(block: FormalBlock, images: FormalImages): string {
  switch (block.type) {
    case 'heading':
      return `${'#'.repeat(block.level + 1)} ${inlineMarkdown(block.runs)}`;
    case 'paragraph':
      return inlineMarkdown(block.runs);
    case 'list':
      return listMarkdown(block.items, block.isOrdered, images);
    case 'table':
      return tableMarkdown(block.rows);
    case 'photo':
      return photoMarkdown(block, images);
  }
}

function formMarkdown(document: FormalDocument): string {
  const rows = document.form.map((field) => `| ${escapeLine(field.label)} | ${escapeLine(field.value)} |`);
  return [`| ${KIND_NAMES[document.kind]} | |`, '| --- | --- |', ...rows].join('\n');
}

/**
 * The document as CommonMark with GitHub tables: title, form block as a table, then the body;
 * photos whose bytes `images` has are embedded as data URIs.
 */
export function toMarkdown(document: FormalDocument, images = NO_IMAGES): string {
  const parts = [`# ${escapeLine(document.title)}`];
  if (document.form.length > 0) {
    parts.push(formMarkdown(document));
  }
  for (const block of document.body) {
    const text = blockMarkdown(block, images);
    if (text.trim() !== '') {
      parts.push(text);
    }
  }
  return `${parts.join('\n\n')}\n`;
}
