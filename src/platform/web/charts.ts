// Charts rendered on the server as SVG by Apache ECharts (no JavaScript in the browser): a bar chart, bars stacked by
// period with a rate line, a donut and a gauge. Each SVG is an image to assistive technology (role="img", a title and
// an aria-label) and comes with the same numbers as an HTML table (`chartTable`) to put beside it.
// Only the ECharts pieces used are imported: the whole library costs ~1.6 s at start-up.
import * as echarts from 'echarts/core';
import { BarChart, GaugeChart, LineChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import type { Lang } from './i18n.ts';

echarts.use([BarChart, LineChart, PieChart, GaugeChart, GridComponent, LegendComponent, SVGRenderer]);

/** Dark enough on white for text and large marks (WCAG 1.4.11); the portal's colours. */
export const CHART_COLOURS = ['#0b4f9c', '#00703c', '#a3161a', '#8a4b00', '#505a5f', '#5b2c83'] as const;

export interface Series {
  name: string;
  values: readonly (number | null)[];
  color?: string;
  /** How the table and the labels show it: a count, or a share 0…1 as a percentage. */
  format?: 'number' | 'percent';
}

export interface ChartSize {
  width?: number;
  height?: number;
}

const FONT = { fontFamily: 'Arial, Helvetica, sans-serif', fontSize: 13, color: '#1b1b1b' };
const LOCALE = { vi: 'vi-VN', en: 'en-GB' } as const;

export function formatValue(lang: Lang, v: number | null, format: Series['format'] = 'number'): string {
  if (v === null) return '–';
  return format === 'percent'
    ? new Intl.NumberFormat(LOCALE[lang], { style: 'percent', maximumFractionDigits: 1 }).format(v)
    : new Intl.NumberFormat(LOCALE[lang], { maximumFractionDigits: 2 }).format(v);
}

// SVG presentation attributes: inline style attributes and <style> would be refused by the pages' CSP (style-src 'self').
const PRESENTATION = new Set(['font-size', 'font-family', 'font-weight', 'font-style', 'fill', 'fill-opacity', 'stroke', 'stroke-width', 'stroke-opacity', 'opacity']);

function presentationAttributes(style: string): string {
  return style
    .split(';')
    .map((d) => d.split(':').map((s) => s.trim()))
    .filter(([k, v]) => k && v && PRESENTATION.has(k))
    .map(([k, v]) => `${k}="${xml(v as string)}"`)
    .join(' ');
}

/** Text for XML content and attribute values (kitajs's escapeHtml leaves `>` as it is). */
export function xml(s: string): string {
  return s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;').replaceAll("'", '&#39;');
}

/** ECharts' SVG made static and accessible: role="img" with the title as its name, no hover CSS, no inline styles. */
export function accessibleSvg(svg: string, title: string, description?: string): string {
  const head = `<title>${xml(title)}</title>${description ? `<desc>${xml(description)}</desc>` : ''}`;
  return (
    svg
      .replace(/^(<svg[^>]*>)/, `$1${head}`)
      .replace(/<style[\s\S]*?<\/style>/g, '')
      .replace(/ style="([^"]*)"/g, (_m, s: string) => {
        const attrs = presentationAttributes(s);
        return attrs ? ` ${attrs}` : '';
      })
      .replace(/ (ecmeta_[a-z_]+|class)="[^"]*"/g, '')
      // The viewBox stays: without a height the chart scales to the width of its column, phones included.
      .replace(/^<svg width="\d+" height="\d+"/, `<svg width="100%" role="img" aria-label="${xml(title)}" focusable="false"`)
  );
}

function render(option: Record<string, unknown>, size: ChartSize, title: string, description?: string): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: size.width ?? 800, height: size.height ?? 360 });
  try {
    chart.setOption({ animation: false, textStyle: FONT, color: [...CHART_COLOURS], ...option });
    return accessibleSvg(chart.renderToSVGString(), title, description);
  } finally {
    chart.dispose();
  }
}

const colour = (s: Series, i: number) => s.color ?? CHART_COLOURS[i % CHART_COLOURS.length];

function axisLabel(categories: readonly string[]) {
  return { interval: categories.length > 16 ? Math.ceil(categories.length / 12) - 1 : 0, hideOverlap: true };
}

/** Bars by category; several series side by side, or stacked. */
export function barChart(o: { title: string; categories: readonly string[]; series: readonly Series[]; stacked?: boolean; description?: string; lang: Lang } & ChartSize): string {
  return render(
    {
      legend: { bottom: 0, show: o.series.length > 1 },
      grid: { left: 16, right: 16, top: 24, bottom: o.series.length > 1 ? 40 : 16 },
      xAxis: { type: 'category', data: [...o.categories], axisLabel: axisLabel(o.categories) },
      yAxis: { type: 'value', minInterval: 1, axisLabel: { formatter: (v: number) => formatValue(o.lang, v) } },
      series: o.series.map((s, i) => ({ name: s.name, type: 'bar', stack: o.stacked ? 'total' : undefined, data: [...s.values], itemStyle: { color: colour(s, i) } })),
    },
    o,
    o.title,
    o.description,
  );
}

/** Bars stacked by period (counts, left axis) with a line of a share (0…1, right axis in percent). */
export function stackedBarLineChart(o: { title: string; categories: readonly string[]; bars: readonly Series[]; line: Series; description?: string; lang: Lang } & ChartSize): string {
  return render(
    {
      legend: { bottom: 0 },
      grid: { left: 16, right: 16, top: 24, bottom: 40 },
      xAxis: { type: 'category', data: [...o.categories], axisLabel: axisLabel(o.categories) },
      yAxis: [
        { type: 'value', minInterval: 1, axisLabel: { formatter: (v: number) => formatValue(o.lang, v) } },
        { type: 'value', min: 0, max: 1, splitLine: { show: false }, axisLabel: { formatter: (v: number) => formatValue(o.lang, v, 'percent') } },
      ],
      series: [
        ...o.bars.map((s, i) => ({ name: s.name, type: 'bar', stack: 'total', data: [...s.values], itemStyle: { color: colour(s, i) } })),
        {
          name: o.line.name,
          type: 'line',
          yAxisIndex: 1,
          data: [...o.line.values],
          connectNulls: false,
          symbolSize: 6,
          itemStyle: { color: o.line.color ?? '#1b1b1b' },
          lineStyle: { color: o.line.color ?? '#1b1b1b', width: 2 },
        },
      ],
    },
    o,
    o.title,
    o.description,
  );
}

/** Parts of a whole as a ring, each labelled with its name and value. */
export function donutChart(o: { title: string; slices: readonly { name: string; value: number; color?: string }[]; description?: string; lang: Lang } & ChartSize): string {
  return render(
    {
      legend: { bottom: 0 },
      series: [
        {
          type: 'pie',
          radius: ['45%', '70%'],
          center: ['50%', '45%'],
          label: { formatter: (p: { name: string; value: number }) => `${p.name}: ${formatValue(o.lang, p.value)}`, color: '#1b1b1b' },
          data: o.slices.map((s, i) => ({ name: s.name, value: s.value, itemStyle: { color: s.color ?? CHART_COLOURS[i % CHART_COLOURS.length] } })),
        },
      ],
    },
    { width: o.width ?? 480, height: o.height ?? 320 },
    o.title,
    o.description,
  );
}

/** One share (0…1) on a dial, with its percentage written in the middle. */
export function gaugeChart(o: { title: string; value: number | null; label: string; description?: string; lang: Lang } & ChartSize): string {
  return render(
    {
      series: [
        {
          type: 'gauge',
          min: 0,
          max: 100,
          progress: { show: true, width: 14, itemStyle: { color: CHART_COLOURS[1] } },
          axisLine: { lineStyle: { width: 14, color: [[1, '#dbdee4']] } },
          axisTick: { show: false },
          splitLine: { length: 8, lineStyle: { color: '#505a5f' } },
          axisLabel: { distance: 20, color: '#1b1b1b' },
          pointer: { show: false },
          title: { offsetCenter: [0, '30%'], color: '#1b1b1b', fontSize: 14 },
          detail: { offsetCenter: [0, '-5%'], fontSize: 28, color: '#1b1b1b', formatter: () => formatValue(o.lang, o.value, 'percent') },
          data: [{ value: o.value === null ? 0 : Math.round(o.value * 1000) / 10, name: o.label }],
        },
      ],
    },
    { width: o.width ?? 360, height: o.height ?? 300 },
    o.title,
    o.description,
  );
}

/** The chart's numbers as an HTML table (escaped): one row per category, one column per series. */
export function chartTable(o: { caption: string; categoryHeader: string; categories: readonly string[]; series: readonly Series[]; lang: Lang }): string {
  const head = `<tr><th scope="col">${xml(o.categoryHeader)}</th>${o.series.map((s) => `<th scope="col" class="num">${xml(s.name)}</th>`).join('')}</tr>`;
  const rows = o.categories
    .map((c, i) => `<tr><th scope="row">${xml(c)}</th>${o.series.map((s) => `<td class="num">${xml(formatValue(o.lang, s.values[i] ?? null, s.format))}</td>`).join('')}</tr>`)
    .join('');
  return `<table class="chart-table"><caption>${xml(o.caption)}</caption><thead>${head}</thead><tbody>${rows}</tbody></table>`;
}

/** Lines over categories (years…); `inverse` puts the smallest value on top (a rank, where 1 is the best). */
export function lineChart(o: { title: string; categories: readonly string[]; series: readonly Series[]; description?: string; lang: Lang; inverse?: boolean; percent?: boolean } & ChartSize): string {
  return render(
    {
      legend: { bottom: 0, show: o.series.length > 1 },
      grid: { left: 16, right: 24, top: 24, bottom: o.series.length > 1 ? 40 : 16 },
      xAxis: { type: 'category', data: [...o.categories], axisLabel: axisLabel(o.categories) },
      yAxis: { type: 'value', inverse: o.inverse === true, minInterval: o.percent ? undefined : 1, axisLabel: { formatter: (v: number) => formatValue(o.lang, v, o.percent ? 'percent' : 'number') } },
      series: o.series.map((s, i) => ({ name: s.name, type: 'line', data: [...s.values], connectNulls: false, symbolSize: 6, itemStyle: { color: colour(s, i) }, lineStyle: { color: colour(s, i), width: 2 } })),
    },
    o,
    o.title,
    o.description,
  );
}
