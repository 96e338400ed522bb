import { spawn } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../../..');

/** How an npm script ended and everything it printed. */
export interface ScriptResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs `npm run <script> -- ...args` as an operator would, with DATA_DIR set to `dataDir` and
 * the variables of `env` (DATABASE_URL, say) added.
 */
export function runNpmScript(
  script: string,
  dataDir: string,
  args: readonly string[] = [],
  env: Readonly<Record<string, string>> = {},
): Promise<ScriptResult> {
  const argv = args.length > 0 ? ['run', script, '--', ...args] : ['run', script];
  const child = spawn('npm', argv, {
    cwd: ROOT,
    env: { ...process.env, DATA_DIR: dataDir, npm_config_update_notifier: 'false', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
}
