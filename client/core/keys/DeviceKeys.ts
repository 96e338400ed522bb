import type { UserId } from '../../../shared';
import type { ApiClient } from '../api';
import type { Diagnostics } from '../diagnostics';
import { ClientError, ClientErrorCode, hasErrorCode } from '../errors';
import { createStore, type Store } from '../lib';
import type { DeviceAccounts, KeyringRow, RowCipher, WrappedKey } from '../storage';
import { createRowCipher, newDataKey } from './rowCipher';
import {
  importWrappingKey,
  keyFromPassword,
  newDeviceKey,
  newSalt,
  PASSWORD_ITERATIONS,
  unwrapKey,
  type WrappingContext,
  wrapKey,
} from './wrapping';

/** Whether the signed-in account's data on this device can be read. */
export type KeyState =
  | { readonly status: 'none' }
  | { readonly status: 'opening'; readonly userId: UserId }
  /** Offline with no key kept on this device: the password of the last sign-in here opens it. */
  | { readonly status: 'locked'; readonly userId: UserId }
  | { readonly status: 'open'; readonly userId: UserId; readonly cipher: RowCipher; readonly isKeptHere: boolean }
  /** The keyring could not be read or written (IndexedDB failed); trying again may work. */
  | { readonly status: 'failed'; readonly userId: UserId };

export interface DeviceKeysOptions {
  readonly keyrings: Pick<DeviceAccounts, 'readKeyring' | 'saveKeyring'>;
  readonly api: Pick<ApiClient, 'deviceKey'>;
  readonly diagnostics: Diagnostics;
  /** PBKDF2 rounds for a new password wrapping; tests use fewer. */
  readonly passwordIterations?: number;
}

const context = {
  password: (userId: UserId): WrappingContext => `password:${userId}`,
  server: (userId: UserId): WrappingContext => `server:${userId}`,
  device: (userId: UserId): WrappingContext => `device:${userId}`,
};

/** What opening found: the data key, and the keyring as it should be stored now. */
interface Opened {
  readonly dataKey: Uint8Array<ArrayBuffer>;
  readonly keyring: KeyringRow;
}

function base64UrlBytes(text: string): Uint8Array<ArrayBuffer> {
  const base64 = text.replaceAll('-', '+').replaceAll('_', '/');
  const binary = atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4));
  return Uint8Array.from(binary, (char) => char.charCodeAt(0));
}

/**
 * The data key of the signed-in account on this device (docs/DEVICE.md). Its device store is
 * sealed with it; the key itself is kept only wrapped (`KeyringRow`) and held in memory while the
 * account is open. `open` needs no password (a key kept here, else the server's device key);
 * offline without a kept key the state is `locked` until `unlockWithPassword`. A sign-in with a
 * password makes the key on first use and wraps it again when the password changed.
 */
export class DeviceKeys {
  readonly state: Store<KeyState> = createStore<KeyState>({ status: 'none' });
  readonly #options: DeviceKeysOptions;
  #dataKey: Uint8Array<ArrayBuffer> | null = null;
  /** Increased by every open and close: a slower earlier open must not undo a later one. */
  #generation = 0;

  constructor(options: DeviceKeysOptions) {
    this.#options = options;
  }

  /** Opens `userId`'s key without a password (a start, a reload); nothing happens when it is open or opening for them. */
  async open(userId: UserId): Promise<void> {
    const current = this.state.getSnapshot();
    if (current.status !== 'none' && current.status !== 'failed' && current.userId === userId) {
      return;
    }
    await this.#run(userId, async () => {
      const keyring = await this.#options.keyrings.readKeyring(userId);
      const kept = keyring?.device ?? null;
      if (kept !== null) {
        const dataKey = await unwrapKey(kept, kept.key, context.device(userId));
        if (dataKey !== null) {
          return { dataKey, keyring: keyring as KeyringRow };
        }
      }
      const serverKey = await this.#serverKey();
      if (serverKey === null) {
        return null;
      }
      if (keyring?.server != null) {
        const dataKey = await unwrapKey(keyring.server, serverKey, context.server(userId));
        return dataKey === null ? null : { dataKey, keyring };
      }
      if (keyring === null) {
        // Signed in here before the device copy was sealed (or the keyring was lost with its
        // data): a new key, wrapped by the server's key and kept here as the session was.
        const dataKey = newDataKey();
        const server = await wrapKey(dataKey, serverKey, context.server(userId));
        const device = await this.#deviceSlot(dataKey, userId);
        const made: KeyringRow = { userId, password: null, server, device };
        await this.#options.keyrings.saveKeyring(made);
        return { dataKey, keyring: made };
      }
      return null;
    });
  }

  /**
   * The server accepted `password` for `userId` (sign-in, first account, invitation): opens the
   * key, making one on the first sign-in here, wraps it with this password (the one an offline
   * unlock asks for) and with the server's key, and keeps it on this device when `isKeptHere`.
   * An account that is open already stays open meanwhile.
   */
  async acceptPassword(userId: UserId, password: string, isKeptHere: boolean): Promise<void> {
    const { keyrings } = this.#options;
    const current = this.state.getSnapshot();
    const isOpenAlready = current.status === 'open' && current.userId === userId;
    await this.#run(
      userId,
      async () => {
        const keyring = await keyrings.readKeyring(userId);
        const serverKey = await this.#serverKey();
        const found = await this.#findDataKey(userId, keyring, { password, serverKey });
        if (found === null && keyring !== null) {
          // Neither the password, this device nor the server opens it: what was sealed under
          // the old key stays unreadable, and this device starts a new copy.
          this.#options.diagnostics.report('keys.lostKey', new Error(`The device copy of ${userId} cannot be opened`));
        }
        const dataKey = found?.dataKey ?? newDataKey();
        // The wrappings of the key that opened may be kept; a new key needs new ones.
        const kept = found === null ? null : keyring;
        const made: KeyringRow = {
          userId,
          password:
            found?.byPassword === true && kept?.password != null
              ? kept.password
              : await this.#passwordSlot(dataKey, userId, password),
          server:
            serverKey === null || (found?.byServer === true && kept?.server != null)
              ? (kept?.server ?? null)
              : await wrapKey(dataKey, serverKey, context.server(userId)),
          device: isKeptHere ? (kept?.device ?? (await this.#deviceSlot(dataKey, userId))) : null,
        };
        await keyrings.saveKeyring(made);
        return { dataKey, keyring: made };
      },
      { isQuiet: isOpenAlready },
    );
  }

  /** Opens a locked key with the password of the last sign-in on this device; rejects with `wrong_password`. */
  async unlockWithPassword(password: string): Promise<void> {
    const current = this.state.getSnapshot();
    if (current.status !== 'locked') {
      return;
    }
    const { userId } = current;
    const keyring = await this.#options.keyrings.readKeyring(userId);
    const found = await this.#findDataKey(userId, keyring, { password, serverKey: null });
    if (found === null || keyring === null) {
      throw new ClientError({
        code: ClientErrorCode.wrongPassword,
        message: 'This password does not open the copy on this device: use the one you last signed in with here',
      });
    }
    if (this.state.getSnapshot() === current) {
      this.#setOpen(userId, found.dataKey, keyring);
    }
  }

  /**
   * Whether `password` is the one the open account last signed in with on this device (a device
   * backup is sealed with it); null when this device keeps no password wrapping to compare with.
   */
  async isDevicePassword(password: string): Promise<boolean | null> {
    const current = this.state.getSnapshot();
    if (current.status !== 'open') {
      return null;
    }
    const slot = (await this.#options.keyrings.readKeyring(current.userId))?.password ?? null;
    if (slot === null) {
      return null;
    }
    const key = await keyFromPassword(password, new Uint8Array(slot.salt), slot.iterations);
    return (await unwrapKey(slot, key, context.password(current.userId))) !== null;
  }

  /** The member changed their password in the app: the offline unlock asks for the new one. */
  async changePassword(newPassword: string): Promise<void> {
    const current = this.state.getSnapshot();
    const dataKey = this.#dataKey;
    if (current.status !== 'open' || dataKey === null) {
      return;
    }
    const keyring = await this.#options.keyrings.readKeyring(current.userId);
    if (keyring !== null) {
      const password = await this.#passwordSlot(dataKey, current.userId, newPassword);
      await this.#options.keyrings.saveKeyring({ ...keyring, password });
    }
  }

  /** No key is kept on this device for `userId` any more (signing out keeps the sealed copy). */
  async forgetKeptKey(userId: UserId): Promise<void> {
    const keyring = await this.#options.keyrings.readKeyring(userId);
    if (keyring?.device != null) {
      await this.#options.keyrings.saveKeyring({ ...keyring, device: null });
    }
  }

  /** Nobody's key is open: the data key leaves memory. */
  close(): void {
    this.#generation += 1;
    this.#dataKey?.fill(0);
    this.#dataKey = null;
    this.state.set({ status: 'none' });
  }

  async #run(userId: UserId, open: () => Promise<Opened | null>, options: { isQuiet?: boolean } = {}): Promise<void> {
    this.#generation += 1;
    const generation = this.#generation;
    if (options.isQuiet !== true) {
      this.state.set({ status: 'opening', userId });
    }
    let opened: Opened | null;
    try {
      opened = await open();
    } catch (err) {
      this.#options.diagnostics.report('keys.open', err);
      if (generation === this.#generation) {
        this.state.set({ status: 'failed', userId });
      }
      return;
    }
    if (generation !== this.#generation) {
      return;
    }
    if (opened === null) {
      this.state.set({ status: 'locked', userId });
    } else {
      this.#setOpen(userId, opened.dataKey, opened.keyring);
    }
  }

  #setOpen(userId: UserId, dataKey: Uint8Array<ArrayBuffer>, keyring: KeyringRow): void {
    const current = this.state.getSnapshot();
    const isKeptHere = keyring.device !== null;
    const isSame = this.#dataKey?.every((byte, i) => byte === dataKey[i]) === true;
    if (current.status === 'open' && current.userId === userId && isSame) {
      if (current.isKeptHere !== isKeptHere) {
        this.state.set({ ...current, isKeptHere });
      }
      return;
    }
    this.#dataKey = dataKey;
    this.state.set({ status: 'open', userId, cipher: createRowCipher(dataKey), isKeptHere });
  }

  /**
   * The data key from the first wrapping that opens: the password's first (so that a wrapping
   * with the current password is known to be kept), then this device's, then the server's.
   */
  async #findDataKey(
    userId: UserId,
    keyring: KeyringRow | null,
    by: { readonly password: string; readonly serverKey: CryptoKey | null },
  ): Promise<{ dataKey: Uint8Array<ArrayBuffer>; byPassword: boolean; byServer: boolean } | null> {
    if (keyring === null) {
      return null;
    }
    if (keyring.password !== null) {
      const { salt, iterations } = keyring.password;
      const key = await keyFromPassword(by.password, new Uint8Array(salt), iterations);
      const dataKey = await unwrapKey(keyring.password, key, context.password(userId));
      if (dataKey !== null) {
        return { dataKey, byPassword: true, byServer: false };
      }
    }
    const tries: [WrappedKey | null, CryptoKey | null, WrappingContext, boolean][] = [
      [keyring.device, keyring.device?.key ?? null, context.device(userId), false],
      [keyring.server, by.serverKey, context.server(userId), true],
    ];
    for (const [wrapped, key, wrappingContext, isServer] of tries) {
      if (wrapped !== null && key !== null) {
        const dataKey = await unwrapKey(wrapped, key, wrappingContext);
        if (dataKey !== null) {
          return { dataKey, byPassword: false, byServer: isServer };
        }
      }
    }
    return null;
  }

  async #passwordSlot(
    dataKey: Uint8Array<ArrayBuffer>,
    userId: UserId,
    password: string,
  ): Promise<KeyringRow['password']> {
    const salt = newSalt();
    const iterations = this.#options.passwordIterations ?? PASSWORD_ITERATIONS;
    const key = await keyFromPassword(password, salt, iterations);
    return { ...(await wrapKey(dataKey, key, context.password(userId))), salt, iterations };
  }

  async #deviceSlot(dataKey: Uint8Array<ArrayBuffer>, userId: UserId): Promise<KeyringRow['device']> {
    const key = await newDeviceKey();
    return { ...(await wrapKey(dataKey, key, context.device(userId))), key };
  }

  /** The server's device key for the signed-in session; null offline or when the session is refused. */
  async #serverKey(): Promise<CryptoKey | null> {
    try {
      const { key } = await this.#options.api.deviceKey();
      return await importWrappingKey(base64UrlBytes(key));
    } catch (err) {
      if (!hasErrorCode(err, ClientErrorCode.network, ClientErrorCode.unauthorized)) {
        this.#options.diagnostics.report('keys.serverKey', err);
      }
      return null;
    }
  }
}
