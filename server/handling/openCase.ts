import { randomUUID } from 'node:crypto';
import type { CommitteeSession, FilingRequest } from '../../shared/api/handling';
import { CaseOutcome, type HandlingCase, newCase } from '../../shared/domain/handling';
import { type Transition, WORKFLOW } from '../../shared/domain/workflow';
import { type Actor, COMMITTEE_TIME_ZONE, can, type DocId, documentTarget, type SessionId } from '../../shared/index';
import { ReviewError } from '../review/ReviewError';
import type { DocRecordStore } from '../storage/DocRecordStore';
import type { HandlingStore } from '../storage/HandlingStore';

/** What opening a case needs. */
export interface OpenCaseDeps {
  readonly handling: Pick<
    HandlingStore,
    'currentSession' | 'listSessions' | 'getCase' | 'createSession' | 'updateSession'
  >;
  readonly records: Pick<DocRecordStore, 'getAccessRecord'>;
  readonly now: () => number;
}

const OUTCOME_OF: Partial<Record<Transition, HandlingCase['outcome']>> = {
  file: CaseOutcome.filed,
  reject: CaseOutcome.notFiled,
  merge: CaseOutcome.merged,
};

/**
 * The case an office decision opens (立案, 不予立案, 并案), checked against what is stored: the
 * session asked for (or the current one), and for 并案 a filed proposal of the same kind to join.
 * Null for any other transition. The transition stores it with its number (ReviewStore.applyTransition).
 * Throws ReviewError (conflict) with what to do when the decision cannot be made.
 */
export async function openCase(
  deps: OpenCaseDeps,
  actor: Actor,
  docId: DocId,
  decision: {
    readonly transition: Transition;
    readonly filing: FilingRequest | undefined;
    readonly reason: string | null;
  },
): Promise<HandlingCase | null> {
  const outcome = OUTCOME_OF[decision.transition];
  if (outcome === undefined) {
    return null;
  }
  const record = await deps.records.getAccessRecord(docId);
  if (
    record === null ||
    !can(actor, WORKFLOW[decision.transition].action, documentTarget({ ...record, authorIds: [] }))
  ) {
    // transitionDocument refuses it, with why: before anything is said about sessions.
    return null;
  }
  const filing = decision.filing ?? {};
  let sessionId = filing.sessionId ?? null;
  if (sessionId === null) {
    sessionId = (await currentOrYearSession(deps)).id;
  } else if (!(await deps.handling.listSessions()).some((session) => session.id === sessionId)) {
    throw new ReviewError('conflict', `No session ${sessionId}: choose one of GET /api/sessions`);
  }
  const mergedInto = outcome === CaseOutcome.merged ? await mergeTarget(deps, docId, filing.into) : null;
  return newCase({
    docId,
    sessionId,
    outcome,
    number: null,
    isKey: outcome === CaseOutcome.filed && filing.isKey === true,
    decidedBy: actor.id,
    decidedAt: deps.now(),
    reason: outcome === CaseOutcome.notFiled ? decision.reason : null,
    conversion: outcome === CaseOutcome.notFiled ? (filing.conversion ?? 'none') : null,
    mergedInto,
  });
}

async function mergeTarget(deps: OpenCaseDeps, docId: DocId, into: DocId | undefined): Promise<DocId> {
  if (into === undefined) {
    throw new ReviewError('conflict', '并案 names the filed proposal to join: send filing.into');
  }
  if (into === docId) {
    throw new ReviewError('conflict', 'A proposal cannot be merged into itself');
  }
  const [target, own, targetCase] = await Promise.all([
    deps.records.getAccessRecord(into),
    deps.records.getAccessRecord(docId),
    deps.handling.getCase(into),
  ]);
  if (target === null || targetCase === null || targetCase.outcome !== CaseOutcome.filed) {
    throw new ReviewError('conflict', `Document ${into} is not a filed proposal: file it first, then merge into it`);
  }
  if (own !== null && own.kind !== target.kind) {
    throw new ReviewError('conflict', `Document ${into} is a ${target.kind}: merge only documents of the same kind`);
  }
  return into;
}

/**
 * The current session; when the secretariat has named none, the year's ("2026年", in the
 * committee's calendar), created and made current, so that filing never waits for the set-up.
 */
async function currentOrYearSession(deps: OpenCaseDeps): Promise<CommitteeSession> {
  const current = await deps.handling.currentSession();
  if (current !== null) {
    return current;
  }
  const now = deps.now();
  const year = new Intl.DateTimeFormat('en', { timeZone: COMMITTEE_TIME_ZONE, year: 'numeric' }).format(now);
  const name = `${year}年`;
  const existing = (await deps.handling.listSessions()).find((session) => session.name === name);
  if (existing !== undefined) {
    return (await deps.handling.updateSession(existing.id, { isCurrent: true })) ?? existing;
  }
  try {
    return await deps.handling.createSession({
      id: randomUUID() as SessionId,
      name,
      callDeadline: null,
      isCurrent: true,
      createdAt: now,
    });
  } catch (thrown) {
    // Another process made it at the same moment.
    const made = (await deps.handling.listSessions()).find((session) => session.name === name);
    if (made === undefined) {
      throw thrown;
    }
    return made;
  }
}
