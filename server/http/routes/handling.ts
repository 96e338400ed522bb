import type { Hono } from 'hono';
import {
  answerRequestSchema,
  handlingTarget,
  handoverRequestSchema,
  keyRequestSchema,
  messageRequestSchema,
  opinionRequestSchema,
  rateRequestSchema,
  reassignRequestSchema,
  respondRequestSchema,
} from '../../../shared/api/handling';
import { docIdSchema } from '../../../shared/api/schemas';
import { AttachmentKind } from '../../../shared/domain/attachments';
import type { AnswerClass } from '../../../shared/domain/handling';
import { Action, can, Role } from '../../../shared/index';
import {
  answerStep,
  handOverStep,
  keyStep,
  messageStep,
  opinionStep,
  rateStep,
  reassignStep,
  remindStep,
  respondStep,
} from '../../handling/caseSteps';
import { type CaseStep, caseAnswer, changeCase, readCase } from '../../handling/changeCase';
import { ApiError } from '../ApiError';
import type { ApiDeps, ApiEnv } from '../apiEnv';
import { requireUser } from '../requireUser';
import { jsonBody, param } from '../validate';

/**
 * After 立案 (docs/API.md): the cases of decided proposals, the office's hand-over, the units'
 * answers, the proposers' ratings and the thread between them (P16-P18, H1-H9).
 */
export function registerHandlingRoutes(api: Hono<ApiEnv>, deps: ApiDeps): void {
  const auth = requireUser(deps);

  // Every case the caller may read: a unit's own, the office's and chairs' all, a member's those of their documents.
  api.get('/cases', auth, async (c) => {
    const { actor } = c.get('auth');
    const now = deps.now();
    const [cases, records] = await Promise.all([
      actor.role === Role.unit && actor.unitId != null
        ? deps.handling.casesOfUnit(actor.unitId)
        : deps.handling.listCases(),
      deps.records.listDocuments(),
    ]);
    const byId = new Map(records.map((record) => [record.id, record]));
    const readable = cases.flatMap((stored) => {
      const record = byId.get(stored.docId);
      return record !== undefined && can(actor, Action.readDocument, handlingTarget(record))
        ? [caseAnswer(stored, record, actor, now)]
        : [];
    });
    return c.json({ cases: readable }, 200);
  });

  api.get('/docs/:id/case', auth, async (c) => {
    const id = param(docIdSchema, c.req.param('id'), 'id');
    return c.json(await readCase(deps, c.get('auth').actor, id), 200);
  });

  const step = (path: string, make: (body: never) => CaseStep, schema: Parameters<typeof jsonBody>[0]) => {
    api.post(`/docs/:id/case/${path}`, auth, jsonBody(schema), async (c) => {
      const id = param(docIdSchema, c.req.param('id'), 'id');
      return c.json(await changeCase(deps, c.get('auth').actor, id, make(c.get('body') as never)), 200);
    });
  };
  step('handover', handOverStep, handoverRequestSchema);
  step('respond', respondStep, respondRequestSchema);
  step(
    'reassign',
    (body: { assignmentId: string; unitId: never }) => reassignStep(body.assignmentId, body.unitId),
    reassignRequestSchema,
  );
  step('opinion', (body: { text: string }) => opinionStep(body.text), opinionRequestSchema);
  // F4: an uploaded reply letter must be one of this unit's reply letters of this document.
  api.post('/docs/:id/case/answer', auth, jsonBody(answerRequestSchema), async (c) => {
    const id = param(docIdSchema, c.req.param('id'), 'id');
    const { actor } = c.get('auth');
    const body = c.get('body') as { answerClass: AnswerClass; text: string; attachmentId?: string };
    if (body.attachmentId !== undefined) {
      const letter = (await deps.attachments.listAttachments(id)).find((each) => each.id === body.attachmentId);
      if (
        letter === undefined ||
        letter.kind !== AttachmentKind.replyLetter ||
        actor.unitId == null ||
        letter.unitId !== actor.unitId
      ) {
        throw ApiError.badRequest(
          'The reply letter is not one your unit uploaded to this document: upload it first',
          'attachmentId',
        );
      }
    }
    return c.json(await changeCase(deps, actor, id, answerStep(body)), 200);
  });
  step('rating', rateStep, rateRequestSchema);
  step('messages', (body: { text: string }) => messageStep(body.text), messageRequestSchema);
  step('key', (body: { isKey: boolean }) => keyStep(body.isKey), keyRequestSchema);

  api.post('/docs/:id/case/remind', auth, async (c) => {
    const id = param(docIdSchema, c.req.param('id'), 'id');
    return c.json(await changeCase(deps, c.get('auth').actor, id, remindStep()), 200);
  });
}
