import { type ChildProcess, spawn } from 'node:child_process';

/** The API server's port in development; vite.config.ts proxies /sync, /api and /healthz to it. */
const API_PORT = 8787;

interface Child {
  readonly name: string;
  readonly process: ChildProcess;
}

function start(name: string, command: string, args: readonly string[], env: NodeJS.ProcessEnv): Child {
  const child = spawn(command, args, { stdio: 'inherit', env });
  child.on('error', (err) => {
    console.error(`[dev] ${name} failed to start: ${err.message}`);
  });
  return { name, process: child };
}

const env = { ...process.env, PORT: String(API_PORT) };
const children: Child[] = [
  start('server', 'npx', ['tsx', 'watch', 'server/main.ts'], env),
  start('vite', 'npx', ['vite', '--port', '5173'], process.env),
];

let isStopping = false;

function stopAll(signal: NodeJS.Signals): void {
  if (isStopping) {
    return;
  }
  isStopping = true;
  for (const child of children) {
    if (child.process.exitCode === null) {
      child.process.kill(signal);
    }
  }
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(signal, () => stopAll(signal));
}

for (const child of children) {
  child.process.on('exit', (code, signal) => {
    console.log(`[dev] ${child.name} exited (${signal ?? code})`);
    // One half without the other is no dev environment: stop both and report the first exit.
    stopAll('SIGTERM');
    if (children.every((c) => c.process.exitCode !== null || c.process.signalCode !== null)) {
      process.exitCode = code ?? 1;
    }
  });
}
