import { BarChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { type EChartsCoreOption, type EChartsType, init, use } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import type { TFunction } from 'i18next';
import { type ReactElement, useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Figures } from '../../../shared/domain/figures';
import { barOption, donutOption } from './chartOptions';
import { breakdownName } from './figuresTables';

// Only what the three charts draw: this module is loaded lazily, and tree-shaking keeps ECharts' other charts out.
use([BarChart, PieChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

/** The committee's palette: 立案 in the app's red, the rest in muted tones that print in grey. */
const COLORS = ['#b3261e', '#8a8f98', '#d99a3d', '#4f6d8f', '#6b8f4f'];
const FONT = '"PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif';

/** One ECharts canvas that follows its box's size and is disposed with the component. */
export function Chart(props: {
  readonly option: EChartsCoreOption;
  readonly label: string;
  readonly heightPx?: number;
}): ReactElement {
  const element = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsType | null>(null);
  useEffect(() => {
    const host = element.current;
    if (host === null) {
      return undefined;
    }
    const made = init(host, undefined, { renderer: 'canvas' });
    chart.current = made;
    // The page narrows on a phone or when the menu opens: the canvas follows its box.
    const observer = new ResizeObserver(() => made.resize());
    observer.observe(host);
    return () => {
      observer.disconnect();
      chart.current = null;
      made.dispose();
    };
  }, []);
  useEffect(() => {
    chart.current?.setOption(
      { color: COLORS, textStyle: { fontFamily: FONT }, animation: false, ...props.option },
      true,
    );
  }, [props.option]);
  return (
    <div
      ref={element}
      className="figures-canvas"
      role="img"
      aria-label={props.label}
      style={props.heightPx === undefined ? undefined : { height: `${props.heightPx}px` }}
    />
  );
}

function chartOptions(figures: Figures, t: TFunction) {
  const categories = figures.byCategory;
  const byCategory = barOption(
    categories.map((row) => breakdownName(row, t('figures.noCategory'), t('figures.deletedCategory'))),
    [
      { name: t('figures.columns.filed'), data: categories.map((row) => row.filed) },
      { name: t('figures.columns.notFiled'), data: categories.map((row) => row.notFiled) },
      { name: t('figures.columns.merged'), data: categories.map((row) => row.merged) },
      { name: t('figures.columns.pending'), data: categories.map((row) => row.pending) },
    ],
    { stack: 'outcome', barMaxWidth: 40 },
  );
  const classes = figures.answerClasses;
  const answerClasses = donutOption([
    { name: 'A', value: classes.A },
    { name: 'B', value: classes.B },
    { name: 'C', value: classes.C },
  ]);
  // The most overdue on top: a horizontal bar chart draws its first category at the bottom.
  const late = figures.byUnit.filter((row) => row.overdue > 0).reverse();
  const overdueByUnit: EChartsCoreOption = {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: late.map((row) => row.name) },
    series: [
      { type: 'bar', name: t('figures.columns.overdue'), data: late.map((row) => row.overdue), barMaxWidth: 24 },
    ],
  };
  return { byCategory, answerClasses, overdueByUnit, lateUnits: late.length };
}

/**
 * The figures page's charts: by category (stacked by the office's decision), A/B/C answers and
 * overdue proposals by unit. ECharts with a canvas renderer, loaded with this module only.
 */
export function FiguresCharts({ figures }: { readonly figures: Figures }): ReactElement {
  const { t } = useTranslation();
  const options = useMemo(() => chartOptions(figures, t), [figures, t]);
  const classes = figures.answerClasses;
  const empty = <p className="empty-note">{t('figures.charts.empty')}</p>;
  return (
    <div className="figures-charts">
      <figure className="card figures-chart">
        <figcaption>{t('figures.charts.byCategory')}</figcaption>
        {figures.byCategory.length === 0 ? (
          empty
        ) : (
          <Chart option={options.byCategory} label={t('figures.charts.byCategory')} />
        )}
      </figure>
      <figure className="card figures-chart">
        <figcaption>{t('figures.charts.answerClasses')}</figcaption>
        {classes.A + classes.B + classes.C === 0 ? (
          empty
        ) : (
          <Chart option={options.answerClasses} label={t('figures.charts.answerClasses')} />
        )}
      </figure>
      <figure className="card figures-chart is-wide">
        <figcaption>{t('figures.charts.overdueByUnit')}</figcaption>
        {options.lateUnits === 0 ? (
          <p className="empty-note">{t('figures.charts.noOverdue')}</p>
        ) : (
          <Chart
            option={options.overdueByUnit}
            label={t('figures.charts.overdueByUnit')}
            heightPx={Math.max(160, options.lateUnits * 32 + 40)}
          />
        )}
      </figure>
    </div>
  );
}
