import { describe, expect, it } from 'vitest';
import type { BackupRows, BackupTally } from '../storage';
import {
  BACKUP_FORMAT,
  BackupError,
  BackupErrorCode,
  backupFileName,
  inspectBackup,
  readBackup,
  writeBackup,
} from './backupFile';

const ITERATIONS = 1000;
const OWNER = { userId: 'user-1', username: 'wang.fang' };
const PASSWORD = '正确的密码 correct horse';

const ROWS: BackupRows = {
  tables: {
    updates: [
      { seq: 1, docId: 'doc-a', update: new Uint8Array([1, 2, 3]) },
      { seq: 2, docId: 'doc-a.comments', update: new Uint8Array([4, 5]) },
    ],
    unsent: [{ seq: 7, docId: 'doc-a', update: new Uint8Array([1, 2, 3]) }],
    docs: [{ id: 'doc-a', title: '关于加强乡村学校建设的提案', updatedAt: 1, record: null }],
    outbox: [{ seq: 3, docId: 'doc-a', userId: 'user-1', op: 'registerDoc', payload: { id: 'doc-a' }, createdAt: 5 }],
  },
};
const TALLY: BackupTally = { documents: 1, unsentUpdates: 1, queuedOperations: 1, rows: 5 };

function write(rows = ROWS): Promise<Uint8Array<ArrayBuffer>> {
  return writeBackup(rows, TALLY, OWNER, PASSWORD, { iterations: ITERATIONS, now: Date.UTC(2026, 11, 5) });
}

async function codeOf(promise: Promise<unknown> | (() => unknown)): Promise<string> {
  try {
    await (typeof promise === 'function' ? promise() : promise);
  } catch (err) {
    return err instanceof BackupError ? err.code : `not a BackupError: ${String(err)}`;
  }
  return 'no error';
}

/** A file whose header was rewritten by `change`, its length updated. */
function withHeader(file: Uint8Array, change: (header: Record<string, unknown>) => void): Uint8Array {
  const length = new DataView(file.buffer, file.byteOffset).getUint32(8);
  const header = JSON.parse(new TextDecoder().decode(file.subarray(12, 12 + length))) as Record<string, unknown>;
  change(header);
  const bytes = new TextEncoder().encode(JSON.stringify(header));
  const out = new Uint8Array(12 + bytes.byteLength + file.byteLength - 12 - length);
  out.set(file.subarray(0, 8), 0);
  new DataView(out.buffer).setUint32(8, bytes.byteLength);
  out.set(bytes, 12);
  out.set(file.subarray(12 + length), 12 + bytes.byteLength);
  return out;
}

describe('the backup file', () => {
  it('round-trips every row, bytes included, and says what it holds before the password', async () => {
    const file = await write();
    const { header } = inspectBackup(file);
    expect(header).toMatchObject({
      app: 'jianyan',
      format: BACKUP_FORMAT,
      userId: 'user-1',
      username: 'wang.fang',
      createdAt: Date.UTC(2026, 11, 5),
      tally: TALLY,
      kdf: { name: 'PBKDF2-SHA-256', iterations: ITERATIONS },
    });
    const opened = await readBackup(file, PASSWORD, 'user-1');
    expect(opened.rows).toEqual(ROWS);
    expect(opened.rows.tables.updates?.[0]).toMatchObject({ update: new Uint8Array([1, 2, 3]) });
  });

  it('keeps no title or text readable in the file', async () => {
    const file = await write();
    const text = new TextDecoder().decode(file);
    expect(text).not.toContain('乡村学校');
    expect(text).not.toContain('registerDoc');
  });

  it('uses a fresh salt and nonce each time', async () => {
    const [a, b] = [inspectBackup(await write()).header, inspectBackup(await write()).header];
    expect(a.kdf.salt).not.toBe(b.kdf.salt);
    expect(a.cipher.nonce).not.toBe(b.cipher.nonce);
  });

  it('refuses a wrong password', async () => {
    expect(await codeOf(readBackup(await write(), 'wrong password', 'user-1'))).toBe(BackupErrorCode.wrongPassword);
  });

  it('refuses a backup of another member and names them', async () => {
    const err = await readBackup(await write(), PASSWORD, 'user-2').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BackupError);
    expect(err).toMatchObject({ code: BackupErrorCode.otherUser, username: 'wang.fang' });
  });

  it('says a file cut short is cut short, wherever it was cut', async () => {
    const file = await write();
    for (const length of [10, 20, file.byteLength - 1, file.byteLength - 100]) {
      expect(await codeOf(() => inspectBackup(file.subarray(0, length)))).toBe(BackupErrorCode.truncated);
    }
    expect(await codeOf(readBackup(file.subarray(0, file.byteLength - 1), PASSWORD, 'user-1'))).toBe(
      BackupErrorCode.truncated,
    );
  });

  it('says a changed byte in the payload is damage, not a wrong password', async () => {
    const file = await write();
    const changed = file.slice();
    changed[changed.byteLength - 30] = (changed[changed.byteLength - 30] ?? 0) ^ 0xff;
    expect(await codeOf(readBackup(changed, PASSWORD, 'user-1'))).toBe(BackupErrorCode.damaged);
  });

  it('does not open when its header was changed (the counts shown are the ones sealed)', async () => {
    const file = withHeader(await write(), (header) => {
      header.tally = { ...TALLY, unsentUpdates: 99 };
    });
    expect(inspectBackup(file).header.tally.unsentUpdates).toBe(99);
    expect(await codeOf(readBackup(file, PASSWORD, 'user-1'))).toBe(BackupErrorCode.damaged);
  });

  it('refuses a file of a newer format before asking for the password', async () => {
    const file = withHeader(await write(), (header) => {
      header.format = BACKUP_FORMAT + 1;
      header.somethingNew = true;
    });
    expect(await codeOf(() => inspectBackup(file))).toBe(BackupErrorCode.newerFormat);
    expect(await codeOf(readBackup(file, PASSWORD, 'user-1'))).toBe(BackupErrorCode.newerFormat);
  });

  it('refuses what is not a backup, and a header that makes no sense', async () => {
    expect(await codeOf(() => inspectBackup(new TextEncoder().encode('PK\u0003\u0004 a zip file')))).toBe(
      BackupErrorCode.notBackup,
    );
    expect(await codeOf(() => inspectBackup(new Uint8Array()))).toBe(BackupErrorCode.notBackup);
    const weak = withHeader(await write(), (header) => {
      header.kdf = { name: 'PBKDF2-SHA-256', iterations: 1, salt: 'AAAA' };
    });
    expect(await codeOf(() => inspectBackup(weak))).toBe(BackupErrorCode.damaged);
    const extra = await write();
    const longer = new Uint8Array(extra.byteLength + 1);
    longer.set(extra);
    expect(await codeOf(() => inspectBackup(longer))).toBe(BackupErrorCode.damaged);
  });

  it('is named 建言备份-<用户名>-<日期>.jianyan', () => {
    expect(backupFileName('wang.fang', new Date(2026, 11, 5, 23, 59))).toBe('建言备份-wang.fang-2026-12-05.jianyan');
    expect(backupFileName('a/b:c', new Date(2026, 0, 9))).toBe('建言备份-a_b_c-2026-01-09.jianyan');
  });
});
