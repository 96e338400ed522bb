/**
 * The server's only console writer. Lines are `level message key=value ...`; values never carry
 * tokens or document content.
 */
export const LogLevel = { silent: 0, error: 1, warn: 2, info: 3, debug: 4 } as const;
export type LogLevelName = keyof typeof LogLevel;

export type LogFields = Record<string, string | number | boolean | null | undefined>;

export interface Logger {
  error(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  debug(message: string, fields?: LogFields): void;
}

function formatFields(fields: LogFields | undefined): string {
  if (fields === undefined) {
    return '';
  }
  let text = '';
  for (const [key, value] of Object.entries(fields)) {
    if (value !== undefined) {
      text += ` ${key}=${typeof value === 'string' && /\s/.test(value) ? JSON.stringify(value) : String(value)}`;
    }
  }
  return text;
}

/** A logger that writes lines at or above `level` to stdout (info, debug) and stderr (warn, error). */
export function createLogger(level: LogLevelName): Logger {
  const threshold = LogLevel[level];
  const write = (name: Exclude<LogLevelName, 'silent'>, message: string, fields?: LogFields): void => {
    if (LogLevel[name] > threshold) {
      return;
    }
    const line = `${new Date().toISOString()} ${name} ${message}${formatFields(fields)}`;
    if (name === 'error' || name === 'warn') {
      console.error(line);
    } else {
      console.log(line);
    }
  };
  return {
    error: (message, fields) => write('error', message, fields),
    warn: (message, fields) => write('warn', message, fields),
    info: (message, fields) => write('info', message, fields),
    debug: (message, fields) => write('debug', message, fields),
  };
}

/** Converts anything thrown into an Error, keeping Errors as they are. */
export function toError(thrown: unknown): Error {
  return thrown instanceof Error ? thrown : new Error(String(thrown));
}
