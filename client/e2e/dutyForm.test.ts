import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildDutyFormDocx } from '../../shared/formal';
import { SAMPLE_SUMMARY, sampleDutyYear } from '../../shared/formal/test/sampleDutyYear';
import { SCREENSHOT_DIR } from './support/device';
import { convertToPdf, pdfFonts, pdfInfo, pdfText, renderPage } from './support/pdfTools';

/** A4 in PDF points: 210 mm x 297 mm. */
const A4_POINTS = { width: 595, height: 842 };

const scratch = mkdtempSync(path.join(tmpdir(), 'jianyan-duty-form-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('the duty registration form (委员履行职责登记表)', () => {
  it('lays a busy year out on one or two A4 pages that LibreOffice prints with the name, score and summary', async () => {
    const bytes = await buildDutyFormDocx({
      committeeName: '政协某某市委员会',
      answer: sampleDutyYear(),
      confirmerNames: { convener: '李召集人', office: null },
    });
    const docx = path.join(scratch, '2026-张三-履职登记表.docx');
    writeFileSync(docx, bytes);

    const pdf = convertToPdf(docx);
    const info = pdfInfo(pdf);
    expect([Math.round(info.width), Math.round(info.height)]).toEqual([A4_POINTS.width, A4_POINTS.height]);
    expect(info.pages).toBeGreaterThanOrEqual(1);
    expect(info.pages).toBeLessThanOrEqual(2);

    const text = pdfText(pdf).replace(/\s+/g, '');
    for (const part of [
      '政协某某市委员会委员履行职责登记表',
      '（2026年度）',
      '张三',
      '总分65',
      '考核等次称职',
      '李召集人',
      ...SAMPLE_SUMMARY.split('\n'),
    ]) {
      expect(text).toContain(part.replace(/\s+/g, ''));
    }
    // The GB fonts are not installed here: LibreOffice substitutes a CJK font, and the Chinese text survives.
    expect(pdfFonts(pdf).some((name) => /CJK|Han|Hei|Song|Kai|Fang|Ming/i.test(name))).toBe(true);

    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    for (let page = 1; page <= info.pages; page += 1) {
      renderPage(pdf, page, path.join(SCREENSHOT_DIR, `duty-form-page${page}.png`), 80);
    }
  });
});
