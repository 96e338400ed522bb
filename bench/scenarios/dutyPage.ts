import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { PasswordHasher } from '../../server/auth/passwords';
import { startServer } from '../../server/startServer';
import { openStores } from '../../server/storage/openStores';
import { databasePath } from '../../server/storage/sqlite/databasePath';
import type { GroupId, UserId } from '../../shared/index';
import { Role } from '../../shared/index';
import { signIn, UI_TIMEOUT_MS } from '../lib/appSteps';
import { launchChromium } from '../lib/launchChromium';
import { seededRandom } from '../lib/seededRandom';
import { ROOT } from '../lib/serverProcess';
import { roundSummary, type Summary, summarize } from '../lib/stats';
import { benchCommittee, DUTY_BENCH_YEAR, type DutyBenchOptions, seedDutyYear } from './duty';

export interface DutyPageResult {
  /** GET /api/duty/committee over HTTP, as the page asks it: the server's work and the JSON. */
  readonly answerMs: Summary;
  /** From opening 履职考核 by its address (the app loaded anew) to its table holding every member. */
  readonly pageMs: Summary;
  /** From clicking 履职考核 in the navigation on the home page to the table holding every member. */
  readonly navigateMs: Summary;
  readonly rows: number;
}

const OFFICE = { username: 'office', password: 'bench-office-password' };

/** Waits until the home page has synced and its background work is done: the click is then all that is timed. */
async function settled(page: Page): Promise<void> {
  await page.getByText('已同步').first().waitFor({ timeout: UI_TIMEOUT_MS });
  await page.waitForTimeout(1_500);
}

/**
 * Opens the committee page (履职考核) of a year of 500 members, 50 activities and 2,000
 * documents in Chromium, against the real server on SQLite: the whole path a secretariat waits
 * for, every visit recomputed.
 */
export async function runDutyPage(options: DutyBenchOptions): Promise<DutyPageResult> {
  const random = seededRandom(options.seed);
  const dataDir = mkdtempSync(path.join(tmpdir(), 'jianyan-bench-duty-page-'));
  const committee = benchCommittee(options);
  const stores = await openStores({ dataDir });
  const hasher = new PasswordHasher();
  try {
    for (const [index, id] of committee.groupIds.entries()) {
      await stores.groups.createGroup({ id, name: `第${index + 1}组`, createdAt: 1 });
    }
    const hash = await hasher.hash(OFFICE.password);
    await stores.accounts.createUser({
      id: randomUUID() as UserId,
      username: OFFICE.username,
      name: '秘书处',
      role: Role.secretariat,
      passwordHash: hash,
      createdAt: 1,
      groupIds: [],
    });
    for (const member of committee.members) {
      await stores.accounts.createUser({ ...member, passwordHash: hash, groupIds: member.groupIds as GroupId[] });
    }
    await seedDutyYear(databasePath(dataDir), stores, options, random, committee);
  } finally {
    await stores.close();
  }
  const server = await startServer({
    host: '127.0.0.1',
    port: 0,
    dataDir,
    staticDir: path.join(ROOT, 'dist/client'),
    logLevel: 'silent',
  });
  const browser = await launchChromium({ baseUrl: server.url });
  try {
    const signedIn = await fetch(`${server.url}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(OFFICE),
    });
    const { token } = (await signedIn.json()) as { token: string };
    const answerTimes: number[] = [];
    for (let run = 0; run <= options.runs; run += 1) {
      const start = performance.now();
      const answer = await fetch(`${server.url}/api/duty/committee?year=${DUTY_BENCH_YEAR}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      await answer.arrayBuffer();
      if (run > 0) {
        answerTimes.push(performance.now() - start);
      }
    }
    const { page } = browser;
    await signIn(page, OFFICE);
    const rows = page.locator('.duty-members-table tbody tr');
    const pageTimes: number[] = [];
    for (let run = 0; run <= Math.min(options.runs, 10); run += 1) {
      await page.goto('/');
      const start = performance.now();
      await page.goto(`/duty/committee?year=${DUTY_BENCH_YEAR}`);
      await rows.nth(options.members - 1).waitFor({ timeout: UI_TIMEOUT_MS * 4 });
      if (run > 0) {
        pageTimes.push(performance.now() - start);
      }
    }
    const navigateTimes: number[] = [];
    for (let run = 0; run <= Math.min(options.runs, 10); run += 1) {
      await page.goto('/');
      const link = page.getByRole('link', { name: '履职考核' }).first();
      await link.waitFor({ timeout: UI_TIMEOUT_MS });
      await settled(page);
      const start = performance.now();
      await link.click();
      await rows.nth(options.members - 1).waitFor({ timeout: UI_TIMEOUT_MS * 4 });
      if (run > 0) {
        navigateTimes.push(performance.now() - start);
      }
    }
    return {
      answerMs: roundSummary(summarize(answerTimes), 1),
      pageMs: roundSummary(summarize(pageTimes), 1),
      navigateMs: roundSummary(summarize(navigateTimes), 1),
      rows: await rows.count(),
    };
  } finally {
    await browser.close();
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
