import type { Hono } from 'hono';
import type { Workspace } from '../../../shared/api/schemas';
import { toMe, toPerson } from '../answers';
import type { ApiDeps, ApiEnv } from '../apiEnv';
import { requireUser } from '../requireUser';
import { readableDocs, visibleGroups } from '../visibility';

/** `GET /api/workspace` and `GET /api/people`: what a device caches for offline use. */
export function registerWorkspaceRoutes(api: Hono<ApiEnv>, deps: ApiDeps): void {
  const auth = requireUser(deps);

  api.get('/workspace', auth, async (c) => {
    const { user, actor } = c.get('auth');
    const [groups, people, docs] = await Promise.all([
      deps.groups.listGroups(),
      deps.accounts.listUsers(),
      deps.records.listDocuments(),
    ]);
    const workspace: Workspace = {
      me: toMe(user),
      groups: visibleGroups(actor, groups),
      // Everyone sees everyone's name and role: authors, co-signers and mentions need them.
      people: people.map(toPerson),
      docs: readableDocs(actor, docs),
    };
    return c.json(workspace);
  });

  api.get('/people', auth, async (c) => c.json({ people: (await deps.accounts.listUsers()).map(toPerson) }));
}
