import { buildCompilationDocx, buildFormalDocx, type CompilationEntry, runsText } from '../../shared/formal';
import { sampleProposal, sampleReport } from '../../shared/formal/test/sampleDocuments';
import { round, roundSummary, type Summary, summarize } from '../lib/stats';

/** Load shape of the docx-report scenario. */
export interface DocxReportOptions {
  /** Chinese characters of the report's body. */
  readonly chars: number;
  /** Timed builds, after one untimed. */
  readonly runs: number;
}

export interface DocxReportResult {
  readonly bodyChars: number;
  readonly buildMs: Summary;
  readonly docxBytes: number;
}

/** Load shape of the compilation scenario. */
export interface CompilationOptions {
  readonly proposals: number;
  /** Chinese characters of each proposal's body, besides its template. */
  readonly charsPerProposal: number;
  /** Timed builds, after one untimed. */
  readonly runs: number;
}

export interface CompilationResult {
  readonly proposals: number;
  readonly buildMs: Summary;
  readonly docxBytes: number;
}

async function timeBuilds(runs: number, build: () => Promise<Uint8Array>): Promise<{ times: number[]; bytes: number }> {
  let bytes = (await build()).byteLength; // untimed: JIT and the docx library's lazy setup
  const times: number[] = [];
  for (let index = 0; index < runs; index += 1) {
    const start = performance.now();
    bytes = (await build()).byteLength;
    times.push(performance.now() - start);
  }
  return { times, bytes };
}

/** Builds the .docx of a research report of `chars` characters, as the 导出 Word menu does. */
export async function runDocxReport(options: DocxReportOptions): Promise<DocxReportResult> {
  const report = sampleReport(options.chars);
  const bodyChars = report.body.reduce(
    (total, block) => total + ('runs' in block ? runsText(block.runs).length : 0),
    0,
  );
  const { times, bytes } = await timeBuilds(options.runs, () => buildFormalDocx(report));
  return { bodyChars, buildMs: roundSummary(summarize(times)), docxBytes: bytes };
}

/** Builds a session's compilation of `proposals` proposals, numbered 第0001号 on, given in reverse order. */
export async function runCompilation(options: CompilationOptions): Promise<CompilationResult> {
  const body = sampleReport(options.charsPerProposal).body;
  const entries: CompilationEntry[] = Array.from({ length: options.proposals }, (_, index) => {
    const number = `第${String(options.proposals - index).padStart(4, '0')}号`;
    const proposal = sampleProposal(`关于第${options.proposals - index}项民生工作的建议`);
    return { number, document: { ...proposal, body: [...proposal.body, ...body] } };
  });
  const input = { sessionName: '政协某市第十四届委员会第三次会议', entries };
  const { times, bytes } = await timeBuilds(options.runs, () => buildCompilationDocx(input));
  return { proposals: options.proposals, buildMs: roundSummary(summarize(times), 0), docxBytes: round(bytes, 0) };
}
