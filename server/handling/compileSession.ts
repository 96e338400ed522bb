import { CaseOutcome, formatCaseNumber } from '../../shared/domain/handling';
import { buildCompilationDocx } from '../../shared/formal/buildCompilationDocx';
import { formalDocumentOf } from '../../shared/formal/formalDocumentOf';
import type { FormalDocument } from '../../shared/formal/model';
import type { SessionId } from '../../shared/index';
import type { ContentReader } from '../review/contentSnapshots';
import { ReviewError } from '../review/ReviewError';
import { readCategories } from '../settings/committeeSettings';
import type { AccountStore } from '../storage/AccountStore';
import type { CommitteeSettingsStore } from '../storage/CommitteeSettingsStore';
import type { DocRecordStore } from '../storage/DocRecordStore';
import type { GroupStore } from '../storage/GroupStore';
import type { HandlingStore } from '../storage/HandlingStore';

/** What the compilation reads: the session's cases, the records, names, and the server's content. */
export interface CompileDeps {
  readonly handling: Pick<HandlingStore, 'listSessions' | 'listCases' | 'listUnits'>;
  readonly records: Pick<DocRecordStore, 'listDocuments'>;
  readonly accounts: Pick<AccountStore, 'listUsers'>;
  readonly groups: Pick<GroupStore, 'listGroups'>;
  readonly settings: Pick<CommitteeSettingsStore, 'getSetting'>;
  readonly content: ContentReader;
}

/**
 * The session's compilation (提案汇编): every proposal filed in it, in number order, each built
 * from the server's content and record as the 导出 menu builds one (`formalDocumentOf`), with a
 * title page and contents. Answers the file's name and bytes; 404 (ReviewError) for no such session.
 */
export async function compileSession(
  deps: CompileDeps,
  sessionId: SessionId,
): Promise<{ readonly name: string; readonly bytes: Uint8Array }> {
  const session = (await deps.handling.listSessions()).find((candidate) => candidate.id === sessionId);
  if (session === undefined) {
    throw new ReviewError('not_found', `No session ${sessionId}: choose one of GET /api/sessions`);
  }
  const [cases, records, users, groups, categories, units] = await Promise.all([
    deps.handling.listCases(),
    deps.records.listDocuments(),
    deps.accounts.listUsers(),
    deps.groups.listGroups(),
    readCategories(deps.settings),
    deps.handling.listUnits(),
  ]);
  const workspace = { people: users, groups };
  const names = { categories: categories.categories, units };
  const filed = cases
    .filter((each) => each.sessionId === sessionId && each.outcome === CaseOutcome.filed && each.number !== null)
    .sort((a, b) => (a.number ?? 0) - (b.number ?? 0));
  const entries: { number: string; document: FormalDocument }[] = [];
  for (const each of filed) {
    const record = records.find((candidate) => candidate.id === each.docId);
    if (record === undefined) {
      continue;
    }
    const document = await deps.content.readContent(each.docId, (doc) =>
      formalDocumentOf({ doc, record, workspace, untitled: '（无标题）', names }),
    );
    entries.push({ number: formatCaseNumber(each.number ?? 0), document });
  }
  return {
    name: `${session.name}提案汇编.docx`,
    bytes: await buildCompilationDocx({ sessionName: session.name, entries }),
  };
}
