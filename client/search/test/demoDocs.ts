import { DEMO_PEOPLE } from '../../../shared/demo/committee';
import { draftContentUpdate } from '../../../shared/demo/draftContent';
import { DEMO_DRAFTS, type DemoDraft } from '../../../shared/demo/drafts';
import { DEMO_DECIDED, type DemoDecided } from '../../../shared/demo/handlingDrafts';
import type { DocStatus } from '../../../shared/domain/roles';
import type { SearchSource } from '../searchSource';

/** The demo committee's documents (`npm run demo` loads them): its drafts and its decided proposals. */
const DEMO_DOCS: readonly (DemoDraft | DemoDecided)[] = [...DEMO_DRAFTS, ...DEMO_DECIDED];

function statusOf(doc: DemoDraft | DemoDecided): DocStatus {
  if ('decision' in doc) {
    return doc.decision.kind;
  }
  return doc.review?.status ?? 'draft';
}

const nameOf = (username: string): string =>
  DEMO_PEOPLE.find((person) => person.username === username)?.name ?? username;

/** Each demo document as the device would hold it once synced, its id `demo-<index>`. */
export function demoSources(): SearchSource[] {
  return DEMO_DOCS.map((doc, index) => ({
    id: `demo-${index}`,
    stamp: '1',
    meta: { title: doc.title, kind: doc.kind, status: statusOf(doc), groupId: doc.group, year: 2026 },
    content: [draftContentUpdate(doc, nameOf)],
    comments: [],
  }));
}

/** The id of the one demo document whose title holds `part`. */
export function demoId(part: string): string {
  const found = DEMO_DOCS.flatMap((doc, index) => (doc.title.includes(part) ? [`demo-${index}`] : []));
  if (found.length !== 1) {
    throw new Error(`${found.length} demo documents have “${part}” in their title; the tests name one`);
  }
  return found[0] as string;
}
