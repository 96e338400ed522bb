import {
  AlignmentType,
  Document,
  HeadingLevel,
  ImageRun,
  LevelFormat,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
} from 'docx';

/**
 * Files the import tests read, made the way Word users make them: a proposal with its title, the
 * template's own section headings, a bulleted and a numbered list, a table, emphasis and a picture.
 * Unit tests and the browser test share them.
 */

/** A 48×32 red PNG. */
export const TEST_PNG = Uint8Array.from(
  atob(
    'iVBORw0KGgoAAAANSUhEUgAAADAAAAAgCAIAAADbtmxLAAAAMUlEQVR42u3OMQ0AAAgDsCmZfynIwgXhaFIBzbSvREhISEhISEhISEhISEhISEjo0gLK4BhbBRYbUQAAAABJRU5ErkJggg==',
  ),
  (char) => char.charCodeAt(0),
);

export const TEST_TITLE = '关于老旧小区加装电梯的建议';

/** A DOCX with a title, headings 1 and 2, both kinds of list, a table, bold, italic and an image. */
export async function testDocx(): Promise<Uint8Array> {
  const doc = new Document({
    numbering: {
      config: [
        {
          reference: 'steps',
          levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.START }],
        },
      ],
    },
    sections: [
      {
        children: [
          new Paragraph({ text: TEST_TITLE, heading: HeadingLevel.TITLE }),
          new Paragraph({ text: '案由', heading: HeadingLevel.HEADING_1 }),
          new Paragraph({
            children: [
              new TextRun('城东片区有'),
              new TextRun({ text: '老旧小区', bold: true }),
              new TextRun('四十余个，'),
              new TextRun({ text: '资金分摊', italics: true }),
              new TextRun('难以协商。'),
            ],
          }),
          new Paragraph({ text: '现状', heading: HeadingLevel.HEADING_2 }),
          new Paragraph({ text: '多层住宅无电梯', bullet: { level: 0 } }),
          new Paragraph({ text: '老年住户比例高', bullet: { level: 0 } }),
          new Table({
            rows: [
              new TableRow({
                children: [
                  new TableCell({ children: [new Paragraph('小区')] }),
                  new TableCell({ children: [new Paragraph('户数')] }),
                ],
              }),
              new TableRow({
                children: [
                  new TableCell({ children: [new Paragraph('幸福里')] }),
                  new TableCell({ children: [new Paragraph('320')] }),
                ],
              }),
            ],
          }),
          new Paragraph({ text: '建议', heading: HeadingLevel.HEADING_1 }),
          new Paragraph({ text: '设立专项补贴', numbering: { reference: 'steps', level: 0 } }),
          new Paragraph({ text: '简化审批流程', numbering: { reference: 'steps', level: 0 } }),
          new Paragraph({
            children: [new ImageRun({ type: 'png', data: TEST_PNG, transformation: { width: 48, height: 32 } })],
          }),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toArrayBuffer(doc));
}

/** The same kind of draft written in Markdown, with raw HTML and links that must not survive. */
export const TEST_MARKDOWN = `# 关于规范社区养老服务的建议

## 案由

社区养老**服务站**覆盖
不足，*运营经费*短缺。详见[民政局通知](https://mz.example.gov.cn/notice)，
[不安全链接](javascript:alert(1))。

<script>alert('x')</script>
<p style="color:red" class="big" onclick="x()">带样式的段落</p>

## 建议

- 增加服务站点
- 稳定运营经费
  - 财政补贴

1. 制定服务标准
2. 建立评估机制

| 街道 | 站点数 |
| --- | --- |
| 城东 | 3 |
| 城西 | 5 |

![服务站](data:image/png;base64,iVBORw0KGgo=)
`;
