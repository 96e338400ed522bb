import { randomUUID } from 'node:crypto';
import type { Hono } from 'hono';
import { createVersionRequestSchema, type DocActivity } from '../../../shared/api/review';
import { docIdSchema } from '../../../shared/api/schemas';
import { Action, documentTarget } from '../../../shared/index';
import { encodeCurrentSnapshot } from '../../review/contentSnapshots';
import { reviewTarget } from '../../review/recipients';
import type { ApiDeps, ApiEnv } from '../apiEnv';
import { findDoc } from '../findDoc';
import { permit } from '../permit';
import { requireUser } from '../requireUser';
import { jsonBody, param } from '../validate';

/** A document's timeline (`GET /api/docs/:id/activity`) and named versions saved by hand (P13). */
export function registerVersionRoutes(api: Hono<ApiEnv>, deps: ApiDeps): void {
  const auth = requireUser(deps);

  api.get('/docs/:id/activity', auth, async (c) => {
    const record = await findDoc(deps, param(docIdSchema, c.req.param('id'), 'id'), { withSnapshots: true });
    const { actor } = c.get('auth');
    // The review timeline is the discussion's: a unit reads the text alone (P16).
    permit(actor, Action.readDiscussion, documentTarget(record));
    const activity = await deps.reviews.activity(record.id, actor.id);
    const answer: DocActivity = {
      record,
      events: [...activity.events],
      versions: [...activity.versions],
      lastReviewedVersionId: activity.lastReviewedVersionId,
    };
    return c.json(answer);
  });

  api.post('/docs/:id/versions', auth, jsonBody(createVersionRequestSchema), async (c) => {
    const record = await findDoc(deps, param(docIdSchema, c.req.param('id'), 'id'));
    const { actor } = c.get('auth');
    permit(actor, Action.saveVersion, documentTarget(record));
    const { name, isReview } = c.get('body');
    if (isReview) {
      // Only a reviewer marks a version as reviewed: whom return_document allows in review (P11).
      permit(actor, Action.returnDocument, reviewTarget(record));
    }
    const at = deps.now();
    const versionId = randomUUID();
    const version = await deps.reviews.saveVersion({
      version: {
        id: versionId,
        docId: record.id,
        name,
        cause: isReview ? 'review' : 'manual',
        createdBy: actor.id,
        createdAt: at,
        snapshot: await deps.content.readContent(record.id, encodeCurrentSnapshot),
      },
      event: {
        id: randomUUID(),
        docId: record.id,
        type: isReview ? 'reviewed' : 'version_saved',
        actorId: actor.id,
        at,
        reason: null,
        versionId,
        subjectId: null,
        fromStatus: null,
        toStatus: null,
      },
      reviewerId: isReview ? actor.id : null,
    });
    return c.json(version, 201);
  });
}
