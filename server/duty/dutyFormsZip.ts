import { type Zippable, zipSync } from 'fflate';

/** One member's registration form in the committee's ZIP. */
export interface DutyFormFile {
  readonly name: string;
  readonly bytes: Uint8Array;
}

/** Characters no file system or unzip tool accepts in a name, and control characters. */
const UNSAFE_CHARACTERS = /[\\/:*?"<>|\p{Cc}]/gu;
/** A member's name in a file name: long enough for any real one, short of Windows' 255-character limit. */
const MAX_NAME_PART_LENGTH = 60;

/** A name part without path separators or characters a file system refuses, never empty. */
function safeNamePart(text: string, fallback: string): string {
  const cleaned = text
    .replace(UNSAFE_CHARACTERS, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+|\.+$/g, '')
    .trim();
  const short = [...cleaned].slice(0, MAX_NAME_PART_LENGTH).join('');
  return short === '' ? fallback : short;
}

/** A member's form file: `2026-张三-履职登记表.docx`. */
export function dutyFormFileName(year: number, memberName: string): string {
  return `${year}-${safeNamePart(memberName, '委员')}-履职登记表.docx`;
}

/** The names made safe and unique: a second 张三 gets `（2）` before the extension, a third `（3）`. */
function uniqueNames(names: readonly string[]): string[] {
  const taken = new Set<string>();
  return names.map((name) => {
    const safe = safeNamePart(name, '履职登记表.docx');
    const dot = safe.lastIndexOf('.');
    const [stem, extension] = dot > 0 ? [safe.slice(0, dot), safe.slice(dot)] : [safe, ''];
    let candidate = safe;
    for (let copy = 2; taken.has(candidate.toLowerCase()); copy += 1) {
      candidate = `${stem}（${copy}）${extension}`;
    }
    taken.add(candidate.toLowerCase());
    return candidate;
  });
}

/**
 * The committee's forms in one ZIP, every file at its top level. The DOCX files are stored, not
 * deflated again: they are ZIPs already. fflate marks the names UTF-8, so Chinese names unzip whole.
 */
export function zipDutyForms(files: readonly DutyFormFile[]): Uint8Array {
  const names = uniqueNames(files.map((file) => file.name));
  const entries: Zippable = {};
  files.forEach((file, index) => {
    entries[names[index] ?? file.name] = [file.bytes, { level: 0 }];
  });
  return zipSync(entries);
}
