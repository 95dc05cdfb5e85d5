// The measures' charts as static SVGs rendered on the server by ECharts (issue 16), made accessible as the platform's
// charts are (accessibleSvg) and shown with their numbers in a table beside them. The Purdue coordination diagram: one
// column per cycle, its green, yellow and red intervals as stacked bands (seconds after the green began), and each
// arrival as a point at its second in the cycle. Shares by cycle: lines on a fixed 0–100 % axis, with the threshold
// line where one applies (split failures: 80 %). The platform's charts have neither a scatter nor a fixed axis.
import * as echarts from 'echarts/core';
import { BarChart, LineChart, ScatterChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import { accessibleSvg, CHART_COLOURS, formatValue, type Series } from '../../../platform/web/charts.ts';
import type { Lang } from '../../../platform/web/i18n.ts';
import type { CycleBands } from './measures.ts';

echarts.use([BarChart, LineChart, ScatterChart, GridComponent, LegendComponent, MarkLineComponent, SVGRenderer]);

const FONT = { fontFamily: 'Arial, Helvetica, sans-serif', fontSize: 13, color: '#1b1b1b' };

export interface PcdOptions {
  title: string;
  description: string;
  categories: readonly string[];
  bands: readonly CycleBands[];
  arrivals: readonly (readonly number[])[];
  names: { green: string; yellow: string; red: string; arrivals: string; second: string };
  width?: number;
  height?: number;
}

export function pcdSvg(o: PcdOptions): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: o.width ?? 800, height: o.height ?? 380 });
  try {
    const band = (name: string, color: string, values: number[]) => ({ name, type: 'bar', stack: 'cycle', barCategoryGap: '10%', data: values, itemStyle: { color, opacity: 0.35 } });
    chart.setOption({
      animation: false,
      textStyle: FONT,
      legend: { bottom: 0 },
      grid: { left: 48, right: 16, top: 24, bottom: 56 },
      xAxis: { type: 'category', data: [...o.categories], axisLabel: { hideOverlap: true } },
      yAxis: { type: 'value', name: o.names.second, min: 0 },
      series: [
        band(o.names.green, '#00703c', o.bands.map((b) => b.yellow)),
        band(o.names.yellow, '#b58100', o.bands.map((b) => b.red - b.yellow)),
        band(o.names.red, '#a3161a', o.bands.map((b) => b.end - b.red)),
        { name: o.names.arrivals, type: 'scatter', symbolSize: 5, itemStyle: { color: CHART_COLOURS[0] }, data: o.arrivals.flatMap((list, i) => list.map((s) => [i, s])) },
      ],
    });
    return accessibleSvg(chart.renderToSVGString(), o.title, o.description);
  } finally {
    chart.dispose();
  }
}

/** Shares (0…1) by cycle as lines on a 0–100 % axis; `threshold` draws a dashed line at that share, labelled. */
export function sharesSvg(o: { title: string; description?: string; categories: readonly string[]; series: readonly Series[]; threshold?: number; lang: Lang; width?: number; height?: number }): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: o.width ?? 800, height: o.height ?? 300 });
  try {
    chart.setOption({
      animation: false,
      textStyle: FONT,
      legend: { bottom: 0, show: o.series.length > 1 },
      grid: { left: 56, right: 24, top: 24, bottom: o.series.length > 1 ? 56 : 32 },
      xAxis: { type: 'category', data: [...o.categories], axisLabel: { hideOverlap: true } },
      yAxis: { type: 'value', min: 0, max: 1, interval: 0.2, axisLabel: { formatter: (v: number) => formatValue(o.lang, v, 'percent') } },
      series: o.series.map((s, i) => ({
        name: s.name,
        type: 'line',
        data: [...s.values],
        connectNulls: false,
        symbolSize: 6,
        itemStyle: { color: s.color ?? CHART_COLOURS[i % CHART_COLOURS.length] },
        lineStyle: { color: s.color ?? CHART_COLOURS[i % CHART_COLOURS.length], width: 2 },
        ...(i === 0 && o.threshold !== undefined
          ? { markLine: { symbol: 'none', silent: true, lineStyle: { color: '#a3161a', type: 'dashed' }, label: { formatter: formatValue(o.lang, o.threshold, 'percent'), color: '#1b1b1b' }, data: [{ yAxis: o.threshold }] } }
          : {}),
      })),
    });
    return accessibleSvg(chart.renderToSVGString(), o.title, o.description);
  } finally {
    chart.dispose();
  }
}
