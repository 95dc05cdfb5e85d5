// Pieces the results pages share: the traffic light (a word in a coloured frame, never colour alone), numbers in the
// page's language, a chart with its table beside it, and the URLs.
import { t, type Lang } from '../../../platform/web/i18n.ts';
import { formatValue } from '../../../platform/web/charts.ts';
import { LIGHT_TEXT, PEER_GROUP_TEXT, r } from '../results-messages.ts';
import type { Light } from '../scoring.ts';
import type { CycleRow } from '../repo.ts';

export const RESULTS_URL = '/chuyen-doi-so/ket-qua';
export const DTI_URL = '/chuyen-doi-so/dti';
export const planUrl = (year: number): string => `/chuyen-doi-so/ke-hoach/${year}`;
export const cycleUrl = (id: number): string => `${RESULTS_URL}/${id}`;
export const unitUrl = (cycleId: number, agencyId: number): string => `${RESULTS_URL}/${cycleId}/don-vi/${agencyId}`;
export const workbookUrl = (cycleId: number): string => `${RESULTS_URL}/${cycleId}/ket-qua.xlsx`;
export const reportUrl = (cycleId: number, agencyId?: number): string => `${RESULTS_URL}/${cycleId}/bao-cao.pdf${agencyId ? `?don-vi=${agencyId}` : ''}`;

export const num = (lang: Lang, v: number | null): string => formatValue(lang, v);
export const pct = (lang: Lang, v: number | null): string => formatValue(lang, v, 'percent');

export const cycleName = (lang: Lang, c: Pick<CycleRow, 'year' | 'peer_group'>): string => t(lang, r.cycleName, { year: c.year, group: t(lang, PEER_GROUP_TEXT[c.peer_group]) });

export function LightBadge({ lang, light }: { lang: Lang; light: Light }): JSX.Element {
  return (
    <span class={`badge light-${light}`} safe>
      {t(lang, LIGHT_TEXT[light])}
    </span>
  );
}

export function ChartFigure({ svg, table }: { svg: string; table: string }): JSX.Element {
  const safeSvg = svg;
  const safeTable = table;
  return (
    <figure class="chart">
      {safeSvg}
      {safeTable}
    </figure>
  );
}

// A published cycle's charts do not change: the rendered SVG is kept (the latest 32), keyed by the caller with the
// cycle, its publication time and the language. Provisional figures are rendered every time.
const CHARTS = new Map<string, string>();
export function memoChart(key: string | null, render: () => string): string {
  if (key === null) return render();
  let svg = CHARTS.get(key);
  if (svg === undefined) {
    svg = render();
    CHARTS.set(key, svg);
    if (CHARTS.size > 32) CHARTS.delete(CHARTS.keys().next().value!);
  }
  return svg;
}
