// /chuyen-doi-so/ket-qua: the cycles and the peer groups' trends; /chuyen-doi-so/ket-qua/:cycleId: the ranking of a
// cycle (rank 1, 1, 3; total; each group's points with its light), a bar chart of the totals with its table, the
// downloads. A table that reads as cards on a phone.
import type { FastifyRequest } from 'fastify';
import { barChart, chartTable, lineChart } from '../../../platform/web/charts.ts';
import { t, type Lang } from '../../../platform/web/i18n.ts';
import { CardsTable, Page } from '../../../platform/web/layout.tsx';
import type { CycleResults, Overview } from '../dashboards.ts';
import { PEER_GROUP_TEXT, r } from '../results-messages.ts';
import { ChartFigure, cycleName, cycleUrl, DTI_URL, LightBadge, memoChart, num, planUrl, RESULTS_URL, reportUrl, unitUrl, workbookUrl } from './results-parts.tsx';

export function OverviewPage({ req, o }: { req: FastifyRequest; o: Overview }): JSX.Element {
  const lang = req.lang;
  return (
    <Page req={req} title={r.homeTitle}>
      <h1 safe>{t(lang, r.homeTitle)}</h1>
      <p safe>{t(lang, r.homeIntro)}</p>
      <h2 safe>{t(lang, r.cycles)}</h2>
      {o.cycles.length === 0 ? (
        <p safe>{t(lang, r.noCycles)}</p>
      ) : (
        <ul>
          {o.cycles.map((c) => (
            <li>
              <a href={cycleUrl(c.id)} safe>
                {cycleName(lang, c)}
              </a>{' '}
              <span safe>({t(lang, c.state === 'published' ? r.published : r.provisional)})</span>
            </li>
          ))}
        </ul>
      )}
      <ul>
        <li>
          <a href={DTI_URL} safe>
            {t(lang, r.dtiLink)}
          </a>
        </li>
        {o.planYears.map((y) => (
          <li>
            <a href={planUrl(y)} safe>
              {t(lang, r.planLink, { year: y })}
            </a>
          </li>
        ))}
      </ul>
      <h2 safe>{t(lang, r.trends)}</h2>
      <p safe>{t(lang, r.illustrative)}</p>
      {o.trends
        .filter((x) => x.years.length > 0)
        .map((x) => {
          const title = t(lang, r.trendChart, { group: t(lang, PEER_GROUP_TEXT[x.peerGroup]) });
          const categories = x.years.map((y) => String(y.year));
          const series = [
            { name: t(lang, r.meanShare), values: x.years.map((y) => y.meanShare), format: 'percent' as const },
            { name: t(lang, r.bestShare), values: x.years.map((y) => y.bestShare), format: 'percent' as const },
          ];
          return (
            <>
              <h3 safe>{title}</h3>
              <ChartFigure
                svg={memoChart(`trend:${lang}:${x.peerGroup}:${JSON.stringify(x.years)}`, () => lineChart({ title, categories, series, lang, percent: true, height: 300 }))}
                table={chartTable({ caption: title, categoryHeader: t(lang, r.year), categories, series: [...series, { name: t(lang, r.unitsCounted), values: x.years.map((y) => y.units) }], lang })}
              />
            </>
          );
        })}
    </Page>
  );
}

function RankingTable({ lang, res }: { lang: Lang; res: CycleResults }): JSX.Element {
  const groups = res.loaded.set.groups;
  const heads = [...(res.ranked ? [t(lang, r.rank)] : []), t(lang, r.unit), t(lang, r.total), ...groups.map((g) => `${t(lang, g.name)} (${g.max})`)];
  return (
    <CardsTable
      heads={heads}
      caption={t(lang, r.rankingTitle, { group: t(lang, PEER_GROUP_TEXT[res.cycle.peer_group]), year: res.cycle.year })}
      rows={res.rows}
      cells={(row) => [
        ...(res.ranked ? [{ text: String(row.rank ?? ''), class: 'num' }] : []),
        {
          header: true,
          html: (
            <a href={unitUrl(res.cycle.id, row.agencyId)} safe>
              {row.agencyName}
            </a>
          ),
        },
        {
          html: (
            <>
              <span safe>{`${num(lang, row.total)} / ${row.max}`}</span> <LightBadge lang={lang} light={row.light} />
            </>
          ),
        },
        ...row.score.groups.map((g) => ({
          html: (
            <>
              <span safe>{num(lang, g.points)}</span> <LightBadge lang={lang} light={g.light} />
            </>
          ),
        })),
      ]}
    />
  );
}

export function RankingPage({ req, res }: { req: FastifyRequest; res: CycleResults }): JSX.Element {
  const lang = req.lang;
  const title = t(lang, r.rankingTitle, { group: t(lang, PEER_GROUP_TEXT[res.cycle.peer_group]), year: res.cycle.year });
  const chartTitle = t(lang, r.totalsChart);
  const categories = res.rows.map((x) => x.agencyName);
  const series = [{ name: t(lang, r.total), values: res.rows.map((x) => x.total) }];
  return (
    <Page req={req} title={title}>
      <p>
        <a href={RESULTS_URL} safe>
          {t(lang, r.homeTitle)}
        </a>
      </p>
      <h1 safe>{title}</h1>
      <p safe>{t(lang, res.published ? r.published : r.provisional)}</p>
      {res.loaded.set.plausible ? <p class="note" safe>{t(lang, r.plausibleSet)}</p> : ''}
      {!res.published ? <p class="note" safe>{t(lang, res.ranked ? r.provisionalNote : r.ownOnlyNote)}</p> : ''}
      {res.rows.length === 0 ? (
        <p safe>{t(lang, r.noResults)}</p>
      ) : (
        <>
          <div class="table-frame cards-on-phone">
            <RankingTable lang={lang} res={res} />
          </div>
          <h2 safe>{chartTitle}</h2>
          <ChartFigure
            svg={memoChart(res.published && res.cycle.published_at ? `ranking:${res.cycle.id}:${res.cycle.published_at.getTime()}:${lang}` : null, () => barChart({ title: chartTitle, categories, series, lang, height: 320 }))}
            table={chartTable({ caption: chartTitle, categoryHeader: t(lang, r.unit), categories, series, lang })}
          />
          <h2 safe>{t(lang, r.downloads)}</h2>
          <ul>
            <li>
              <a href={workbookUrl(res.cycle.id)} safe>
                {t(lang, r.excel)}
              </a>
            </li>
            <li>
              <a href={reportUrl(res.cycle.id)} safe>
                {t(lang, r.pdf)}
              </a>
            </li>
          </ul>
        </>
      )}
    </Page>
  );
}
