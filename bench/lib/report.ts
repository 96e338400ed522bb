import type { ServerKind } from './serverProcess';

/** The result of running a scenario against one relay: its figures or why it failed. */
export type Outcome<T> =
  | {
      readonly isOk: true;
      readonly value: T;
      /** CPU other processes on the machine used meanwhile, in % of one core (see LoadMonitor). */
      readonly otherCpuPercent?: number;
    }
  | { readonly isOk: false; readonly error: string };
/** Outcomes by relay; a relay that was not run has none. */
export type Outcomes<T> = Partial<Record<ServerKind, Outcome<T>>>;

/** A goal for one of our figures, possibly relative to the reference's. */
export interface Target {
  readonly text: string;
  readonly isMet: (ours: number, reference: number | null) => boolean;
}

/** One line of the printed table. */
export interface Row {
  readonly scenario: string;
  readonly metric: string;
  readonly ours: string;
  readonly reference: string;
  readonly target: string;
  /** `pass`, `FAIL`, or empty when there is no target or no figure of ours. */
  readonly verdict: string;
}

export function atMost(limit: number): Target {
  return { text: `<= ${limit}`, isMet: (ours) => ours <= limit };
}

export function below(limit: number): Target {
  return { text: `< ${limit}`, isMet: (ours) => ours < limit };
}

export function atLeast(limit: number): Target {
  return { text: `>= ${limit}`, isMet: (ours) => ours >= limit };
}

/** Ours must not exceed the reference's figure (met when the reference has none). */
export const notAboveReference: Target = {
  text: '<= reference',
  isMet: (ours, reference) => reference === null || ours <= reference,
};

function figure<T>(outcome: Outcome<T> | undefined, pick: (value: T) => number | null): number | null {
  return outcome?.isOk === true ? pick(outcome.value) : null;
}

function show<T>(outcome: Outcome<T> | undefined, value: number | null, digits: number): string {
  if (outcome === undefined) {
    return '-';
  }
  if (!outcome.isOk) {
    return 'error';
  }
  if (value === null || Number.isNaN(value)) {
    return 'n/a';
  }
  return value.toFixed(digits);
}

/** Options of `metricRow`. */
export interface MetricRowOptions {
  readonly target?: Target;
  /** Decimals shown. Default 1. */
  readonly digits?: number;
}

/** A table row comparing one figure of ours and of the reference, judged against an optional target. */
export function metricRow<T>(
  scenario: string,
  metric: string,
  outcomes: Outcomes<T>,
  pick: (value: T) => number | null,
  options: MetricRowOptions = {},
): Row {
  const digits = options.digits ?? 1;
  const ours = figure(outcomes.ours, pick);
  const reference = figure(outcomes.reference, pick);
  const target = options.target;
  let verdict = '';
  if (target !== undefined && outcomes.ours !== undefined) {
    verdict = ours !== null && !Number.isNaN(ours) && target.isMet(ours, reference) ? 'pass' : 'FAIL';
  }
  return {
    scenario,
    metric,
    ours: show(outcomes.ours, ours, digits),
    reference: show(outcomes.reference, reference, digits),
    target: target?.text ?? '',
    verdict,
  };
}

const HEADER: Row = {
  scenario: 'scenario',
  metric: 'metric',
  ours: 'ours',
  reference: 'reference',
  target: 'target',
  verdict: 'result',
};
const COLUMNS = ['scenario', 'metric', 'ours', 'reference', 'target', 'verdict'] as const;
const RIGHT_ALIGNED = new Set<string>(['ours', 'reference']);

/** A plain-text table with one line per row. */
export function formatTable(rows: readonly Row[]): string {
  const all = [HEADER, ...rows];
  const widths = COLUMNS.map((column) => Math.max(...all.map((row) => row[column].length)));
  const line = (row: Row) =>
    COLUMNS.map((column, index) => {
      const width = widths[index] ?? 0;
      return RIGHT_ALIGNED.has(column) ? row[column].padStart(width) : row[column].padEnd(width);
    })
      .join('  ')
      .trimEnd();
  const rule = widths.map((width) => '-'.repeat(width)).join('  ');
  return [line(HEADER), rule, ...rows.map(line)].join('\n');
}

/** What the target column says of a figure reported for information, with nothing to meet. */
export const INFORMATIONAL = 'informational';

/** The row marked as reported for information only: it has no target and no verdict. */
export function informational(row: Row): Row {
  return { ...row, target: INFORMATIONAL, verdict: '' };
}

/** A row showing how busy the rest of the machine was while each relay was measured. */
export function otherLoadRow<T>(scenario: string, outcomes: Outcomes<T>): Row {
  const loads: Outcomes<number> = {};
  for (const [kind, outcome] of Object.entries(outcomes)) {
    if (outcome !== undefined) {
      loads[kind as keyof Outcomes<T>] = outcome.isOk
        ? { isOk: true, value: outcome.otherCpuPercent ?? Number.NaN }
        : { isOk: false, error: outcome.error };
    }
  }
  return metricRow(scenario, 'other processes CPU %', loads, (value) => value, { digits: 0 });
}

/** The outcomes as plain JSON: figures by relay, or `{ error }`. */
export function outcomesJson<T>(outcomes: Outcomes<T>): Record<string, unknown> {
  const json: Record<string, unknown> = {};
  for (const [kind, outcome] of Object.entries(outcomes)) {
    if (outcome?.isOk === true) {
      json[kind] = outcome.value;
      if (outcome.otherCpuPercent !== undefined) {
        json[`${kind}OtherCpuPercent`] = Math.round(outcome.otherCpuPercent);
      }
    } else {
      json[kind] = { error: outcome?.error ?? 'not run' };
    }
  }
  return json;
}
