import * as Y from 'yjs';
import {
  ContentField,
  type DocId,
  type DocKind,
  type GroupId,
  MAX_TITLE_LENGTH,
  newDocId,
  templateUpdate,
  type UserId,
} from '../../../shared';
import { OutboxOp, type RegisterDocPayload } from '../outbox';
import { type DeviceStore, localDocRow, type StoredOutboxRow } from '../storage';

/** Edits made to a new document's content right after its template, such as an imported body. */
export type InitialContent = (doc: Y.Doc) => void;

/**
 * The updates that create a document: the kind's template (deterministic, so the same template
 * applied on another device merges into one copy, C5) and, when given, the title typed in the
 * create dialog and the `content` edits (ordinary local edits by a fresh client).
 */
export function initialUpdates(kind: DocKind, title: string, content?: InitialContent): Uint8Array[] {
  const template = templateUpdate(kind);
  if (title === '' && content === undefined) {
    return [template];
  }
  const doc = new Y.Doc({ gc: false });
  Y.applyUpdate(doc, template);
  const before = Y.encodeStateVector(doc);
  doc.transact(() => {
    doc.getText(ContentField.title).insert(0, title);
    content?.(doc);
  });
  const edited = Y.encodeStateAsUpdate(doc, before);
  doc.destroy();
  return [template, edited];
}

export interface GroupDocumentInput {
  readonly kind: DocKind;
  readonly groupId: GroupId;
  readonly title?: string;
  /** Edits after the template, such as an imported body. */
  readonly content?: InitialContent;
  /** The signed-in user, who registers it. */
  readonly userId: UserId;
  readonly now?: number;
}

/**
 * Creates a document of a group on this device, offline too: its content (template and title,
 * stored as unsent local updates; opening a document never seeds it again, C5), its row in the
 * document list and its registration in the outbox, in one transaction of the device store, so
 * that a document never exists without the request that registers it. Resolves with its id and
 * the registration as queued.
 */
export async function createGroupDocument(
  store: Pick<DeviceStore, 'createDocument'>,
  input: GroupDocumentInput,
): Promise<{ readonly docId: DocId; readonly registration: StoredOutboxRow }> {
  const docId = newDocId();
  const now = input.now ?? Date.now();
  const title = (input.title ?? '').trim().slice(0, MAX_TITLE_LENGTH);
  const { kind, groupId, userId } = input;
  const registration = await store.createDocument({
    row: localDocRow({ id: docId, kind, groupId, title, createdBy: userId, now }),
    updates: initialUpdates(kind, title, input.content),
    registration: {
      docId,
      userId,
      op: OutboxOp.registerDoc,
      payload: { id: docId, kind, groupId, title } satisfies RegisterDocPayload,
      createdAt: now,
      attempts: 0,
      lastError: null,
      isRefused: false,
    },
  });
  return { docId, registration };
}
