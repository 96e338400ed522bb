import { STREAM_EVENTS } from '../../shared/api/review';
import type { DocRecord } from '../../shared/api/schemas';
import { Action, can, type DocId, documentTarget } from '../../shared/index';
import { actorOf } from '../auth/Authenticator';
import type { AccountStore, UserRecord } from '../storage/AccountStore';
import type { DocRecordStore } from '../storage/DocRecordStore';
import type { StoredNotification } from '../storage/ReviewStore';
import type { StreamHub } from './StreamHub';
import { withoutSnapshots } from './withoutSnapshots';

/** What announcing needs of the live streams' hub. */
export type StreamPublisher = Pick<StreamHub, 'publish' | 'size'>;

/** Sends each stored notification to its person's open streams. */
export function announceNotifications(hub: StreamPublisher, notifications: readonly StoredNotification[]): void {
  for (const { userId, notification } of notifications) {
    hub.publish([userId], { event: STREAM_EVENTS.notification, data: JSON.stringify(notification) });
  }
}

/**
 * Sends a changed record (status, co-signers, archive flag) to the open streams of everyone who
 * may read it now: decided on the accounts as stored, not as they were when each stream opened.
 * Co-signers' snapshots are left out (see withoutSnapshots).
 */
export async function announceRecord(
  hub: StreamPublisher,
  accounts: Pick<AccountStore, 'listUsers'>,
  record: DocRecord,
): Promise<void> {
  if (hub.size > 0) {
    announceRecordTo(hub, await accounts.listUsers(), record);
  }
}

/** announceRecord of the document's record as stored now; nothing when it is not registered. */
export async function announceStoredRecord(
  hub: StreamPublisher,
  deps: { readonly accounts: Pick<AccountStore, 'listUsers'>; readonly records: Pick<DocRecordStore, 'getDocument'> },
  docId: DocId,
): Promise<void> {
  if (hub.size === 0) {
    return;
  }
  const record = await deps.records.getDocument(docId);
  if (record !== null) {
    await announceRecord(hub, deps.accounts, record);
  }
}

/** announceRecord, for a caller that has read the accounts already. */
export function announceRecordTo(hub: StreamPublisher, users: readonly UserRecord[], record: DocRecord): void {
  if (hub.size === 0) {
    return;
  }
  const target = documentTarget(record);
  const readers = users.filter((user) => can(actorOf(user), Action.readDocument, target)).map((user) => user.id);
  hub.publish(readers, { event: STREAM_EVENTS.record, data: JSON.stringify(withoutSnapshots(record)) });
}
