import { describe, expect, it } from 'vitest';
import { BUDGETS, firstPageChunks, judgeBudgets } from './budgets';
import type { ChunkNode } from './chunkGraph';

const chunk = (file: string, imports: string[] = [], dynamicImports: string[] = [], isEntry = false): ChunkNode => ({
  file,
  isEntry,
  imports,
  dynamicImports,
});

describe('the size budgets of the built client', () => {
  const graph = [
    chunk('index.js', ['react.js', 'api.js'], ['editor.js'], true),
    chunk('react.js'),
    chunk('api.js', ['zod.js']),
    chunk('zod.js'),
    chunk('editor.js', ['react.js', 'tiptap.js']),
    chunk('tiptap.js'),
  ];

  it('counts the entry and what it imports statically, not what it loads when asked', () => {
    expect(firstPageChunks(graph).sort()).toEqual(['api.js', 'index.js', 'react.js', 'zod.js']);
  });

  it('passes a client within both budgets', () => {
    const report = judgeBudgets(graph, () => 10 * 1024);
    expect(report.overruns).toEqual([]);
    expect(report.firstPageBytes).toBe(40 * 1024);
    expect(report.largestChunk.gzipBytes).toBe(10 * 1024);
  });

  it('names a first page over its budget with the chunks in it', () => {
    const report = judgeBudgets(graph, (file) => (file === 'zod.js' ? BUDGETS.firstPageBytes : 1024));
    expect(report.overruns).toHaveLength(1);
    expect(report.overruns[0]).toMatch(/^The first page loads .* over its .*zod\.js/);
  });

  it('names a chunk over its budget even when the first page does not load it', () => {
    const report = judgeBudgets(graph, (file) => (file === 'tiptap.js' ? BUDGETS.chunkBytes + 1 : 1024));
    expect(report.overruns).toEqual([expect.stringMatching(/^tiptap\.js is .* over the 250\.0 KiB of a chunk$/)]);
    expect(report.largestChunk.file).toBe('tiptap.js');
  });

  it('refuses a graph without exactly one entry', () => {
    expect(() => firstPageChunks([chunk('a.js'), chunk('b.js')])).toThrow(/0 entry chunks/);
  });
});
