import { randomUUID } from 'node:crypto';
import type { DocEvent } from '../../shared/api/review';
import type { DemoDraft } from '../../shared/demo/drafts';
import {
  DEMO_DECIDED,
  DEMO_SESSIONS,
  DEMO_UNIT_ACCOUNTS,
  DEMO_UNITS,
  type DemoDecided,
  type DemoHandlingStep,
} from '../../shared/demo/handlingDrafts';
import { type CaseChange, CaseOutcome, type HandlingCase, newCase } from '../../shared/domain/handling';
import { answer, giveOpinion, handOver, rate, respond } from '../../shared/domain/handlingSteps';
import { type DocId, type DocStatus, type SessionId, type UnitId, type UserId, WORKFLOW } from '../../shared/index';
import type { AccountStore } from '../storage/AccountStore';
import type { HandlingStore } from '../storage/HandlingStore';
import type { ReviewStore } from '../storage/ReviewStore';

const DAY_MS = 24 * 60 * 60 * 1000;

export interface DemoHandlingDeps {
  readonly accounts: Pick<AccountStore, 'createUser'>;
  readonly reviews: Pick<ReviewStore, 'applyTransition'>;
  readonly handling: HandlingStore;
  /** Stores a demo draft's record and content; answers its id. */
  readonly createDraft: (draft: DemoDraft, createdAt: number) => Promise<DocId>;
  readonly userId: (username: string) => UserId;
  readonly hashPassword: () => Promise<{ readonly password: string; readonly hash: string }>;
  readonly now: number;
}

/** A unit account as printed with the others. */
export interface DemoUnitAccount {
  readonly username: string;
  readonly name: string;
  readonly unit: string;
  readonly password: string;
}

function transitionOf(docId: DocId, transition: 'submit' | 'approve' | 'file' | 'reject', by: UserId, at: number) {
  const rule = WORKFLOW[transition];
  const event: DocEvent & { fromStatus: DocStatus; toStatus: DocStatus } = {
    id: randomUUID(),
    docId,
    type: rule.event,
    actorId: by,
    at,
    reason: null,
    versionId: null,
    subjectId: null,
    fromStatus: rule.from[0] ?? 'draft',
    toStatus: rule.to,
  };
  return { requestId: randomUUID(), event, version: null, reviewedVersionId: null, notifications: [] };
}

/** Applies a pure change to the stored case and saves it; the demo is the only writer. */
async function saveChange(handling: HandlingStore, docId: DocId, change: (current: HandlingCase) => CaseChange) {
  const current = await handling.getCase(docId);
  if (current === null) {
    throw new Error(`Cannot load the demo: document ${docId} has no case`);
  }
  const changed = change(current);
  if (!changed.ok) {
    throw new Error(`Cannot load the demo: a handling step of ${docId} was refused (${changed.refusal})`);
  }
  await handling.saveCase(changed.next);
}

interface Context {
  readonly deps: DemoHandlingDeps;
  readonly units: ReadonlyMap<string, UnitId>;
  readonly unitUsers: ReadonlyMap<string, UserId>;
  readonly docId: DocId;
  readonly proposer: UserId;
  readonly office: UserId;
}

async function runStep(context: Context, step: DemoHandlingStep, at: number): Promise<void> {
  const { deps, docId, proposer } = context;
  const unitId = (name: string): UnitId => context.units.get(name) as UnitId;
  const userOf = (name: string): UserId => context.unitUsers.get(name) ?? context.office;
  const actor = (name: string) => ({ id: userOf(name), firstProposer: proposer });
  await saveChange(deps.handling, docId, (current) => {
    switch (step.do) {
      case 'handover': {
        const deadline = step.overdue === true ? deps.now - 5 * DAY_MS : at + 90 * DAY_MS;
        const plan = {
          mode: step.mode,
          unitIds: step.units.map(unitId),
          deadline,
          ids: step.units.map(() => randomUUID()),
        };
        return handOver(current, plan, context.office, at);
      }
      case 'accept':
        return respond(current, unitId(step.unit), { accept: true }, userOf(step.unit), at);
      case 'opinion':
        return giveOpinion(current, unitId(step.unit), step.text, actor(step.unit), at);
      case 'answer':
        return answer(
          current,
          unitId(step.unit),
          { answerClass: step.answerClass, text: step.text },
          actor(step.unit),
          at,
        );
      case 'rate':
        return rate(
          current,
          { userId: proposer, handling: 'satisfied', result: step.result, comment: step.comment, at },
          proposer,
        );
      case 'message': {
        const isProposer = step.by === 'proposer';
        const message = {
          id: randomUUID(),
          authorId: isProposer ? proposer : userOf(step.by),
          unitId: isProposer ? null : unitId(step.by),
          text: step.text,
          at,
        };
        return {
          ok: true,
          next: { ...current, messages: [...current.messages, message], version: current.version + 1 },
        };
      }
    }
  });
}

async function decide(
  context: Omit<Context, 'docId' | 'proposer'>,
  decided: DemoDecided,
  sessions: Record<string, SessionId>,
  start: number,
) {
  const { deps, office } = context;
  const docId = await deps.createDraft(decided, start);
  const proposer = deps.userId(decided.createdBy);
  await deps.reviews.applyTransition(transitionOf(docId, 'submit', proposer, start + DAY_MS));
  await deps.reviews.applyTransition(transitionOf(docId, 'approve', deps.userId('linguodong'), start + 2 * DAY_MS));
  const { decision } = decided;
  if (decision.kind === 'approved') {
    return;
  }
  const decidedAt = start + 3 * DAY_MS;
  const isFiled = decision.kind === 'filed';
  const filing = newCase({
    docId,
    sessionId: (isFiled ? sessions[decision.session] : sessions.current) as SessionId,
    outcome: isFiled ? CaseOutcome.filed : CaseOutcome.notFiled,
    number: null,
    isKey: isFiled && decision.isKey === true,
    decidedBy: office,
    decidedAt,
    reason: isFiled ? null : decision.reason,
    conversion: isFiled ? null : decision.conversion,
    mergedInto: null,
  });
  const transition = transitionOf(docId, isFiled ? 'file' : 'reject', office, decidedAt);
  await deps.reviews.applyTransition({
    ...transition,
    event: { ...transition.event, reason: filing.reason },
    filing,
  });
  for (const [index, step] of (decided.handling ?? []).entries()) {
    await runStep({ ...context, docId, proposer }, step, decidedAt + (index + 1) * 3 * DAY_MS);
  }
}

/**
 * The demo's life after 立案: its units and their accounts, last session's and the current one,
 * and proposals decided on and handled at every stage (see handlingDrafts.ts). Answers the unit
 * accounts, each with a password made up for this run.
 */
export async function loadDemoHandling(deps: DemoHandlingDeps): Promise<DemoUnitAccount[]> {
  const units = new Map<string, UnitId>();
  for (const [index, name] of DEMO_UNITS.entries()) {
    const id = randomUUID() as UnitId;
    await deps.handling.createUnit({ id, name, isActive: true, createdAt: deps.now - 400 * DAY_MS + index });
    units.set(name, id);
  }
  const accounts: DemoUnitAccount[] = [];
  const unitUsers = new Map<string, UserId>();
  for (const account of DEMO_UNIT_ACCOUNTS) {
    const { password, hash } = await deps.hashPassword();
    const id = randomUUID() as UserId;
    await deps.accounts.createUser({
      id,
      username: account.username,
      name: account.name,
      role: 'unit',
      passwordHash: hash,
      createdAt: deps.now - 300 * DAY_MS,
      groupIds: [],
      unitId: units.get(account.unit) ?? null,
    });
    unitUsers.set(account.unit, id);
    accounts.push({ ...account, password });
  }
  const sessions: Record<string, SessionId> = { last: randomUUID() as SessionId, current: randomUUID() as SessionId };
  await deps.handling.createSession({
    id: sessions.last as SessionId,
    name: DEMO_SESSIONS.last,
    callDeadline: deps.now - 330 * DAY_MS,
    isCurrent: false,
    createdAt: deps.now - 365 * DAY_MS,
  });
  await deps.handling.createSession({
    id: sessions.current as SessionId,
    name: DEMO_SESSIONS.current,
    callDeadline: deps.now + 20 * DAY_MS,
    isCurrent: true,
    createdAt: deps.now - 30 * DAY_MS,
  });
  const context = { deps, units, unitUsers, office: deps.userId('zhoumin') };
  for (const [index, decided] of DEMO_DECIDED.entries()) {
    const isLast = decided.decision.kind === 'filed' && decided.decision.session === 'last';
    const start = deps.now - (isLast ? 320 : 25) * DAY_MS + index * DAY_MS;
    await decide(context, decided, sessions, start);
  }
  return accounts;
}
