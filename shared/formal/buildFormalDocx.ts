import { AlignmentType, Document, Footer, type ISectionOptions, PageNumber, Paragraph, TextRun } from 'docx';
import { bodyElements } from './docxBody';
import { formTable } from './docxForm';
import { BODY_TYPE, blankLine, GRID_SPACING, titleParagraph } from './docxText';
import { fontOf, pageProperties, SIZE } from './layout';
import type { FormalDocument, FormalImages } from './model';
import { packDocx } from './packDocx';

/** The footer of every page: "— 1 —" in 宋体 四号, centred, the number a PAGE field. */
export function pageNumberFooter(): Footer {
  const style = { font: fontOf('pageNumber'), size: SIZE.pageNumber, sizeComplexScript: SIZE.pageNumber };
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ ...style, children: ['— ', PageNumber.CURRENT, ' —'] })],
      }),
    ],
  });
}

/** Defaults that make empty paragraphs and anything Word adds later use the body type. */
export const DOCUMENT_STYLES = {
  default: {
    document: {
      run: { font: fontOf(BODY_TYPE.font), size: SIZE.body, sizeComplexScript: SIZE.body },
      paragraph: { spacing: GRID_SPACING },
    },
  },
};

/** A document's content in print order: title, form block, body. */
export function formalElements(document: FormalDocument, images?: FormalImages): ISectionOptions['children'] {
  const form = document.form.length === 0 ? [] : [formTable(document.form), blankLine()];
  return [titleParagraph(document.title), blankLine(), ...form, ...bodyElements(document.body, images)];
}

/** Builds the .docx of one proposal, research report or social-conditions report, its photos embedded. */
export async function buildFormalDocx(
  document: FormalDocument,
  images?: FormalImages,
): Promise<Uint8Array<ArrayBuffer>> {
  const file = new Document({
    title: document.title,
    styles: DOCUMENT_STYLES,
    sections: [
      {
        properties: pageProperties(),
        footers: { default: pageNumberFooter() },
        children: formalElements(document, images),
      },
    ],
  });
  return packDocx(file);
}
