import type { DBCore, DBCoreCursor, DBCoreIndex, DBCoreTable, Middleware } from 'dexie';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type { RowCipher } from './RowCipher';

/** The field of a stored row that holds everything but its keys, sealed. */
export const SEALED_FIELD = '$sealed';

/** A row that could not be opened (another key, or changed on disk): the stores skip it as not valid. */
export const UNREADABLE_ROW = Object.freeze({ unreadable: true });

type Row = Record<string, unknown>;

/** The top-level fields a table's primary key and indexes read: they stay in the clear, or IndexedDB could not find rows. */
function clearFieldsOf(indexes: readonly DBCoreIndex[]): ReadonlySet<string> {
  const fields = new Set<string>();
  for (const index of indexes) {
    const paths = index.keyPath === null ? [] : Array.isArray(index.keyPath) ? index.keyPath : [index.keyPath];
    for (const path of paths) {
      const [top] = path.split('.');
      if (top !== undefined && top !== '') {
        fields.add(top);
      }
    }
  }
  return fields;
}

/**
 * Seals and opens the rows of one table. The middleware uses one per table; code that writes to
 * IndexedDB past Dexie (the update log's same-task append, C1) seals its rows with one too.
 */
export class RowSealer {
  readonly #cipher: RowCipher;
  readonly #table: string;
  readonly #clear: ReadonlySet<string>;

  constructor(cipher: RowCipher, table: Pick<DBCoreTable, 'name' | 'schema'>) {
    this.#cipher = cipher;
    this.#table = table.name;
    this.#clear = clearFieldsOf([table.schema.primaryKey, ...table.schema.indexes]);
  }

  seal(value: unknown): unknown {
    if (typeof value !== 'object' || value === null) {
      return value;
    }
    const stored: Row = {};
    const hidden: Row = {};
    for (const [field, each] of Object.entries(value)) {
      (this.#clear.has(field) ? stored : hidden)[field] = each;
    }
    const encoder = encoding.createEncoder();
    encoding.writeAny(encoder, hidden as { [key: string]: encoding.AnyEncodable });
    stored[SEALED_FIELD] = this.#cipher.seal(encoding.toUint8Array(encoder), this.#table);
    return stored;
  }

  open(value: unknown): unknown {
    if (typeof value !== 'object' || value === null || !(SEALED_FIELD in value)) {
      // Nothing sealed: a row from before encryption (none are written any more), read as it is.
      return value;
    }
    const { [SEALED_FIELD]: sealed, ...clear } = value as Row;
    if (!(sealed instanceof Uint8Array)) {
      return UNREADABLE_ROW;
    }
    try {
      const hidden = decoding.readAny(decoding.createDecoder(this.#cipher.open(sealed, this.#table)));
      return typeof hidden === 'object' && hidden !== null ? { ...(hidden as Row), ...clear } : UNREADABLE_ROW;
    } catch {
      return UNREADABLE_ROW;
    }
  }
}

/**
 * A cursor whose `value` is opened once, when it is read. The native getters (`key`,
 * `primaryKey`) must be read on the cursor itself, as Dexie's own cursor wrappers do.
 */
function openedCursor(cursor: DBCoreCursor, sealer: RowSealer): DBCoreCursor {
  let openedFor: unknown;
  let opened: unknown;
  return Object.create(cursor, {
    key: { get: () => cursor.key },
    primaryKey: { get: () => cursor.primaryKey },
    value: {
      get() {
        const raw = cursor.value;
        if (raw !== openedFor) {
          openedFor = raw;
          opened = sealer.open(raw);
        }
        return opened;
      },
    },
  }) as DBCoreCursor;
}

/**
 * Seals every row of a Dexie database with `cipher` as it is written and opens it as it is read
 * (docs/DEVICE.md): only the fields its keys and indexes read stay in the clear (sequence
 * numbers, document ids, times), never a title, a text, a comment or a queued change. Sealing is
 * synchronous, so Dexie's transactions work as they do without it.
 */
export function sealedRows(cipher: RowCipher): Middleware<DBCore> {
  return {
    stack: 'dbcore',
    name: 'SealedRows',
    create(down) {
      // Dexie asks for a table once per transaction; its schema is fixed while this stack lives.
      const sealers = new Map<string, RowSealer>();
      return {
        ...down,
        table(name) {
          const table = down.table(name);
          const sealer = sealers.get(name) ?? new RowSealer(cipher, table);
          sealers.set(name, sealer);
          return {
            ...table,
            mutate(req) {
              if (req.type !== 'add' && req.type !== 'put') {
                return table.mutate(req);
              }
              return table.mutate({ ...req, values: req.values.map((value) => sealer.seal(value)) });
            },
            get: async (req) => sealer.open(await table.get(req)),
            getMany: async (req) => (await table.getMany(req)).map((value) => sealer.open(value)),
            async query(req) {
              const response = await table.query(req);
              return req.values === true
                ? { ...response, result: response.result.map((value) => sealer.open(value)) }
                : response;
            },
            async openCursor(req) {
              const cursor = await table.openCursor(req);
              return cursor === null ? cursor : openedCursor(cursor, sealer);
            },
          };
        },
      };
    },
  };
}
