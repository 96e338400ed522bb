import { type DocId, DocKind, DocStatus } from '../../../shared';
import type { DocRecord, Me, Workspace } from '../../../shared/api/schemas';
import { OutboxOp, type OutboxRow, type OutboxRowOf } from '../outbox';
import type { DocRow, WorkspaceRow } from '../storage';

/** The cached workspace as the UI sees it. */
export type CachedWorkspace = Workspace & { readonly fetchedAt: number };

/** Where a listed document stands between this device and the server. */
export const DocPlacement = {
  /** The server listed it to this user. */
  server: 'server',
  /** Created on this device; its registration waits in the outbox (or was refused). */
  pending: 'pending',
  /** Only on this device, from before groups existed: the server has never listed it here. */
  deviceOnly: 'device_only',
} as const;
export type DocPlacement = (typeof DocPlacement)[keyof typeof DocPlacement];

export interface ComposeInput {
  readonly snapshot: WorkspaceRow | null;
  /** The signed-in (or expired) user; null when nobody is. */
  readonly me: Me | null;
  /** Validated rows of the `docs` table. */
  readonly docs: readonly DocRow[];
  /** The current user's outbox rows. */
  readonly outbox: readonly OutboxRow[];
}

/** The last archive change of each document still waiting in the outbox. */
function pendingArchives(outbox: readonly OutboxRow[]): Map<DocId, boolean> {
  const archived = new Map<DocId, boolean>();
  for (const row of outbox) {
    if (row.op === OutboxOp.setArchived && !row.isRefused) {
      archived.set(row.docId, row.payload.isArchived);
    }
  }
  return archived;
}

function registrations(outbox: readonly OutboxRow[]): Map<DocId, OutboxRowOf<'registerDoc'>> {
  const found = new Map<DocId, OutboxRowOf<'registerDoc'>>();
  for (const row of outbox) {
    if (row.op === OutboxOp.registerDoc) {
      found.set(row.docId, row);
    }
  }
  return found;
}

/** Where a document stands; null when it is not to be listed (the server stopped listing it). */
export function placementOf(row: DocRow, isUnregistered: boolean): DocPlacement | null {
  if (isUnregistered) {
    return DocPlacement.pending;
  }
  if (row.record !== null && row.record !== undefined) {
    return DocPlacement.server;
  }
  return row.serverSeenAt === null || row.serverSeenAt === undefined ? DocPlacement.deviceOnly : null;
}

/** A document as this device knows it: the server's record with the device's newer title and wishes. */
function listedRecord(row: DocRow, me: Me, registration: OutboxRow | undefined): DocRecord | null {
  const record = row.record ?? null;
  if (record !== null && registration === undefined) {
    const isLocalNewer = row.updatedAt >= record.updatedAt;
    return {
      ...record,
      title: isLocalNewer ? row.title : record.title,
      updatedAt: Math.max(row.updatedAt, record.updatedAt),
    };
  }
  const placement = placementOf(row, registration !== undefined);
  if (placement === null) {
    return null;
  }
  const payload = registration?.op === OutboxOp.registerDoc ? registration.payload : null;
  const createdAt = row.createdAt ?? row.updatedAt;
  return {
    id: row.id,
    // A document from before kinds were recorded; every template the old app used was a proposal's.
    kind: payload?.kind ?? row.kind ?? DocKind.proposal,
    groupId: payload?.groupId ?? row.groupId ?? null,
    title: row.title,
    status: DocStatus.draft,
    isArchived: false,
    createdBy: placement === DocPlacement.pending ? (row.createdBy ?? me.id) : (row.createdBy ?? null),
    createdAt,
    updatedAt: row.updatedAt,
    updatedBy: placement === DocPlacement.pending ? me.id : null,
    authorIds: placement === DocPlacement.pending ? [me.id] : [],
    cosigners: [],
    lastReturn: null,
    fields: {},
  };
}

/**
 * The workspace the UI shows: the last fetched snapshot, every document the server listed (with
 * this device's newer titles and pending archive changes), documents created here and not yet
 * registered, and documents that exist only on this device. Newest first. Null before the first
 * fetch for this user.
 */
export function composeWorkspace({ snapshot, me, docs, outbox }: ComposeInput): CachedWorkspace | null {
  if (snapshot === null || me === null || snapshot.userId !== me.id) {
    return null;
  }
  const archives = pendingArchives(outbox);
  const registered = registrations(outbox);
  const listed = docs.flatMap((row) => {
    const record = listedRecord(row, me, registered.get(row.id));
    if (record === null) {
      return [];
    }
    const isArchived = archives.get(row.id);
    return [isArchived === undefined ? record : { ...record, isArchived }];
  });
  listed.sort((a, b) => b.updatedAt - a.updatedAt);
  return {
    me,
    groups: [...snapshot.groups],
    people: [...snapshot.people],
    docs: listed,
    fetchedAt: snapshot.fetchedAt,
  };
}
