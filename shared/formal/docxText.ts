import { AlignmentType, type IParagraphOptions, LineRuleType, Paragraph, TextRun } from 'docx';
import { BODY_CHAR_SPACING, type FontRole, fontOf, INDENT_TWIPS, LINE_PITCH_TWIPS, SIZE } from './layout';
import type { FormalRun } from './model';

/** How a run is set: its font role and size, and whether the whole paragraph is bold. */
export interface TypeStyle {
  readonly font: FontRole;
  readonly size: number;
  readonly isBold?: boolean;
}

export const BODY_TYPE: TypeStyle = { font: 'body', size: SIZE.body };

/**
 * Characters XML 1.0 forbids (C0 controls but tab and newlines, U+FFFE, U+FFFF, lone surrogates):
 * typed or pasted into a title or a summary, one would make Word refuse the whole file.
 */
const NOT_XML = /\p{Cc}|\p{Cs}|[\uFFFE\uFFFF]/gu;
const KEPT_CONTROLS = '\t\n\r';

function xmlSafe(text: string): string {
  return text.replace(NOT_XML, (character) => (KEPT_CONTROLS.includes(character) ? character : ''));
}

/** The runs of one paragraph, a `\n` in a run becoming a line break. Every run names its fonts and size. */
export function textRuns(runs: readonly FormalRun[], style: TypeStyle): TextRun[] {
  return runs.flatMap((run) =>
    xmlSafe(run.text)
      .split('\n')
      .map(
        (line, index) =>
          new TextRun({
            text: line,
            break: index === 0 ? undefined : 1,
            font: fontOf(style.font),
            size: style.size,
            sizeComplexScript: style.size,
            characterSpacing: style.size === SIZE.body ? BODY_CHAR_SPACING : undefined,
            language: { eastAsia: 'zh-CN' },
            bold: style.isBold === true || run.bold === true ? true : undefined,
            italics: run.italic === true ? true : undefined,
            underline: run.underline === true ? {} : undefined,
            strike: run.strike === true ? true : undefined,
          }),
      ),
  );
}

/** Exact line spacing on the 22-line grid; nothing before or after, as in a typed official document. */
export const GRID_SPACING: IParagraphOptions['spacing'] = {
  line: LINE_PITCH_TWIPS,
  lineRule: LineRuleType.EXACT,
  before: 0,
  after: 0,
};

/** A body paragraph: justified, first line indented by two characters. */
export function bodyParagraph(runs: readonly FormalRun[], style: TypeStyle = BODY_TYPE, indentLevel = 0): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    spacing: GRID_SPACING,
    indent: { firstLine: INDENT_TWIPS, left: indentLevel * INDENT_TWIPS },
    children: textRuns(runs, style),
  });
}

/** A centred line, for titles and the page furniture of covers. */
export function centredParagraph(text: string, style: TypeStyle, options: Partial<IParagraphOptions> = {}): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: GRID_SPACING,
    ...options,
    children: textRuns([{ text }], style),
  });
}

/** An empty line on the grid. */
export function blankLine(): Paragraph {
  return new Paragraph({ spacing: GRID_SPACING, children: textRuns([{ text: '' }], BODY_TYPE) });
}

/**
 * The document title: 小标宋 二号, centred. Its exact spacing is the title's own size plus a little,
 * so a two-line title stays tight, as GB/T 9704 §7.3.3 shows it.
 */
export function titleParagraph(text: string): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { line: SIZE.title * 10 + 160, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
    children: textRuns([{ text }], { font: 'title', size: SIZE.title }),
  });
}
