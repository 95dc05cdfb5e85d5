// /dao-tao-cntt/bao-phu?nam=2026: trained officials per unit in a year against the unit's staff (directory), as a
// table and a bar chart of the units with the most trained (the chart comes with its own table of the same numbers).
import type { FastifyRequest } from 'fastify';
import { barChart, chartTable, formatValue } from '../../../platform/web/charts.ts';
import { t } from '../../../platform/web/i18n.ts';
import { CardsTable, Page } from '../../../platform/web/layout.tsx';
import type { CoverageRow } from '../coverage.ts';
import { m } from '../messages.ts';
import { TrainingNav, URLS } from './parts.tsx';

const TOP = 15;

export function CoveragePage({ req, year, rows }: { req: FastifyRequest; year: number; rows: CoverageRow[] }): JSX.Element {
  const lang = req.lang;
  const title = `${t(lang, m.coverage)} — ${year}`;
  const top = rows.slice(0, TOP);
  const series = [{ name: t(lang, m.trained), values: top.map((r) => r.trained) }];
  const categories = top.map((r) => (lang === 'vi' ? r.name : r.nameEn));
  const safeSvg = top.length > 0 ? barChart({ title, categories, series, lang, height: 80 + top.length * 28 }) : '';
  const safeTable = top.length > 0 ? chartTable({ caption: title, categoryHeader: t(lang, m.agencyName), categories, series, lang }) : '';
  return (
    <Page req={req} title={title}>
      <h1 safe>{title}</h1>
      <TrainingNav req={req} />
      <form method="get" action={URLS.coverage}>
        <label for="nam" safe>
          {t(lang, m.year)}
        </label>
        <input id="nam" name="nam" inputmode="numeric" size="6" value={String(year)} />
        <button type="submit" safe>
          {t(lang, m.show)}
        </button>
      </form>
      {rows.length === 0 ? (
        <p safe>{t(lang, m.noRows)}</p>
      ) : (
        <>
          <figure class="chart">
            {safeSvg}
            {safeTable}
          </figure>
          <CardsTable
            caption={title}
            heads={[m.agencyName, m.trained, m.staff, m.share].map((h) => t(lang, h))}
            rows={rows}
            cells={(r) => [
              { text: lang === 'vi' ? r.name : r.nameEn, header: true },
              { text: formatValue(lang, r.trained), class: 'num' },
              { text: formatValue(lang, r.staff), class: 'num' },
              { text: formatValue(lang, r.share, 'percent'), class: 'num' },
            ]}
          />
        </>
      )}
    </Page>
  );
}
