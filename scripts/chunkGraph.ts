import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Plugin } from 'vite';

/** One JavaScript chunk of the built client and the chunks it loads. */
export interface ChunkNode {
  /** Relative to the client's output directory, e.g. `assets/index-abc.js`. */
  readonly file: string;
  readonly isEntry: boolean;
  /** Chunks loaded before this one runs (static imports). */
  readonly imports: readonly string[];
  /** Chunks this one loads when asked (`import()`). */
  readonly dynamicImports: readonly string[];
}

/**
 * A build plugin that writes the client's chunk graph to `outFile` (relative to the project),
 * outside the served directory: what the first page loads is the entry and its static imports.
 */
export function chunkGraph(outFile: string): Plugin {
  let chunks: ChunkNode[] = [];
  return {
    name: 'jianyan-chunk-graph',
    apply: 'build',
    generateBundle(_options, bundle) {
      chunks = Object.values(bundle).flatMap((output) =>
        output.type === 'chunk'
          ? [
              {
                file: output.fileName,
                isEntry: output.isEntry,
                imports: output.imports,
                dynamicImports: output.dynamicImports,
              },
            ]
          : [],
      );
    },
    writeBundle() {
      mkdirSync(path.dirname(outFile), { recursive: true });
      writeFileSync(outFile, `${JSON.stringify({ chunks }, null, 1)}\n`);
    },
  };
}
