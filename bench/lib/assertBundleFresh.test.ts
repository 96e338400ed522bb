import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { assertClientBuildFresh, CLIENT_BUILD } from './assertBundleFresh';

let root: string;

/** Writes a file under the temp root, modified `ageS` seconds ago. */
function file(path: string, ageS: number): void {
  const full = join(root, path);
  mkdirSync(dirname(full), { recursive: true });
  writeFileSync(full, '');
  const at = Date.now() / 1000 - ageS;
  utimesSync(full, at, at);
}

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'jianyan-bench-fresh-'));
  file('client/main.tsx', 100);
  file('shared/index.ts', 100);
  file('vite.config.ts', 100);
});

afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('assertClientBuildFresh', () => {
  it('refuses a checkout whose app was never built', () => {
    expect(() => assertClientBuildFresh(root)).toThrow(/dist\/client\/index\.html is missing; run `npm run build`/);
  });

  it('accepts an app built after its sources', () => {
    file(CLIENT_BUILD, 10);
    expect(() => assertClientBuildFresh(root)).not.toThrow();
  });

  it('refuses an app older than a source of it in client/ or shared/, or than the vite config', () => {
    file(CLIENT_BUILD, 10);
    for (const source of ['client/styles/app.css', 'shared/domain/roles.ts', 'vite.config.ts']) {
      file(source, 1);
      expect(() => assertClientBuildFresh(root)).toThrow(/older than the sources/);
      file(source, 100);
    }
  });

  it('ignores tests, browser tests and their screenshots, which are not in the app', () => {
    file(CLIENT_BUILD, 10);
    for (const path of ['client/review/inbox.test.ts', 'client/e2e/review.test.ts', 'client/e2e/screenshots/a.png']) {
      file(path, 1);
    }
    file('client/versions/test/writers.ts', 1);
    expect(() => assertClientBuildFresh(root)).not.toThrow();
  });
});
