import { describe, expect, it } from 'vitest';
import { decodeRoster } from './decodeRoster';

/** `姓名,用户名,角色,小组\r\n张三,zhangsan,委员,"经济界别、教育界别"\r\n` encoded as GBK. */
const GBK_ROSTER = new Uint8Array([
  208, 213, 195, 251, 44, 211, 195, 187, 167, 195, 251, 44, 189, 199, 201, 171, 44, 208, 161, 215, 233, 13, 10, 213,
  197, 200, 253, 44, 122, 104, 97, 110, 103, 115, 97, 110, 44, 206, 175, 212, 177, 44, 34, 190, 173, 188, 195, 189, 231,
  177, 240, 161, 162, 189, 204, 211, 253, 189, 231, 177, 240, 34, 13, 10,
]);
const TEXT = '姓名,用户名,角色,小组\r\n张三,zhangsan,委员,"经济界别、教育界别"\r\n';

describe('decodeRoster', () => {
  it('reads UTF-8 without a byte order mark', () => {
    expect(decodeRoster(new TextEncoder().encode(TEXT))).toEqual({ ok: true, text: TEXT });
  });

  it('drops the UTF-8 byte order mark that Excel writes', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(TEXT)]);
    expect(decodeRoster(bytes)).toEqual({ ok: true, text: TEXT });
  });

  it('reads GBK when the bytes are not UTF-8', () => {
    expect(decodeRoster(GBK_ROSTER)).toEqual({ ok: true, text: TEXT });
  });

  it('refuses UTF-16 with a hint to save as CSV UTF-8', () => {
    const result = decodeRoster(new Uint8Array([0xff, 0xfe, 0x53, 0x59]));
    expect(result).toMatchObject({ ok: false, message: expect.stringContaining('CSV UTF-8') });
  });

  it('refuses bytes that are neither UTF-8 nor GBK', () => {
    expect(decodeRoster(new Uint8Array([0x81, 0x20, 0xff]))).toMatchObject({ ok: false });
  });
});
