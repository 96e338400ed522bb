import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type DocId, DocKind, Role } from '../../../shared/index';
import { type RunningServer, type ServerOptions, startServer } from '../../startServer';
import { type SeededWorkspace, type SeedPlan, seedWorkspace } from './seedWorkspace';

export interface TestServer extends RunningServer {
  readonly dataDir: string;
  readonly wsUrl: string;
  /** Closes the server and deletes its data directory. */
  dispose(): Promise<void>;
}

/** Makes a fresh temporary data directory. */
export function makeDataDir(): string {
  return mkdtempSync(path.join(tmpdir(), 'jianyan-test-'));
}

/** Starts the real server on a free loopback port with a fresh data directory. */
export async function startTestServer(options: Partial<ServerOptions> = {}): Promise<TestServer> {
  const dataDir = options.dataDir ?? makeDataDir();
  const server = await startServer({
    host: '127.0.0.1',
    port: 0,
    logLevel: 'silent',
    staticDir: null,
    ...options,
    dataDir,
  });
  return {
    ...server,
    dataDir,
    wsUrl: server.url.replace(/^http/, 'ws'),
    dispose: async () => {
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The committee most relay tests need: one group with two members who may edit its drafts. */
export type RelayWorkspace = SeededWorkspace<'经济界', 'zhang' | 'li'>;

/** The plan of `RelayWorkspace`, for setupSeededServer. */
export const RELAY_PLAN: SeedPlan<'经济界', 'zhang' | 'li'> = {
  groups: ['经济界'],
  people: { zhang: { role: Role.member, groups: ['经济界'] }, li: { role: Role.member, groups: ['经济界'] } },
};

/** Seeds `RelayWorkspace` through the real API of a server started on an empty database. */
export function seedRelayWorkspace(server: { url: string; setupUrl: string | null }): Promise<RelayWorkspace> {
  return seedWorkspace(server, RELAY_PLAN);
}

/** Registers a new proposal in the group, as zhang, and returns its id (the content room's name). */
export async function newRoom(workspace: RelayWorkspace): Promise<DocId> {
  const record = await workspace.createDoc('zhang', { groupKey: '经济界', kind: DocKind.proposal });
  return record.id;
}
