import type { IdbCounts, StoreCounts } from './idbCounters';
import { median } from './stats';

/** What one measured run saw on the device: its IndexedDB counters and its HTTP requests. */
export interface IdbSample {
  readonly counts: IdbCounts;
  /** `METHOD /path` of each request to the server during the run, in order, ids replaced by `:id`. */
  readonly httpRequests: readonly string[];
}

/** The figures of one run that are summarised across runs. */
export interface RunFigures {
  readonly readonlyTransactions: number;
  readonly readwriteTransactions: number;
  /** Every read request, cursor steps included. */
  readonly reads: number;
  /** Every write request, cursor updates and deletes included. */
  readonly writes: number;
  readonly cursorSteps: number;
  /** Reads plus writes. */
  readonly requests: number;
  /** From the reset to the last request (transaction or request); 0 when there was none. */
  readonly lastRequestMs: number;
  readonly httpRequests: number;
}

/** One object store's counts, named. */
export type StoreFigures = StoreCounts & { readonly store: string };

/** Median and maximum of every figure across runs, and the median run in detail. */
export interface IdbRunSummary {
  readonly runs: number;
  readonly median: RunFigures;
  readonly max: RunFigures;
  readonly perRun: readonly RunFigures[];
  /** The run whose request count is the median one (the lower middle for an even count), in detail. */
  readonly medianRun: {
    readonly index: number;
    /** Busiest store first. */
    readonly stores: readonly StoreFigures[];
    /** Requests by `store.method`, most frequent first. */
    readonly calls: Readonly<Record<string, number>>;
    readonly httpRequests: readonly string[];
  };
}

const FIGURES: readonly (keyof RunFigures)[] = [
  'readonlyTransactions',
  'readwriteTransactions',
  'reads',
  'writes',
  'cursorSteps',
  'requests',
  'lastRequestMs',
  'httpRequests',
];

/** The summarised figures of one run. */
export function figuresOf(sample: IdbSample): RunFigures {
  const { counts } = sample;
  return {
    readonlyTransactions: counts.transactions.readonly,
    readwriteTransactions: counts.transactions.readwrite,
    reads: counts.reads,
    writes: counts.writes,
    cursorSteps: counts.cursorSteps,
    requests: counts.reads + counts.writes,
    lastRequestMs: Math.round(counts.lastAtMs ?? 0),
    httpRequests: sample.httpRequests.length,
  };
}

/** The stores of one run, busiest (reads plus writes) first, then by name. */
export function storeFigures(counts: IdbCounts): StoreFigures[] {
  return Object.entries(counts.stores)
    .map(([store, figures]) => ({ store, ...figures }))
    .sort((a, b) => b.reads + b.writes - (a.reads + a.writes) || a.store.localeCompare(b.store));
}

function eachFigure(pick: (name: keyof RunFigures) => number): RunFigures {
  return Object.fromEntries(FIGURES.map((name) => [name, pick(name)])) as unknown as RunFigures;
}

/** Summarises the runs; throws when there is none. */
export function summarizeIdbRuns(samples: readonly IdbSample[]): IdbRunSummary {
  if (samples.length === 0) {
    throw new Error('No run to summarise: every measured submit failed or none was made');
  }
  const perRun = samples.map(figuresOf);
  const byRequests = perRun.map((figures, index) => ({ index, requests: figures.requests }));
  // A stable sort: among runs with the same count, the earlier one is the median run.
  byRequests.sort((a, b) => a.requests - b.requests);
  const index = byRequests[Math.ceil(byRequests.length / 2) - 1]?.index ?? 0;
  const sample = samples[index];
  if (sample === undefined) {
    throw new Error(`No run ${index} among ${samples.length}`);
  }
  const calls = Object.fromEntries(
    Object.entries(sample.counts.calls).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])),
  );
  return {
    runs: samples.length,
    median: eachFigure((name) => median(perRun.map((figures) => figures[name]))),
    max: eachFigure((name) => Math.max(...perRun.map((figures) => figures[name]))),
    perRun,
    medianRun: { index, stores: storeFigures(sample.counts), calls, httpRequests: sample.httpRequests },
  };
}
