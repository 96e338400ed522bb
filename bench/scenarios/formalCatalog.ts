import { below, informational, metricRow } from '../lib/report';
import { inProcess, report, type Scenario } from '../lib/runScenario';
import { type CompilationOptions, type DocxReportOptions, runCompilation, runDocxReport } from './formalDocuments';

const docxReport: Scenario = {
  name: 'docx-report',
  async run(context) {
    const options: DocxReportOptions = { chars: 20_000, runs: context.isQuick ? 5 : 15 };
    const outcomes = await inProcess(context, 'docx-report', () => runDocxReport(options));
    const name = `docx report ${options.chars / 1000}k chars`;
    const rows = [
      metricRow(name, 'build median ms', outcomes, (r) => r.buildMs.p50),
      // Built on the device when 导出 Word is clicked: it should feel immediate.
      metricRow(name, 'build p95 ms', outcomes, (r) => r.buildMs.p95, { target: below(1_000) }),
      informational(metricRow(name, 'body chars', outcomes, (r) => r.bodyChars, { digits: 0 })),
      informational(metricRow(name, 'docx KB', outcomes, (r) => r.docxBytes / 1024, { digits: 0 })),
    ];
    return report('docx-report', outcomes, rows, options);
  },
};

const compilation: Scenario = {
  name: 'compilation',
  async run(context) {
    const options: CompilationOptions = { proposals: 300, charsPerProposal: 1_500, runs: context.isQuick ? 1 : 3 };
    const outcomes = await inProcess(context, 'compilation', () => runCompilation(options));
    const name = `compilation ${options.proposals} proposals`;
    const rows = [
      metricRow(name, 'build median ms', outcomes, (r) => r.buildMs.p50, { digits: 0 }),
      metricRow(name, 'build max ms', outcomes, (r) => r.buildMs.max, { digits: 0, target: below(30_000) }),
      informational(metricRow(name, 'docx MB', outcomes, (r) => r.docxBytes / 1024 / 1024, { digits: 2 })),
    ];
    return report('compilation', outcomes, rows, options);
  },
};

/** The formal-document scenarios: in process, no relay. */
export const FORMAL_SCENARIOS: readonly Scenario[] = [docxReport, compilation];
