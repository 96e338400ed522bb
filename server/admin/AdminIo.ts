import type { AccountStore } from '../storage/AccountStore';
import type { ReviewStore } from '../storage/ReviewStore';

/** Where an admin command writes: stdout for results, stderr for refusals and usage. */
export interface AdminIo {
  out(line: string): void;
  err(line: string): void;
}

/** What every admin command works with. */
export interface AdminContext {
  /** The commands work on accounts only: rosters, API tokens, passwords. */
  readonly accounts: AccountStore;
  /** Where a new API token's owner is told about it (read at their next inbox refresh). */
  readonly notifications: Pick<ReviewStore, 'addNotifications'>;
  /**
   * The database (the SQLite file, or the PostgreSQL URL without its password), named in
   * messages so that a wrong DATA_DIR or DATABASE_URL is easy to spot.
   */
  readonly databaseLocation: string;
  /** Hashes a random one-time password (a roster's, a reset's): at the lower one-time cost. */
  hashPassword(password: string): Promise<string>;
  readonly io: AdminIo;
  now(): number;
}

/** A command that cannot be done as asked; its message is printed and the exit status is 1. */
export class AdminRefusal extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AdminRefusal';
  }
}

export const ExitCode = {
  done: 0,
  /** Refused: a bad roster, an unknown user, an unreadable file or database, a database not empty. */
  refused: 1,
  /** Bad arguments: the usage is printed. */
  usage: 2,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];
