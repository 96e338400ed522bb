import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/**
 * Writes a Brotli (`.br`) and a gzip (`.gz`) copy beside every text asset of the built client, so
 * that the server sends them compressed without compressing on each request
 * (`serveStatic({ precompressed: true })`). Run after `vite build`, once the service worker is written.
 */

const COMPRESSIBLE = /\.(?:js|mjs|css|html|svg|json|webmanifest|txt)$/;
/** Smaller files gain less than the headers cost. */
const MIN_BYTES = 1024;

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    return statSync(file).isDirectory() ? filesUnder(file) : [file];
  });
}

/** Compresses the text assets under `dir`; resolves with the bytes before and after Brotli. */
export function precompress(dir: string): { readonly files: number; readonly bytes: number; readonly brotli: number } {
  let files = 0;
  let bytes = 0;
  let brotli = 0;
  for (const file of filesUnder(dir)) {
    if (!COMPRESSIBLE.test(file) || statSync(file).size < MIN_BYTES) {
      continue;
    }
    const content = readFileSync(file);
    const br = brotliCompressSync(content, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: content.length },
    });
    writeFileSync(`${file}.br`, br);
    writeFileSync(`${file}.gz`, gzipSync(content, { level: 9 }));
    files += 1;
    bytes += content.length;
    brotli += br.length;
  }
  return { files, bytes, brotli };
}

if (process.argv[1] !== undefined && import.meta.filename === path.resolve(process.argv[1])) {
  const dir = path.resolve(process.argv[2] ?? 'dist/client');
  const { files, bytes, brotli } = precompress(dir);
  console.log(
    `precompressed ${files} files: ${Math.round(bytes / 1024)} KiB, ${Math.round(brotli / 1024)} KiB with Brotli`,
  );
}
