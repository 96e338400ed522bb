import { describe, expect, it } from 'vitest';
import type { IdbCounts } from './idbCounters';
import { type IdbSample, storeFigures, summarizeIdbRuns } from './idbRunSummary';

function store(reads: number, writes: number) {
  return { reads, writes, cursorSteps: 0, transactions: 1, maxWritesOfOneKey: writes > 0 ? 1 : 0 };
}

function sample(reads: number, writes: number, extra: Partial<IdbCounts> = {}): IdbSample {
  const counts: IdbCounts = {
    transactions: { readonly: reads, readwrite: writes },
    reads,
    writes,
    cursorSteps: 0,
    stores: { docs: store(reads, writes) },
    calls: { 'docs.get': reads, 'docs.put': writes },
    firstAtMs: 1,
    lastAtMs: 10 * reads,
    ...extra,
  };
  return { counts, httpRequests: ['POST /api/docs/:id/transitions'] };
}

describe('summarizeIdbRuns', () => {
  it('gives the median and the maximum of each figure across runs', () => {
    const summary = summarizeIdbRuns([sample(30, 9), sample(10, 12), sample(20, 3)]);
    expect(summary.runs).toBe(3);
    expect(summary.median).toMatchObject({ reads: 20, writes: 9, requests: 23, readonlyTransactions: 20 });
    expect(summary.max).toMatchObject({ reads: 30, writes: 12, requests: 39, lastRequestMs: 300, httpRequests: 1 });
    expect(summary.perRun.map((figures) => figures.requests)).toEqual([39, 22, 23]);
  });

  it('details the run whose request count is the median one', () => {
    const summary = summarizeIdbRuns([sample(30, 9), sample(10, 12), sample(20, 3)]);
    expect(summary.medianRun.index).toBe(2);
    expect(summary.medianRun.stores).toEqual([{ store: 'docs', ...store(20, 3) }]);
    expect(summary.medianRun.httpRequests).toEqual(['POST /api/docs/:id/transitions']);
  });

  it('takes the lower middle run of an even count, and the earlier of runs with equal counts', () => {
    expect(summarizeIdbRuns([sample(40, 0), sample(10, 0), sample(30, 0), sample(20, 0)]).medianRun.index).toBe(3);
    expect(summarizeIdbRuns([sample(5, 5), sample(5, 5), sample(5, 5)]).medianRun.index).toBe(1);
  });

  it('lists the calls of the median run most frequent first', () => {
    const summary = summarizeIdbRuns([sample(2, 7)]);
    expect(Object.keys(summary.medianRun.calls)).toEqual(['docs.put', 'docs.get']);
  });

  it('counts a run without any request as ending at 0 ms', () => {
    const summary = summarizeIdbRuns([sample(0, 0, { firstAtMs: null, lastAtMs: null })]);
    expect(summary.median.lastRequestMs).toBe(0);
  });

  it('refuses to summarise no run at all', () => {
    expect(() => summarizeIdbRuns([])).toThrow(/No run to summarise/);
  });
});

describe('storeFigures', () => {
  it('puts the busiest store first, and stores as busy in name order', () => {
    const counts = sample(0, 0, { stores: { outbox: store(1, 1), docs: store(5, 3), activity: store(2, 0) } }).counts;
    expect(storeFigures(counts).map((figures) => figures.store)).toEqual(['docs', 'activity', 'outbox']);
  });
});
