import { describe, expect, it } from 'vitest';
import { cleanPastedHtml, isSafeHref } from './cleanPastedHtml';
import { WORD_HTML, WPS_HTML } from './pasteSamples';

describe('cleaning HTML pasted from Word and WPS', () => {
  it('keeps Word’s heading, marks, nested bulleted list and table, and drops styles, classes and Office tags', () => {
    const clean = cleanPastedHtml(WORD_HTML);
    expect(clean).toContain('<h1>关于加装电梯的建议</h1>');
    expect(clean).toContain(
      '<p>城东片区有<strong>老旧小区</strong>四十余个，<strong>资金</strong>分摊<em>难以</em>协商。</p>',
    );
    expect(clean).toContain(
      '<ul><li><p>设立专项补贴</p><ul><li><p>按楼层分摊</p></li></ul></li><li><p>简化审批</p></li></ul>',
    );
    expect(clean).toMatch(/<table>\s*<tr><td><p><strong>小区<\/strong><\/p><\/td>\s*<td><p>户数<\/p><\/td><\/tr>/);
    expect(clean).toContain('<td><p>幸福里</p></td><td><p>320</p></td>');
    expect(clean).toContain('<p>危险链接和<a href="https://www.gov.cn/">政府网</a></p>');
    for (const gone of [
      'style',
      'class',
      'o:p',
      'mso',
      'Symbol',
      'javascript',
      'onclick',
      'WordDocument',
      '·',
      'lang',
    ]) {
      expect(clean).not.toContain(gone);
    }
  });

  it('turns WPS’s numbered list paragraphs into an ordered list and keeps italic and underline from styles', () => {
    const clean = cleanPastedHtml(WPS_HTML);
    expect(clean).toContain('<p><strong>具体建议</strong></p>');
    expect(clean).toContain('<ol><li><p>加大财政投入</p></li><li><p><em>引入社会资本</em></p></li></ol>');
    expect(clean).toContain('<p><u>请审议</u></p>');
    for (const gone of ['style', 'class', 'color', '一、', '二、', 'Kingsoft', '方正']) {
      expect(clean).not.toContain(gone);
    }
  });

  it('drops scripts, event handlers, unsafe links and images, and keeps safe links', () => {
    const clean = cleanPastedHtml(
      '<p onmouseover="x()">正文<script>alert(1)</script><img src="data:image/png;base64,AAAA" onerror="x()"><a href="mailto:a@b.cn">来信</a><a href="data:text/html,hi">数据</a></p>',
    );
    expect(clean).toBe('<p>正文<a href="mailto:a@b.cn">来信</a>数据</p>');
    expect(isSafeHref('HTTPS://example.cn')).toBe(true);
    expect(isSafeHref(' javascript:alert(1)')).toBe(false);
    expect(isSafeHref('vbscript:x')).toBe(false);
  });

  it('starts a new list when Word’s list id changes at the top level', () => {
    const item = (list: string, marker: string, text: string): string =>
      `<p class=MsoListParagraph style='mso-list:${list} level1 lfo1'><span style='mso-list:Ignore'>${marker}</span>${text}</p>`;
    const clean = cleanPastedHtml(`${item('l0', '1.', '甲')}${item('l0', '2.', '乙')}${item('l3', '§', '丙')}`);
    expect(clean).toBe('<ol><li><p>甲</p></li><li><p>乙</p></li></ol><ul><li><p>丙</p></li></ul>');
  });
});
