import type { TFunction } from 'i18next';
import { type ReactElement, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { CommitteeDutyAnswer } from '../../../shared/api/duty';
import { barOption, donutOption } from '../figures/chartOptions';
import { Chart } from '../figures/FiguresCharts';
import { committeeSummary } from './committeeTable';
import { monthName } from './dutyModel';

/** The levels' colours, as the score card draws them: 优秀 green, 称职 blue, 基本称职 amber, 不称职 red. */
const LEVEL_COLORS = { excellent: '#2e7d32', competent: '#1565c0', basic: '#b26a00', unqualified: '#c62828' };
const LEVELS = ['excellent', 'competent', 'basic', 'unqualified'] as const;

function chartOptions(answer: CommitteeDutyAnswer, t: TFunction, locale: string) {
  const months = answer.byMonth.map((row) => monthName(row.month, locale, 'short'));
  const byMonth = barOption(months, [
    { name: t('duty.committee.charts.attended'), data: answer.byMonth.map((row) => row.attended) },
    { name: t('duty.committee.charts.submissions'), data: answer.byMonth.map((row) => row.submissions) },
  ]);
  const summary = committeeSummary(answer.rows);
  const levels = donutOption(
    LEVELS.map((level) => ({
      name: t(`duty.levels.${level}`),
      value: summary.byLevel[level],
      color: LEVEL_COLORS[level],
    })),
  );
  const groups = answer.byGroup.map((row) => row.name);
  const averages = barOption(groups, [
    { name: t('duty.committee.charts.averageTotal'), data: answer.byGroup.map((row) => row.averageTotal) },
  ]);
  const proposals = barOption(groups, [
    { name: t('duty.committee.charts.proposals'), data: answer.byGroup.map((row) => row.proposals) },
    { name: t('duty.committee.charts.filed'), data: answer.byGroup.map((row) => row.filed) },
  ]);
  return { byMonth, levels, averages, proposals };
}

/**
 * The committee view's charts: participation by month, the levels, each group's average total and
 * its proposals and filed ones. ECharts as on the figures page, loaded with this module only.
 */
export function DutyCharts({ answer }: { readonly answer: CommitteeDutyAnswer }): ReactElement {
  const { t, i18n } = useTranslation();
  const options = useMemo(() => chartOptions(answer, t, i18n.language), [answer, t, i18n.language]);
  const empty = <p className="empty-note">{t('duty.committee.charts.empty')}</p>;
  const chart = (key: keyof typeof options, caption: string, hasData: boolean) => (
    <figure className="card figures-chart" data-chart={key}>
      <figcaption>{caption}</figcaption>
      {hasData ? <Chart option={options[key]} label={caption} /> : empty}
    </figure>
  );
  return (
    <div className="figures-charts">
      {chart('byMonth', t('duty.committee.charts.byMonth'), answer.byMonth.length > 0)}
      {chart('levels', t('duty.committee.charts.levels'), answer.rows.length > 0)}
      {chart('averages', t('duty.committee.charts.byGroup'), answer.byGroup.length > 0)}
      {chart('proposals', t('duty.committee.charts.proposalsByGroup'), answer.byGroup.length > 0)}
    </div>
  );
}
