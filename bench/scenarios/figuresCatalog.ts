import { atLeast, below, informational, metricRow } from '../lib/report';
import { inProcess, report, type Scenario } from '../lib/runScenario';
import { type FiguresOptions, runFigures } from './figures';

const figures: Scenario = {
  name: 'figures',
  async run(context) {
    const options: FiguresOptions = {
      proposals: 2_000,
      units: 60,
      sessions: 3,
      groups: 10,
      runs: context.isQuick ? 5 : 20,
      seed: 12,
    };
    const outcomes = await inProcess(context, 'figures', () => runFigures(options));
    const name = `figures ${options.proposals} proposals`;
    const rows = [
      metricRow(name, 'compute session p50 ms', outcomes, (r) => r.computeSessionMs.p50, { digits: 2 }),
      metricRow(name, 'compute all p50 ms', outcomes, (r) => r.computeAllMs.p50, { digits: 2 }),
      metricRow(name, 'compute all p95 ms', outcomes, (r) => r.computeAllMs.p95, { digits: 2, target: below(50) }),
      metricRow(name, 'read+compute session p50 ms', outcomes, (r) => r.readSessionMs.p50, { digits: 1 }),
      // The route's work on every visit to /figures: it should feel immediate.
      metricRow(name, 'read+compute all p95 ms', outcomes, (r) => r.readAllMs.p95, { digits: 1, target: below(500) }),
      metricRow(name, 'stored = computed', outcomes, (r) => (r.isSame ? 1 : 0), { digits: 0, target: atLeast(1) }),
      informational(metricRow(name, 'received (all)', outcomes, (r) => r.all.received, { digits: 0 })),
      informational(metricRow(name, 'filed (all)', outcomes, (r) => r.all.filed, { digits: 0 })),
      informational(metricRow(name, 'answer rate % (all)', outcomes, (r) => (r.all.answerRate ?? 0) * 100)),
      informational(metricRow(name, 'satisfaction % (all)', outcomes, (r) => (r.all.satisfactionRate ?? 0) * 100)),
      informational(metricRow(name, 'overdue (all)', outcomes, (r) => r.all.overdue, { digits: 0 })),
    ];
    return report('figures', outcomes, rows, options);
  },
};

/** The figures of the annual report: in process, no relay. */
export const FIGURES_SCENARIOS: readonly Scenario[] = [figures];
