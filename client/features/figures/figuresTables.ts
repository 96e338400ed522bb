import type { TFunction } from 'i18next';
import type { Figures, FiguresBreakdown } from '../../../shared/domain/figures';
import type { ReportTable } from '../../core/export';

/** A rate as the report prints it: "66.7%", or "—" when there is nothing to divide by. */
export function percentText(rate: number | null): string {
  return rate === null ? '—' : `${(Math.round(rate * 1000) / 10).toFixed(1)}%`;
}

/** The name a breakdown row shows: its listed name, or what stands for a deleted or missing one. */
export function breakdownName(row: FiguresBreakdown, missing: string, deleted: string): string {
  if (row.name !== null) {
    return row.name;
  }
  return row.id === null ? missing : deleted;
}

function summaryTable(figures: Figures, t: TFunction): ReportTable {
  const row = (key: Parameters<typeof summaryKey>[0], value: number | string) => [t(summaryKey(key)), value] as const;
  return {
    title: t('figures.tables.summary'),
    header: [t('figures.columns.item'), t('figures.columns.value')],
    rows: [
      row('received', figures.received),
      row('pending', figures.pending),
      row('filed', figures.filed),
      row('key', figures.key),
      row('notFiled', figures.notFiled),
      row('merged', figures.merged),
      row('handedOver', figures.handedOver),
      row('answered', figures.answered),
      row('answeredOnTime', figures.answeredOnTime),
      row('answerRate', percentText(figures.answerRate)),
      row('onTimeRate', percentText(figures.onTimeRate)),
      row('classA', figures.answerClasses.A),
      row('classB', figures.answerClasses.B),
      row('classC', figures.answerClasses.C),
      row('rated', figures.rated),
      row('satisfied', figures.ratings.satisfied),
      row('basicallySatisfied', figures.ratings.basically_satisfied),
      row('unsatisfied', figures.ratings.unsatisfied),
      row('satisfactionRate', percentText(figures.satisfactionRate)),
      row('overdue', figures.overdue),
    ],
  };
}

type SummaryKey =
  | 'received'
  | 'pending'
  | 'filed'
  | 'key'
  | 'notFiled'
  | 'merged'
  | 'handedOver'
  | 'answered'
  | 'answeredOnTime'
  | 'answerRate'
  | 'onTimeRate'
  | 'classA'
  | 'classB'
  | 'classC'
  | 'rated'
  | 'satisfied'
  | 'basicallySatisfied'
  | 'unsatisfied'
  | 'satisfactionRate'
  | 'overdue';

function summaryKey(key: SummaryKey) {
  return `figures.summary.${key}` as const;
}

function breakdownTable(
  title: string,
  first: string,
  rows: readonly FiguresBreakdown[],
  nameOf: (row: FiguresBreakdown) => string,
  t: TFunction,
): ReportTable {
  return {
    title,
    header: [
      first,
      t('figures.columns.received'),
      t('figures.columns.filed'),
      t('figures.columns.notFiled'),
      t('figures.columns.merged'),
      t('figures.columns.pending'),
    ],
    rows: rows.map((row) => [nameOf(row), row.received, row.filed, row.notFiled, row.merged, row.pending]),
  };
}

/** The report's tables, in the order the page shows them and the exports write them. */
export function figuresTables(figures: Figures, t: TFunction): ReportTable[] {
  const categoryName = (row: FiguresBreakdown) =>
    breakdownName(row, t('figures.noCategory'), t('figures.deletedCategory'));
  const groupName = (row: FiguresBreakdown) => breakdownName(row, t('figures.noGroup'), t('figures.deletedGroup'));
  return [
    summaryTable(figures, t),
    breakdownTable(t('figures.tables.byCategory'), t('figures.columns.category'), figures.byCategory, categoryName, t),
    breakdownTable(t('figures.tables.byGroup'), t('figures.columns.group'), figures.byGroup, groupName, t),
    {
      title: t('figures.tables.unitsPerCase'),
      header: [t('figures.columns.unitCount'), t('figures.columns.cases')],
      rows: figures.unitsPerCase.map((row) => [t('figures.unitsN', { count: row.units }), row.cases]),
    },
    {
      title: t('figures.tables.byUnit'),
      header: [
        t('figures.columns.unit'),
        t('figures.columns.handed'),
        t('figures.columns.answered'),
        t('figures.columns.overdue'),
      ],
      rows: figures.byUnit.map((row) => [row.name, row.handed, row.answered, row.overdue]),
    },
  ];
}
