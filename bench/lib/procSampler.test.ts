import { describe, expect, it } from 'vitest';
import { parseBusyTicks, parseStatCpuTicks, parseVmRssKb, sampleProcess } from './procSampler';

describe('parseStatCpuTicks', () => {
  it('adds utime and stime, counting fields after the command name', () => {
    const stat = '4242 (node) S 1 4242 4242 0 -1 4194560 100 0 0 0 250 31 0 0 20 0 11 0 123 456 789';
    expect(parseStatCpuTicks(stat)).toBe(281);
  });

  it('copes with spaces and parentheses in the command name', () => {
    const stat = '7 (my (odd) name) R 1 7 7 0 -1 0 0 0 0 0 12 3 0 0 20 0 1 0 1 1 1';
    expect(parseStatCpuTicks(stat)).toBe(15);
  });
});

describe('parseVmRssKb', () => {
  it('reads VmRSS in kB', () => {
    expect(parseVmRssKb('Name:\tnode\nVmRSS:\t   91234 kB\nThreads:\t11\n')).toBe(91234);
  });

  it('throws when the field is missing', () => {
    expect(() => parseVmRssKb('Name:\tzombie\n')).toThrow(/VmRSS/);
  });
});

describe('sampleProcess', () => {
  it('reads this process', () => {
    const sample = sampleProcess(process.pid);
    expect(sample.rssKb).toBeGreaterThan(1_000);
    expect(sample.cpuMs).toBeGreaterThan(0);
  });
});

describe('parseBusyTicks', () => {
  it('sums every field of the cpu line but idle and iowait', () => {
    const stat = 'cpu  100 2 30 5000 40 0 6 1 0 0\ncpu0 50 1 15 2500 20 0 3 0 0 0\n';
    expect(parseBusyTicks(stat)).toBe(139);
  });
});
