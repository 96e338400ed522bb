import type { Page } from 'playwright-core';
import { z } from 'zod';
import { createdInvitationSchema, groupSchema, sessionSchema } from '../../shared/api/schemas';
import { DocStatus, Role } from '../../shared/index';
import {
  type Credentials,
  createProposal,
  signIn,
  submitForReview,
  typeInBody,
  waitForServiceWorker,
  waitForSubmitButton,
} from '../lib/appSteps';
import { assertClientBuildFresh } from '../lib/assertBundleFresh';
import { callApi } from '../lib/benchWorkspace';
import { type IdbCounts, idbCountersScript } from '../lib/idbCounters';
import { type IdbRunSummary, type IdbSample, summarizeIdbRuns } from '../lib/idbRunSummary';
import { launchChromium } from '../lib/launchChromium';
import { PageTraffic } from '../lib/pageTraffic';
import { ROOT, type RunningServer } from '../lib/serverProcess';
import { sleep, withTimeout } from '../lib/waitFor';

/** Load shape of the submit-storage scenario. */
export interface SubmitStorageOptions {
  /** Submits measured, each of a fresh proposal. */
  readonly runs: number;
  /** Before the counters are reset: no IndexedDB request for this long (see `waitUntilSettled`). */
  readonly settleQuietMs: number;
  /** After the submit: no IndexedDB request for this long ends the measurement (see `waitUntilSubmitted`). */
  readonly submitQuietMs: number;
  /** Longest one wait (settled, submitted) may take before the run fails. */
  readonly waitTimeoutMs: number;
  /** The whole scenario, browser start to last run, before it is abandoned and Chromium closed. */
  readonly timeoutMs: number;
}

/** Figures of the submit-storage scenario against our relay. */
export type SubmitStorageResult = IdbRunSummary;

/** The seeded accounts' password: long enough for the server's rule, used nowhere else. */
const PASSWORD = 'bench-password-1';
const TITLE = '关于加强农村养老服务的提案';
const SENTENCE = '全县六十岁以上老人占户籍人口的百分之二十三。';
/** Each poll is one `page.evaluate` and no IndexedDB request; often enough against the quiet periods. */
const POLL_INTERVAL_MS = 50;
const TRANSITION_REQUEST = 'POST /api/docs/:id/transitions';
const ACTIVITY_REQUEST = 'GET /api/docs/:id/activity';

/**
 * The committee the submit needs, through the secretariat's API token: the proposer (a member of
 * the bench group, who signs in in the browser) and a chair, who reviews what is submitted.
 */
async function seedPeople(server: RunningServer): Promise<{ groupId: string; proposer: Credentials }> {
  const token = server.tokenOf(0);
  if (server.apiUrl === null || token === null) {
    throw new Error('The submit-storage scenario needs our relay’s API');
  }
  const url = server.apiUrl;
  const { groups } = await callApi(
    url,
    { method: 'GET', path: '/api/groups', token },
    z.object({ groups: z.array(groupSchema) }),
  );
  const groupId = groups[0]?.id;
  if (groupId === undefined) {
    throw new Error('The bench workspace has no group to create the proposal in');
  }
  const join = async (person: { role: Role; groupIds: string[]; username: string; name: string }) => {
    const body = { role: person.role, groupIds: person.groupIds };
    const invitation = await callApi(
      url,
      { method: 'POST', path: '/api/invitations', token, body },
      createdInvitationSchema,
    );
    const path = `/api/invitations/${encodeURIComponent(invitation.token)}/accept`;
    const account = { username: person.username, name: person.name, password: PASSWORD };
    await callApi(url, { method: 'POST', path, body: account }, sessionSchema);
    return { username: person.username, password: PASSWORD } satisfies Credentials;
  };
  const proposer = await join({ role: Role.member, groupIds: [groupId], username: 'proposer', name: '提案委员' });
  await join({ role: Role.chair, groupIds: [], username: 'chair', name: '审阅主席' });
  return { groupId, proposer };
}

/** Reads `read()` every poll until `isDone` holds; throws after `timeoutMs` naming what was last seen. */
async function pollUntil<T>(read: () => Promise<T>, isDone: (value: T) => boolean, timeoutMs: number, what: string) {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (isDone(value)) {
      return;
    }
    if (performance.now() > deadline) {
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}; last seen ${JSON.stringify(value)}`);
    }
    await sleep(POLL_INTERVAL_MS);
  }
}

/** What the page says about the document, from the test hook, the DOM and the counters: no IndexedDB request. */
function deviceState(page: Page, docId: string) {
  return page.evaluate((id) => {
    const hook = window.__jianyan;
    const sync = hook?.syncStatus(id);
    return {
      phase: sync?.phase ?? null,
      unsent: sync?.unsent ?? null,
      pending: hook?.outbox().pending ?? null,
      backgroundSync: hook?.backgroundSync().phase ?? null,
      access: hook?.access(id) ?? null,
      indicator: document.querySelector('[data-sync-phase]')?.getAttribute('data-sync-phase') ?? null,
      meta: document.querySelector('.doc-meta')?.textContent ?? '',
      quietMs: globalThis.__idbCounts?.quietForMs() ?? null,
    };
  }, docId);
}

/**
 * Waits until the typing is on the server and the device is idle: the document synced with
 * nothing unsent, the outbox empty, the background sync not running, and no IndexedDB request for
 * `settleQuietMs`. That quiet period must outlast the app's delayed follow-ups of an edit (the
 * workspace's upload run starts 5 s after unsent changes appear), or they would land in the
 * measured submit. The unsent rows are counted in IndexedDB once at the end, outside the
 * measurement.
 */
async function waitUntilSettled(page: Page, docId: string, options: SubmitStorageOptions): Promise<void> {
  const read = async () => {
    const state = await deviceState(page, docId);
    const isIdle =
      state.phase === 'synced' &&
      state.unsent === 0 &&
      state.pending === 0 &&
      state.backgroundSync !== 'running' &&
      state.access === 'write' &&
      state.indicator === 'synced' &&
      (state.quietMs ?? 0) >= options.settleQuietMs;
    const stored = isIdle ? await page.evaluate((id) => window.__jianyan?.unsentCount(id) ?? null, docId) : null;
    return { ...state, stored };
  };
  await pollUntil(read, (state) => state.stored === 0, options.waitTimeoutMs, `proposal ${docId} to settle`);
}

/**
 * Waits until the submit is done on the device: the outbox is empty, the page shows 审阅中 with
 * the editor read-only, the activity was fetched after the transition's answer, the live stream
 * brought the server's record in review, and then no IndexedDB request for `submitQuietMs`.
 *
 * The quiet period is the end condition because no single signal marks the last write: the
 * transition's answer, the stream's echo and the activity arrive in any order, each is stored
 * after it arrives, and each write wakes the live queries, which read again. The UI conditions
 * hold as soon as the first of them is stored; only a stretch without any request says that the
 * device has finished storing (and re-reading) all of them.
 */
async function waitUntilSubmitted(
  page: Page,
  docId: string,
  traffic: PageTraffic,
  options: SubmitStorageOptions,
): Promise<void> {
  const read = async () => ({
    ...(await deviceState(page, docId)),
    isReadOnly: await page.locator('.doc-body[contenteditable="false"]').isVisible(),
    hasActivity: traffic.hasAnsweredAfter(TRANSITION_REQUEST, ACTIVITY_REQUEST),
    hasEcho: traffic.hasStreamedRecord(docId, DocStatus.inReview),
  });
  const isDone = (state: Awaited<ReturnType<typeof read>>) =>
    state.pending === 0 &&
    state.access === 'read' &&
    state.meta.includes('审阅中') &&
    state.isReadOnly &&
    state.hasActivity &&
    state.hasEcho &&
    (state.quietMs ?? 0) >= options.submitQuietMs;
  await pollUntil(read, isDone, options.waitTimeoutMs, `the submit of proposal ${docId} to settle`);
}

/** One measured submit of a fresh proposal. */
async function measureSubmit(
  page: Page,
  traffic: PageTraffic,
  setup: { readonly groupId: string; readonly run: number },
  options: SubmitStorageOptions,
): Promise<IdbSample> {
  const docId = await createProposal(page, setup.groupId, `${TITLE}（${setup.run + 1}）`);
  await typeInBody(page, SENTENCE);
  await waitForSubmitButton(page);
  await waitUntilSettled(page, docId, options);
  await page.evaluate(() => globalThis.__idbCounts?.reset());
  traffic.clear();
  await submitForReview(page);
  await waitUntilSubmitted(page, docId, traffic, options);
  const counts: IdbCounts | null = await page.evaluate(() => globalThis.__idbCounts?.read() ?? null);
  if (counts === null) {
    throw new Error('The IndexedDB counters are not installed in the page');
  }
  if (counts.reads + counts.writes === 0) {
    throw new Error('The IndexedDB counters saw no request during the submit: they were installed too late');
  }
  return { counts, httpRequests: traffic.requests() };
}

async function measureAll(
  page: Page,
  server: RunningServer,
  options: SubmitStorageOptions,
  log: (line: string) => void,
): Promise<SubmitStorageResult> {
  const { groupId, proposer } = await seedPeople(server);
  const traffic = await PageTraffic.watch(page, server.apiUrl ?? '');
  try {
    await signIn(page, proposer);
    if (!(await page.evaluate(() => globalThis.__idbCounts !== undefined))) {
      throw new Error('The IndexedDB counters are not installed in the page');
    }
    await waitForServiceWorker(page);
    const samples: IdbSample[] = [];
    for (let run = 0; run < options.runs; run += 1) {
      const sample = await measureSubmit(page, traffic, { groupId, run }, options);
      log(`submit-storage: run ${run + 1}: ${sample.counts.reads} reads, ${sample.counts.writes} writes`);
      samples.push(sample);
    }
    return summarizeIdbRuns(samples);
  } finally {
    await traffic.stop();
  }
}

/**
 * Counts the IndexedDB requests the proposer's browser makes for one submit (提交审阅), from the
 * click to the device being idle again, on the built app our relay serves.
 */
export async function runSubmitStorage(
  server: RunningServer,
  options: SubmitStorageOptions,
  log: (line: string) => void,
): Promise<SubmitStorageResult> {
  assertClientBuildFresh(ROOT);
  if (server.apiUrl === null) {
    throw new Error('The submit-storage scenario needs our relay’s API');
  }
  const browser = await launchChromium({ baseUrl: server.apiUrl, initScripts: [idbCountersScript()] });
  try {
    return await withTimeout(measureAll(browser.page, server, options, log), options.timeoutMs, 'the measured submits');
  } finally {
    await browser.close();
  }
}
