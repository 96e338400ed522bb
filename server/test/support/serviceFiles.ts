import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ServerCommand } from './serverProcess';

const ROOT = path.resolve(import.meta.dirname, '../../..');

/** What the tests read from the Dockerfile's final stage. */
export interface DockerfileCommands {
  /** CMD, in exec form. */
  readonly cmd: readonly string[];
  /** HEALTHCHECK's command, in exec form. */
  readonly healthcheck: readonly string[];
  readonly workdir: string;
  readonly stopSignal: string;
  /** The ENV variables of the final stage. */
  readonly env: Readonly<Record<string, string>>;
  readonly volumes: readonly string[];
  /** The npm version the build stage installs; null when it keeps the image's. */
  readonly npmVersion: string | null;
}

/** What the tests read from the systemd unit's [Service] section. */
export interface UnitCommands {
  /** ExecStart, split on whitespace (the unit quotes nothing). */
  readonly execStart: readonly string[];
  readonly workingDirectory: string;
  readonly killSignal: string;
  /** The Environment= variables. */
  readonly environment: Readonly<Record<string, string>>;
  readonly readWritePaths: readonly string[];
}

/** The Dockerfile's instructions, continuation lines joined, comments dropped: [keyword, rest]. */
function dockerInstructions(text: string): [string, string][] {
  const logical = text
    .split('\n')
    .filter((line) => !line.trimStart().startsWith('#'))
    .join('\n')
    .replace(/\\\n/g, ' ');
  const result: [string, string][] = [];
  for (const line of logical.split('\n')) {
    const match = /^\s*([A-Z]+)\s+(.*)$/.exec(line);
    if (match?.[1] !== undefined && match[2] !== undefined) {
      result.push([match[1], match[2].trim()]);
    }
  }
  return result;
}

/** The last value of `keyword` (Docker uses the last CMD, WORKDIR and so on); throws if there is none. */
function lastOf(instructions: [string, string][], keyword: string): string {
  const found = instructions.filter(([name]) => name === keyword).at(-1);
  if (found === undefined) {
    throw new Error(`The Dockerfile has no ${keyword}`);
  }
  return found[1];
}

/** Parses an exec-form (JSON array) command; throws on the shell form, which would put sh before node. */
function execForm(text: string, what: string): string[] {
  const parsed: unknown = JSON.parse(text);
  if (!Array.isArray(parsed) || !parsed.every((part) => typeof part === 'string')) {
    throw new Error(`The Dockerfile's ${what} is not in exec form: ${text}`);
  }
  return parsed;
}

/** Reads the repository's Dockerfile. */
export function readDockerfile(): DockerfileCommands {
  const all = dockerInstructions(readFileSync(path.join(ROOT, 'Dockerfile'), 'utf8'));
  const finalStageAt = all.findLastIndex(([name]) => name === 'FROM');
  const instructions = all.slice(finalStageAt);
  const healthcheck = /\bCMD\s+(\[.*\])$/.exec(lastOf(instructions, 'HEALTHCHECK'))?.[1];
  if (healthcheck === undefined) {
    throw new Error('The Dockerfile HEALTHCHECK has no exec-form CMD');
  }
  return {
    cmd: execForm(lastOf(instructions, 'CMD'), 'CMD'),
    healthcheck: execForm(healthcheck, 'HEALTHCHECK'),
    workdir: lastOf(instructions, 'WORKDIR'),
    stopSignal: lastOf(instructions, 'STOPSIGNAL'),
    env: Object.fromEntries(
      instructions.filter(([name]) => name === 'ENV').flatMap(([, value]) => value.split(/\s+/).map(keyValue)),
    ),
    volumes: instructions.filter(([name]) => name === 'VOLUME').flatMap(([, value]) => value.split(/\s+/)),
    npmVersion:
      all
        .filter(([name]) => name === 'RUN')
        .map(([, value]) => /\bnpm install -g npm@(\S+)/.exec(value)?.[1])
        .find((version) => version !== undefined) ?? null,
  };
}

/** Splits `KEY=value` (unquoted, as our files write it). */
function keyValue(text: string): [string, string] {
  const at = text.indexOf('=');
  if (at <= 0 || /["']/.test(text)) {
    throw new Error(`Expected an unquoted KEY=value, not ${text}`);
  }
  return [text.slice(0, at), text.slice(at + 1)];
}

/** Reads `deploy/jianyan.service`. */
export function readSystemdUnit(): UnitCommands {
  const text = readFileSync(path.join(ROOT, 'deploy', 'jianyan.service'), 'utf8');
  const service = text.split(/^\[/m).find((section) => section.startsWith('Service]')) ?? '';
  const value = (key: string): string => {
    const found = new RegExp(`^${key}=(.*)$`, 'm').exec(service)?.[1];
    if (found === undefined) {
      throw new Error(`deploy/jianyan.service has no ${key} in [Service]`);
    }
    return found.trim();
  };
  const execStart = value('ExecStart');
  if (/["'\\$%]/.test(execStart)) {
    throw new Error(`ExecStart uses quoting or specifiers these tests do not parse: ${execStart}`);
  }
  return {
    execStart: execStart.split(/\s+/),
    workingDirectory: value('WorkingDirectory'),
    killSignal: value('KillSignal'),
    environment: Object.fromEntries(
      [...service.matchAll(/^Environment=(.*)$/gm)].map((match) => keyValue(match[1] ?? '')),
    ),
    readWritePaths: value('ReadWritePaths').split(/\s+/),
  };
}

interface PackageJson {
  readonly packageManager: string;
  readonly scripts: Record<string, string>;
}

function readPackageJson(): PackageJson {
  return JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as PackageJson;
}

/** The npm version package.json's packageManager names. */
export function packageManagerNpm(): string {
  return readPackageJson().packageManager.replace(/^npm@/, '');
}

/** package.json's start script without its leading `exec`, split on spaces. */
export function startScriptCommand(): string[] {
  const start = readPackageJson().scripts.start ?? '';
  const command = /^exec (node .*)$/.exec(start)?.[1];
  if (command === undefined) {
    throw new Error(`package.json's start script is not "exec node …", so npm would not signal node: ${start}`);
  }
  return command.split(' ');
}

/**
 * A command line of a service file, run from this checkout: node is the node running the tests,
 * and paths under the install directory point into the repository.
 */
export function inCheckout(command: readonly string[], installDir: string): ServerCommand {
  const [, ...args] = command;
  const prefix = `${installDir.replace(/\/$/, '')}/`;
  return {
    file: process.execPath,
    args: args.map((arg) => (arg.startsWith(prefix) ? path.join(ROOT, arg.slice(prefix.length)) : arg)),
    cwd: ROOT,
  };
}
