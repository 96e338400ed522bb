import type { Figures } from '../../shared/domain/figures';
import { computeFigures } from '../../shared/domain/figures';
import type { SessionId } from '../../shared/domain/ids';
import { readCategories } from '../settings/committeeSettings';
import type { CommitteeSettingsStore } from '../storage/CommitteeSettingsStore';
import type { DocRecordStore } from '../storage/DocRecordStore';
import type { GroupStore } from '../storage/GroupStore';
import type { HandlingStore } from '../storage/HandlingStore';

/** The stores the figures are read from. */
export interface FiguresSources {
  readonly records: Pick<DocRecordStore, 'listDocuments'>;
  readonly groups: Pick<GroupStore, 'listGroups'>;
  readonly handling: Pick<HandlingStore, 'listCases' | 'listUnits' | 'listSessions'>;
  readonly settings: Pick<CommitteeSettingsStore, 'getSetting'>;
}

/**
 * Reads everything the report counts and computes the figures of one session, or of all when
 * `sessionId` is null (docs/RULES.md F1-F8). Null when the session does not exist.
 */
export async function readFigures(
  sources: FiguresSources,
  sessionId: SessionId | null,
  now: number,
): Promise<Figures | null> {
  const [records, cases, units, sessions, groups, categories] = await Promise.all([
    sources.records.listDocuments(),
    sources.handling.listCases(),
    sources.handling.listUnits(),
    sources.handling.listSessions(),
    sources.groups.listGroups(),
    readCategories(sources.settings),
  ]);
  if (sessionId !== null && !sessions.some((session) => session.id === sessionId)) {
    return null;
  }
  return computeFigures({
    records,
    cases,
    units,
    groups,
    categories: categories.categories,
    sessionId,
    currentSessionId: sessions.find((session) => session.isCurrent)?.id ?? null,
    now,
  });
}
