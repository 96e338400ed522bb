import { ContentField, MAX_TITLE_LENGTH, RoomKind, readDocKind, readFields } from '../../shared/index';
import { type Logger, toError } from '../logger';
import { type DocStore, type DocumentSummary, EMPTY_BATCH } from '../storage/DocStore';
import type { Room } from './Room';

/**
 * How stale a document's last-change time and author in the list may get while it is being
 * edited. Writing the summary with every commit would add pages to each transaction for figures
 * shown in minutes; a changed title or field is written at once, and a room writes its summary on unload.
 */
const SUMMARY_REFRESH_MS = 10_000;

/** The summary of a content room as it is now; null for other rooms. */
export function summaryOf(room: Room, now: number): DocumentSummary | null {
  if (room.target.kind !== RoomKind.content) {
    return null;
  }
  const title = room.doc.getText(ContentField.title).toString().slice(0, MAX_TITLE_LENGTH);
  const kind = readDocKind(room.doc);
  const fields = kind === null ? {} : readFields(room.doc, kind);
  return { id: room.target.docId, title, updatedAt: now, updatedBy: room.lastAuthor, fields };
}

function fieldsChanged(last: DocumentSummary, next: DocumentSummary): boolean {
  return JSON.stringify(last.fields ?? {}) !== JSON.stringify(next.fields ?? {});
}

/**
 * The summaries a commit of changes to `rooms` should write now: a room's first, one whose title
 * or fields changed, or one whose last is older than the refresh interval. The others are marked unwritten.
 */
export function dueSummaries(rooms: ReadonlySet<Room>, now: number): DocumentSummary[] {
  const result: DocumentSummary[] = [];
  for (const room of rooms) {
    const summary = summaryOf(room, now);
    if (summary === null) {
      continue;
    }
    const last = room.lastSummary;
    const isDue =
      last === null ||
      last.title !== summary.title ||
      fieldsChanged(last, summary) ||
      now - last.updatedAt >= SUMMARY_REFRESH_MS;
    room.hasUnwrittenSummary = !isDue;
    if (isDue) {
      room.lastSummary = summary;
      result.push(summary);
    }
  }
  return result;
}

/** Writes the summaries the refresh interval held back, before rooms unload; failures are logged. */
export async function writeLastSummaries(store: DocStore, rooms: Iterable<Room>, logger: Logger): Promise<void> {
  const now = Date.now();
  const documents: DocumentSummary[] = [];
  for (const room of rooms) {
    const summary = room.hasUnwrittenSummary ? summaryOf(room, now) : null;
    room.hasUnwrittenSummary = false;
    if (summary !== null) {
      documents.push(summary);
    }
  }
  if (documents.length === 0) {
    return;
  }
  try {
    await store.write({ ...EMPTY_BATCH, documents });
  } catch (thrown) {
    logger.warn('writing document summaries failed', { documents: documents.length, error: toError(thrown).message });
  }
}
