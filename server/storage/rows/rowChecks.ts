import type { z } from 'zod';
import { parseUserId, type UserId } from '../../../shared/index';

/**
 * Checks for rows read back from the database, which other processes write too: a row that
 * does not make sense throws, naming the table and the id, instead of spreading bad values.
 */

function corrupt(table: string, id: string, field: string): Error {
  return new Error(`Cannot read ${table} row ${id}: its ${field} is not valid; the database was changed by hand?`);
}

/** `value`, or an error naming the row when it did not parse. */
export function need<T>(value: T | null, table: string, id: string, field: string): T {
  if (value === null) {
    throw corrupt(table, id, field);
  }
  return value;
}

/** A user id column that may be null. */
export function optionalUserId(text: string | null, table: string, id: string, field: string): UserId | null {
  return text === null ? null : need(parseUserId(text), table, id, field);
}

/** Groups `(key, value)` rows into a map of lists, keeping the rows' order. */
export function groupBy<K, V>(rows: readonly { key: K; value: V }[]): Map<K, V[]> {
  const map = new Map<K, V[]>();
  for (const { key, value } of rows) {
    const list = map.get(key);
    if (list === undefined) {
      map.set(key, [value]);
    } else {
      list.push(value);
    }
  }
  return map;
}

/** Bytes as better-sqlite3 binds a BLOB and pg a BYTEA. */
export function blob(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/**
 * `(key, id)` rows (memberships, authors) as a map of id lists by key, keeping the rows' order;
 * an id that does not parse is left out.
 */
export function idsByKey<I>(rows: readonly { key: string; id: string }[], parse: (text: string) => I | null) {
  return groupBy(
    rows.flatMap((row) => {
      const id = parse(row.id);
      return id === null ? [] : [{ key: row.key, value: id }];
    }),
  );
}

/** A JSON column read back and checked against its schema; throws naming the row when it is not one. */
export function needJson<S extends z.ZodType>(
  schema: S,
  text: string,
  table: string,
  id: string,
  field: string,
): z.output<S> {
  let parsed: unknown = null;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = null;
  }
  const checked = schema.safeParse(parsed);
  return need(checked.success ? checked.data : null, table, id, field);
}
