import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { ChunkNode } from './chunkGraph';

/**
 * What the client may weigh, in gzipped bytes, for a first load on a slow mobile network
 * (docs/ARCHITECTURE.md "Loading" says what the first page holds).
 */
export const BUDGETS = {
  /** The JavaScript a first visit downloads before the sign-in page works: the entry and its static imports. */
  firstPageBytes: 150 * 1024,
  /** Any one chunk. */
  chunkBytes: 250 * 1024,
} as const;

export interface BudgetReport {
  /** The entry and the chunks it imports statically, with their gzipped sizes. */
  readonly firstPage: readonly { readonly file: string; readonly gzipBytes: number }[];
  readonly firstPageBytes: number;
  readonly largestChunk: { readonly file: string; readonly gzipBytes: number };
  /** One line per budget passed over, empty when all are kept. */
  readonly overruns: readonly string[];
}

const kib = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KiB`;

/** The chunks loaded before the entry runs: it and everything it imports statically, transitively. */
export function firstPageChunks(chunks: readonly ChunkNode[]): string[] {
  const byFile = new Map(chunks.map((chunk) => [chunk.file, chunk]));
  const entries = chunks.filter((chunk) => chunk.isEntry);
  if (entries.length !== 1) {
    throw new Error(`The client has ${entries.length} entry chunks; the budgets expect one`);
  }
  const seen = new Set<string>();
  const visit = (file: string): void => {
    if (seen.has(file)) {
      return;
    }
    seen.add(file);
    for (const imported of byFile.get(file)?.imports ?? []) {
      visit(imported);
    }
  };
  visit(entries[0]?.file ?? '');
  return [...seen];
}

/** Judges a chunk graph against BUDGETS, given each chunk's gzipped size. */
export function judgeBudgets(chunks: readonly ChunkNode[], gzipBytesOf: (file: string) => number): BudgetReport {
  const firstPage = firstPageChunks(chunks).map((file) => ({ file, gzipBytes: gzipBytesOf(file) }));
  const firstPageBytes = firstPage.reduce((sum, chunk) => sum + chunk.gzipBytes, 0);
  const sized = chunks.map((chunk) => ({ file: chunk.file, gzipBytes: gzipBytesOf(chunk.file) }));
  const largestChunk = sized.reduce((largest, chunk) => (chunk.gzipBytes > largest.gzipBytes ? chunk : largest), {
    file: '',
    gzipBytes: 0,
  });
  const overruns = [
    ...(firstPageBytes > BUDGETS.firstPageBytes
      ? [
          `The first page loads ${kib(firstPageBytes)} of gzipped JavaScript, over its ${kib(BUDGETS.firstPageBytes)}: ${firstPage
            .map((chunk) => `${chunk.file} ${kib(chunk.gzipBytes)}`)
            .join(', ')}`,
        ]
      : []),
    ...sized
      .filter((chunk) => chunk.gzipBytes > BUDGETS.chunkBytes)
      .map(
        (chunk) => `${chunk.file} is ${kib(chunk.gzipBytes)} gzipped, over the ${kib(BUDGETS.chunkBytes)} of a chunk`,
      ),
  ];
  return { firstPage, firstPageBytes, largestChunk, overruns };
}

/** Reads the built client under `distDir` (its `client/` and the `client-chunks.json` the build wrote) and judges it. */
export function checkBuiltClient(distDir: string): BudgetReport {
  const graphFile = path.join(distDir, 'client-chunks.json');
  const { chunks } = JSON.parse(readFileSync(graphFile, 'utf8')) as { chunks: ChunkNode[] };
  return judgeBudgets(
    chunks,
    (file) => gzipSync(readFileSync(path.join(distDir, 'client', file)), { level: 9 }).length,
  );
}
