// The network map as a static, accessible SVG (issue 16): Web Mercator at zoom 14 in pixels, corridors as lines through
// their intersections in order, intersections as dots coloured by their controller's state. role="img" with a title
// and a description; the page's table says the same in text. With EGOV_SIGNALS_TILE_URL the map tiles covering the
// network are drawn behind, as images only.
import { xml } from '../../../platform/web/charts.ts';
import type { DotState } from '../registry.ts';

export const DOT_COLOURS: Record<DotState, string> = { running: '#00703c', flash: '#8a5a00', silent: '#d4351c', none: '#505a5f' };

const ZOOM = 14;
const SIZE = 256 * 2 ** ZOOM;
const px = (lon: number): number => ((lon + 180) / 360) * SIZE;
const py = (lat: number): number => {
  const r = (lat * Math.PI) / 180;
  return ((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * SIZE;
};

export interface MapDot {
  lat: number;
  lon: number;
  corridor: string | null;
  along: number | null;
  state: DotState;
}

export function networkSvg(dots: readonly MapDot[], o: { title: string; description: string; tileUrl?: string | undefined }): string {
  if (dots.length === 0) return '';
  const xs = dots.map((d) => px(d.lon));
  const ys = dots.map((d) => py(d.lat));
  const pad = 40;
  const x0 = Math.min(...xs) - pad;
  const y0 = Math.min(...ys) - pad;
  const w = Math.max(...xs) + pad - x0;
  const h = Math.max(...ys) + pad - y0;
  const parts: string[] = [];
  if (o.tileUrl) {
    for (let tx = Math.floor(x0 / 256); tx <= Math.floor((x0 + w) / 256); tx++) {
      for (let ty = Math.floor(y0 / 256); ty <= Math.floor((y0 + h) / 256); ty++) {
        const href = o.tileUrl.replace('{z}', String(ZOOM)).replace('{x}', String(tx)).replace('{y}', String(ty));
        parts.push(`<image href="${xml(href)}" x="${(tx * 256 - x0).toFixed(0)}" y="${(ty * 256 - y0).toFixed(0)}" width="256" height="256" opacity="0.6"/>`);
      }
    }
  }
  const byCorridor = new Map<string, MapDot[]>();
  for (const d of dots) if (d.corridor) byCorridor.set(d.corridor, [...(byCorridor.get(d.corridor) ?? []), d]);
  for (const list of byCorridor.values()) {
    const pts = [...list].sort((a, b) => (a.along ?? 0) - (b.along ?? 0)).map((d) => `${(px(d.lon) - x0).toFixed(1)},${(py(d.lat) - y0).toFixed(1)}`);
    parts.push(`<polyline points="${pts.join(' ')}" fill="none" stroke="#1d70b8" stroke-width="4" stroke-opacity="0.5"/>`);
  }
  for (const d of dots) parts.push(`<circle cx="${(px(d.lon) - x0).toFixed(1)}" cy="${(py(d.lat) - y0).toFixed(1)}" r="6" fill="${DOT_COLOURS[d.state]}"/>`);
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${w.toFixed(0)} ${h.toFixed(0)}" width="100%" role="img" aria-label="${xml(o.title)}" focusable="false" class="signal-map"><title>${xml(o.title)}</title><desc>${xml(o.description)}</desc>${parts.join('')}</svg>`;
}

/** The tile server's origin, for the map page's Content-Security-Policy (img-src). */
export function tileOrigin(tileUrl: string | undefined): string | null {
  if (!tileUrl) return null;
  try {
    return new URL(tileUrl.replace(/\{[xyz]\}/g, '0')).origin;
  } catch {
    return null;
  }
}
