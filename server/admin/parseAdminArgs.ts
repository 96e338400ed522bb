import { MAX_TOKEN_NAME_LENGTH } from '../../shared/api/schemas';

/** What an admin command line asks for. */
export type AdminCommand =
  | { readonly name: 'help' }
  | { readonly name: 'import-roster'; readonly file: string }
  | { readonly name: 'token'; readonly username: string; readonly tokenName: string | null }
  | { readonly name: 'reset-password'; readonly username: string };

export type ParsedAdminArgs =
  | { readonly ok: true; readonly command: AdminCommand }
  | { readonly ok: false; readonly message: string };

export const ADMIN_USAGE = `Usage: npm run admin -- <command> [arguments]

Commands:
  import-roster FILE             create the groups and accounts listed in a CSV roster
                                 (columns 姓名,用户名,角色,小组 or name,username,role,groups)
                                 and print a one-time password for each account
  token USERNAME [--name NAME]   issue an API token for USERNAME; the token is the last line
  reset-password USERNAME        give USERNAME a new one-time password
  help                           show this help

The commands work on the database in DATA_DIR (default ./data), also while the server runs.
Exit status: 0 done, 1 refused (the reason is printed), 2 bad arguments.`;

function refuse(message: string): ParsedAdminArgs {
  return { ok: false, message };
}

function parseToken(args: readonly string[]): ParsedAdminArgs {
  let username: string | null = null;
  let tokenName: string | null = null;
  for (let index = 0; index < args.length; index += 1) {
    const arg = args[index] ?? '';
    if (arg === '--name' || arg.startsWith('--name=')) {
      let value = arg.slice('--name='.length);
      if (arg === '--name') {
        index += 1;
        value = args[index] ?? '';
      }
      if (value.trim() === '') {
        return refuse('token: --name needs a name, for example --name "nightly export"');
      }
      if (value.trim().length > MAX_TOKEN_NAME_LENGTH) {
        return refuse(`token: the name must be at most ${MAX_TOKEN_NAME_LENGTH} characters`);
      }
      tokenName = value.trim();
    } else if (arg.startsWith('-')) {
      return refuse(`token: unknown option ${arg}`);
    } else if (username === null) {
      username = arg;
    } else {
      return refuse(`token: unexpected argument ${arg}`);
    }
  }
  if (username === null) {
    return refuse('token: give the username, for example: npm run admin -- token zhangsan');
  }
  return { ok: true, command: { name: 'token', username, tokenName } };
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
    default:
      return refuse(`unknown command ${command}`);
  }
}
