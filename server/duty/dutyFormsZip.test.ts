import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { dutyFormFileName, zipDutyForms } from './dutyFormsZip';

const bytes = (text: string) => new TextEncoder().encode(text);

async function readZip(zip: Uint8Array): Promise<Map<string, string>> {
  const read = await JSZip.loadAsync(zip);
  const files = new Map<string, string>();
  for (const [name, entry] of Object.entries(read.files)) {
    files.set(name, await entry.async('string'));
  }
  return files;
}

describe('dutyFormFileName', () => {
  it('names a member’s form by year and name', () => {
    expect(dutyFormFileName(2026, '张三')).toBe('2026-张三-履职登记表.docx');
  });

  it('keeps no path separators, reserved characters or control characters, and never an empty name', () => {
    expect(dutyFormFileName(2026, '../张/三\\:*?"<>|\u0000')).toBe('2026-张 三-履职登记表.docx');
    expect(dutyFormFileName(2026, ' / ')).toBe('2026-委员-履职登记表.docx');
    expect(dutyFormFileName(2026, '长'.repeat(300))).toBe(`2026-${'长'.repeat(60)}-履职登记表.docx`);
  });
});

describe('zipDutyForms', () => {
  it('holds every form at the top level under its UTF-8 name with its bytes unchanged', async () => {
    const zip = zipDutyForms([
      { name: dutyFormFileName(2026, '张三'), bytes: bytes('form of 张三') },
      { name: dutyFormFileName(2026, '李四'), bytes: bytes('form of 李四') },
    ]);
    const files = await readZip(zip);
    expect([...files.keys()]).toEqual(['2026-张三-履职登记表.docx', '2026-李四-履职登记表.docx']);
    expect(files.get('2026-张三-履职登记表.docx')).toBe('form of 张三');
    expect(files.get('2026-李四-履职登记表.docx')).toBe('form of 李四');
  });

  it('numbers the forms of two members who share a name, and makes a name with a slash safe', async () => {
    const zip = zipDutyForms([
      { name: dutyFormFileName(2026, '张三'), bytes: bytes('first') },
      { name: dutyFormFileName(2026, '张三'), bytes: bytes('second') },
      { name: dutyFormFileName(2026, '张三'), bytes: bytes('third') },
      { name: 'a/b.docx', bytes: bytes('slashed') },
    ]);
    const files = await readZip(zip);
    expect([...files.entries()]).toEqual([
      ['2026-张三-履职登记表.docx', 'first'],
      ['2026-张三-履职登记表（2）.docx', 'second'],
      ['2026-张三-履职登记表（3）.docx', 'third'],
      ['a b.docx', 'slashed'],
    ]);
  });

  it('gives an empty ZIP for no forms', async () => {
    expect((await readZip(zipDutyForms([]))).size).toBe(0);
  });
});
