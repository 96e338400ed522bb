/** Summary of a set of measurements. */
export interface Summary {
  readonly count: number;
  readonly min: number;
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
  readonly max: number;
  readonly mean: number;
}

/**
 * The q-quantile (0..1) of ascending-sorted values, by the nearest-rank method: the smallest value
 * with at least q of the values at or below it. NaN for an empty list.
 */
export function quantileSorted(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) {
    return Number.NaN;
  }
  if (q <= 0) {
    return sorted[0] ?? Number.NaN;
  }
  const rank = Math.ceil(q * sorted.length);
  const index = Math.min(sorted.length, Math.max(1, rank)) - 1;
  return sorted[index] ?? Number.NaN;
}

/** Median by nearest rank (the lower middle value for an even count). */
export function median(values: readonly number[]): number {
  return quantileSorted(sortAscending(values), 0.5);
}

/** Count, min, p50, p95, p99, max and mean; NaN fields for an empty list. */
export function summarize(values: readonly number[]): Summary {
  const sorted = sortAscending(values);
  let total = 0;
  for (const value of sorted) {
    total += value;
  }
  return {
    count: sorted.length,
    min: sorted[0] ?? Number.NaN,
    p50: quantileSorted(sorted, 0.5),
    p95: quantileSorted(sorted, 0.95),
    p99: quantileSorted(sorted, 0.99),
    max: sorted[sorted.length - 1] ?? Number.NaN,
    mean: sorted.length === 0 ? Number.NaN : total / sorted.length,
  };
}

/** Rounds to a number of decimals, keeping NaN and infinities as they are. */
export function round(value: number, decimals = 2): number {
  if (!Number.isFinite(value)) {
    return value;
  }
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}

/** A summary with every figure rounded to `decimals`. */
export function roundSummary(summary: Summary, decimals = 2): Summary {
  return {
    count: summary.count,
    min: round(summary.min, decimals),
    p50: round(summary.p50, decimals),
    p95: round(summary.p95, decimals),
    p99: round(summary.p99, decimals),
    max: round(summary.max, decimals),
    mean: round(summary.mean, decimals),
  };
}

function sortAscending(values: readonly number[]): number[] {
  // A typed array sorts numerically (Array#sort compares strings) and fast for 100k samples.
  return Array.from(Float64Array.from(values).sort());
}
