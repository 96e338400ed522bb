import { rmSync } from 'node:fs';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { CloseCode } from '../../shared/index';
import { databasePath } from '../storage/sqlite/databasePath';
import { FAST_PASSWORDS } from './support/apiRequest';
import { SyncClient, waitUntil } from './support/SyncClient';
import { type ServerProcess, spawnServer } from './support/serverProcess';
import { makeDataDir, newRoom, type RelayWorkspace, seedRelayWorkspace, startTestServer } from './support/testServer';

const dataDirs: string[] = [];

function freshDataDir(): string {
  const dir = makeDataDir();
  dataDirs.push(dir);
  return dir;
}

/** Starts `npm start`'s server on an empty data directory and seeds the relay tests' committee. */
async function firstRun(dataDir: string): Promise<{ server: ServerProcess; workspace: RelayWorkspace }> {
  const server = await spawnServer({ DATA_DIR: dataDir }, { isFirstRun: true });
  return { server, workspace: await seedRelayWorkspace(server) };
}

afterEach(() => {
  for (const dir of dataDirs.splice(0)) {
    rmSync(dir, { recursive: true, force: true });
  }
});

describe('durability', () => {
  it('keeps every edit another client has seen when the server is killed with SIGKILL', async () => {
    const dataDir = freshDataDir();
    const { server: first, workspace } = await firstRun(dataDir);
    const room = await newRoom(workspace);
    const zhang = { token: workspace.people.zhang.token };
    const writer = await SyncClient.connect(first.wsUrl, room, zhang);
    const reader = await SyncClient.connect(first.wsUrl, room, { token: workspace.people.li.token });
    let seenAtKill = '';
    reader.doc.on('update', () => {
      if (seenAtKill === '' && reader.text().length >= 150) {
        seenAtKill = reader.text();
        first.child.kill('SIGKILL');
      }
    });
    const title = writer.doc.getText('title');
    for (let i = 0; i < 400 && first.child.exitCode === null && seenAtKill === ''; i++) {
      title.insert(title.length, String.fromCharCode(0x4e00 + (i % 500)));
      if (i % 10 === 0) {
        await new Promise((resolve) => setImmediate(resolve));
      }
    }
    await waitUntil(() => seenAtKill !== '', 'the reader to see 150 characters', 15_000);
    expect(await first.exited).toBe('SIGKILL');
    await writer.close();
    await reader.close();

    const second = await spawnServer({ DATA_DIR: dataDir });
    try {
      const after = await SyncClient.connect(second.wsUrl, room, zhang);
      expect(after.text().startsWith(seenAtKill)).toBe(true);
      await after.close();
    } finally {
      second.child.kill('SIGTERM');
      expect(await second.exited).toBe('0');
    }
  });

  it('keeps everything acknowledged when the server stops on SIGTERM', async () => {
    const dataDir = freshDataDir();
    const { server: first, workspace } = await firstRun(dataDir);
    const room = await newRoom(workspace);
    const zhang = { token: workspace.people.zhang.token };
    const writer = await SyncClient.connect(first.wsUrl, room, zhang);
    writer.doc.getText('title').insert(0, '优化营商环境');
    await writer.sync();
    first.child.kill('SIGTERM');
    expect(await first.exited).toBe('0');
    expect((await writer.waitClosed()).code).toBe(CloseCode.goingAway);

    const second = await spawnServer({ DATA_DIR: dataDir });
    const after = await SyncClient.connect(second.wsUrl, room, zhang);
    expect(after.text()).toBe('优化营商环境');
    await after.close();
    second.child.kill('SIGTERM');
    await second.exited;
  });

  it('never serves or overwrites a room whose stored state fails to load', async () => {
    const server = await startTestServer({ dataDir: freshDataDir(), passwordParams: FAST_PASSWORDS });
    const workspace = await seedRelayWorkspace(server);
    const room = await newRoom(workspace);
    const zhang = { token: workspace.people.zhang.token };
    const writer = await SyncClient.connect(server.wsUrl, room, zhang);
    writer.doc.getText('title').insert(0, 'stored before the damage');
    await writer.sync();
    await writer.close();
    await waitUntil(() => server.relay.roomCount === 0, 'room unloaded');

    const db = new Database(databasePath(server.dataDir));
    db.prepare('INSERT INTO updates (room, seq, data) VALUES (?, 1000000, ?)').run(
      room,
      Buffer.from([1, 1, 9, 0, 0xff, 0xff]),
    );
    const rowsBefore = db.prepare('SELECT seq, data FROM updates WHERE room = ? ORDER BY seq').all(room);

    const client = new SyncClient(server.wsUrl, room, zhang);
    await client.opened;
    const closed = await client.waitClosed();
    expect(closed.code).toBe(CloseCode.roomUnavailable);
    expect(client.step2Count).toBe(0);
    expect(db.prepare('SELECT seq, data FROM updates WHERE room = ? ORDER BY seq').all(room)).toEqual(rowsBefore);
    db.close();
    await server.dispose();
  });
});
