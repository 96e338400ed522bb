import type { DocEvent } from '../../shared/api/review';
import type { DocRecord } from '../../shared/api/schemas';
import { WebhookEvent } from '../../shared/domain/webhooks';
import type { DocStatus, Transition } from '../../shared/index';
import type { OutgoingWebhookEvent } from '../storage/WebhookStore';

/** What a transition's webhook events say about it; the `data` of docs/API.md, "Webhooks". */
export interface TransitionFacts {
  readonly record: DocRecord;
  readonly transition: Transition;
  readonly event: DocEvent & { readonly fromStatus: DocStatus; readonly toStatus: DocStatus };
  readonly actorName: string | null;
}

/**
 * The webhook events of one workflow transition: `document.status_changed` always, and
 * `document.filed` too when it files the document. Both carry the same data, so a receiver that
 * only wants filings subscribes to that alone.
 */
export function transitionWebhookEvents(facts: TransitionFacts): OutgoingWebhookEvent[] {
  const { record, event } = facts;
  const data = {
    document: { id: record.id, title: record.title, kind: record.kind, groupId: record.groupId },
    transition: facts.transition,
    fromStatus: event.fromStatus,
    toStatus: event.toStatus,
    actor: { id: event.actorId, name: facts.actorName },
    reason: event.reason,
    eventId: event.id,
  };
  const events: OutgoingWebhookEvent[] = [{ event: WebhookEvent.documentStatusChanged, occurredAt: event.at, data }];
  if (event.toStatus === 'filed') {
    events.push({ event: WebhookEvent.documentFiled, occurredAt: event.at, data });
  }
  return events;
}
