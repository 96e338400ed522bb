import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PasswordHasher } from '../../server/auth/passwords';
import { type DemoAccount, loadDemo } from '../../server/demo/loadDemo';
import { startServer } from '../../server/startServer';

/** The real server (in process, SQLite in a temp dir) holding the demo committee, serving a built client. */
export interface DemoServer {
  readonly url: string;
  /** A member of the demo committee, with the password made up for this run. */
  readonly member: DemoAccount;
  /** A draft of the member's group, which they may edit. */
  readonly draftId: string;
  close(): Promise<void>;
}

/** A draft the member may edit, from the demo committee, by the API. */
async function pickDraft(baseUrl: string, account: { username: string; password: string }): Promise<string> {
  const session = await fetch(`${baseUrl}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(account),
  });
  const { token } = (await session.json()) as { token: string };
  const headers = { authorization: `Bearer ${token}` };
  const me = (await (await fetch(`${baseUrl}/api/me`, { headers })).json()) as { groupIds: string[] };
  const { docs } = (await (await fetch(`${baseUrl}/api/docs`, { headers })).json()) as {
    docs: { id: string; status: string; groupId: string | null }[];
  };
  const draft = docs.find((doc) => doc.status === 'draft' && me.groupIds.includes(doc.groupId ?? ''));
  if (draft === undefined) {
    throw new Error(`The demo member ${account.username} has no draft in their groups`);
  }
  return draft.id;
}

/** Loads the demo committee into a fresh data directory and starts the server on it, serving `staticDir`. */
export async function startDemoServer(staticDir: string): Promise<DemoServer> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'jianyan-bench-demo-'));
  const removeData = (): void => rmSync(dataDir, { recursive: true, force: true });
  try {
    const hasher = new PasswordHasher();
    const demo = await loadDemo({ store: { dataDir }, hashPassword: (password) => hasher.hash(password) });
    if (!demo.ok) {
      throw new Error(`The demo committee did not load: ${demo.message}`);
    }
    const member = demo.accounts.find((account) => account.role === 'member');
    if (member === undefined) {
      throw new Error('The demo committee has no member');
    }
    const server = await startServer({ host: '127.0.0.1', port: 0, dataDir, staticDir, logLevel: 'silent' });
    try {
      const draftId = await pickDraft(server.url, member);
      return {
        url: server.url,
        member,
        draftId,
        async close() {
          await server.close();
          removeData();
        },
      };
    } catch (err) {
      await server.close();
      throw err;
    }
  } catch (err) {
    removeData();
    throw err;
  }
}
