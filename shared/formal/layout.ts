import type { IRunOptions, ISectionPropertiesOptions } from 'docx';

/**
 * Page and type of a formal document, after GB/T 9704-2012 (党政机关公文格式): A4, fixed margins,
 * a 22-line by 28-character type area, the title in 小标宋 二号, the body in 仿宋 三号 and page
 * numbers in 宋体 四号 as "— 1 —".
 */
const TWIPS_PER_MM = 1440 / 25.4;

export function mmToTwips(mm: number): number {
  return Math.round(mm * TWIPS_PER_MM);
}

/** A4 in twips (210 mm x 297 mm), the values Word writes itself. */
export const A4_TWIPS = { width: 11906, height: 16838 } as const;

/** 天头 37 mm, 订口 28 mm; what remains is the 156 mm x 225 mm type area of GB/T 9704 §5.2.1. */
export const MARGINS_MM = { top: 37, bottom: 35, left: 28, right: 26 } as const;

/** The page number sits about 7 mm under the type area (GB/T 9704 §7.5): footer distance from the page edge. */
const FOOTER_MM = 25;

/** GB/T 9704 §5.2.2: 22 lines a page, 28 characters a line, in the 三号 body type. */
export const LINES_PER_PAGE = 22;
export const CHARS_PER_LINE = 28;

/** The type area inside the margins, in twips. */
export const TYPE_AREA_TWIPS = {
  width: A4_TWIPS.width - mmToTwips(MARGINS_MM.left) - mmToTwips(MARGINS_MM.right),
  height: A4_TWIPS.height - mmToTwips(MARGINS_MM.top) - mmToTwips(MARGINS_MM.bottom),
};

/** Exact line spacing, so that 22 lines fill the type area: about 28.9 pt. */
export const LINE_PITCH_TWIPS = Math.floor(TYPE_AREA_TWIPS.height / LINES_PER_PAGE);

/** Font sizes in half-points (w:sz): 二号 22 pt, 三号 16 pt, 四号 14 pt (page numbers and a photo's caption). */
export const SIZE = { title: 44, body: 32, pageNumber: 28, caption: 28 } as const;

/**
 * Letter spacing of body type in twentieths of a point (w:spacing on each run): 28 characters of
 * 16 pt are 448 pt, a little more than the 156 mm line, so each is set 0.25 pt tighter. Word would
 * do this with a character grid (w:docGrid w:charSpace), but LibreOffice spreads such a grid's
 * characters far apart; letter spacing gives 28 to a line in both.
 */
export const BODY_CHAR_SPACING = Math.floor(TYPE_AREA_TWIPS.width / CHARS_PER_LINE - SIZE.body * 10);

/** Latin letters and digits in Times New Roman, as Chinese official documents set them. */
const LATIN_FONT = 'Times New Roman';

/** The Chinese fonts by role; renderers without them fall back to a serif or sans CJK font. */
export const CJK_FONT = {
  title: '方正小标宋简体',
  body: '仿宋_GB2312',
  heading1: '黑体',
  heading2: '楷体_GB2312',
  pageNumber: '宋体',
} as const;
export type FontRole = keyof typeof CJK_FONT;

/** Run properties naming the role's Chinese font for East Asian text (w:eastAsia), so Word and WPS use it. */
export function fontOf(role: FontRole): NonNullable<IRunOptions['font']> {
  const cjk = CJK_FONT[role];
  return { ascii: LATIN_FONT, hAnsi: LATIN_FONT, cs: LATIN_FONT, eastAsia: cjk, hint: 'eastAsia' };
}

/** Two characters of body type: the first-line indent of every body paragraph. */
export const INDENT_TWIPS = SIZE.body * 10 * 2;

/** The section properties of every formal document: A4, the margins and the 22-line grid. */
export function pageProperties(): ISectionPropertiesOptions {
  return {
    page: {
      size: { width: A4_TWIPS.width, height: A4_TWIPS.height },
      margin: {
        top: mmToTwips(MARGINS_MM.top),
        bottom: mmToTwips(MARGINS_MM.bottom),
        left: mmToTwips(MARGINS_MM.left),
        right: mmToTwips(MARGINS_MM.right),
        header: mmToTwips(15),
        footer: mmToTwips(FOOTER_MM),
        gutter: 0,
      },
    },
    grid: { type: 'lines', linePitch: LINE_PITCH_TWIPS },
  };
}

/** Pixels per millimetre as Word places images (96 per inch). */
const PX_PER_MM = 96 / 25.4;
/** The type area in image pixels: 156 mm x 225 mm. */
export const TYPE_AREA_PX = {
  width: Math.floor((210 - MARGINS_MM.left - MARGINS_MM.right) * PX_PER_MM),
  height: Math.floor((297 - MARGINS_MM.top - MARGINS_MM.bottom) * PX_PER_MM),
} as const;

/**
 * The size a photo prints at: as wide as the type area, its proportions kept, and shorter than a
 * page so that it never spills over one (a tall photo is narrowed instead).
 */
export function printedPhotoPx(width: number, height: number): { width: number; height: number } {
  const scale = Math.min(TYPE_AREA_PX.width / width, (TYPE_AREA_PX.height * 0.8) / height);
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}
