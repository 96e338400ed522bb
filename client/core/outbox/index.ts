/**
 * Operations made on this device that the server has not accepted yet: queued, sent in order by
 * the sender each module registers, retried with backoff, and refusals kept for the user.
 */
export { Outbox, type OutboxOptions, type OutboxSender, type SendContext } from './Outbox';
export type { OutboxInput, OutboxSnapshot } from './OutboxQueue';
export {
  type AttendancePayload,
  type CheckInPayload,
  type MarkReadPayload,
  type MentionPayload,
  OutboxOp,
  type OutboxPayloads,
  type OutboxRow,
  type OutboxRowOf,
  parseOutboxRow,
  type RegisterDocPayload,
  type SetArchivedPayload,
  type TransitionPayload,
} from './outboxOps';
export type { OutboxProblem, OutboxSummary } from './outboxView';
