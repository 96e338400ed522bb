import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import * as Y from 'yjs';
import { z } from 'zod';
import { caseAnswerSchema } from '../../../shared/api/handling';
import { transitionResultSchema } from '../../../shared/api/review';
import { apiErrorSchema } from '../../../shared/api/schemas';
import { type DocId, DocKind } from '../../../shared/index';
import { type ApiAnswer, apiRequest, expectOk } from './apiRequest';
import { snapshotOf } from './reviewWorkspace';
import type { SeededServerHandle } from './setupTestServer';

/** The people every handling test's committee has: zhang proposes, li co-signs, the convener approves. */
type HandlingPerson = 'zhang' | 'li' | 'convener';

/** The requests of the handling tests, as one person or another of a seeded committee of `经济界`. */
export function handlingRequests<P extends string>(ctx: SeededServerHandle<'经济界', P | HandlingPerson>) {
  type As = P | HandlingPerson | 'secretariat';
  const call = (as: As, method: 'GET' | 'POST' | 'PUT', path: string, json?: unknown): Promise<ApiAnswer> =>
    apiRequest(ctx.server.url, method, path, { token: ctx.tokenOf(as), ...(json === undefined ? {} : { json }) });
  return {
    call,
    /** A step on a document's case (`POST /api/docs/:id/case/<path>`) that must succeed. */
    step: async (as: As, id: DocId, path: string, json: unknown = {}) =>
      expectOk(await call(as, 'POST', `/api/docs/${id}/case/${path}`, json), caseAnswerSchema),
    /** A request that must be refused with `status`; its error's message. */
    refused: async (answer: Promise<ApiAnswer>, status: number): Promise<string> => {
      const response = await answer;
      expect(response.status, JSON.stringify(response.body)).toBe(status);
      return apiErrorSchema.parse(response.body).message;
    },
    /** A proposal of zhang's, co-signed by li, submitted and approved by the convener. */
    approvedProposal: async (title = '关于治理内涝的建议'): Promise<DocId> => {
      const { id } = await ctx.workspace.createDoc('zhang', { groupKey: '经济界', kind: DocKind.proposal, title });
      const li = ctx.workspace.people.li.id;
      expectOk(await call('zhang', 'POST', `/api/docs/${id}/cosigners`, { userIds: [li] }), z.unknown());
      expectOk(
        await call('li', 'PUT', `/api/docs/${id}/signature`, { snapshot: snapshotOf(new Y.Doc()) }),
        z.unknown(),
      );
      for (const [as, action, fromStatus] of [
        ['zhang', 'submit', 'draft'],
        ['convener', 'approve', 'in_review'],
      ] as const) {
        const body = { action, fromStatus, requestId: randomUUID() };
        expectOk(await call(as, 'POST', `/api/docs/${id}/transitions`, body), transitionResultSchema);
      }
      return id;
    },
  };
}
