// /quan-ly/den-tin-hieu/do-luong/<id>?phase=N (issue 16): one intersection's ATSPM measures for a phase — the Purdue
// coordination diagram, arrivals on green by cycle, and the detector occupancy behind split failures — each an SVG
// rendered on the server with its numbers in a table beside it (cards on a phone).
import type { FastifyRequest } from 'fastify';
import { CardsTable } from '../../../platform/web/cards-table.tsx';
import { t, type Lang } from '../../../platform/web/i18n.ts';
import { ErrorSummary, Field, Page } from '../../../platform/web/layout.tsx';
import type { RuntimeIntersection } from '../runtime.ts';
import type { WallMeasures } from './measures.ts';
import { SPLIT_FAILURE_OCCUPANCY } from '../measures/atspm.ts';
import { w } from './messages.ts';
import { pcdSvg, sharesSvg } from './charts.ts';
import { WALL_URLS } from './views.tsx';

const LOCALE = { vi: 'vi-VN', en: 'en-GB' } as const;
const pct = (lang: Lang, v: number | null): string => (v === null ? '–' : new Intl.NumberFormat(LOCALE[lang], { style: 'percent', maximumFractionDigits: 1 }).format(v));
const sec = (lang: Lang, v: number): string => new Intl.NumberFormat(LOCALE[lang], { maximumFractionDigits: 1 }).format(v);
const clock = (at: number): string => new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Ho_Chi_Minh', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' }).format(new Date(at));

export interface MeasuresView {
  x: RuntimeIntersection;
  typed: string;
  error?: string | undefined;
  phases: number[];
  m: WallMeasures | null;
  windowMinutes: number;
}

function Figure({ svg, children }: { svg: string; children: JSX.Element }): JSX.Element {
  // The SVG comes from ECharts through accessibleSvg (every text escaped).
  const safeSvg = svg;
  return (
    <figure class="chart">
      {safeSvg}
      {children}
    </figure>
  );
}

function Charts({ lang, m }: { lang: Lang; m: WallMeasures }): JSX.Element {
  const cats = m.cycles.map((c) => clock(c.greenAt));
  const n = m.phase;
  const aogSeries = { name: t(lang, w.aog), values: m.cycles.map((c) => (c.arrivals.length === 0 ? null : c.arrivalsOnGreen / c.arrivals.length)), format: 'percent' as const };
  const occ = [
    { name: t(lang, w.gor), values: m.cycles.map((c) => c.greenOccupancy), format: 'percent' as const },
    { name: t(lang, w.ror5), values: m.cycles.map((c) => c.redOccupancy5), format: 'percent' as const },
  ];
  return (
    <>
      <h2 safe>{t(lang, w.pcd, { n })}</h2>
      <p safe>{t(lang, w.pcdDesc)}</p>
      <Figure
        svg={pcdSvg({
          title: t(lang, w.pcd, { n }),
          description: t(lang, w.pcdDesc),
          categories: cats,
          bands: m.bands,
          arrivals: m.cycles.map((c) => c.arrivals),
          names: { green: t(lang, w.green), yellow: t(lang, w.yellow), red: t(lang, w.red), arrivals: t(lang, w.arrivals), second: t(lang, w.second) },
        })}
      >
        <CardsTable
          caption={t(lang, w.pcd, { n })}
          heads={[t(lang, w.cycleStart), { text: t(lang, w.greenEnds), class: 'num' }, { text: t(lang, w.redStarts), class: 'num' }, { text: t(lang, w.cycleLength), class: 'num' }, t(lang, w.arrivalSeconds)]}
          rows={m.cycles.map((c, i) => ({ c, b: m.bands[i]!, cat: cats[i]! }))}
          cells={({ c, b, cat }) => [{ text: cat, header: true }, { text: sec(lang, b.yellow), class: 'num' }, { text: sec(lang, b.red), class: 'num' }, { text: sec(lang, b.end), class: 'num' }, c.arrivals.map((s) => sec(lang, s)).join('; ')]}
        />
      </Figure>
      <h2 safe>{t(lang, w.aogChart, { n })}</h2>
      <Figure svg={sharesSvg({ title: t(lang, w.aogChart, { n }), categories: cats, series: [aogSeries], lang })}>
        <CardsTable
          caption={t(lang, w.aogChart, { n })}
          heads={[t(lang, w.cycleStart), { text: t(lang, w.arrivals), class: 'num' }, { text: t(lang, w.onGreen), class: 'num' }, { text: t(lang, w.aog), class: 'num' }]}
          rows={m.cycles.map((c, i) => ({ c, cat: cats[i]!, v: aogSeries.values[i] ?? null }))}
          cells={({ c, cat, v }) => [{ text: cat, header: true }, { text: String(c.arrivals.length), class: 'num' }, { text: String(c.arrivalsOnGreen), class: 'num' }, { text: pct(lang, v), class: 'num' }]}
        />
      </Figure>
      <h2 safe>{t(lang, w.sfChart, { n })}</h2>
      <p safe>{t(lang, w.sfDesc)}</p>
      <Figure svg={sharesSvg({ title: t(lang, w.sfChart, { n }), description: t(lang, w.sfDesc), categories: cats, series: occ, threshold: SPLIT_FAILURE_OCCUPANCY, lang })}>
        <CardsTable
          caption={t(lang, w.sfChart, { n })}
          heads={[t(lang, w.cycleStart), { text: t(lang, w.gor), class: 'num' }, { text: t(lang, w.ror5), class: 'num' }, t(lang, w.splitFailure)]}
          rows={m.cycles.map((c, i) => ({ c, cat: cats[i]! }))}
          cells={({ c, cat }) => [{ text: cat, header: true }, { text: pct(lang, c.greenOccupancy), class: 'num' }, { text: pct(lang, c.redOccupancy5), class: 'num' }, t(lang, c.splitFailure ? w.yes : w.no)]}
        />
      </Figure>
    </>
  );
}

export function MeasuresPage({ req, v }: { req: FastifyRequest; v: MeasuresView }): JSX.Element {
  const lang = req.lang;
  const title = t(lang, w.measuresTitle, { name: `${v.x.name} (${v.x.id})` });
  const m = v.m;
  const totals: [string, string][] = m
    ? [
        [t(lang, w.cycles), String(m.cycles.length)],
        [t(lang, w.arrivals), String(m.arrivals)],
        [t(lang, w.aog), pct(lang, m.arrivalsOnGreen)],
        [t(lang, w.splitFailures), String(m.splitFailures)],
      ]
    : [];
  return (
    <Page req={req} title={title}>
      <h1 safe>{title}</h1>
      <ErrorSummary lang={lang} errors={v.error ? [{ field: 'phase', message: v.error }] : []} />
      <p safe>{t(lang, w.measuresIntro, { minutes: v.windowMinutes })}</p>
      <p>
        <a href={WALL_URLS.intersection(v.x.id)} safe>
          {t(lang, w.intersectionPage)}
        </a>
        {' · '}
        <a href={WALL_URLS.wall} safe>
          {t(lang, w.backToWall)}
        </a>
      </p>
      <form method="get" action={WALL_URLS.measures(v.x.id)} novalidate>
        <Field id="phase" label={t(lang, w.phase)} value={v.typed} inputmode="numeric" hint={v.phases.length > 0 ? t(lang, w.phaseHint, { list: v.phases.join(', ') }) : undefined} error={v.error} />
        <button type="submit" safe>
          {t(lang, w.show)}
        </button>
      </form>
      {m ? (
        <>
          <h2 safe>{t(lang, w.totals, { n: m.phase })}</h2>
          <CardsTable caption={t(lang, w.totals, { n: m.phase })} captionHidden heads={[t(lang, w.detail), { text: t(lang, w.totals, { n: m.phase }), class: 'num' }]} rows={totals} cells={([k, val]) => [{ text: k, header: true }, { text: val, class: 'num' }]} />
          {m.cycles.length === 0 ? (
            <p class="notice" role="status" safe>
              {t(lang, w.noCycles, { n: m.phase })}
            </p>
          ) : (
            <Charts lang={lang} m={m} />
          )}
        </>
      ) : (
        ''
      )}
    </Page>
  );
}
