// The Purdue coordination diagram as a static SVG rendered on the server by ECharts (issue 16): one column per cycle,
// its green, yellow and red intervals as stacked bands (seconds after the green began), and each arrival as a point at
// its second in the cycle. The platform's charts (platform/web/charts.ts) have no scatter; this adds only that, made
// accessible the same way (accessibleSvg), with its numbers in a table beside it on the page.
import * as echarts from 'echarts/core';
import { BarChart, ScatterChart } from 'echarts/charts';
import { GridComponent, LegendComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import { accessibleSvg, CHART_COLOURS } from '../../../platform/web/charts.ts';
import type { CycleBands } from './measures.ts';

echarts.use([BarChart, ScatterChart, GridComponent, LegendComponent, SVGRenderer]);

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
      textStyle: { fontFamily: 'Arial, Helvetica, sans-serif', fontSize: 13, color: '#1b1b1b' },
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
