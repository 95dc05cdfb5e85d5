// The time–space diagram of a coordinated corridor (TRANSPORT.md §3) as a static SVG: distance up, time across, each
// intersection's coordinated green as a bar every cycle and red between; the green band a platoon rides at the design
// speed is drawn as two parallel lines. Drawn by hand rather than with ECharts: it is bars and lines on two linear
// axes, and the result must be static and accessible like the charts (role="img", a title and a description).
import { CHART_COLOURS, xml } from '../../../platform/web/charts.ts';
import type { CorridorStop, Offset } from './coordination.ts';

export interface DiagramInput {
  title: string;
  description: string;
  stops: readonly (CorridorStop & { name: string })[];
  offsets: readonly Offset[];
  cycle: number;
  speedKmh: number;
  /** The band's width, seconds, from bandwidth(); 0 draws no band. */
  band: number;
  cycles?: number;
  labels: { time: string; distance: string };
}

const W = 760;
const LEFT = 150;
const RIGHT = 20;
const TOP = 20;
const BOTTOM = 44;

export function timeSpaceSvg(d: DiagramInput): string {
  const cycles = d.cycles ?? 3;
  const span = d.cycle * cycles;
  const last = d.stops.at(-1)?.distance ?? 0;
  const first = d.stops[0]?.distance ?? 0;
  const length = Math.max(1, last - first);
  const H = TOP + BOTTOM + Math.max(160, d.stops.length * 36);
  const x = (t: number): number => LEFT + ((W - LEFT - RIGHT) * t) / span;
  const y = (m: number): number => H - BOTTOM - ((H - TOP - BOTTOM) * (m - first)) / length;
  const parts: string[] = [];
  const green = CHART_COLOURS[1];
  const red = CHART_COLOURS[2];
  d.stops.forEach((s, i) => {
    const yy = y(s.distance);
    const offset = (d.offsets[i]?.offset ?? 0) - (d.offsets[0]?.offset ?? 0);
    const g = s.coordSplit - s.clearance;
    parts.push(`<line x1="${x(0)}" y1="${yy}" x2="${x(span)}" y2="${yy}" stroke="${red}" stroke-width="3"/>`);
    for (let k = -1; k <= cycles; k++) {
      const from = Math.max(0, offset + k * d.cycle);
      const to = Math.min(span, offset + k * d.cycle + g);
      if (to > from) parts.push(`<line x1="${x(from).toFixed(1)}" y1="${yy}" x2="${x(to).toFixed(1)}" y2="${yy}" stroke="${green}" stroke-width="7"/>`);
    }
    parts.push(`<text x="${LEFT - 8}" y="${yy + 4}" text-anchor="end" font-size="12" fill="#0b0c0c">${xml(s.name)}</text>`);
  });
  if (d.band > 0) {
    const travel = length / (d.speedKmh / 3.6);
    for (let k = 0; k < cycles; k++) {
      for (const t0 of [k * d.cycle, k * d.cycle + d.band]) {
        const t1 = Math.min(span, t0 + travel);
        const m1 = first + ((t1 - t0) / travel) * length;
        parts.push(`<line x1="${x(t0).toFixed(1)}" y1="${y(first).toFixed(1)}" x2="${x(t1).toFixed(1)}" y2="${y(m1).toFixed(1)}" stroke="${CHART_COLOURS[0]}" stroke-width="1.5" stroke-dasharray="5 3"/>`);
      }
    }
  }
  for (let t = 0; t <= span; t += d.cycle) {
    parts.push(`<text x="${x(t).toFixed(1)}" y="${H - BOTTOM + 18}" text-anchor="middle" font-size="12" fill="#0b0c0c">${t}</text>`);
  }
  parts.push(`<text x="${(LEFT + W - RIGHT) / 2}" y="${H - 6}" text-anchor="middle" font-size="12" fill="#0b0c0c">${xml(d.labels.time)}</text>`);
  parts.push(`<text x="12" y="${TOP + 4}" font-size="12" fill="#0b0c0c">${xml(d.labels.distance)}</text>`);
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="100%" role="img" aria-label="${xml(d.title)}" focusable="false"><title>${xml(d.title)}</title><desc>${xml(d.description)}</desc>${parts.join('')}</svg>`;
}
