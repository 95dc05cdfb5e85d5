// /thiet-bi-cntt-truong/so-gd/do-phu: coverage per level (with a bar chart and its table) and per commune/ward, from
// checked reports only (said on the page), against the norms per level and Hà Nội's 2017 figures.
import type { FastifyRequest } from 'fastify';
import { CardsTable, Page } from '../../../platform/web/layout.tsx';
import { barChart, chartTable, formatValue } from '../../../platform/web/charts.ts';
import { t, type Lang, type Text } from '../../../platform/web/i18n.ts';
import type { Level } from '../../admissions/index.ts';
import type { UnitSummary } from '../../units/index.ts';
import { type Coverage, type CoverageRow, LEVELS, loadNorms } from '../coverage.ts';
import { m } from '../messages.ts';
import { num, OFFICE_PATH } from './parts.tsx';

const pct = (lang: Lang, v: number | null): string => formatValue(lang, v, 'percent');
const asPercent = (v: number | null): number | null => (v === null ? null : Math.round(v * 1000) / 10);

function CoverageTable({ lang, caption, head, rows, nameOf, norms }: { lang: Lang; caption: string; head: Text; rows: CoverageRow[]; nameOf: (key: string) => string; norms: boolean }): JSX.Element {
  const n = loadNorms();
  const cols: [Text, (r: CoverageRow) => string][] = [
    [m.schools, (r) => num(lang, r.schools)],
    [m.checkedReports, (r) => num(lang, r.checked)],
    [m.shareComputers, (r) => pct(lang, r.shareComputers)],
    [m.shareNetworked, (r) => pct(lang, r.shareNetworked)],
    [m.shareInternet, (r) => pct(lang, r.shareInternet)],
    [m.pupilsPerComputer, (r) => (r.pupilsPerComputer === null ? '–' : num(lang, Math.round(r.pupilsPerComputer * 10) / 10))],
    ...(norms ? ([[m.normMax, (r: CoverageRow) => (r.key in n.levels ? num(lang, n.levels[r.key as Level].pupilsPerComputerMax) : '–')]] as [Text, (r: CoverageRow) => string][]) : []),
    [m.shareMeetingNorm, (r) => pct(lang, r.shareMeetingNorm)],
    ...(norms
      ? ([
          [
            m.baseline,
            (r: CoverageRow) => {
              const b = n.baseline[r.key as Level];
              if (!b) return '–';
              return [b.withComputers !== undefined ? `${t(lang, m.shareComputers)} ${pct(lang, b.withComputers)}` : '', b.withNetworkedRoom !== undefined ? `${t(lang, m.shareNetworked)} ${pct(lang, b.withNetworkedRoom)}` : '']
                .filter(Boolean)
                .join('; ');
            },
          ],
        ] as [Text, (r: CoverageRow) => string][])
      : []),
  ];
  return (
    <CardsTable
      caption={caption}
      heads={[t(lang, head), ...cols.map(([h]) => ({ text: t(lang, h), class: 'num' }))]}
      rows={rows}
      cells={(r) => [{ text: nameOf(r.key), header: true }, ...cols.map(([, f]) => ({ text: f(r), class: 'num' }))]}
    />
  );
}

export function CoveragePage({ req, c, wards }: { req: FastifyRequest; c: Coverage; wards: UnitSummary[] }): JSX.Element {
  const lang = req.lang;
  const n = loadNorms();
  const levelName = (k: string): string => (k === 'total' ? t(lang, m.total) : t(lang, n.levels[k as Level].name));
  const wardName = new Map(wards.map((w) => [w.code, w.name]));
  const categories = LEVELS.map((l) => t(lang, n.levels[l].name));
  const series = [
    { name: t(lang, m.shareComputers), values: c.byLevel.map((r) => asPercent(r.shareComputers)) },
    { name: t(lang, m.shareNetworked), values: c.byLevel.map((r) => asPercent(r.shareNetworked)) },
    { name: t(lang, m.shareInternet), values: c.byLevel.map((r) => asPercent(r.shareInternet)) },
  ];
  const safeChart = barChart({ title: t(lang, m.chartTitle), categories, series, lang, height: 320 });
  const safeChartTable = chartTable({ caption: t(lang, m.chartTitle), categoryHeader: t(lang, m.level), categories, series, lang });
  return (
    <Page req={req} title={m.coverageTitle}>
      <p>
        <a href={`${OFFICE_PATH}?nam=${encodeURIComponent(c.schoolYear)}`} safe>
          {t(lang, m.listLink)}
        </a>
      </p>
      <h1 safe>{`${t(lang, m.coverageTitle)} — ${c.schoolYear}`}</h1>
      <p class="notice" role="note" safe>
        {t(lang, m.onlyChecked)}
      </p>
      <p class="hint" safe>
        {t(lang, m.normsNote, { doc: `${n.source.document} (${n.source.year})` })}
      </p>
      <h2 safe>{t(lang, m.byLevel)}</h2>
      <figure class="chart">
        {safeChart}
        {safeChartTable}
      </figure>
      <CoverageTable lang={lang} caption={t(lang, m.byLevel)} head={m.level} rows={[...c.byLevel, c.total]} nameOf={levelName} norms />
      <h2 safe>{t(lang, m.byWard)}</h2>
      <CoverageTable lang={lang} caption={t(lang, m.byWard)} head={m.ward} rows={c.byWard} nameOf={(k) => wardName.get(k) ?? k} norms={false} />
    </Page>
  );
}
