import { describe, expect, it } from 'vitest';
import { median, quantileSorted, round, roundSummary, summarize } from './stats';

describe('quantileSorted', () => {
  it('picks the nearest rank: the smallest value with at least q of the values at or below it', () => {
    const values = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(quantileSorted(values, 0.5)).toBe(50);
    expect(quantileSorted(values, 0.95)).toBe(95);
    expect(quantileSorted(values, 0.99)).toBe(99);
    expect(quantileSorted(values, 1)).toBe(100);
  });

  it('returns the minimum for q <= 0 and NaN for no values', () => {
    expect(quantileSorted([3, 4], 0)).toBe(3);
    expect(quantileSorted([], 0.5)).toBeNaN();
  });

  it('returns the only value of a single-element list for every q', () => {
    expect(quantileSorted([7], 0.01)).toBe(7);
    expect(quantileSorted([7], 0.99)).toBe(7);
  });
});

describe('summarize', () => {
  it('sorts numerically, not as strings', () => {
    const summary = summarize([10, 9, 100, 2]);
    expect(summary.min).toBe(2);
    expect(summary.max).toBe(100);
    expect(summary.p50).toBe(9);
  });

  it('reports count and mean', () => {
    const summary = summarize([1, 2, 3, 6]);
    expect(summary.count).toBe(4);
    expect(summary.mean).toBe(3);
  });

  it('gives NaN figures and a zero count for no values', () => {
    const summary = summarize([]);
    expect(summary.count).toBe(0);
    expect(summary.p99).toBeNaN();
    expect(summary.mean).toBeNaN();
  });

  it('does not reorder the caller’s array', () => {
    const values = [3, 1, 2];
    summarize(values);
    expect(values).toEqual([3, 1, 2]);
  });
});

describe('median', () => {
  it('is the lower middle value for an even count', () => {
    expect(median([4, 1, 3, 2])).toBe(2);
    expect(median([5, 1, 3])).toBe(3);
  });
});

describe('round', () => {
  it('rounds to the given decimals and keeps NaN', () => {
    expect(round(1.23456, 2)).toBe(1.23);
    expect(round(1.5, 0)).toBe(2);
    expect(round(Number.NaN)).toBeNaN();
  });

  it('rounds every figure of a summary', () => {
    const rounded = roundSummary(summarize([1.234, 5.678]), 1);
    expect(rounded.min).toBe(1.2);
    expect(rounded.max).toBe(5.7);
  });
});
