import type { ReplyCover } from '../../../shared/formal/buildReplyCoverDocx';
import type { FormalBlock, FormalDocument, FormalImages } from '../../../shared/formal/model';
import { toMarkdown } from '../../../shared/formal/toMarkdown';

const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** Characters Windows, macOS or Android refuse in a file name. */
const UNSAFE_IN_FILE_NAME = /[\\/:*?"<>|\p{Cc}]/gu;
/** Long titles are cut so that the name stays within common file-system limits (255 bytes, 3 per CJK character). */
const MAX_FILE_STEM_CHARS = 80;

/** The file name of an export: the title, made safe, and the extension. */
export function exportFileName(title: string, extension: 'docx' | 'md'): string {
  const stem = title.replace(UNSAFE_IN_FILE_NAME, '_').trim().slice(0, MAX_FILE_STEM_CHARS) || 'document';
  return `${stem}.${extension}`;
}

/** A file ready to save: its name and contents. */
export interface ExportFile {
  readonly name: string;
  readonly blob: Blob;
}

/**
 * The .docx of a document. The docx library is loaded only now (it is large), from the app's own
 * bundle, so it works offline once the app is installed.
 */
export async function docxFileOf(document: FormalDocument, images?: FormalImages): Promise<ExportFile> {
  const { buildFormalDocx } = await import('../../../shared/formal/buildFormalDocx');
  const bytes = await buildFormalDocx(document, images);
  return { name: exportFileName(document.title, 'docx'), blob: new Blob([bytes], { type: DOCX_TYPE }) };
}

/** The cover of a unit's reply letter (答复函), as a .docx, named after the proposal and the unit. */
export async function replyCoverFileOf(cover: ReplyCover): Promise<ExportFile> {
  const { buildReplyCoverDocx } = await import('../../../shared/formal/buildReplyCoverDocx');
  const bytes = await buildReplyCoverDocx(cover);
  const name = exportFileName(`${cover.proposalNumber}${cover.unitName}答复函封面`, 'docx');
  return { name, blob: new Blob([bytes], { type: DOCX_TYPE }) };
}

/** The SHA-256 of every photo in a body, lists included, in order. */
export function photoShasOf(body: readonly FormalBlock[]): string[] {
  return body.flatMap((block) => {
    if (block.type === 'photo') {
      return [block.sha256];
    }
    return block.type === 'list' ? block.items.flatMap((item) => photoShasOf(item.blocks)) : [];
  });
}

/** The Markdown of a document, its photos embedded as data URIs (one file that opens anywhere). */
export function markdownFileOf(document: FormalDocument, images?: FormalImages): ExportFile {
  const blob = new Blob([toMarkdown(document, images)], { type: 'text/markdown;charset=utf-8' });
  return { name: exportFileName(document.title, 'md'), blob };
}

/** Hands a file to the browser's downloads, as a click on a download link would. */
export function saveFile(file: ExportFile): void {
  const url = URL.createObjectURL(file.blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = file.name;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // The download has taken the blob once click() returns; a moment later the URL can go.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
