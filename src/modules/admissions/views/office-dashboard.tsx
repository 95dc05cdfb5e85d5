// /quan-ly/tuyen-sinh/so: the education office's live figures of a round — city-wide, per ward, per school, against
// places, in and out of catchment — with charts (server-rendered SVG, each beside its table), oversubscribed schools
// marked, and the downloads. Works without JavaScript; tables turn into cards on a phone.
import type { FastifyRequest } from 'fastify';
import { t, type Lang, type Text } from '../../../platform/web/i18n.ts';
import { CardsTable, Page } from '../../../platform/web/layout.tsx';
import { barChart, chartTable, donutChart, formatValue } from '../../../platform/web/charts.ts';
import type { RoundCounts, SchoolCount, WardCount } from '../office.ts';
import type { Round } from '../repo.ts';
import { ExactTime } from './parts.tsx';
import { OfficeNav, OFFICE, o } from './office-parts.tsx';

export interface DashboardState {
  rounds: Round[];
  counts: RoundCounts;
  ward: string;
}

const TOP = 15;
const n = (lang: Lang, v: number): string => formatValue(lang, v);

function ChartFigure({ svg, table }: { svg: string; table: string }): JSX.Element {
  const safeSvg = svg;
  const safeTable = table;
  return (
    <figure class="chart">
      {safeSvg}
      {safeTable}
    </figure>
  );
}

function Oversubscribed({ lang }: { lang: Lang }): JSX.Element {
  return (
    <span class="badge badge-late" safe>
      {t(lang, o.oversubscribed)}
    </span>
  );
}

function WardTable({ lang, wards, roundId }: { lang: Lang; wards: WardCount[]; roundId: number }): JSX.Element {
  const cols: Text[] = [o.places, o.applications, o.inCatchment, o.outOfCatchment, o.oversubscribedSchools];
  return (
    <CardsTable
      caption={t(lang, o.byWard)}
      heads={[t(lang, o.ward), ...cols.map((c) => ({ text: t(lang, c), class: 'num' }))]}
      rows={wards}
      cells={(w) => [
        {
          header: true,
          html: (
            <a href={`${OFFICE}?round=${roundId}&ward=${encodeURIComponent(w.code)}#truong`} safe>
              {w.name}
            </a>
          ),
        },
        ...[w.places, w.applications, w.inCatchment, w.outOfCatchment, w.oversubscribedSchools].map((v) => ({ text: n(lang, v), class: 'num' })),
      ]}
    />
  );
}

function SchoolTable({ lang, schools, caption }: { lang: Lang; schools: SchoolCount[]; caption: string }): JSX.Element {
  const cols: Text[] = [o.ward, o.places, o.applications, o.inCatchment, o.outOfCatchment];
  return (
    <CardsTable
      caption={caption}
      heads={[t(lang, o.school), ...cols.map((c, i) => (i === 0 ? t(lang, c) : { text: t(lang, c), class: 'num' }))]}
      rows={schools}
      cells={(s) => [
        {
          header: true,
          html: (
            <>
              <span safe>{`${s.name} (${s.code})`}</span> {s.oversubscribed ? <Oversubscribed lang={lang} /> : ''}
            </>
          ),
        },
        s.wardName,
        ...[s.places, s.applications, s.inCatchment, s.outOfCatchment].map((v) => ({ text: n(lang, v), class: 'num' })),
      ]}
    />
  );
}

export function OfficeDashboardPage({ req, state }: { req: FastifyRequest; state: DashboardState }): JSX.Element {
  const lang = req.lang;
  const { counts, ward } = state;
  const round = counts.round;
  const c = counts.city;
  const topWards = [...counts.wards].sort((a, b) => b.applications - a.applications || a.code.localeCompare(b.code)).slice(0, TOP);
  const wardSeries = [
    { name: t(lang, o.places), values: topWards.map((w) => w.places) },
    { name: t(lang, o.applications), values: topWards.map((w) => w.applications) },
  ];
  const wardTitle = t(lang, o.wardChart, { n: TOP });
  const catchTitle = t(lang, o.catchmentChart);
  const slices = [
    { name: t(lang, o.inCatchment), value: c.inCatchment },
    { name: t(lang, o.outOfCatchment), value: c.outOfCatchment },
  ];
  const inWard = ward ? counts.schools.filter((s) => s.wardCode === ward) : [];
  const wardName = counts.wards.find((w) => w.code === ward)?.name;
  const demanded = [...counts.schools]
    .filter((s) => s.applications > 0)
    .sort((a, b) => b.applications / Math.max(b.places, 1) - a.applications / Math.max(a.places, 1) || a.code.localeCompare(b.code))
    .slice(0, 30);
  const qs = `?round=${round.id}`;
  return (
    <Page req={req} title={o.dashboardTitle}>
      <h1 safe>{t(lang, o.dashboardTitle)}</h1>
      <OfficeNav lang={lang} rounds={state.rounds} current={round.id} />
      <h2 safe>{lang === 'vi' ? round.name : round.nameEn}</h2>
      <p>
        <span safe>{`${t(lang, o.countsAt)} `}</span>
        <ExactTime at={counts.at} />
        <span safe>{` ${t(lang, o.countsNote)} `}</span>
        <a href={`${OFFICE}${qs}${ward ? `&ward=${encodeURIComponent(ward)}` : ''}`} safe>
          {t(lang, o.refresh)}
        </a>
      </p>
      <dl class="figures" id="thanh-pho">
        <dt safe>{t(lang, o.applications)}</dt>
        <dd safe>{`${n(lang, c.applications)} / ${n(lang, c.places)} ${t(lang, o.placesWord)}`}</dd>
        <dt safe>{t(lang, o.inCatchment)}</dt>
        <dd safe>{n(lang, c.inCatchment)}</dd>
        <dt safe>{t(lang, o.outOfCatchment)}</dt>
        <dd safe>{n(lang, c.outOfCatchment)}</dd>
        <dt safe>{t(lang, o.oversubscribedSchools)}</dt>
        <dd safe>{`${n(lang, c.oversubscribedSchools)} / ${n(lang, c.schools)}`}</dd>
      </dl>
      <h2 safe>{wardTitle}</h2>
      <ChartFigure
        svg={barChart({ title: wardTitle, categories: topWards.map((w) => w.name), series: wardSeries, lang })}
        table={chartTable({ caption: wardTitle, categoryHeader: t(lang, o.ward), categories: topWards.map((w) => w.name), series: wardSeries, lang })}
      />
      <h2 safe>{catchTitle}</h2>
      <ChartFigure
        svg={donutChart({ title: catchTitle, slices, lang })}
        table={chartTable({ caption: catchTitle, categoryHeader: t(lang, o.catchment), categories: slices.map((s) => s.name), series: [{ name: t(lang, o.applications), values: slices.map((s) => s.value) }], lang })}
      />
      <h2 id="truong" safe>
        {wardName ? t(lang, o.schoolsOfWard, { ward: wardName }) : t(lang, o.mostDemanded)}
      </h2>
      {wardName ? (
        <p>
          <a href={`${OFFICE}${qs}#truong`} safe>
            {t(lang, o.backToCity)}
          </a>
        </p>
      ) : (
        ''
      )}
      <SchoolTable lang={lang} schools={wardName ? inWard : demanded} caption={wardName ? t(lang, o.schoolsOfWard, { ward: wardName }) : t(lang, o.mostDemanded)} />
      <h2 safe>{t(lang, o.downloads)}</h2>
      <ul>
        <li>
          <a href={`${OFFICE}/${round.id}/truong.csv`} safe>
            {t(lang, o.csv)}
          </a>
        </li>
        <li>
          <a href={`${OFFICE}/${round.id}/truong.xlsx`} safe>
            {t(lang, o.xlsx)}
          </a>
        </li>
      </ul>
      <h2 safe>{t(lang, o.byWard)}</h2>
      <WardTable lang={lang} wards={counts.wards} roundId={round.id} />
    </Page>
  );
}

/** Before the first round exists: the menu and a sentence, not an error. */
export function OfficeNoRoundsPage({ req }: { req: FastifyRequest }): JSX.Element {
  return (
    <Page req={req} title={o.dashboardTitle}>
      <h1 safe>{t(req.lang, o.dashboardTitle)}</h1>
      <OfficeNav lang={req.lang} rounds={[]} />
      <p safe>{t(req.lang, o.noRounds)}</p>
    </Page>
  );
}
