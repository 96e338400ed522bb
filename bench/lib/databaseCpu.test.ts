import { describe, expect, it } from 'vitest';
import { backendCpuMsBetween } from './databaseCpu';

describe('backendCpuMsBetween', () => {
  it('adds what each backend used since the first sample, counting new backends from zero', () => {
    const before = new Map([
      [10, 100],
      [11, 50],
    ]);
    const after = new Map([
      [10, 130],
      [11, 50],
      [12, 7],
    ]);
    expect(backendCpuMsBetween(before, after)).toBe(37);
  });

  it('leaves out backends that ended between the samples', () => {
    expect(backendCpuMsBetween(new Map([[10, 100]]), new Map([[11, 5]]))).toBe(5);
  });

  it('is null when no backend could be read', () => {
    expect(backendCpuMsBetween(new Map([[10, 100]]), new Map())).toBeNull();
  });
});
