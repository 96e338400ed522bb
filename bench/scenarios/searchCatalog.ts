import { below, informational, metricRow } from '../lib/report';
import { inProcess, report, type Scenario } from '../lib/runScenario';
import { runSearch, type SearchOptions } from './search';

const search: Scenario = {
  name: 'search',
  async run(context) {
    const options: SearchOptions = {
      docs: context.isQuick ? 100 : 500,
      chars: 5_000,
      runs: context.isQuick ? 5 : 20,
      seed: 3,
    };
    const outcomes = await inProcess(context, 'search', () => runSearch(options));
    const name = `search ${options.docs} docs × ${options.chars / 1000}k chars`;
    const rows = [
      metricRow(name, 'query p50 ms', outcomes, (r) => r.queryMs.p50, { digits: 2 }),
      metricRow(name, 'query p95 ms', outcomes, (r) => r.queryMs.p95, { digits: 2, target: below(50) }),
      metricRow(name, 'index build s', outcomes, (r) => r.buildMs / 1000, { digits: 1 }),
      metricRow(name, 'index build ms/doc', outcomes, (r) => r.buildMsPerDoc, { digits: 1 }),
      metricRow(name, 'one document again p95 ms', outcomes, (r) => r.updateMs.p95, { digits: 1 }),
      // What an offline reload waits for before the first search.
      metricRow(name, 'load saved index ms', outcomes, (r) => r.loadMs, { digits: 0 }),
      metricRow(name, 'saved index MB', outcomes, (r) => r.savedBytes / 1_048_576, { digits: 1 }),
      informational(metricRow(name, 'MiniSearch part MB', outcomes, (r) => r.indexBytes / 1_048_576, { digits: 1 })),
      informational(metricRow(name, 'characters indexed', outcomes, (r) => r.totalChars, { digits: 0 })),
    ];
    return report('search', outcomes, rows, options);
  },
};

/** Offline search of the device's documents: in process, as the search worker runs it. */
export const SEARCH_SCENARIOS: readonly Scenario[] = [search];
