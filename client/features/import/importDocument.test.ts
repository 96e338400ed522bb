import { createHash } from 'node:crypto';
import type { JSONContent } from '@tiptap/core';
import { getSchema } from '@tiptap/core';
import { yXmlFragmentToProsemirrorJSON } from '@tiptap/y-tiptap';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CONTENT_SCHEMA_VERSION, ContentField, DocKind, readSchemaVersion, templateHeadings } from '../../../shared';
import { initialUpdates } from '../../core/workspace';
import { contentExtensions } from '../../editor/createExtensions';
import { importBytes, importHtml } from './importDocument';
import {
  checkImportFile,
  decodeMarkdown,
  ImportError,
  ImportFormat,
  ImportProblem,
  MAX_IMPORT_BYTES,
} from './readImportFile';
import { TEST_MARKDOWN, TEST_PNG, TEST_TITLE, testDocx } from './testFiles';

function buffer(bytes: Uint8Array): ArrayBuffer {
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}

function text(node: JSONContent): string {
  return node.text ?? (node.content ?? []).map(text).join('');
}

/** Each top-level node as its type (with a heading's level) and text. */
function outline(doc: JSONContent): string[] {
  return (doc.content ?? []).map((node) =>
    node.type === 'heading' ? `h${String(node.attrs?.level)}:${text(node)}` : `${node.type ?? ''}:${text(node)}`,
  );
}

function find(doc: JSONContent, type: string): JSONContent[] {
  const found: JSONContent[] = [];
  const walk = (node: JSONContent): void => {
    if (node.type === type) {
      found.push(node);
    }
    (node.content ?? []).forEach(walk);
  };
  walk(doc);
  return found;
}

function problemOf(run: () => unknown): ImportProblem | null {
  try {
    run();
    return null;
  } catch (err) {
    return err instanceof ImportError ? err.problem : null;
  }
}

describe('importing a DOCX', () => {
  it('keeps the title, headings, both lists, the table and emphasis of a Word file', async () => {
    const imported = await importBytes(ImportFormat.docx, buffer(await testDocx()), '草稿.docx');
    expect(imported.title).toBe(TEST_TITLE);
    expect(outline(imported.body)).toEqual([
      'h2:案由',
      'paragraph:城东片区有老旧小区四十余个，资金分摊难以协商。',
      'h3:现状',
      'bulletList:多层住宅无电梯老年住户比例高',
      'table:小区户数幸福里320',
      'h2:建议',
      'orderedList:设立专项补贴简化审批流程',
      'photo:',
    ]);
    const runs = imported.body.content?.[1]?.content ?? [];
    expect(runs.find((run) => run.text === '老旧小区')?.marks).toEqual([{ type: 'bold' }]);
    expect(runs.find((run) => run.text === '资金分摊')?.marks).toEqual([{ type: 'italic' }]);
    expect(find(imported.body, 'listItem')).toHaveLength(4);
    expect(find(imported.body, 'tableRow')).toHaveLength(2);
    expect(find(imported.body, 'tableCell')).toHaveLength(4);
    // The picture is a photo named by the SHA-256 of its bytes, which are kept for the device.
    const sha256 = createHash('sha256').update(TEST_PNG).digest('hex');
    expect(find(imported.body, 'photo')).toEqual([
      { type: 'photo', attrs: { sha256, mediaType: 'image/png', width: 48, height: 32, alt: '' } },
    ]);
    expect(imported.files).toEqual([expect.objectContaining({ sha256, mediaType: 'image/png', bytes: TEST_PNG })]);
    expect(imported.droppedImages).toBe(0);
  });

  it('refuses a file named .docx that is not one', async () => {
    const bytes = new TextEncoder().encode('这不是 Word 文件');
    await expect(importBytes(ImportFormat.docx, buffer(bytes), '假的.docx')).rejects.toMatchObject({
      problem: ImportProblem.badDocx,
    });
    const zipOfNothing = Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0]);
    await expect(importBytes(ImportFormat.docx, buffer(zipOfNothing), '坏的.docx')).rejects.toMatchObject({
      problem: ImportProblem.badDocx,
    });
  });
});

describe('importing Markdown', () => {
  it('keeps headings, nested and numbered lists, the table, emphasis and safe links; drops scripts, styles and unsafe links', async () => {
    const imported = await importBytes(ImportFormat.markdown, buffer(new TextEncoder().encode(TEST_MARKDOWN)), 'a.md');
    expect(imported.title).toBe('关于规范社区养老服务的建议');
    expect(outline(imported.body)).toEqual([
      'h2:案由',
      'paragraph:社区养老服务站覆盖不足，运营经费短缺。详见民政局通知，不安全链接。',
      'paragraph:带样式的段落',
      'h2:建议',
      'bulletList:增加服务站点稳定运营经费财政补贴',
      'orderedList:制定服务标准建立评估机制',
      'table:街道站点数城东3城西5',
    ]);
    const nested = find(imported.body, 'bulletList');
    expect(nested).toHaveLength(2);
    expect(find(imported.body, 'tableHeader')).toHaveLength(2);
    const links = find(imported.body, 'text')
      .flatMap((node) => node.marks ?? [])
      .filter((mark) => mark.type === 'link');
    expect(links).toEqual([
      expect.objectContaining({ attrs: expect.objectContaining({ href: 'https://mz.example.gov.cn/notice' }) }),
    ]);
    const json = JSON.stringify(imported.body);
    for (const gone of ['script', 'alert', 'color', 'class', 'onclick', 'javascript', 'data:image', 'importedImage']) {
      expect(json).not.toContain(gone);
    }
    // Its picture is a truncated PNG: left out, and counted.
    expect(imported.droppedImages).toBe(1);
    expect(imported.files).toEqual([]);
  });

  it('uses the file name when the text starts without a heading, and reads GB18030 files', async () => {
    const imported = await importHtml('<p>正文第一段</p>', '社情民意信息.md');
    expect(imported.title).toBe('社情民意信息');
    const gbk = Uint8Array.from([0xd6, 0xd0, 0xce, 0xc4]); // 中文 in GB18030
    expect(decodeMarkdown(buffer(gbk))).toBe('中文');
  });
});

describe('the imported body in a new document', () => {
  it('replaces the template’s sections, so a proposal with the same headings has each once', async () => {
    const imported = await importBytes(ImportFormat.docx, buffer(await testDocx()), '草稿.docx');
    const doc = new Y.Doc({ gc: false });
    for (const update of initialUpdates(DocKind.proposal, imported.title, imported.content)) {
      Y.applyUpdate(doc, update);
    }
    expect(doc.getText(ContentField.title).toString()).toBe(TEST_TITLE);
    const body = yXmlFragmentToProsemirrorJSON(doc.getXmlFragment(ContentField.body)) as JSONContent;
    expect(outline(body)).toEqual(outline(imported.body));
    expect(outline(body).filter((line) => line === 'h2:案由')).toHaveLength(1);
    for (const heading of templateHeadings(DocKind.proposal).filter((h) => h !== '案由')) {
      expect(outline(body)).not.toContain(`h2:${heading}`);
    }
    // The stored body reads back in the editor's schema.
    expect(() => getSchema(contentExtensions()).nodeFromJSON(body).check()).not.toThrow();
    // It holds a photo: an app that predates photos opens it read-only (C6).
    expect(find(body, 'photo')).toHaveLength(1);
    expect(readSchemaVersion(doc)).toBe(CONTENT_SCHEMA_VERSION);
  });

  it('keeps the template’s schema version when nothing of the newer format comes in', async () => {
    const imported = await importBytes(ImportFormat.markdown, buffer(new TextEncoder().encode(TEST_MARKDOWN)), 'a.md');
    const doc = new Y.Doc({ gc: false });
    const plain = new Y.Doc({ gc: false });
    for (const update of initialUpdates(DocKind.socialInfo, imported.title, imported.content)) {
      Y.applyUpdate(doc, update);
    }
    for (const update of initialUpdates(DocKind.socialInfo, '')) {
      Y.applyUpdate(plain, update);
    }
    expect(find(imported.body, 'photo')).toHaveLength(0);
    expect(readSchemaVersion(doc)).toBe(readSchemaVersion(plain));
    expect(readSchemaVersion(doc)).toBeLessThan(CONTENT_SCHEMA_VERSION);
  });
});

describe('checking a file before reading it', () => {
  it('refuses large files, old binary formats and other files with their own reasons', () => {
    expect(checkImportFile({ name: '提案.DOCX', size: 1000 })).toBe(ImportFormat.docx);
    expect(checkImportFile({ name: 'notes.markdown', size: 10 })).toBe(ImportFormat.markdown);
    expect(problemOf(() => checkImportFile({ name: '大.docx', size: MAX_IMPORT_BYTES + 1 }))).toBe(
      ImportProblem.tooLarge,
    );
    expect(problemOf(() => checkImportFile({ name: '旧.doc', size: 10 }))).toBe(ImportProblem.legacyFormat);
    expect(problemOf(() => checkImportFile({ name: '稿.wps', size: 10 }))).toBe(ImportProblem.legacyFormat);
    expect(problemOf(() => checkImportFile({ name: '图.png', size: 10 }))).toBe(ImportProblem.unsupported);
    expect(problemOf(() => checkImportFile({ name: '空.md', size: 0 }))).toBe(ImportProblem.empty);
    expect(problemOf(() => decodeMarkdown(buffer(Uint8Array.from([0x89, 0x50, 0x00, 0x47]))))).toBe(
      ImportProblem.notText,
    );
  });
});
