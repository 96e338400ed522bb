import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import * as prng from 'lib0/prng';
import { afterEach, describe, expect, it } from 'vitest';
import { DocKind } from '../../shared/index';
import { CLUSTER_SERVICES, ClusterDeployment } from './support/clusterDeployment';
import { SyncClient, waitUntil } from './support/SyncClient';
import { type SeededWorkspace, seedWorkspace } from './support/seedWorkspace';
import type { ServerProcess } from './support/serverProcess';

type Person = 'zhang' | 'li';
const PLAN = {
  groups: ['经济界'] as const,
  people: {
    zhang: { role: 'member' as const, groups: ['经济界' as const] },
    li: { role: 'member' as const, groups: ['经济界' as const] },
  },
};

const services = CLUSTER_SERVICES;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address !== null ? address.port : 0));
    });
  });
}

/** A Redis of this test's own on `port`, keeping nothing on disk, so the test may stop and restart it. */
async function startRedis(port: number): Promise<ChildProcess> {
  const child = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    {
      stdio: ['ignore', 'pipe', 'ignore'],
    },
  );
  await new Promise<void>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`redis-server did not start: ${output}`)), 10_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Ready to accept connections')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', () => reject(new Error(`redis-server exited: ${output}`)));
  });
  return child;
}

async function stop(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) {
    return;
  }
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill(signal);
  await exited;
}

const turn = (ms = 0) => new Promise((resolve) => setTimeout(resolve, ms));

interface Running {
  readonly deployment: ClusterDeployment;
  readonly servers: readonly ServerProcess[];
  readonly workspace: SeededWorkspace<'经济界', Person>;
}

/** Two processes of a fresh deployment, seeded through the first. */
async function twoProcesses(redisUrl: string): Promise<Running> {
  const deployment = await ClusterDeployment.create({ databaseUrl: services?.databaseUrl ?? '', redisUrl });
  const first = await deployment.start({ isFirstRun: true });
  const workspace = await seedWorkspace(first, PLAN);
  const second = await deployment.start();
  return { deployment, servers: [first, second], workspace };
}

describe.skipIf(services === null)('several processes after faults', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) {
      await cleanup();
    }
  });

  it('converges edits made on two processes while their Redis was down and restarted', async () => {
    const port = await freePort();
    let redis = await startRedis(port);
    cleanups.push(() => stop(redis, 'SIGKILL'));
    const { deployment, servers, workspace } = await twoProcesses(`redis://127.0.0.1:${port}`);
    cleanups.push(() => deployment.dispose());
    const [a, b] = servers as [ServerProcess, ServerProcess];
    const id = (await workspace.createDoc('zhang', { groupKey: '经济界', kind: DocKind.proposal })).id;
    const zhang = await SyncClient.connect(a.wsUrl, id, { token: workspace.tokenOf('zhang') });
    const li = await SyncClient.connect(b.wsUrl, id, { token: workspace.tokenOf('li') });
    cleanups.push(async () => {
      await zhang.close();
      await li.close();
    });
    const type = async (rounds: number, mark: string) => {
      for (let i = 0; i < rounds; i++) {
        zhang.doc.getText('title').insert(0, mark);
        li.doc.getText('title').insert(li.doc.getText('title').length, mark);
        await turn(5);
      }
    };
    await type(10, '前');
    await stop(redis, 'SIGKILL');
    // Each process keeps storing its own clients' edits while the other cannot hear of them.
    await type(10, '断');
    await turn(300);
    redis = await startRedis(port);
    // Nobody types now: only the processes' catching up from the database can bring the edits over.
    await waitUntil(
      () => zhang.text() === li.text() && zhang.text().length === 40,
      'both processes to hold the 40 characters typed before and during the outage',
      20_000,
    );
    await type(10, '后');
    await waitUntil(
      () => zhang.text() === li.text() && zhang.text().length === 60,
      'both processes to hold all 60 characters',
      20_000,
    );
    for (const server of servers) {
      const reader = await SyncClient.connect(server.wsUrl, id, { token: workspace.tokenOf('li') });
      expect(reader.text()).toBe(zhang.text());
      await reader.close();
    }
  });

  it.each([1, 2, 3])('converges random edits and reconnections across two processes (seed %i)', async (seed) => {
    const { deployment, servers, workspace } = await twoProcesses(services?.redisUrl ?? '');
    cleanups.push(() => deployment.dispose());
    const generator = prng.create(seed);
    const next = () => prng.real53(generator);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
    const id = (await workspace.createDoc('zhang', { groupKey: '经济界', kind: DocKind.proposal })).id;
    const people: Person[] = ['zhang', 'li', 'zhang', 'li'];
    const clients: SyncClient[] = [];
    for (const person of people) {
      clients.push(await SyncClient.connect(pick(servers).wsUrl, id, { token: workspace.tokenOf(person) }));
    }
    cleanups.push(async () => {
      await Promise.all(clients.map((client) => client.close()));
    });
    for (let step = 0; step < 150; step++) {
      const index = Math.floor(next() * clients.length);
      const client = clients[index] as SyncClient;
      const action = next();
      if (action < 0.7) {
        const text = client.doc.getText('title');
        if (text.length > 0 && next() < 0.3) {
          text.delete(Math.floor(next() * text.length), 1);
        } else {
          text.insert(Math.floor(next() * (text.length + 1)), String.fromCharCode(0x4e00 + Math.floor(next() * 200)));
        }
      } else if (action < 0.9) {
        await turn(Math.floor(next() * 5));
      } else {
        // Reconnect to a random process, keeping what this client holds (as the app's provider does).
        const replacement = new SyncClient(pick(servers).wsUrl, id, {
          token: workspace.tokenOf(people[index] as Person),
        });
        await replacement.opened;
        await client.close();
        clients[index] = replacement;
        const { encodeStateAsUpdate, applyUpdate } = await import('yjs');
        applyUpdate(replacement.doc, encodeStateAsUpdate(client.doc));
        await replacement.sync();
      }
    }
    await waitUntil(
      () => clients.every((client) => client.text() === (clients[0] as SyncClient).text()),
      'every client to converge',
      20_000,
    );
    for (const server of servers) {
      const reader = await SyncClient.connect(server.wsUrl, id, { token: workspace.tokenOf('li') });
      expect(reader.text()).toBe((clients[0] as SyncClient).text());
      await reader.close();
    }
  });
});
