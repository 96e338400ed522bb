import { Dexie, type EntityTable } from 'dexie';
import { parseUserId, type UserId } from '../../../shared';
import type { Me } from '../../../shared/api/schemas';
import type { AccountRow, DeviceAccounts, KeyringRow, WrappedKey } from './DeviceAccounts';
import { accountDatabaseName, DEVICE_DB_NAME } from './databaseNames';
import { CURRENT_ROW, createDb } from './JianyanDb';
import { TabChannel } from './TabChannel';
import { toValidAccountRow } from './validRows';

const ROW = 'current';
/** The tabs of this browser tell each other that someone signed in or out. */
const CHANNEL_PREFIX = 'jianyan-accounts';

type DeviceDb = Dexie & {
  account: EntityTable<AccountRow & { readonly key: typeof ROW }, 'key'>;
  pending: EntityTable<{ readonly key: typeof ROW; readonly userId: string | null; readonly at: number }, 'key'>;
  keyrings: EntityTable<KeyringRow, 'userId'>;
};

export interface DexieDeviceAccountsOptions {
  /** The device database's name; tests open their own. */
  readonly name?: string;
  /** The prefix of each account's database name (`<prefix>-<userId>`); tests use their own. */
  readonly accountPrefix?: string;
  /**
   * The database of the app before each account had its own: the account signed in there is
   * signed in here, so that an offline start after the upgrade still opens that person's work.
   */
  readonly legacyName?: string;
}

/** Who is signed in on this device, in a small database of its own (see `DeviceAccounts`). */
export class DexieDeviceAccounts implements DeviceAccounts {
  readonly #db: DeviceDb;
  readonly #accountPrefix: string | undefined;
  readonly #channel: TabChannel;

  constructor(options: DexieDeviceAccountsOptions = {}) {
    const db = new Dexie(options.name ?? DEVICE_DB_NAME) as DeviceDb;
    db.version(1).stores({ account: 'key', pending: 'key', keyrings: 'userId' });
    this.#db = db;
    this.#accountPrefix = options.accountPrefix;
    this.#channel = new TabChannel(`${CHANNEL_PREFIX}:${db.name}`);
    const { legacyName } = options;
    if (legacyName !== undefined) {
      db.on('ready', () => adoptLegacyAccount(db, legacyName));
    }
  }

  /** The device database's name. */
  get name(): string {
    return this.#db.name;
  }

  async read(): Promise<AccountRow | null> {
    return toValidAccountRow(await this.#db.account.get(ROW));
  }

  async save(me: Me, isExpired: boolean, now: number): Promise<void> {
    await this.#db.account.put({ key: ROW, me, isExpired, savedAt: now });
    this.#channel.post({ kind: 'account' });
  }

  async clear(): Promise<void> {
    await this.#db.account.delete(ROW);
    this.#channel.post({ kind: 'account' });
  }

  watchOtherTabs(onChange: () => void): () => void {
    return this.#channel.subscribe((message) => {
      if (message.kind === 'account') {
        onChange();
      }
    });
  }

  async readPendingSignOut(): Promise<{ readonly userId: UserId | null; readonly at: number } | null> {
    const row = await this.#db.pending.get(ROW);
    if (row === undefined || typeof row.at !== 'number') {
      return null;
    }
    return { userId: typeof row.userId === 'string' ? parseUserId(row.userId) : null, at: row.at };
  }

  async setPendingSignOut(pending: { readonly userId: UserId | null; readonly at: number } | null): Promise<void> {
    if (pending === null) {
      await this.#db.pending.delete(ROW);
    } else {
      await this.#db.pending.put({ key: ROW, userId: pending.userId, at: pending.at });
    }
    this.#channel.post({ kind: 'account' });
  }

  async readKeyring(userId: UserId): Promise<KeyringRow | null> {
    return toValidKeyring(await this.#db.keyrings.get(userId), userId);
  }

  async saveKeyring(row: KeyringRow): Promise<void> {
    await this.#db.keyrings.put(row);
  }

  async deleteAccountData(userId: UserId): Promise<void> {
    await Dexie.delete(accountDatabaseName(userId, this.#accountPrefix));
    await this.#db.keyrings.delete(userId);
  }

  close(): void {
    this.#channel.close();
    this.#db.close();
  }

  /** Deletes the device database (tests). */
  async delete(): Promise<void> {
    this.close();
    await this.#db.delete();
  }
}

/** Signs in here the account the legacy database had signed in, unless someone is signed in already. */
async function adoptLegacyAccount(db: DeviceDb, legacyName: string): Promise<void> {
  if ((await db.account.count()) > 0 || (await db.pending.count()) > 0 || !(await Dexie.exists(legacyName))) {
    return;
  }
  const legacy = createDb(legacyName);
  try {
    const row = toValidAccountRow(await legacy.account.get(CURRENT_ROW));
    if (row !== null) {
      await db.account.put({ key: ROW, ...row });
    }
  } finally {
    legacy.close();
  }
}

function toWrappedKey(raw: unknown): WrappedKey | null {
  if (typeof raw !== 'object' || raw === null) {
    return null;
  }
  const { iv, sealed } = raw as Partial<WrappedKey>;
  return iv instanceof Uint8Array && sealed instanceof Uint8Array ? { iv, sealed } : null;
}

/** A stored keyring as far as it makes sense: a part that does not is left out, the rest kept. */
function toValidKeyring(raw: unknown, userId: UserId): KeyringRow | null {
  if (typeof raw !== 'object' || raw === null) {
    return null;
  }
  const row = raw as Partial<Record<keyof KeyringRow, unknown>>;
  const byPassword = toWrappedKey(row.password);
  const { salt, iterations } = (row.password ?? {}) as { salt?: unknown; iterations?: unknown };
  const byDevice = toWrappedKey(row.device);
  const deviceKey = (row.device as { key?: unknown } | null | undefined)?.key;
  return {
    userId,
    password:
      byPassword !== null && salt instanceof Uint8Array && typeof iterations === 'number'
        ? { ...byPassword, salt, iterations }
        : null,
    server: toWrappedKey(row.server),
    device: byDevice !== null && deviceKey instanceof CryptoKey ? { ...byDevice, key: deviceKey } : null,
  };
}
