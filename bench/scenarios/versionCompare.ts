import * as Y from 'yjs';
import { authorsOf, Change, compareVersions, renderVersion, type VersionContent } from '../../client/core/versions';
import { bodyChars, typeDraft } from '../lib/draftHistory';
import { newReviser, revise } from '../lib/reviewEdits';
import { seededRandom } from '../lib/seededRandom';
import { round, roundSummary, type Summary, summarize } from '../lib/stats';

/** Load shape of the version-compare scenario. */
export interface VersionCompareOptions {
  /** Characters of the drafted body before the revisions. */
  readonly chars: number;
  /** Revisions between the two versions, taking turns between two people. */
  readonly edits: number;
  /** Timed runs of each computation, after one untimed. */
  readonly runs: number;
  readonly seed: number;
}

/** Figures of the version-compare scenario (in process, no relay). */
export interface VersionCompareResult {
  readonly bodyChars: number;
  readonly buildMs: number;
  /** Two saved versions compared, as the 对比 view does. */
  readonly compareMs: Summary;
  /** A saved version against the live document, as "changes since my last review" does. */
  readonly sinceLiveMs: Summary;
  /** One saved version rendered without a comparison (查看). */
  readonly renderMs: Summary;
  readonly insertedSegments: number;
  readonly deletedSegments: number;
  readonly authors: number;
  /** Encoded size of one version's snapshot, as the server stores and sends it. */
  readonly snapshotBytes: number;
}

function time(run: () => VersionContent): { ms: number; content: VersionContent } {
  const start = performance.now();
  const content = run();
  return { ms: performance.now() - start, content };
}

function timeRuns(runs: number, run: () => VersionContent): { summary: Summary; last: VersionContent } {
  let last = run(); // untimed: the first run pays for lazy work (JIT, the author records)
  const times: number[] = [];
  for (let index = 0; index < runs; index += 1) {
    const timed = time(run);
    times.push(timed.ms);
    last = timed.content;
  }
  return { summary: roundSummary(summarize(times)), last };
}

function count(content: VersionContent, change: Change): number {
  return content.blocks.reduce(
    (total, block) => total + block.segments.filter((segment) => segment.change === change).length,
    0,
  );
}

/**
 * A document of about `chars` Chinese characters drafted by one member, then `edits` revisions by
 * two members between two versions; times the comparison of the two versions, of the older one
 * with the live document, and the rendering of one version, on the live document as the client
 * computes them.
 */
export async function runVersionCompare(options: VersionCompareOptions): Promise<VersionCompareResult> {
  const buildStart = performance.now();
  const random = seededRandom(options.seed);
  const draft = typeDraft(options.chars, random);
  // The drafter: every character of the draft is theirs.
  authorsOf(draft).setUserMapping(draft, draft.clientID, 'drafter');
  const first = newReviser('reviser-1', draft);
  const second = newReviser('reviser-2', draft);
  draft.destroy();
  const doc = first.doc;
  const base = Y.snapshot(doc);
  await revise([first, second], options.edits, random);
  const target = Y.snapshot(doc);
  const buildMs = performance.now() - buildStart;

  const compared = timeRuns(options.runs, () => compareVersions(doc, base, target));
  const sinceLive = timeRuns(options.runs, () => compareVersions(doc, base, null));
  const rendered = timeRuns(options.runs, () => renderVersion(doc, target));
  if (rendered.last.blocks.length === 0 || compared.last.authors.length < 2) {
    throw new Error('The comparison found no blocks or fewer than two authors: the scenario is broken');
  }
  return {
    bodyChars: bodyChars(doc),
    buildMs: round(buildMs, 0),
    compareMs: compared.summary,
    sinceLiveMs: sinceLive.summary,
    renderMs: rendered.summary,
    insertedSegments: count(compared.last, Change.inserted),
    deletedSegments: count(compared.last, Change.deleted),
    authors: compared.last.authors.length,
    snapshotBytes: Y.encodeSnapshot(target).byteLength,
  };
}
