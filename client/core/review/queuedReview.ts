import { type DocId, freezesContent } from '../../../shared';
import { OutboxOp, type OutboxProblem, type OutboxRow, type TransitionPayload } from '../outbox';

/** A transition waiting in the outbox: `id` names its row (to take it back). */
export type QueuedTransition = TransitionPayload & { readonly id: string };

/** Transitions of one document waiting in the outbox, and the refusals among them. */
export interface QueuedReview {
  /** Waiting to be sent (not refused), oldest first. */
  readonly pending: readonly QueuedTransition[];
  /**
   * A submit, approval or filing waits or is on its way: the editor must not take more typing,
   * which the relay would refuse once the status changed and which would then sit unsent here.
   */
  readonly freezesContent: boolean;
  /** The id of the row whose request is out now: it can no longer be taken back. */
  readonly requesting: string | null;
  /** Refused review operations of the document (transitions, mentions). */
  readonly problems: readonly (OutboxProblem & { readonly payload: TransitionPayload | null })[];
}

/** What of a document's review waits in the outbox (`rows`) or was refused (`problems`). */
export function queuedReviewOf(input: {
  readonly docId: DocId;
  readonly rows: readonly OutboxRow[];
  readonly problems: readonly OutboxProblem[];
  readonly requesting: string | null;
}): QueuedReview {
  const { docId, rows, requesting } = input;
  const pending: QueuedTransition[] = [];
  const payloads = new Map<string, TransitionPayload>();
  for (const row of rows) {
    if (row.docId === docId && row.op === OutboxOp.transition) {
      payloads.set(String(row.seq), row.payload);
      if (!row.isRefused) {
        pending.push({ ...row.payload, id: String(row.seq) });
      }
    }
  }
  const problems = input.problems
    .filter(
      (problem) => problem.docId === docId && (problem.op === OutboxOp.transition || problem.op === OutboxOp.mention),
    )
    .map((problem) => ({ ...problem, payload: payloads.get(problem.id) ?? null }));
  // Typing after a transition that freezes the content would be refused by the relay.
  const freezes = pending.some((each) => freezesContent(each.action));
  return { pending, problems, freezesContent: freezes, requesting };
}
