import { describe, expect, it } from 'vitest';
import { transitionVersionName } from './versionNames';

describe('transitionVersionName', () => {
  it('names a version by its cause and the committee’s day, numbered once its cause repeats', () => {
    const lateEvening = Date.UTC(2026, 11, 3, 17, 30);
    expect(transitionVersionName('submit', 1, lateEvening)).toBe('提交审阅 · 12月4日');
    expect(transitionVersionName('submit', 2, lateEvening)).toBe('第2次提交审阅 · 12月4日');
    expect(transitionVersionName('return', 3, Date.UTC(2026, 0, 9, 2))).toBe('第3次退回修改 · 1月9日');
    expect(transitionVersionName('approve', 1, Date.UTC(2026, 5, 30, 15, 59))).toBe('审核通过 · 6月30日');
  });
});
