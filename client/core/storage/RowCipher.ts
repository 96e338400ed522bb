/**
 * Seals the rows of one account's device store (docs/DEVICE.md): authenticated encryption under
 * that account's data key (see core/keys). Synchronous on purpose: a write is issued in the
 * caller's task, so that a tab closing right after a keystroke keeps it (C1), and the
 * transactions of the store never wait on anything outside IndexedDB.
 */
export interface RowCipher {
  /** The row's bytes sealed; `context` (the table's name) must be the same to open them. */
  seal(plain: Uint8Array, context: string): Uint8Array;
  /** The bytes `seal` was given; throws when they were sealed under another key or context, or changed since. */
  open(sealed: Uint8Array, context: string): Uint8Array;
}
