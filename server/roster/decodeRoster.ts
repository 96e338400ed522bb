/** A roster file as text, or why it cannot be read. */
export type DecodedRoster =
  | { readonly ok: true; readonly text: string }
  | { readonly ok: false; readonly reason: 'utf16' | 'unknown_encoding'; readonly message: string };

const UTF8_BOM = [0xef, 0xbb, 0xbf] as const;

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((byte, index) => bytes[index] === byte);
}

/**
 * Decodes a roster file as spreadsheets save it: UTF-8 with or without a byte order mark, or
 * GBK (what Excel writes for "CSV" on a Chinese Windows). Bytes that are valid UTF-8 are read as
 * UTF-8; GBK text is almost never valid UTF-8, so anything else is read as GBK.
 */
export function decodeRoster(bytes: Uint8Array): DecodedRoster {
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) {
    return {
      ok: false,
      reason: 'utf16',
      message: 'the file is UTF-16 ("Unicode text"); save it as "CSV UTF-8 (comma delimited)" instead',
    };
  }
  const body = startsWith(bytes, UTF8_BOM) ? bytes.subarray(UTF8_BOM.length) : bytes;
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body) };
  } catch {
    // Not UTF-8: fall through to GBK.
  }
  try {
    return { ok: true, text: new TextDecoder('gbk', { fatal: true }).decode(bytes) };
  } catch {
    return {
      ok: false,
      reason: 'unknown_encoding',
      message: 'the file is neither UTF-8 nor GBK text; save it as "CSV UTF-8 (comma delimited)"',
    };
  }
}
