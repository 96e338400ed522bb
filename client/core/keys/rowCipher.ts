import { gcm } from '@noble/ciphers/aes.js';
import type { RowCipher } from '../storage';

/** Bytes of a data key: AES-256. */
const DATA_KEY_BYTES = 32;
/** Bytes of the random nonce in front of each sealed row (AES-GCM's standard 96 bits). */
const NONCE_BYTES = 12;
const encoder = new TextEncoder();

/** A new random data key. */
export function newDataKey(): Uint8Array<ArrayBuffer> {
  return crypto.getRandomValues(new Uint8Array(DATA_KEY_BYTES));
}

/**
 * The device store's cipher under one data key: AES-256-GCM with a random nonce per row
 * (`nonce ‖ ciphertext ‖ tag`), the table's name as associated data. The same format as
 * WebCrypto's AES-GCM; computed synchronously (audited `@noble/ciphers`) because WebCrypto only
 * answers later, and a store write must be issued in the caller's task (C1).
 */
export function createRowCipher(dataKey: Uint8Array): RowCipher {
  if (dataKey.byteLength !== DATA_KEY_BYTES) {
    throw new RangeError(`A data key has ${DATA_KEY_BYTES} bytes, not ${dataKey.byteLength}`);
  }
  const key = dataKey.slice();
  return {
    seal(plain, context) {
      const nonce = crypto.getRandomValues(new Uint8Array(NONCE_BYTES));
      const sealed = gcm(key, nonce, encoder.encode(context)).encrypt(plain);
      const out = new Uint8Array(NONCE_BYTES + sealed.byteLength);
      out.set(nonce);
      out.set(sealed, NONCE_BYTES);
      return out;
    },
    open(sealed, context) {
      if (sealed.byteLength < NONCE_BYTES + 16) {
        throw new RangeError('A sealed row is shorter than its nonce and tag');
      }
      const nonce = sealed.subarray(0, NONCE_BYTES);
      return gcm(key, nonce, encoder.encode(context)).decrypt(sealed.subarray(NONCE_BYTES));
    },
  };
}
