/** The largest file an import reads: bigger ones are refused before anything is read. */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

/** Why a file cannot be imported; each has its own message in the import strings. */
export const ImportProblem = {
  /** Over MAX_IMPORT_BYTES. */
  tooLarge: 'tooLarge',
  /** The old binary Word (.doc) or WPS (.wps) formats, which need saving as .docx first. */
  legacyFormat: 'legacyFormat',
  /** Neither .docx nor Markdown. */
  unsupported: 'unsupported',
  /** Named .docx but not a readable Word document. */
  badDocx: 'badDocx',
  /** Named .md but not text. */
  notText: 'notText',
  /** Nothing in it to import. */
  empty: 'empty',
} as const;
export type ImportProblem = (typeof ImportProblem)[keyof typeof ImportProblem];

/** A file refused by the importer, with the reason the dialog shows. */
export class ImportError extends Error {
  readonly problem: ImportProblem;

  constructor(problem: ImportProblem, message: string) {
    super(message);
    this.name = 'ImportError';
    this.problem = problem;
  }
}

export const ImportFormat = { docx: 'docx', markdown: 'markdown' } as const;
export type ImportFormat = (typeof ImportFormat)[keyof typeof ImportFormat];

const MARKDOWN_EXTENSIONS = ['.md', '.markdown'];
const LEGACY_EXTENSIONS = ['.doc', '.wps', '.dot', '.wpt', '.rtf'];

/** The format a file name says; throws an ImportError for any other. */
export function formatOfName(name: string): ImportFormat {
  const lower = name.toLowerCase();
  if (lower.endsWith('.docx')) {
    return ImportFormat.docx;
  }
  if (MARKDOWN_EXTENSIONS.some((extension) => lower.endsWith(extension))) {
    return ImportFormat.markdown;
  }
  if (LEGACY_EXTENSIONS.some((extension) => lower.endsWith(extension))) {
    throw new ImportError(ImportProblem.legacyFormat, `${name} is in an old binary format`);
  }
  throw new ImportError(ImportProblem.unsupported, `${name} is neither .docx nor Markdown`);
}

/** The file name without its extension: the title when the document has no heading to offer. */
export function titleOfName(name: string): string {
  const dot = name.lastIndexOf('.');
  return (dot > 0 ? name.slice(0, dot) : name).trim();
}

/** Checks what a file is before reading it as a whole. */
export function checkImportFile(file: { readonly name: string; readonly size: number }): ImportFormat {
  const format = formatOfName(file.name);
  if (file.size > MAX_IMPORT_BYTES) {
    throw new ImportError(ImportProblem.tooLarge, `${file.name} has ${file.size} bytes`);
  }
  if (file.size === 0) {
    throw new ImportError(ImportProblem.empty, `${file.name} is empty`);
  }
  return format;
}

/** Word's mapping of styles to HTML, beyond mammoth's defaults (headings, lists, tables). */
const STYLE_MAP = [
  "p[style-name='Title'] => h1:fresh",
  "p[style-name='标题'] => h1:fresh",
  "p[style-name='Subtitle'] => p:fresh",
  'u => u',
  'strike => s',
];

/** A DOCX's content as HTML, images as data URLs. Throws `badDocx` when it is not a Word document. */
export async function docxToHtml(bytes: ArrayBuffer): Promise<string> {
  const head = new Uint8Array(bytes, 0, Math.min(4, bytes.byteLength));
  // Every DOCX is a ZIP archive: "PK\x03\x04".
  if (head[0] !== 0x50 || head[1] !== 0x4b || head[2] !== 0x03 || head[3] !== 0x04) {
    throw new ImportError(ImportProblem.badDocx, 'The file is not a ZIP archive');
  }
  const { default: mammoth } = await import('mammoth');
  try {
    // The browser build of mammoth reads `arrayBuffer`, its Node build (unit tests) `buffer`;
    // both hand the bytes to JSZip, which takes an ArrayBuffer.
    const input = { arrayBuffer: bytes, buffer: bytes };
    const result = await mammoth.convertToHtml(input, { styleMap: STYLE_MAP });
    return result.value;
  } catch (err) {
    throw new ImportError(ImportProblem.badDocx, err instanceof Error ? err.message : String(err));
  }
}

/**
 * Markdown bytes as text: UTF-8, or GB18030 (what Chinese Windows editors save by default) when
 * they are not valid UTF-8. Throws `notText` for binary content.
 */
export function decodeMarkdown(bytes: ArrayBuffer): string {
  const view = new Uint8Array(bytes);
  if (view.includes(0)) {
    throw new ImportError(ImportProblem.notText, 'The file holds binary data');
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(view).replace(/^\uFEFF/, '');
  } catch {
    try {
      return new TextDecoder('gb18030', { fatal: true }).decode(view);
    } catch {
      throw new ImportError(ImportProblem.notText, 'The file is neither UTF-8 nor GB18030 text');
    }
  }
}

/** Markdown (CommonMark and GitHub tables) as HTML; raw HTML in it is cleaned later like any other. */
export async function markdownToHtml(text: string): Promise<string> {
  const { marked } = await import('marked');
  return marked.parse(text, { async: false, gfm: true });
}

/** A file's content as HTML, by its format. */
export async function fileToHtml(format: ImportFormat, bytes: ArrayBuffer): Promise<string> {
  return format === ImportFormat.docx ? docxToHtml(bytes) : markdownToHtml(decodeMarkdown(bytes));
}
