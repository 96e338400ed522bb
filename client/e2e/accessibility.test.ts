import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DocKind } from '../../shared';
import { caretToParagraph, createDocument, fillSignIn, UI_TIMEOUT_MS, waitForSyncPhase } from './support/app';
import type { Device } from './support/device';
import { withPeople } from './support/people';

const AXE_SOURCE = readFileSync(
  path.join(path.dirname(createRequire(import.meta.url).resolve('axe-core')), 'axe.min.js'),
  'utf8',
);

const SIZES = [
  { name: 'desktop', viewport: { width: 1280, height: 800 } },
  { name: 'phone', viewport: { width: 390, height: 844 } },
] as const;

/** Signing in loads the app and its service worker for the first time: slow on a busy machine. */
const SIGN_IN_TIMEOUT_MS = 60_000;

/** What fails the scan: axe's two highest impacts. */
const BLOCKING_IMPACTS = new Set(['serious', 'critical']);

interface Finding {
  readonly rule: string;
  readonly impact: string;
  readonly help: string;
  readonly nodes: readonly { readonly target: string; readonly summary: string }[];
}

/** Runs axe-core on the page as it is now and answers the serious and critical findings. */
async function scan(page: Page): Promise<Finding[]> {
  const hasAxe = await page.evaluate(() => 'axe' in window);
  if (!hasAxe) {
    // Evaluated through the devtools protocol: the server's CSP refuses inline script tags, and the
    // device fails a test that broke it.
    await page.evaluate(AXE_SOURCE);
  }
  const findings = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document): Promise<unknown> } }).axe;
    const result = (await axe.run(document)) as {
      violations: {
        id: string;
        impact: string | null;
        help: string;
        nodes: { target: unknown[]; failureSummary?: string }[];
      }[];
    };
    return result.violations.map((violation) => ({
      rule: violation.id,
      impact: violation.impact ?? 'unknown',
      help: violation.help,
      nodes: violation.nodes.slice(0, 5).map((node) => ({
        target: node.target.map(String).join(' '),
        summary: (node.failureSummary ?? '').replace(/\s+/g, ' ').slice(0, 300),
      })),
    }));
  });
  return findings.filter((finding) => BLOCKING_IMPACTS.has(finding.impact));
}

function describeFindings(where: string, findings: readonly Finding[]): string {
  return findings
    .map((finding) => {
      const nodes = finding.nodes.map((node) => `    ${node.target}: ${node.summary}`).join('\n');
      return `${where} [${finding.impact}] ${finding.rule}: ${finding.help}\n${nodes}`;
    })
    .join('\n');
}

/**
 * Opens `address` on `device`, waits for `ready`, and scans the page at 1280 and at 390 px,
 * saving a screenshot of each. Answers the findings as readable lines (none when it passes).
 */
async function scanPage(device: Device, name: string, address: string, ready: (page: Page) => Promise<void>) {
  const lines: string[] = [];
  await device.page.setViewportSize(SIZES[0].viewport);
  if (address !== '') {
    await device.page.goto(address);
  }
  try {
    await ready(device.page);
  } catch (error) {
    // A page that never became ready is a finding too, and the other pages are still scanned.
    await device.screenshot(`a11y-not-ready-${name}`);
    return [`${name}: ${address} did not show what the scan waits for: ${String(error).split('\n')[0]}`];
  }
  for (const size of SIZES) {
    await device.page.setViewportSize(size.viewport);
    const findings = await scan(device.page);
    await device.screenshot(`a11y-${size.name}-${name}`);
    if (findings.length > 0) {
      lines.push(describeFindings(`${name} at ${size.viewport.width} px`, findings));
    }
  }
  await device.page.setViewportSize(SIZES[0].viewport);
  return lines;
}

/** Ready once the page's main heading reads `name` and the network has settled. */
function heading(name: string | RegExp) {
  return async (page: Page) => {
    await page.getByRole('heading', { level: 1, name }).first().waitFor({ timeout: UI_TIMEOUT_MS });
    await page.waitForLoadState('networkidle', { timeout: UI_TIMEOUT_MS });
  };
}

/** Ready once the document's body is shown and in step with the server. */
async function documentReady(page: Page): Promise<void> {
  await page.locator('.doc-body').waitFor({ timeout: UI_TIMEOUT_MS });
  await waitForSyncPhase(page, 'synced');
}

describe('the accessibility scan (axe-core) on every page at 1280 and 390 px', () => {
  const people = withPeople(
    { name: '秘书处王', role: 'secretariat', isSignedIn: false },
    { name: '周召集人', role: 'convener', isSignedIn: false },
    { name: '李委员', isSignedIn: false },
  );

  it('finds no serious or critical violation on any page, for any role that sees it', async () => {
    const {
      seed,
      group,
      openDevice,
      devices: [office, convener, member],
    } = people();
    // One after another: three browsers signing in at once on a busy machine can outwait the UI timeout.
    for (const person of [office, convener, member]) {
      await person.page.goto('/');
      await fillSignIn(person.page, person.account);
      await person.page.getByRole('heading', { name: /，你好$/ }).waitFor({ timeout: SIGN_IN_TIMEOUT_MS });
    }
    const docId = await createDocument(member.page, group.id, DocKind.proposal, '关于加强社区居家养老服务的提案');
    await caretToParagraph(member.page, 0);
    await member.page.keyboard.type('全市老年人口占比已超过两成。');
    await waitForSyncPhase(member.page, 'synced');
    const startsAt = Date.now() + 86_400_000;
    const activity = await seed.call<{ id: string }>('POST', '/api/activities', {
      kind: 'research',
      title: '老旧小区加装电梯专题调研',
      place: '城东街道',
      startsAt,
      endsAt: startsAt + 3 * 3_600_000,
      groupId: group.id,
    });

    const problems: string[] = [];
    const visitor = await openDevice();
    problems.push(...(await scanPage(visitor, 'sign-in', '/', heading('登录建言'))));

    const memberPages: [string, string, (page: Page) => Promise<void>][] = [
      ['home', '/', heading(/，你好$/)],
      ['group', `/g/${group.id}`, heading('第一小组')],
      ['document', `/d/${docId}`, documentReady],
      ['inbox', '/inbox', heading(/./)],
      ['settings', '/settings', heading(/./)],
      ['duty', '/duty', heading(/./)],
      ['activities', '/activities', heading('会议与活动')],
      ['activity', `/activities/${activity.id}`, heading('老旧小区加装电梯专题调研')],
      ['check-in', `/check-in/${activity.id}`, heading('活动签到')],
    ];
    for (const [name, address, ready] of memberPages) {
      problems.push(...(await scanPage(member, `member-${name}`, address, ready)));
    }

    const convenerPages: [string, string, (page: Page) => Promise<void>][] = [
      ['group', `/g/${group.id}`, heading('第一小组')],
      ['duty-committee', '/duty/committee', heading(/./)],
      ['duty-member', `/duty/members/${member.account.id}`, heading('李委员的履职')],
    ];
    for (const [name, address, ready] of convenerPages) {
      problems.push(...(await scanPage(convener, `convener-${name}`, address, ready)));
    }

    problems.push(...(await scanPage(office, 'office-document', `/d/${docId}`, documentReady)));

    const officePages: [string, string, (page: Page) => Promise<void>][] = [
      ['home', '/', heading(/，你好$/)],
      ['proposals', '/proposals', heading(/./)],
      ['figures', '/figures', heading('提案统计')],
      ['duty-committee', '/duty/committee', heading(/./)],
      ['duty-rules', '/duty/rules', heading(/./)],
      ['people', '/admin/people', heading(/./)],
      ['groups', '/admin/groups', heading(/./)],
      ['committee', '/admin/committee', heading('届次与承办单位')],
      ['categories', '/admin/categories', heading(/./)],
      ['webhooks', '/admin/webhooks', heading(/./)],
      ['desk', '/desk', heading(/./)],
    ];
    for (const [name, address, ready] of officePages) {
      problems.push(...(await scanPage(office, `office-${name}`, address, ready)));
    }

    expect(problems.join('\n')).toBe('');
  }, 400_000);
});
