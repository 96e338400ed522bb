import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Where `npm run build:server` writes our relay's bundle, relative to the package root. */
export const OUR_BUNDLE = 'dist/server/main.js';
const SOURCE_DIRS = ['server', 'shared'];

function newestSourceMs(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts')) {
      newest = Math.max(newest, statSync(join(entry.parentPath, entry.name)).mtimeMs);
    }
  }
  return newest;
}

/**
 * Throws unless our relay's bundle exists and is newer than every server and shared source, so a
 * benchmark never measures code other than the checkout's.
 */
export function assertBundleFresh(root: string): void {
  const bundle = statSync(join(root, OUR_BUNDLE), { throwIfNoEntry: false });
  if (bundle === undefined) {
    throw new Error(
      `Cannot start our relay: ${OUR_BUNDLE} is missing; run \`npm run build:server\` (npm run bench does)`,
    );
  }
  const newest = Math.max(...SOURCE_DIRS.map((dir) => newestSourceMs(join(root, dir))));
  if (newest > bundle.mtimeMs) {
    throw new Error(
      `Cannot start our relay: ${OUR_BUNDLE} is older than the sources in server/ or shared/; run \`npm run build:server\` (npm run bench does)`,
    );
  }
}
