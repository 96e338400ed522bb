import {
  API_TOKEN_LIFETIME_DAYS,
  type ApiTokenLifetimeDays,
  DEFAULT_API_TOKEN_LIFETIME_DAYS,
  MAX_TOKEN_NAME_LENGTH,
} from '../../shared/api/schemas';

/** What an admin command line asks for. */
export type AdminCommand =
  | { readonly name: 'help' }
  | { readonly name: 'import-roster'; readonly file: string }
  | {
      readonly name: 'token';
      readonly username: string;
      readonly tokenName: string | null;
      readonly days: ApiTokenLifetimeDays;
    }
  | { readonly name: 'reset-password'; readonly username: string }
  | { readonly name: 'migrate-to-postgres' };

export type ParsedAdminArgs =
  | { readonly ok: true; readonly command: AdminCommand }
  | { readonly ok: false; readonly message: string };

export const ADMIN_USAGE = `Usage: npm run admin -- <command> [arguments]

Commands:
  import-roster FILE             create the groups and accounts listed in a CSV roster
                                 (columns 姓名,用户名,角色,小组 or name,username,role,groups)
                                 and print a one-time password for each account
  token USERNAME [--name NAME] [--days 30|90|365]
                                 issue an API token for USERNAME, valid for 90 days unless
                                 --days says otherwise; the token is the last line
  reset-password USERNAME        give USERNAME a new one-time password
  migrate-to-postgres            copy the SQLite database in DATA_DIR into the empty PostgreSQL
                                 database of DATABASE_URL, check the copy and print a summary
                                 (stop the server first; the SQLite file is only read)
  help                           show this help

The commands work on the PostgreSQL database of DATABASE_URL when it is set, else on the SQLite
database in DATA_DIR (default ./data), also while the server runs.
Exit status: 0 done, 1 refused (the reason is printed), 2 bad arguments.`;

function refuse(message: string): ParsedAdminArgs {
  return { ok: false, message };
}

/** The value of `--option VALUE` or `--option=VALUE` at `index`, and the index after it; null when `arg` is not it. */
function optionAt(args: readonly string[], index: number, option: string): { value: string; next: number } | null {
  const arg = args[index] ?? '';
  if (arg === option) {
    return { value: args[index + 1] ?? '', next: index + 2 };
  }
  return arg.startsWith(`${option}=`) ? { value: arg.slice(option.length + 1), next: index + 1 } : null;
}

function checkTokenName(value: string): string | null {
  if (value.trim() === '') {
    return 'token: --name needs a name, for example --name "nightly export"';
  }
  return value.trim().length > MAX_TOKEN_NAME_LENGTH
    ? `token: the name must be at most ${MAX_TOKEN_NAME_LENGTH} characters`
    : null;
}

function lifetimeOf(value: string): ApiTokenLifetimeDays | null {
  return API_TOKEN_LIFETIME_DAYS.find((days) => String(days) === value.trim()) ?? null;
}

function parseToken(args: readonly string[]): ParsedAdminArgs {
  let username: string | null = null;
  let tokenName: string | null = null;
  let days: ApiTokenLifetimeDays = DEFAULT_API_TOKEN_LIFETIME_DAYS;
  let index = 0;
  while (index < args.length) {
    const arg = args[index] ?? '';
    const name = optionAt(args, index, '--name');
    const lifetime = optionAt(args, index, '--days');
    if (name !== null) {
      const problem = checkTokenName(name.value);
      if (problem !== null) {
        return refuse(problem);
      }
      tokenName = name.value.trim();
      index = name.next;
      continue;
    }
    if (lifetime !== null) {
      const chosen = lifetimeOf(lifetime.value);
      if (chosen === null) {
        return refuse(`token: --days must be one of ${API_TOKEN_LIFETIME_DAYS.join(', ')}`);
      }
      days = chosen;
      index = lifetime.next;
      continue;
    }
    if (arg.startsWith('-')) {
      return refuse(`token: unknown option ${arg}`);
    }
    if (username !== null) {
      return refuse(`token: unexpected argument ${arg}`);
    }
    username = arg;
    index += 1;
  }
  if (username === null) {
    return refuse('token: give the username, for example: npm run admin -- token zhangsan');
  }
  return { ok: true, command: { name: 'token', username, tokenName, days } };
}

/** The one positional argument of a command; null when there are none, several, or options. */
function singleArgument(args: readonly string[]): string | null {
  const [first] = args;
  return args.length === 1 && first !== undefined && first !== '' && !first.startsWith('-') ? first : null;
}

/** Reads the arguments after `npm run admin --`; a refusal names what is wrong. */
export function parseAdminArgs(argv: readonly string[]): ParsedAdminArgs {
  const [command, ...args] = argv;
  switch (command) {
    case undefined:
      return refuse('no command given');
    case 'help':
    case '--help':
    case '-h':
      return { ok: true, command: { name: 'help' } };
    case 'import-roster': {
      const file = singleArgument(args);
      return file === null
        ? refuse('import-roster: give exactly one CSV file, for example: npm run admin -- import-roster 委员名单.csv')
        : { ok: true, command: { name: command, file } };
    }
    case 'reset-password': {
      const username = singleArgument(args);
      return username === null
        ? refuse('reset-password: give exactly one username, for example: npm run admin -- reset-password zhangsan')
        : { ok: true, command: { name: command, username } };
    }
    case 'token':
      return parseToken(args);
    case 'migrate-to-postgres':
      return args.length === 0
        ? { ok: true, command: { name: command } }
        : refuse(
            `migrate-to-postgres: unexpected argument ${args[0]}; the source is DATA_DIR and the target DATABASE_URL, for example: DATABASE_URL=postgres://jianyan@localhost/jianyan npm run admin -- migrate-to-postgres`,
          );
    default:
      return refuse(`unknown command ${command}`);
  }
}
