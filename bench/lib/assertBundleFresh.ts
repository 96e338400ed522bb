import { readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** Where `npm run build:server` writes our relay's bundle, relative to the package root. */
export const OUR_BUNDLE = 'dist/server/main.js';
const SOURCE_DIRS = ['server', 'shared'];
/** The page of the app our relay serves (vite's outDir, the relay's default STATIC_DIR); `npm run build` writes it. */
export const CLIENT_BUILD = 'dist/client/index.html';
const CLIENT_SOURCE_DIRS = ['client', 'shared'];
/** Files vite bundles into the app or copies beside it. */
const CLIENT_SOURCE = /\.(ts|tsx|css|html|json|svg|png|ico|webmanifest)$/;
/** Parts of client/ that never reach the built app: tests, browser tests and their screenshots. */
const NOT_IN_BUILD = /(^|\/)(e2e|test)\/|\.test\.tsx?$/;

function isServerSource(path: string): boolean {
  return path.endsWith('.ts') && !path.endsWith('.test.ts');
}

function isClientSource(path: string): boolean {
  return CLIENT_SOURCE.test(path) && !NOT_IN_BUILD.test(path);
}

/** The newest modification time of the files under `dir` (relative to `root`) that `isSource` accepts. */
function newestSourceMs(root: string, dir: string, isSource: (path: string) => boolean): number {
  let newest = 0;
  for (const entry of readdirSync(join(root, dir), { withFileTypes: true, recursive: true })) {
    const path = join(entry.parentPath, entry.name);
    if (entry.isFile() && isSource(relative(root, path).split(sep).join('/'))) {
      newest = Math.max(newest, statSync(path).mtimeMs);
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
  const newest = Math.max(...SOURCE_DIRS.map((dir) => newestSourceMs(root, dir, isServerSource)));
  if (newest > bundle.mtimeMs) {
    throw new Error(
      `Cannot start our relay: ${OUR_BUNDLE} is older than the sources in server/ or shared/; run \`npm run build:server\` (npm run bench does)`,
    );
  }
}

/**
 * Throws unless the built app exists and is newer than every source of it in client/ and shared/
 * (and vite.config.ts): scenarios that drive the app in a browser must measure the checkout's
 * client. `npm run bench` builds only the relay, so these need `npm run build` first.
 */
export function assertClientBuildFresh(root: string): void {
  const built = statSync(join(root, CLIENT_BUILD), { throwIfNoEntry: false });
  if (built === undefined) {
    throw new Error(`Cannot open the app: ${CLIENT_BUILD} is missing; run \`npm run build\` first`);
  }
  const config = statSync(join(root, 'vite.config.ts'), { throwIfNoEntry: false })?.mtimeMs ?? 0;
  const newest = Math.max(config, ...CLIENT_SOURCE_DIRS.map((dir) => newestSourceMs(root, dir, isClientSource)));
  if (newest > built.mtimeMs) {
    throw new Error(
      `Cannot open the app: ${CLIENT_BUILD} is older than the sources in client/ or shared/; run \`npm run build\` first`,
    );
  }
}
