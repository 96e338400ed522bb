import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ContentField, DocKind } from '../domain/documentSchema';
import { templateUpdate } from '../domain/templates';
import { contentBlocksOf } from './fromContentDoc';
import { toMarkdown } from './toMarkdown';

function element(name: string, children: Array<Y.XmlElement | Y.XmlText>, attributes: Record<string, unknown> = {}) {
  const node = new Y.XmlElement(name);
  for (const [key, value] of Object.entries(attributes)) {
    node.setAttribute(key, value as string);
  }
  node.insert(0, children);
  return node;
}

function text(value: string, attributes?: Record<string, unknown>): Y.XmlText {
  const node = new Y.XmlText();
  node.insert(0, value, attributes);
  return node;
}

function paragraph(value: string): Y.XmlElement {
  return element('paragraph', [text(value)]);
}

describe('contentBlocksOf', () => {
  it('reads the title and the body of a template as headings and empty paragraphs', () => {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, templateUpdate('proposal'));
    doc.getText(ContentField.title).insert(0, '  关于加装电梯的建议 ');
    const { title, body } = contentBlocksOf(doc);
    expect(title).toBe('关于加装电梯的建议');
    expect(body[0]).toEqual({ type: 'heading', level: 2, runs: [{ text: '案由' }] });
    expect(body[1]).toEqual({ type: 'paragraph', runs: [] });
    expect(body).toHaveLength(10);
  });

  it('keeps bold and italic marks as runs and turns hard breaks into line breaks', () => {
    const doc = new Y.Doc();
    const line = new Y.XmlText();
    line.insert(0, '普通');
    line.insert(2, '加粗', { bold: {} });
    line.insert(4, '斜体', { italic: {}, comment: { id: 'c1' } });
    doc
      .getXmlFragment(ContentField.body)
      .insert(0, [
        element('heading', [text('一、总体情况')], { level: 1 }),
        element('paragraph', [line, element('hardBreak', []), text('下一行')]),
      ]);
    expect(contentBlocksOf(doc).body).toEqual([
      { type: 'heading', level: 1, runs: [{ text: '一、总体情况' }] },
      {
        type: 'paragraph',
        runs: [
          { text: '普通' },
          { text: '加粗', bold: true },
          { text: '斜体', italic: true },
          { text: '\n' },
          { text: '下一行' },
        ],
      },
    ]);
  });

  it('reads nested lists, tables and block quotes, and skips horizontal rules', () => {
    const doc = new Y.Doc();
    const nested = element('bulletList', [element('listItem', [paragraph('子项')])]);
    doc
      .getXmlFragment(ContentField.body)
      .insert(0, [
        element('orderedList', [
          element('listItem', [paragraph('第一'), nested]),
          element('listItem', [paragraph('第二')]),
        ]),
        element('horizontalRule', []),
        element('table', [
          element('tableRow', [element('tableHeader', [paragraph('项目')]), element('tableCell', [paragraph('金额')])]),
        ]),
        element('blockquote', [paragraph('引文')]),
      ]);
    expect(contentBlocksOf(doc).body).toEqual([
      {
        type: 'list',
        isOrdered: true,
        items: [
          {
            blocks: [
              { type: 'paragraph', runs: [{ text: '第一' }] },
              {
                type: 'list',
                isOrdered: false,
                items: [{ blocks: [{ type: 'paragraph', runs: [{ text: '子项' }] }] }],
              },
            ],
          },
          { blocks: [{ type: 'paragraph', runs: [{ text: '第二' }] }] },
        ],
      },
      { type: 'table', rows: [[[{ text: '项目' }], [{ text: '金额' }]]] },
      { type: 'paragraph', runs: [{ text: '引文' }] },
    ]);
  });
});

describe('contentBlocksOf with photos and attachments (RULES.md D8)', () => {
  it('reads a photo as a photo block and an attachment as its name, and Markdown embeds the photo', () => {
    const doc = new Y.Doc();
    const body = doc.getXmlFragment(ContentField.body);
    const photo = new Y.XmlElement('photo');
    const sha256 = 'b'.repeat(64);
    for (const [key, value] of Object.entries({ sha256, mediaType: 'image/png', width: 4, height: 3, alt: '村口' })) {
      photo.setAttribute(key, value as string);
    }
    const link = new Y.XmlElement('fileLink');
    for (const [key, value] of Object.entries({ sha256, name: '名单.xlsx', mediaType: 'image/png', size: 9 })) {
      link.setAttribute(key, value as string);
    }
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [new Y.XmlText('附件：'), link]);
    body.insert(0, [photo, paragraph]);
    const { body: blocks } = contentBlocksOf(doc);
    expect(blocks).toEqual([
      { type: 'photo', sha256, mediaType: 'image/png', width: 4, height: 3, alt: '村口' },
      { type: 'paragraph', runs: [{ text: '附件：' }, { text: '名单.xlsx' }] },
    ]);
    const formal = { kind: DocKind.socialInfo, title: 'T', form: [], body: blocks };
    expect(toMarkdown(formal)).toContain('\\[村口\\]');
    expect(toMarkdown(formal, new Map([[sha256, new Uint8Array([1, 2, 3])]]))).toContain(
      '![村口](data:image/png;base64,AQID)',
    );
  });
});
