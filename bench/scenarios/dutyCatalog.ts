import { below, informational, metricRow } from '../lib/report';
import { inProcess, report, type Scenario } from '../lib/runScenario';
import { type DutyBenchOptions, runDuty } from './duty';
import { runDutyPage } from './dutyPage';

const duty: Scenario = {
  name: 'duty',
  async run(context) {
    const options: DutyBenchOptions = {
      members: 500,
      groups: 10,
      activities: 50,
      documents: 2_000,
      runs: context.isQuick ? 5 : 20,
      seed: 13,
    };
    const outcomes = await inProcess(context, 'duty', () => runDuty(options));
    const name = `duty ${options.members} members, ${options.activities} activities, ${options.documents} docs`;
    const rows = [
      metricRow(name, 'ledger read+build p50 ms', outcomes, (r) => r.ledgerMs.p50, { digits: 1 }),
      metricRow(name, 'ledger read+build p95 ms', outcomes, (r) => r.ledgerMs.p95, { digits: 1 }),
      metricRow(name, 'score all members p50 ms', outcomes, (r) => r.scoreAllMs.p50, { digits: 2 }),
      // What every visit to the committee page waits for: recomputed in full, nothing cached.
      metricRow(name, 'committee page p50 ms', outcomes, (r) => r.committeeMs.p50, { digits: 1 }),
      metricRow(name, 'committee page p95 ms', outcomes, (r) => r.committeeMs.p95, { digits: 1, target: below(500) }),
      metricRow(name, 'credits of one 5,000-char doc p50 ms', outcomes, (r) => r.creditsOfOneDocMs.p50, { digits: 2 }),
      informational(metricRow(name, 'facts in the year', outcomes, (r) => r.facts, { digits: 0 })),
      informational(metricRow(name, 'members flagged', outcomes, (r) => r.flagged, { digits: 0 })),
    ];
    return report('duty', outcomes, rows, options);
  },
};

const dutyPage: Scenario = {
  name: 'duty-page',
  async run(context) {
    const options: DutyBenchOptions = {
      members: 500,
      groups: 10,
      activities: 50,
      documents: 2_000,
      runs: context.isQuick ? 3 : 10,
      seed: 13,
    };
    const outcomes = await inProcess(context, 'duty-page', () => runDutyPage(options));
    const name = `履职考核 page, ${options.members} members`;
    const rows = [
      metricRow(name, 'GET /api/duty/committee p50 ms', outcomes, (r) => r.answerMs.p50, { digits: 1 }),
      metricRow(name, 'GET /api/duty/committee p95 ms', outcomes, (r) => r.answerMs.p95, { digits: 1 }),
      metricRow(name, 'opened by address, to every row p50 ms', outcomes, (r) => r.pageMs.p50, { digits: 0 }),
      metricRow(name, 'opened by address, to every row p95 ms', outcomes, (r) => r.pageMs.p95, { digits: 0 }),
      metricRow(name, 'from the nav, to every row p50 ms', outcomes, (r) => r.navigateMs.p50, { digits: 0 }),
      // What a secretariat waits for after a click: the server's answer and 500 rows drawn.
      metricRow(name, 'from the nav, to every row p95 ms', outcomes, (r) => r.navigateMs.p95, {
        digits: 0,
        target: below(1500),
      }),
      informational(metricRow(name, 'rows shown', outcomes, (r) => r.rows, { digits: 0 })),
    ];
    return report('duty-page', outcomes, rows, options);
  },
};

/** The duty record: its recomputation in process, and the committee page in Chromium on the real server. */
export const DUTY_SCENARIOS: readonly Scenario[] = [duty, dutyPage];
