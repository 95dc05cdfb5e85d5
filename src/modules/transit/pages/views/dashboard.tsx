// /quan-ly/ve-dien-tu/thong-ke: ridership over a period of service days (issue 15). Each chart is an SVG image with
// its numbers as a table beside it; tables become cards on a phone.
import type { FastifyRequest } from 'fastify';
import { barChart, chartTable } from '../../../../platform/web/charts.ts';
import { CardsTable, ErrorSummary, Field, Page } from '../../../../platform/web/layout.tsx';
import { formatMoney, type Lang, t } from '../../../../platform/web/i18n.ts';
import { FREE_REASONS, type Ridership } from '../../taps/index.ts';
import { d, FREE_REASON_LABELS } from '../messages-staff.ts';
import { STAFF_PATH } from './staff.tsx';

export const DASHBOARD_PATH = `${STAFF_PATH}/thong-ke`;

const num = (lang: Lang, n: number): string => new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-GB').format(n);
const pct = (lang: Lang, part: number, whole: number): string =>
  whole === 0 ? '–' : new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', { style: 'percent', maximumFractionDigits: 1 }).format(part / whole);

function Chart({ svg, table }: { svg: string; table: string }): JSX.Element {
  // Both are built by platform/web/charts.ts, which escapes every text it writes.
  const safeSvg = svg;
  const safeTable = table;
  return (
    <figure class="chart">
      {safeSvg}
      {safeTable}
    </figure>
  );
}

function Totals({ lang, r }: { lang: Lang; r: Ridership }): JSX.Element {
  const items: [string, string][] = [
    [t(lang, d.trips), num(lang, r.trips)],
    [t(lang, d.paidTrips), num(lang, r.paidTrips)],
    [t(lang, d.freeTrips), `${num(lang, r.freeTrips)} (${pct(lang, r.freeTrips, r.trips)})`],
    [t(lang, d.riders), num(lang, r.riders)],
    [t(lang, d.revenue), formatMoney(lang, r.revenue)],
    [t(lang, d.pricedDays), num(lang, r.pricedDays)],
  ];
  return (
    <dl class="summary-list">
      {items.map(([k, v]) => (
        <div>
          <dt safe>{k}</dt>
          <dd safe>{v}</dd>
        </div>
      ))}
    </dl>
  );
}

function Figures({ lang, r }: { lang: Lang; r: Ridership }): JSX.Element {
  const hours = r.byHour.map((_, h) => `${String(h).padStart(2, '0')}h`);
  const hourSeries = [{ name: t(lang, d.trips), values: r.byHour }];
  const routeSeries = [
    { name: t(lang, d.paid), values: r.byRoute.map((x) => x.trips - x.freeTrips) },
    { name: t(lang, d.freeTrips), values: r.byRoute.map((x) => x.freeTrips) },
  ];
  const routeTitle = `${t(lang, d.byRoute)} ${r.from} – ${r.to}`;
  const hourTitle = `${t(lang, d.byHour)} ${r.from} – ${r.to}`;
  return (
    <>
      <h2 safe>{t(lang, d.byRoute)}</h2>
      <Chart svg={barChart({ title: routeTitle, categories: r.byRoute.map((x) => x.routeId), series: routeSeries, stacked: true, lang, height: 320 })} table="" />
      <CardsTable
        caption={routeTitle}
        heads={[t(lang, d.route), t(lang, d.trips), t(lang, d.freeTrips), t(lang, d.revenue)]}
        rows={r.byRoute}
        cells={(x) => [{ text: x.label, header: true }, { text: num(lang, x.trips), class: 'num' }, { text: num(lang, x.freeTrips), class: 'num' }, { text: formatMoney(lang, x.revenue), class: 'num' }]}
      />
      <h2 safe>{t(lang, d.byHour)}</h2>
      <Chart
        svg={barChart({ title: hourTitle, categories: hours, series: hourSeries, lang, height: 300 })}
        table={chartTable({ caption: hourTitle, categoryHeader: t(lang, d.hour), categories: hours.filter((_, h) => (r.byHour[h] ?? 0) > 0), series: [{ name: t(lang, d.trips), values: r.byHour.filter((n) => n > 0) }], lang })}
      />
      <h2 safe>{t(lang, d.topStops)}</h2>
      <CardsTable
        caption={t(lang, d.topStops)}
        heads={[t(lang, d.stop), t(lang, d.boardings)]}
        rows={r.topStops}
        cells={(x) => [{ text: x.name, header: true }, { text: num(lang, x.boardings), class: 'num' }]}
      />
      <h2 safe>{t(lang, d.freeShare)}</h2>
      <CardsTable
        caption={t(lang, d.freeShare)}
        heads={[t(lang, d.reason), t(lang, d.trips), t(lang, d.share)]}
        rows={[...FREE_REASONS.map((k) => ({ label: t(lang, FREE_REASON_LABELS[k]), n: r.free[k] })), { label: t(lang, d.paid), n: r.paidTrips }]}
        cells={(x) => [{ text: x.label, header: true }, { text: num(lang, x.n), class: 'num' }, { text: pct(lang, x.n, r.trips), class: 'num' }]}
      />
    </>
  );
}

export function DashboardPage({ req, typed, errors, r }: { req: FastifyRequest; typed: { from: string; to: string }; errors: { field: string; message: string }[]; r: Ridership | undefined }): JSX.Element {
  const lang = req.lang;
  const errOf = (id: string) => errors.find((e) => e.field === id)?.message;
  return (
    <Page req={req} title={d.dashboard}>
      <h1 safe>{t(lang, d.dashboard)}</h1>
      <ErrorSummary lang={lang} errors={errors} />
      <p safe>{t(lang, d.dashboardIntro)}</p>
      <form method="get" action={DASHBOARD_PATH} novalidate>
        <Field id="tu" label={t(lang, d.from)} value={typed.from} error={errOf('tu')} />
        <Field id="den" label={t(lang, d.to)} value={typed.to} error={errOf('den')} />
        <button type="submit" safe>
          {t(lang, d.show)}
        </button>
      </form>
      {r ? (
        <>
          <h2 safe>{`${t(lang, d.totals)} ${r.from} – ${r.to}`}</h2>
          <Totals lang={lang} r={r} />
          {r.trips === 0 ? <p class="notice" role="status" safe>{t(lang, d.noTrips)}</p> : <Figures lang={lang} r={r} />}
        </>
      ) : (
        ''
      )}
      <p>
        <a href={`${STAFF_PATH}/bang-gia`} safe>
          {t(lang, d.fares)}
        </a>
      </p>
    </Page>
  );
}
