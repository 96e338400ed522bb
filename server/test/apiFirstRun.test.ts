import { type ChildProcess, spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { sessionSchema } from '../../shared/api/schemas';
import { apiRequest, expectOk } from './support/apiRequest';
import { makeDataDir } from './support/testServer';

const ROOT = path.resolve(import.meta.dirname, '../..');
const SETUP_LINE =
  /Open this link to create the first secretariat account: (http:\/\/\S+\/setup\/([A-Za-z0-9_-]{43}))\n/;

let child: ChildProcess | null = null;
let dataDir: string | null = null;

afterEach(async () => {
  if (child !== null && child.exitCode === null) {
    const exited = new Promise((resolve) => child?.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }
  if (dataDir !== null) {
    rmSync(dataDir, { recursive: true, force: true });
  }
});

/** Runs server/main.ts as `npm start` does; resolves with its stdout once `done` matches it. */
function runMain(env: Record<string, string>, done: RegExp): Promise<string> {
  child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'error', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    child?.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (done.test(output)) {
        resolve(output);
      }
    });
    child?.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child?.once('exit', () => reject(new Error(`the server exited: ${output}`)));
  });
}

describe('npm start on an empty database', () => {
  it('prints a one-time setup link on the listening URL that creates the first secretariat account', async () => {
    dataDir = makeDataDir();
    const output = await runMain({ DATA_DIR: dataDir }, SETUP_LINE);
    const url = /Jianyan listening on (http:\/\/\S+)/.exec(output)?.[1];
    const [, link, token] = SETUP_LINE.exec(output) ?? [];
    expect(link).toBe(`${url}/setup/${token}`);

    const answer = await apiRequest(url ?? '', 'POST', '/api/setup', {
      json: { token, username: 'admin', name: '秘书处', password: 'first-password' },
    });
    expect(expectOk(answer, sessionSchema).user.role).toBe('secretariat');
  });
});
