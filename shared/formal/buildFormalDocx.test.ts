import { describe, expect, it } from 'vitest';
import { buildCompilationDocx } from './buildCompilationDocx';
import { buildFormalDocx } from './buildFormalDocx';
import { buildReplyCoverDocx } from './buildReplyCoverDocx';
import { plainText, readDocx } from './test/readDocx';
import { sampleProposal, sampleReport } from './test/sampleDocuments';

describe('buildFormalDocx', () => {
  it('sets an A4 page with the GB/T 9704 margins and a 22-line grid', async () => {
    const { document } = await readDocx(await buildFormalDocx(sampleProposal()));
    expect(document).toContain('<w:pgSz w:w="11906" w:h="16838"');
    // 37, 26, 35 and 28 mm in twips.
    expect(document).toMatch(/<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"/);
    expect(document).toContain('<w:docGrid w:type="lines" w:linePitch="579"/>');
    expect(document).toContain('<w:spacing w:after="0" w:before="0" w:line="579" w:lineRule="exact"/>');
  });

  it('names the Chinese fonts as East Asian fonts with the sizes of 二号 and 三号', async () => {
    const { document } = await readDocx(await buildFormalDocx(sampleProposal()));
    const fonts = (name: string) => new RegExp(`<w:rFonts [^>]*w:eastAsia="${name}"[^>]*/>`);
    expect(document).toMatch(fonts('方正小标宋简体'));
    expect(document).toMatch(fonts('仿宋_GB2312'));
    expect(document).toMatch(fonts('黑体'));
    expect(document).toMatch(fonts('楷体_GB2312'));
    expect(document).toContain('<w:sz w:val="44"/>');
    expect(document).toContain('<w:sz w:val="32"/>');
    // The title run: 小标宋 at 22 pt.
    expect(document).toMatch(/w:eastAsia="方正小标宋简体"[^>]*\/><w:sz w:val="44"\/>/);
  });

  it('prints the title, the form labels with their values and the body', async () => {
    const { document } = await readDocx(await buildFormalDocx(sampleProposal()));
    const text = plainText(document);
    expect(text.startsWith('关于加快老旧小区加装电梯的建议')).toBe(true);
    for (const label of ['案由', '提案人', '联名人', '界别', '类别', '建议承办单位']) {
      expect(text).toContain(label);
    }
    expect(text).toContain('提案人张委员');
    expect(text).toContain('1. 设立专项补贴资金。');
    expect(document).toContain('<w:tblBorders>');
  });

  it('drops characters XML 1.0 forbids, which would make Word refuse the file, and keeps the rest', async () => {
    const { document } = await readDocx(
      await buildFormalDocx(sampleProposal('关于\u0001加装\u000b电梯\uFFFF的\uD800建议😀')),
    );
    expect(plainText(document).startsWith('关于加装电梯的建议😀')).toBe(true);
  });

  it('embeds a photo centred, with its caption centred under it in 四号, and names a missing one by its caption', async () => {
    const sha256 = 'c'.repeat(64);
    const photo = {
      type: 'photo',
      sha256,
      mediaType: 'image/png',
      width: 4,
      height: 3,
      alt: '图1 河口镇断桥现状',
    } as const;
    const document = { ...sampleProposal(), body: [photo] };
    const png = Uint8Array.from(
      atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg=='),
      (char) => char.charCodeAt(0),
    );
    const embedded = (await readDocx(await buildFormalDocx(document, new Map([[sha256, png]])))).document;
    expect(embedded).toContain('descr="图1 河口镇断桥现状"');
    expect(embedded).toMatch(/<w:jc w:val="center"\/>.*<w:sz w:val="28"\/>.*图1 河口镇断桥现状<\/w:t>/s);
    const missing = (await readDocx(await buildFormalDocx(document))).document;
    expect(plainText(missing)).toContain('[图1 河口镇断桥现状]');
  });

  it('numbers the pages "— 1 —" in 宋体 四号 from a PAGE field in the footer', async () => {
    const { footers } = await readDocx(await buildFormalDocx(sampleProposal()));
    expect(footers).toMatch(/<w:instrText[^>]*>PAGE<\/w:instrText>/);
    expect(footers).toContain('— ');
    expect(footers).toContain(' —');
    expect(footers).toMatch(/w:eastAsia="宋体"[^>]*\/><w:sz w:val="28"\/>/);
    expect(footers).toContain('<w:jc w:val="center"/>');
  });
});

describe('buildCompilationDocx', () => {
  it('lists every proposal in number order in the contents and starts each on a new page', async () => {
    const entries = ['第0100号', '第0012号', '第0003号'].map((number) => ({
      number,
      document: sampleProposal(`提案${number}`),
    }));
    const parts = await readDocx(
      await buildCompilationDocx({ sessionName: '政协某市第十四届委员会第三次会议', entries }),
    );
    const text = plainText(parts.document);
    expect(text.startsWith('政协某市第十四届委员会第三次会议提案汇编目　录')).toBe(true);
    const order = ['第0003号', '第0012号', '第0100号'].map((number) => text.indexOf(`${number}　提案${number}`));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(parts.document.match(/PAGEREF proposal_\d+/g)).toHaveLength(3);
    expect(parts.document.match(/<w:bookmarkStart [^>]*w:name="proposal_\d+"/g)).toHaveLength(3);
    // The contents and each proposal start a page.
    expect(parts.document.match(/<w:pageBreakBefore\/>/g)).toHaveLength(4);
    expect(parts.settings).toContain('<w:updateFields/>');
  });
});

describe('buildReplyCoverDocx', () => {
  it('prints the unit, the proposal number and title, the class and the date', async () => {
    const { document } = await readDocx(
      await buildReplyCoverDocx({
        unitName: '市住房和城乡建设局',
        proposalNumber: '第0012号',
        proposalTitle: '关于加快老旧小区加装电梯的建议',
        replyClass: 'B',
        date: '2026年12月4日',
      }),
    );
    const text = plainText(document);
    expect(text).toContain('B类');
    expect(text).toContain('关于政协第0012号提案的答复函');
    expect(text).toContain('提案标题关于加快老旧小区加装电梯的建议');
    expect(text).toContain('答复类别B类（所提问题正在解决或已列入计划逐步解决）');
    expect(text).toContain('答复日期2026年12月4日');
    expect(document).toContain('<w:pgSz w:w="11906" w:h="16838"');
  });

  it('builds a 20,000-character report', async () => {
    const report = sampleReport(20_000);
    const { document } = await readDocx(await buildFormalDocx(report));
    expect(plainText(document).length).toBeGreaterThan(20_000);
  });
});
