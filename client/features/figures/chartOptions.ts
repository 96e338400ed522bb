import type { EChartsCoreOption } from 'echarts/core';

/** Options of the charts the committee's pages draw (统计, 履职考核), one look for both. */

/** Bars by category, one series each; stacked under `stack` when given. */
export function barOption(
  names: readonly string[],
  series: readonly { name: string; data: number[] }[],
  options: { readonly stack?: string; readonly barMaxWidth?: number } = {},
): EChartsCoreOption {
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { bottom: 0 },
    grid: { left: 8, right: 16, top: 16, bottom: 40, containLabel: true },
    xAxis: { type: 'category', data: names, axisLabel: { interval: 0, rotate: names.length > 6 ? 30 : 0 } },
    yAxis: { type: 'value', minInterval: 1 },
    series: series.map((each) => ({
      ...each,
      type: 'bar',
      barMaxWidth: options.barMaxWidth ?? 32,
      ...(options.stack === undefined ? {} : { stack: options.stack }),
    })),
  };
}

/** A ring of slices with their counts and shares; an empty slice is left out (it would only draw a label on nothing). */
export function donutOption(
  slices: readonly { readonly name: string; readonly value: number; readonly color?: string }[],
): EChartsCoreOption {
  return {
    tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
    legend: { bottom: 0 },
    series: [
      {
        type: 'pie',
        radius: ['35%', '65%'],
        center: ['50%', '45%'],
        label: { formatter: '{b}\n{c}' },
        data: slices
          .filter((slice) => slice.value > 0)
          .map((slice) => ({
            name: slice.name,
            value: slice.value,
            ...(slice.color === undefined ? {} : { itemStyle: { color: slice.color } }),
          })),
      },
    ],
  };
}
