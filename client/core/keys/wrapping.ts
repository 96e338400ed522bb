import type { WrappedKey } from '../storage';

/**
 * Wrapping a data key with WebCrypto (docs/DEVICE.md): AES-256-GCM under a key made from the
 * password (PBKDF2-SHA-256), the server's device key, or a non-extractable key of this browser.
 * The associated data names the account and the wrapping, so that a wrapped key copied to another
 * account's keyring or slot does not open.
 */

/** PBKDF2 rounds for a new password wrapping: the OWASP figure for PBKDF2-HMAC-SHA-256. */
export const PASSWORD_ITERATIONS = 600_000;
const SALT_BYTES = 16;
const IV_BYTES = 12;
const AES_GCM = { name: 'AES-GCM', length: 256 } as const;
const encoder = new TextEncoder();

/** What a wrapping is bound to: the account and which of its keys wraps. */
export type WrappingContext = `${'password' | 'server' | 'device'}:${string}`;

export function newSalt(): Uint8Array<ArrayBuffer> {
  return crypto.getRandomValues(new Uint8Array(SALT_BYTES));
}

/** The key a password makes; slow on purpose (`iterations` PBKDF2 rounds). */
export async function keyFromPassword(
  password: string,
  salt: Uint8Array<ArrayBuffer>,
  iterations: number,
): Promise<CryptoKey> {
  const material = await crypto.subtle.importKey('raw', encoder.encode(password), 'PBKDF2', false, ['deriveKey']);
  return crypto.subtle.deriveKey({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, material, AES_GCM, false, [
    'encrypt',
    'decrypt',
  ]);
}

/** The server's device key (32 bytes) as a key that wraps. */
export function importWrappingKey(raw: Uint8Array<ArrayBuffer>): Promise<CryptoKey> {
  return crypto.subtle.importKey('raw', raw, AES_GCM, false, ['encrypt', 'decrypt']);
}

/** A key of this browser alone: it can wrap and unwrap, and no script can read it out. */
export function newDeviceKey(): Promise<CryptoKey> {
  return crypto.subtle.generateKey(AES_GCM, false, ['encrypt', 'decrypt']);
}

export async function wrapKey(
  dataKey: Uint8Array<ArrayBuffer>,
  by: CryptoKey,
  context: WrappingContext,
): Promise<WrappedKey> {
  const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
  const additionalData = encoder.encode(context);
  const sealed = await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData }, by, dataKey);
  return { iv, sealed: new Uint8Array(sealed) };
}

/** The data key, or null when `by` is not the key it was wrapped with (or the wrapping changed). */
export async function unwrapKey(
  wrapped: WrappedKey,
  by: CryptoKey,
  context: WrappingContext,
): Promise<Uint8Array<ArrayBuffer> | null> {
  try {
    const plain = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: new Uint8Array(wrapped.iv), additionalData: encoder.encode(context) },
      by,
      new Uint8Array(wrapped.sealed),
    );
    return new Uint8Array(plain);
  } catch {
    return null;
  }
}
