import { execFile } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CloseCode, ContentField, type DocId, roomNameOf } from '../../shared/index';
import { databasePath } from '../storage/sqlite/databasePath';
import { SqliteDocStore } from '../storage/sqlite/SqliteDocStore';
import { SyncClient } from './support/SyncClient';
import { type ServerCommand, type ServerProcess, type SpawnOptions, spawnServerCommand } from './support/serverProcess';
import {
  inCheckout,
  packageManagerNpm,
  readDockerfile,
  readSystemdUnit,
  startScriptCommand,
} from './support/serviceFiles';
import { makeDataDir, newRoom, seedRelayWorkspace } from './support/testServer';

const ROOT = path.resolve(import.meta.dirname, '../..');
const run = promisify(execFile);
/** What a stop may take: storing a few rooms and closing SQLite takes well under a second. */
const STOP_TIMEOUT_MS = 5_000;

/** The processes each test started, by pid. */
const startedTrees: number[][] = [];
const dataDirs: string[] = [];

// The service files and `npm start` run the server bundle, not the sources: build it from this
// checkout first (esbuild only, about a second; the tests skip the prestart script, which builds
// the client too).
beforeAll(async () => {
  await run('npm', ['run', 'build:server'], { cwd: ROOT });
}, 60_000);

afterEach(() => {
  // A test that failed midway leaves its processes running: end those, by pid.
  for (const pids of startedTrees.splice(0)) {
    for (const pid of pids.filter(isRunning)) {
      process.kill(pid, 'SIGKILL');
    }
  }
  for (const dir of dataDirs.splice(0)) {
    rmSync(dir, { recursive: true, force: true });
  }
});

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** `pid` and its descendants, read from /proc (Linux). */
function processTree(pid: number): number[] {
  let children: number[] = [];
  try {
    const listed = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim();
    children = listed === '' ? [] : listed.split(' ').map(Number);
  } catch {
    // The process has just ended: it has no children left to list.
  }
  return [pid, ...children.flatMap(processTree)];
}

function withinStopTimeout(exited: Promise<string>): Promise<string> {
  return Promise.race([
    exited,
    new Promise<string>((resolve) =>
      setTimeout(() => resolve(`still running after ${STOP_TIMEOUT_MS} ms`), STOP_TIMEOUT_MS),
    ),
  ]);
}

/** Starts `command` on a fresh data directory, remembering its processes for afterEach. */
async function start(
  command: ServerCommand,
  options: Pick<SpawnOptions, 'isGroupLeader'> = {},
): Promise<{ server: ServerProcess; dataDir: string }> {
  const dataDir = makeDataDir();
  dataDirs.push(dataDir);
  const server = await spawnServerCommand(
    command,
    { DATA_DIR: dataDir, npm_config_update_notifier: 'false' },
    { ...options, isFirstRun: true },
  );
  startedTrees.push(processTree(server.child.pid ?? -1));
  return { server, dataDir };
}

/** The last-change author of a document's record, read from the database file as it is now. */
function storedLastAuthor(dataDir: string, docId: DocId): string | null {
  const db = new Database(databasePath(dataDir), { readonly: true, fileMustExist: true });
  try {
    const row = db.prepare<[string], { updated_by: string | null }>('SELECT updated_by FROM documents WHERE id = ?');
    return row.get(docId)?.updated_by ?? null;
  } finally {
    db.close();
  }
}

/** The stored content of a document's room, rebuilt from the update log. */
async function storedDoc(dataDir: string, docId: DocId): Promise<Y.Doc> {
  const store = new SqliteDocStore({ path: databasePath(dataDir), checkpointInBackground: false });
  try {
    const doc = new Y.Doc();
    for (const { update } of await store.load(roomNameOf(docId))) {
      Y.applyUpdate(doc, update);
    }
    return doc;
  } finally {
    await store.close();
  }
}

const dockerfile = readDockerfile();
const unit = readSystemdUnit();

describe('the service files', () => {
  it('run node on the bundle with the node flags of the start script', () => {
    const start = startScriptCommand();
    expect(dockerfile.cmd).toEqual(start);
    expect(unit.execStart.map((part) => (part === '/usr/bin/node' ? 'node' : part))).toEqual(start);
  });

  it('stop the server with SIGTERM', () => {
    expect(dockerfile.stopSignal).toBe('SIGTERM');
    expect(unit.killSignal).toBe('SIGTERM');
  });

  it('keep the data directory where the server may write it', () => {
    expect(dockerfile.volumes).toContain(dockerfile.env.DATA_DIR);
    expect(unit.readWritePaths).toContain(unit.environment.DATA_DIR);
  });

  it('serve other machines from the image and only loopback from the unit, behind a proxy', () => {
    expect(dockerfile.env.HOST).toBe('0.0.0.0');
    expect(unit.environment.HOST).toBe('127.0.0.1');
  });

  it('build the image with the npm of packageManager', () => {
    expect(dockerfile.npmVersion).toBe(packageManagerNpm());
  });
});

/** A document edited as two people, with what the server must store of it. */
interface PendingEdits {
  readonly docId: DocId;
  readonly clients: readonly SyncClient[];
  readonly lastAuthor: string;
}

/** Edits one document as two people; the second one's authorship is still pending when it returns. */
async function editPendingDocument(server: ServerProcess, dataDir: string): Promise<PendingEdits> {
  const workspace = await seedRelayWorkspace(server);
  const docId = await newRoom(workspace);
  const zhang = await SyncClient.connect(server.wsUrl, docId, { token: workspace.people.zhang.token });
  zhang.doc.getText(ContentField.title).insert(0, '优化营商环境');
  await zhang.sync();
  const li = await SyncClient.connect(server.wsUrl, docId, { token: workspace.people.li.token });
  li.doc.getText(ContentField.body).insert(0, '李委员补充');
  await li.sync();
  // Both edits are acknowledged, so stored; li as the last author is held back until the room
  // unloads (a title change is written at once, other changes at most every 10 s).
  expect(storedLastAuthor(dataDir, docId)).toBe(workspace.people.zhang.id);
  return { docId, clients: [zhang, li], lastAuthor: workspace.people.li.id };
}

/** Asserts that the stopped server stored the edits and the pending last author, and closed the clients as going away. */
async function expectStored(dataDir: string, edits: PendingEdits): Promise<void> {
  expect(storedLastAuthor(dataDir, edits.docId)).toBe(edits.lastAuthor);
  const stored = await storedDoc(dataDir, edits.docId);
  expect(stored.getText(ContentField.title).toString()).toBe('优化营商环境');
  expect(stored.getText(ContentField.body).toString()).toBe('李委员补充');
  for (const client of edits.clients) {
    expect((await client.waitClosed()).code).toBe(CloseCode.goingAway);
  }
}

/** `npm start` itself, its shell and the start script's exec; --ignore-scripts skips only the prestart build. */
const NPM_START: ServerCommand = { file: 'npm', args: ['start', '--ignore-scripts'], cwd: ROOT };

describe.each<[string, ServerCommand]>([
  ['the Dockerfile CMD', inCheckout(dockerfile.cmd, dockerfile.workdir)],
  ['the systemd unit ExecStart', inCheckout(unit.execStart, unit.workingDirectory)],
  ['npm start', NPM_START],
])('%s', (_name, command) => {
  it('stores what is pending on SIGTERM and leaves no process behind, exiting 0', async () => {
    const { server, dataDir } = await start(command);
    const edits = await editPendingDocument(server, dataDir);
    const pids = processTree(server.child.pid ?? -1);

    server.child.kill('SIGTERM');
    expect(await withinStopTimeout(server.exited)).toBe('0');
    expect(pids.filter(isRunning)).toEqual([]);
    await expectStored(dataDir, edits);
  });
});

describe('npm start in a terminal', () => {
  it('stores what is pending on Ctrl+C, which reaches the server both directly and through npm', async () => {
    const { server, dataDir } = await start(NPM_START, { isGroupLeader: true });
    const edits = await editPendingDocument(server, dataDir);
    const pids = processTree(server.child.pid ?? -1);

    // A terminal sends SIGINT to its whole foreground process group.
    process.kill(-(server.child.pid ?? -1), 'SIGINT');
    expect(await withinStopTimeout(server.exited)).toBe('0');
    expect(pids.filter(isRunning)).toEqual([]);
    await expectStored(dataDir, edits);
  });
});

describe('the Dockerfile HEALTHCHECK', () => {
  it('passes while the CMD serves and fails once it has stopped', async () => {
    const { server } = await start(inCheckout(dockerfile.cmd, dockerfile.workdir));
    const port = new URL(server.url).port;
    const [program, ...args] = dockerfile.healthcheck;
    expect(program).toBe('node');
    const check = () => run(process.execPath, args, { env: { ...process.env, PORT: port }, timeout: 5_000 });
    await expect(check()).resolves.toBeDefined();

    server.child.kill('SIGTERM');
    expect(await withinStopTimeout(server.exited)).toBe('0');
    await expect(check()).rejects.toThrow();
  });
});
