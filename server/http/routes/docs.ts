import type { Hono } from 'hono';
import { createDocRequestSchema, docIdSchema, updateDocRequestSchema } from '../../../shared/api/schemas';
import { Action, documentTarget } from '../../../shared/index';
import { announceRecord } from '../../review/announce';
import { withoutSnapshots } from '../../review/withoutSnapshots';
import { ApiError } from '../ApiError';
import type { ApiDeps, ApiEnv } from '../apiEnv';
import { findDoc } from '../findDoc';
import { permit } from '../permit';
import { requireUser } from '../requireUser';
import { jsonBody, param } from '../validate';
import { readableDocs } from '../visibility';

/** Document records: list, register (idempotent), read, archive. */
export function registerDocRoutes(api: Hono<ApiEnv>, deps: ApiDeps): void {
  const auth = requireUser(deps);

  api.get('/docs', auth, async (c) => {
    return c.json({ docs: readableDocs(c.get('auth').actor, await deps.records.listDocuments()) });
  });

  api.post('/docs', auth, jsonBody(createDocRequestSchema), async (c) => {
    const { id, kind, groupId, title } = c.get('body');
    const { actor } = c.get('auth');
    permit(actor, Action.createDocument, { type: 'group', groupId });
    if ((await deps.groups.getGroup(groupId)) === null) {
      throw ApiError.notFound(`No group ${groupId}`);
    }
    const { isCreated, record } = await deps.records.createDocument({
      id,
      kind,
      groupId,
      title,
      createdBy: actor.id,
      createdAt: deps.now(),
    });
    if (isCreated) {
      return c.json(record, 201);
    }
    if (record.groupId !== groupId || record.kind !== kind) {
      throw ApiError.conflict(
        `Document ${id} is registered already, in another group or as another kind: create the document again to get a new id`,
      );
    }
    return c.json(withoutSnapshots(record), 200);
  });

  api.get('/docs/:id', auth, async (c) => {
    const record = await findDoc(deps, param(docIdSchema, c.req.param('id'), 'id'));
    permit(c.get('auth').actor, Action.readDocument, documentTarget(record));
    return c.json(withoutSnapshots(record));
  });

  api.patch('/docs/:id', auth, jsonBody(updateDocRequestSchema), async (c) => {
    const id = param(docIdSchema, c.req.param('id'), 'id');
    permit(c.get('auth').actor, Action.archiveDocument, documentTarget(await findDoc(deps, id)));
    const updated = await deps.records.setDocumentArchived(id, c.get('body').isArchived);
    if (updated === null) {
      throw ApiError.notFound(`No document ${id} is registered`);
    }
    // Editors of an archived document may now only read it (and the other way round).
    await deps.onAccessChanged({ docId: id });
    await announceRecord(deps.hub, deps.accounts, updated);
    return c.json(withoutSnapshots(updated));
  });
}
