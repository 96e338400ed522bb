import { formatAccountTable } from '../admin/formatAccountTable';
import { PasswordHasher } from '../auth/passwords';
import { ConfigError, DEFAULT_PORT, loadConfig } from '../config';
import { toError } from '../logger';
import { redactedUrl } from '../redactedUrl';
import { ROLE_LABELS } from '../roster/rosterVocabulary';
import { type DemoAccount, loadDemo } from './loadDemo';

function write(line = ''): void {
  process.stdout.write(`${line}\n`);
}

function printAccounts(accounts: readonly DemoAccount[]): void {
  for (const line of formatAccountTable(accounts, '密码 password')) {
    write(line);
  }
}

/** An account of each role, to suggest where to start. */
function suggestions(accounts: readonly DemoAccount[]): string {
  const firstOf = (role: DemoAccount['role']): DemoAccount | undefined => accounts.find((a) => a.role === role);
  return [firstOf('member'), firstOf('convener'), firstOf('chair'), firstOf('secretariat')]
    .flatMap((account) => (account === undefined ? [] : [`${account.username} (${ROLE_LABELS[account.role]})`]))
    .join(', ');
}

// `npm run demo`: loads the demo committee into DATABASE_URL or DATA_DIR and prints its accounts.
try {
  const config = loadConfig(process.env);
  const hasher = new PasswordHasher();
  const outcome = await loadDemo({
    store: { dataDir: config.dataDir, databaseUrl: config.databaseUrl, sqliteSynchronous: config.sqliteSynchronous },
    hashPassword: (password) => hasher.hash(password),
  });
  if (!outcome.ok) {
    process.stderr.write(`Demo not loaded: ${outcome.message}\n`);
    process.exitCode = 1;
  } else {
    write(
      `Loaded the demo committee into ${config.databaseUrl === null ? config.dataDir : redactedUrl(config.databaseUrl)}:`,
    );
    const units = outcome.unitAccounts.map((account) => ({
      ...account,
      role: 'unit' as const,
      groups: [account.unit],
    }));
    write(
      `${outcome.groupCount} activity groups, ${outcome.accounts.length + units.length} accounts (${units.length} of handling units, their unit in the groups column) and ${outcome.draftCount} documents.`,
    );
    write('The passwords below were made up for this run and are shown only now (demo data only).');
    write();
    printAccounts([...outcome.accounts, ...units]);
    write();
    const port = process.env.PORT ?? String(DEFAULT_PORT);
    write(`Now run npm start and sign in at http://localhost:${port} with any account above,`);
    write(`for example ${suggestions(outcome.accounts)}.`);
  }
} catch (thrown) {
  const error = toError(thrown);
  process.stderr.write(`${error instanceof ConfigError ? error.message : (error.stack ?? error.message)}\n`);
  process.exitCode = 1;
}
