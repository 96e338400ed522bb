import { describe, expect, it } from 'vitest';
import {
  formatRelayReason,
  parseRelayReason,
  RELAY_REASON_CODES,
  RelayReason,
  RelayReasonCode,
  relayReasonKeyOf,
} from './relayReasons';

/** Websocket close reasons are limited to 123 bytes of UTF-8 (RFC 6455, 5.5). */
const MAX_CLOSE_REASON_BYTES = 123;

describe('relay reasons on the wire (docs/PROTOCOL.md, Reasons)', () => {
  it.each(RELAY_REASON_CODES)('fits %s in a close frame', (code) => {
    expect(new TextEncoder().encode(formatRelayReason(code)).byteLength).toBeLessThanOrEqual(MAX_CLOSE_REASON_BYTES);
  });

  it('gives every reason its own code, made of lowercase letters, digits and underscores', () => {
    expect(new Set(RELAY_REASON_CODES).size).toBe(RELAY_REASON_CODES.length);
    for (const code of RELAY_REASON_CODES) {
      expect(code).toMatch(/^[a-z][a-z0-9_]*$/);
    }
  });

  it('writes the code, a colon and a space, then the sentence, and reads both back', () => {
    expect(formatRelayReason(RelayReasonCode.notInGroup)).toBe(
      "not_in_group: you are not a member of this document's group",
    );
    for (const code of RELAY_REASON_CODES) {
      const { code: read, text } = parseRelayReason(formatRelayReason(code));
      expect(read).toBe(code);
      expect(`${code}: ${text}`).toBe(formatRelayReason(code));
    }
  });

  it('carries a detail in place of the default sentence', () => {
    const wire = formatRelayReason(RelayReasonCode.badFrame, 'truncated sync message: unexpected end of array');
    expect(parseRelayReason(wire)).toEqual({
      code: 'bad_frame',
      text: 'truncated sync message: unexpected end of array',
    });
  });

  it('reads a text with no code as it is, and drops a code this build does not know', () => {
    expect(parseRelayReason(RelayReason.notInGroup)).toEqual({ code: null, text: RelayReason.notInGroup });
    expect(parseRelayReason('bad state vector: out of range')).toEqual({
      code: null,
      text: 'bad state vector: out of range',
    });
    expect(parseRelayReason('document_frozen: the document is frozen')).toEqual({
      code: null,
      text: 'the document is frozen',
    });
    expect(parseRelayReason('')).toEqual({ code: null, text: '' });
  });

  it('names the translation key of the reasons about rights and the workflow only', () => {
    for (const key of Object.keys(RelayReason) as (keyof typeof RelayReason)[]) {
      expect(relayReasonKeyOf(RelayReasonCode[key])).toBe(key);
      expect(parseRelayReason(formatRelayReason(RelayReasonCode[key])).text).toBe(RelayReason[key]);
    }
    expect(relayReasonKeyOf(RelayReasonCode.restarting)).toBeNull();
    expect(relayReasonKeyOf(RelayReasonCode.badFrame)).toBeNull();
  });
});
