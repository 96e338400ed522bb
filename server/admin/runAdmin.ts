import { PasswordHasher } from '../auth/passwords';
import { ConfigError, loadConfig } from '../config';
import { toError } from '../logger';
import { prepareDatabasePath } from '../storage/sqlite/databasePath';
import { SqliteAccountStore } from '../storage/sqlite/SqliteAccountStore';
import { SqliteReviewStore } from '../storage/sqlite/SqliteReviewStore';
import { type AdminContext, type AdminIo, AdminRefusal, ExitCode } from './AdminIo';
import { importRosterCommand } from './importRosterCommand';
import { ADMIN_USAGE, type AdminCommand, parseAdminArgs } from './parseAdminArgs';
import { resetPasswordCommand } from './resetPasswordCommand';
import { tokenCommand } from './tokenCommand';

function dispatch(context: AdminContext, command: Exclude<AdminCommand, { name: 'help' }>): Promise<void> {
  switch (command.name) {
    case 'import-roster':
      return importRosterCommand(context, command.file);
    case 'token':
      return tokenCommand(context, command.username, command);
    case 'reset-password':
      return resetPasswordCommand(context, command.username);
  }
}

/**
 * Runs one admin command on the database in DATA_DIR, on a connection of its own: SQLite in WAL
 * mode with a busy timeout lets it write while the server runs. Resolves with the exit status.
 */
export async function runAdmin(
  argv: readonly string[],
  env: Record<string, string | undefined>,
  io: AdminIo,
): Promise<ExitCode> {
  const parsed = parseAdminArgs(argv);
  if (!parsed.ok) {
    io.err(`${parsed.message}\n\n${ADMIN_USAGE}`);
    return ExitCode.usage;
  }
  if (parsed.command.name === 'help') {
    io.out(ADMIN_USAGE);
    return ExitCode.done;
  }
  let accounts: SqliteAccountStore | null = null;
  let reviews: SqliteReviewStore | null = null;
  try {
    const { dataDir } = loadConfig(env);
    const databasePath = prepareDatabasePath(dataDir);
    accounts = new SqliteAccountStore({ path: databasePath });
    reviews = new SqliteReviewStore({ path: databasePath });
    const hasher = new PasswordHasher();
    const context: AdminContext = {
      accounts,
      notifications: reviews,
      databasePath,
      // Only random one-time passwords are hashed here (roster, reset).
      hashPassword: (password) => hasher.hashOneTimePassword(password),
      io,
      now: Date.now,
    };
    await dispatch(context, parsed.command);
    return ExitCode.done;
  } catch (thrown) {
    const error = toError(thrown);
    io.err(
      error instanceof AdminRefusal || error instanceof ConfigError ? error.message : (error.stack ?? error.message),
    );
    return ExitCode.refused;
  } finally {
    await accounts?.close();
    await reviews?.close();
  }
}
