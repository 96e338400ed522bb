import { getSchema, type JSONContent } from '@tiptap/core';
import type { Schema } from '@tiptap/pm/model';
import { Node } from '@tiptap/pm/model';
import { prosemirrorJSONToYXmlFragment } from '@tiptap/y-tiptap';
import type * as Y from 'yjs';
import { ContentField, MAX_TITLE_LENGTH, raiseSchemaVersion } from '../../../shared';
import { FileNodeName } from '../../../shared/domain/docFileNodes';
import type { StoredDocFile } from '../../core/storage';
import type { InitialContent } from '../../core/workspace';
import { contentExtensions } from '../../editor/createExtensions';
import { htmlToBody } from './htmlToBody';
import { type Downscale, resolveImages } from './importImages';
import { fileToHtml, ImportError, type ImportFormat, ImportProblem, titleOfName } from './readImportFile';

let schema: Schema | null = null;

/** The editor's schema, built once: imported bodies are checked against it. */
function editorSchema(): Schema {
  schema ??= getSchema(contentExtensions());
  return schema;
}

export interface ImportedDocument {
  /** The first heading of the file, else its name without the extension. */
  readonly title: string;
  /** The body, valid in the editor's schema. */
  readonly body: JSONContent;
  /** Writes the body into a new document in place of its template's sections. */
  readonly content: InitialContent;
  /** The photos' bytes, to keep on the device before the document that shows them is made. */
  readonly files: readonly StoredDocFile[];
  /** Pictures left out (kinds a photo cannot be, such as EMF, or too large). */
  readonly droppedImages: number;
}

/**
 * The imported body replaces the template's empty sections instead of following them: the file is
 * the author's whole draft, often with the same sections (案由, 理由, 建议) already in it, which
 * would otherwise appear twice, once empty. Whether a proposal still has the sections it needs is
 * what the submit checks (RULES.md K2) tell its author.
 */
export function replaceBody(body: JSONContent): InitialContent {
  const node = Node.fromJSON(editorSchema(), body);
  node.check();
  let hasFiles = false;
  node.descendants((child) => {
    hasFiles ||= child.type.name === FileNodeName.photo || child.type.name === FileNodeName.fileLink;
    return !hasFiles;
  });
  return (doc: Y.Doc) => {
    if (hasFiles) {
      raiseSchemaVersion(doc);
    }
    const fragment = doc.getXmlFragment(ContentField.body);
    fragment.delete(0, fragment.length);
    prosemirrorJSONToYXmlFragment(editorSchema(), node.toJSON(), fragment);
  };
}

/** A document to create from HTML: its title, its body and its photos. */
export async function importHtml(
  html: string,
  fileName: string,
  downscale: Downscale | null = null,
): Promise<ImportedDocument> {
  const { title, doc: withPlaceholders } = htmlToBody(html);
  const { doc, files, dropped } = await resolveImages(withPlaceholders, downscale);
  const hasContent = (doc.content ?? []).some((node) => node.type !== 'paragraph' || (node.content ?? []).length > 0);
  if (!hasContent && title === null) {
    throw new ImportError(ImportProblem.empty, `${fileName} has no text`);
  }
  const chosen = (title ?? titleOfName(fileName)).slice(0, MAX_TITLE_LENGTH);
  return { title: chosen, body: doc, content: replaceBody(doc), files, droppedImages: dropped };
}

/** A file's bytes to a document to create. */
export async function importBytes(
  format: ImportFormat,
  bytes: ArrayBuffer,
  fileName: string,
  downscale: Downscale | null = null,
): Promise<ImportedDocument> {
  return importHtml(await fileToHtml(format, bytes), fileName, downscale);
}
