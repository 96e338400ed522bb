import type { UserId } from '../../../shared';
import type { Me } from '../../../shared/api/schemas';

/** The account signed in on this device: kept while offline, removed by signing out. */
export interface AccountRow {
  readonly me: Me;
  /** The server refused the session (401, relay 4401): sign in again; nothing local is lost. */
  readonly isExpired: boolean;
  readonly savedAt: number;
}

/** A data key sealed by another key (AES-GCM): its nonce and the sealed bytes. */
export interface WrappedKey {
  readonly iv: Uint8Array;
  readonly sealed: Uint8Array;
}

/**
 * How one account's data key is kept on this device (docs/DEVICE.md): never in the clear, only
 * wrapped, by a key made from the password (offline unlock), by the server's device key for the
 * account (an online start needs nothing), and on the member's own device by a non-extractable
 * key that never leaves this browser (an offline reload needs nothing).
 */
export interface KeyringRow {
  readonly userId: UserId;
  readonly password: (WrappedKey & { readonly salt: Uint8Array; readonly iterations: number }) | null;
  readonly server: WrappedKey | null;
  readonly device: (WrappedKey & { readonly key: CryptoKey }) | null;
}

/**
 * What the device keeps before anyone's data is opened: who is signed in, and a sign-out made
 * offline that the server has not heard yet. Each account's documents live in a store of their
 * own (`DeviceStore`), opened only for that account.
 */
export interface DeviceAccounts {
  /** The account signed in on this device; null when nobody is (or the stored row is not valid). */
  read(): Promise<AccountRow | null>;
  /** Stores the signed-in account. */
  save(me: Me, isExpired: boolean, now: number): Promise<void>;
  /** Nobody is signed in on this device any more. */
  clear(): Promise<void>;
  /**
   * A sign-out the server has not heard yet (made offline): the next start sends it before
   * anything else, so the old session cookie never signs anyone in again. Null when there is none.
   */
  readPendingSignOut(): Promise<{ readonly userId: UserId | null; readonly at: number } | null>;
  setPendingSignOut(pending: { readonly userId: UserId | null; readonly at: number } | null): Promise<void>;
  /** The keyring of an account's data key on this device; null when there is none (or it is not valid). */
  readKeyring(userId: UserId): Promise<KeyringRow | null>;
  saveKeyring(row: KeyringRow): Promise<void>;
  /**
   * Calls `onChange` when another tab of this browser signed someone in or out (this tab's own
   * writes are not reported). Returns a function that stops it.
   */
  watchOtherTabs(onChange: () => void): () => void;
  /** Removes everything one account kept on this device, its keyring too (公用电脑，清除本机数据). */
  deleteAccountData(userId: UserId): Promise<void>;
  close(): void;
}
