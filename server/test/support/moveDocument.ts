import { randomUUID } from 'node:crypto';
import { transitionResultSchema } from '../../../shared/api/review';
import type { DocId } from '../../../shared/index';
import { apiRequest, expectOk } from './apiRequest';

/** One step of the workflow: who takes it, the transition, and the status it leaves. */
export type WorkflowMove<P extends string> = readonly [as: P, action: string, fromStatus: string];

/** Moves a document through the workflow over HTTP, one transition after another, each expected to succeed. */
export async function moveDocument<P extends string>(
  server: { readonly url: string },
  tokenOf: (as: P) => string,
  docId: DocId,
  moves: readonly WorkflowMove<P>[],
): Promise<void> {
  for (const [as, action, fromStatus] of moves) {
    const json = { action, fromStatus, requestId: randomUUID() };
    const answer = await apiRequest(server.url, 'POST', `/api/docs/${docId}/transitions`, { token: tokenOf(as), json });
    expectOk(answer, transitionResultSchema);
  }
}

/** Submitted by its author, approved by the convener, filed by the secretariat. */
export function filedBy<P extends string>(author: P, convener: P): WorkflowMove<P | 'secretariat'>[] {
  return [
    [author, 'submit', 'draft'],
    [convener, 'approve', 'in_review'],
    ['secretariat', 'file', 'approved'],
  ];
}
