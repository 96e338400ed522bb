import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkBuiltClient } from '../../scripts/budgets';

const DIST = path.resolve(import.meta.dirname, '../../dist');

// The built client (`npm run test:e2e` builds it first) kept within its size budgets.
describe('the built client', () => {
  it('keeps the first page and every chunk within their gzipped budgets', () => {
    const report = checkBuiltClient(DIST);
    expect(report.firstPage.length).toBeGreaterThan(0);
    expect(report.overruns).toEqual([]);
  });
});
