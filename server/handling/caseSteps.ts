import { randomUUID } from 'node:crypto';
import {
  type AnswerClass,
  activeAssignments,
  answeringAssignments,
  defaultDeadline,
  HandlingRefusal,
  type HandoverMode,
  lateUnitIds,
  type Satisfaction,
  UnitPart,
} from '../../shared/domain/handling';
import {
  addMessage,
  answer,
  giveOpinion,
  handOver,
  markKey,
  rate,
  reassign,
  remind,
  respond,
} from '../../shared/domain/handlingSteps';
import { Action, type UnitId } from '../../shared/index';
import { proposersOf } from '../review/recipients';
import { accountsOfUnits, type CaseStep, officeAccounts, type StepContext } from './changeCase';

/**
 * The handling steps the routes offer, one per action (docs/RULES.md H1-H9): each names who may
 * take it (P16-P18), the pure rule of shared/domain/handling.ts, and whom it concerns.
 */

function ownUnit(context: StepContext): UnitId | null {
  return context.actor.unitId ?? null;
}

/** 交办 (H1): to a lead unit with co-units, or to units answering separately. */
export function handOverStep(plan: { mode: HandoverMode; unitIds: readonly UnitId[]; deadline?: number }): CaseStep {
  return {
    action: Action.manageHandling,
    apply: (current, context) =>
      handOver(
        current,
        {
          mode: plan.mode,
          unitIds: plan.unitIds,
          deadline: plan.deadline ?? defaultDeadline(context.at),
          ids: plan.unitIds.map(() => randomUUID()),
        },
        context.actor.id,
        context.at,
      ),
    notices: (_before, after, context) => [
      {
        type: 'handed_over',
        userIds: accountsOfUnits(
          context.people,
          after.assignments.map((a) => a.unitId),
        ),
      },
    ],
  };
}

/** A unit accepts, or declines with its reason within the window (H2). */
export function respondStep(answerGiven: { accept: true } | { accept: false; reason: string }): CaseStep {
  return {
    action: Action.handleProposal,
    apply: (current, context) => {
      const unitId = ownUnit(context);
      return unitId === null
        ? { ok: false, refusal: HandlingRefusal.notYourUnit }
        : respond(current, unitId, answerGiven, context.actor.id, context.at);
    },
    notices: (_before, _after, context) =>
      answerGiven.accept
        ? []
        : [{ type: 'handling_declined', userIds: officeAccounts(context.people), reason: answerGiven.reason }],
  };
}

/** The office gives a declined part to another unit (H3). */
export function reassignStep(assignmentId: string, unitId: UnitId): CaseStep {
  return {
    action: Action.manageHandling,
    apply: (current, context) => reassign(current, assignmentId, unitId, randomUUID(), context.actor.id, context.at),
    notices: (_before, _after, context) => [
      { type: 'handed_over', userIds: accountsOfUnits(context.people, [unitId]) },
    ],
  };
}

/** A co-unit's opinion to the lead unit (H4). */
export function opinionStep(text: string): CaseStep {
  return {
    action: Action.handleProposal,
    apply: (current, context) => {
      const unitId = ownUnit(context);
      if (unitId === null) {
        return { ok: false, refusal: HandlingRefusal.notYourUnit };
      }
      return giveOpinion(
        current,
        unitId,
        text,
        { id: context.actor.id, firstProposer: context.firstProposer },
        context.at,
      );
    },
    notices: (_before, after, context) => [
      {
        type: 'handling_message',
        userIds: accountsOfUnits(
          context.people,
          activeAssignments(after)
            .filter((a) => a.part === UnitPart.lead)
            .map((a) => a.unitId),
        ),
      },
    ],
  };
}

/**
 * The lead's or a separate unit's reply with its class (H5): a text, an uploaded reply letter, or
 * both. The route checked that the letter is one of the unit's `reply_letter` attachments of the
 * document (AT4).
 */
export function answerStep(reply: { answerClass: AnswerClass; text: string; attachmentId?: string }): CaseStep {
  return {
    action: Action.handleProposal,
    apply: (current, context) => {
      const unitId = ownUnit(context);
      if (unitId === null) {
        return { ok: false, refusal: HandlingRefusal.notYourUnit };
      }
      return answer(current, unitId, reply, { id: context.actor.id, firstProposer: context.firstProposer }, context.at);
    },
    notices: (_before, after, context) => {
      const complete = answeringAssignments(after).every((a) => a.answers.some((x) => x.round === after.round));
      return complete ? [{ type: 'answered', userIds: proposersOf(context.record) }] : [];
    },
  };
}

/** A proposer's rating; the first proposer's 不满意 sends it back to its units (H6). */
export function rateStep(rating: { handling: Satisfaction; result: Satisfaction; comment?: string }): CaseStep {
  return {
    action: Action.rateAnswer,
    apply: (current, context) =>
      rate(
        current,
        {
          userId: context.actor.id,
          handling: rating.handling,
          result: rating.result,
          comment: rating.comment ?? '',
          at: context.at,
        },
        context.firstProposer,
      ),
    notices: (before, after, context) =>
      after.round > before.round
        ? [
            {
              type: 'rehandling',
              userIds: accountsOfUnits(
                context.people,
                answeringAssignments(after).map((a) => a.unitId),
              ),
              reason: rating.comment ?? null,
            },
          ]
        : [],
  };
}

/** 重点提案 (H7). */
export function keyStep(isKey: boolean): CaseStep {
  return {
    action: Action.manageHandling,
    apply: (current, context) => markKey(current, isKey, context.actor.id, context.at),
  };
}

/** A message in the thread between the units and the proposers (H8). */
export function messageStep(text: string): CaseStep {
  return {
    action: Action.discussHandling,
    apply: (current, context) =>
      addMessage(current, {
        id: randomUUID(),
        authorId: context.actor.id,
        unitId: ownUnit(context),
        text,
        at: context.at,
      }),
    notices: (_before, after, context) => [
      {
        type: 'handling_message',
        userIds: [
          ...proposersOf(context.record),
          ...accountsOfUnits(
            context.people,
            activeAssignments(after).map((a) => a.unitId),
          ),
        ],
        reason: text.slice(0, 200),
      },
    ],
  };
}

/** 催办: reminds the late units (H9). */
export function remindStep(): CaseStep {
  return {
    action: Action.manageHandling,
    apply: (current, context) => remind(current, context.actor.id, context.at),
    notices: (_before, after, context) => [
      { type: 'handling_overdue', userIds: accountsOfUnits(context.people, lateUnitIds(after)) },
    ],
  };
}
