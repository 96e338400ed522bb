import { PasswordHasher } from '../auth/passwords';
import { type Config, ConfigError, loadConfig } from '../config';
import { toError } from '../logger';
import { openStores } from '../storage/openStores';
import { type AdminContext, type AdminIo, AdminRefusal, ExitCode } from './AdminIo';
import { importRosterCommand } from './importRosterCommand';
import { migrateToPostgresCommand } from './migrateToPostgresCommand';
import { ADMIN_USAGE, type AdminCommand, parseAdminArgs } from './parseAdminArgs';
import { resetPasswordCommand } from './resetPasswordCommand';
import { tokenCommand } from './tokenCommand';

/** The commands that work on the accounts of the configured database. */
type AccountCommand = Exclude<AdminCommand, { name: 'help' | 'migrate-to-postgres' }>;

function dispatch(context: AdminContext, command: AccountCommand): Promise<void> {
  switch (command.name) {
    case 'import-roster':
      return importRosterCommand(context, command.file);
    case 'token':
      return tokenCommand(context, command.username, command);
    case 'reset-password':
      return resetPasswordCommand(context, command.username);
  }
}

/** Opens the stores of the configured database (PostgreSQL with DATABASE_URL, else SQLite in DATA_DIR) and runs `command` on them. */
async function runOnStores(config: Config, io: AdminIo, command: AccountCommand): Promise<void> {
  const stores = await openStores({
    dataDir: config.dataDir,
    databaseUrl: config.databaseUrl,
    sqliteSynchronous: config.sqliteSynchronous,
  });
  try {
    const hasher = new PasswordHasher();
    const context: AdminContext = {
      accounts: stores.accounts,
      notifications: stores.reviews,
      databaseLocation: stores.location,
      // Only random one-time passwords are hashed here (roster, reset).
      hashPassword: (password) => hasher.hashOneTimePassword(password),
      io,
      now: Date.now,
    };
    await dispatch(context, command);
  } finally {
    await stores.close();
  }
}

/**
 * Runs one admin command on the configured database, on connections of its own: SQLite in WAL
 * mode with a busy timeout, or PostgreSQL, lets it write while the server runs. Resolves with
 * the exit status.
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
  const { command } = parsed;
  if (command.name === 'help') {
    io.out(ADMIN_USAGE);
    return ExitCode.done;
  }
  try {
    const config = loadConfig(env);
    await (command.name === 'migrate-to-postgres'
      ? migrateToPostgresCommand(config, io)
      : runOnStores(config, io, command));
    return ExitCode.done;
  } catch (thrown) {
    const error = toError(thrown);
    io.err(
      error instanceof AdminRefusal || error instanceof ConfigError ? error.message : (error.stack ?? error.message),
    );
    return ExitCode.refused;
  }
}
