// /chuyen-doi-so/dti: the city's place in the national DTI (data/readiness/dti.json), the main indices as bars and the
// rank over the years, each figure marked verified or illustrative; /chuyen-doi-so/ke-hoach/:year: the year's plan
// targets against what the published forms add up to, met or not met with the figures.
import type { FastifyRequest } from 'fastify';
import { barChart, chartTable, lineChart } from '../../../platform/web/charts.ts';
import { t } from '../../../platform/web/i18n.ts';
import { CardsTable, Page } from '../../../platform/web/layout.tsx';
import type { Dti, PlanProgress } from '../dashboards.ts';
import { r } from '../results-messages.ts';
import { ChartFigure, memoChart, num, pct, RESULTS_URL } from './results-parts.tsx';

const score4 = (lang: 'vi' | 'en', v: number): string => new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', { minimumFractionDigits: 4, maximumFractionDigits: 4 }).format(v);

export function DtiPage({ req, dti }: { req: FastifyRequest; dti: Dti }): JSX.Element {
  const lang = req.lang;
  const latest = dti.years[dti.years.length - 1]!;
  const pillarsTitle = t(lang, r.pillarsChart, { year: latest.year });
  const categories = dti.pillars.map((p) => t(lang, p.name));
  const pillarSeries = [{ name: t(lang, r.score), values: dti.pillars.map((p) => latest.pillars[p.code] ?? null) }];
  const rankTitle = t(lang, r.rankChart);
  const years = dti.years.map((y) => String(y.year));
  const rankSeries = [{ name: t(lang, r.rank), values: dti.years.map((y) => y.rank) }];
  const heads = [r.year, r.rank, r.provinces, r.score, r.status].map((h) => t(lang, h));
  return (
    <Page req={req} title={r.dtiTitle}>
      <p>
        <a href={RESULTS_URL} safe>
          {t(lang, r.homeTitle)}
        </a>
      </p>
      <h1 safe>{t(lang, r.dtiTitle)}</h1>
      <p>
        <strong safe>{t(lang, r.dtiPosition, { year: latest.year, rank: latest.rank, provinces: latest.provinces, score: score4(lang, latest.score) })}</strong>{' '}
        <span safe>{`(${t(lang, latest.verified ? r.verified : r.plausible)})`}</span>
      </p>
      <p safe>{t(lang, dti.source)}</p>
      <p class="note" safe>{t(lang, dti.note)}</p>
      <div class="table-frame cards-on-phone">
        <CardsTable
          heads={heads}
          caption={t(lang, r.dtiTitle)}
          rows={dti.years}
          cells={(y) => [
            { header: true, text: String(y.year) },
            { text: String(y.rank), class: 'num' },
            { text: String(y.provinces), class: 'num' },
            { text: score4(lang, y.score), class: 'num' },
            t(lang, y.verified ? r.verified : r.plausible),
          ]}
        />
      </div>
      <h2 safe>{pillarsTitle}</h2>
      <p class="note" safe>{t(lang, latest.pillarsVerified === true ? r.verified : r.plausible)}</p>
      <ChartFigure
        svg={memoChart(`dti-pillars:${lang}`, () => barChart({ title: pillarsTitle, categories, series: pillarSeries, lang, height: 320 }))}
        table={chartTable({ caption: pillarsTitle, categoryHeader: t(lang, r.pillar), categories, series: pillarSeries, lang })}
      />
      <h2 safe>{rankTitle}</h2>
      <ChartFigure svg={memoChart(`dti-rank:${lang}`, () => lineChart({ title: rankTitle, categories: years, series: rankSeries, lang, inverse: true, height: 260 }))} table={chartTable({ caption: rankTitle, categoryHeader: t(lang, r.year), categories: years, series: rankSeries, lang })} />
    </Page>
  );
}

export function PlanPage({ req, p }: { req: FastifyRequest; p: PlanProgress }): JSX.Element {
  const lang = req.lang;
  const title = t(lang, r.planTitle, { year: p.plan.year });
  const heads = [r.indicator, r.basis, r.target, r.achieved, r.figures, r.result].map((h) => t(lang, h));
  return (
    <Page req={req} title={title}>
      <p>
        <a href={RESULTS_URL} safe>
          {t(lang, r.homeTitle)}
        </a>
      </p>
      <h1 safe>{title}</h1>
      <p safe>{t(lang, p.plan.title)}</p>
      <p class="note" safe>{t(lang, p.plan.note)}</p>
      {p.cycles.length === 0 ? <p safe>{t(lang, r.planNoPublished, { year: p.plan.year })}</p> : ''}
      <div class="table-frame cards-on-phone">
        <CardsTable
          heads={heads}
          caption={title}
          rows={p.targets}
          rowAttrs={(x) => ({ id: `target-${x.target.code}` })}
          cells={(x) => [
            { header: true, text: `${t(lang, x.target.name)}${x.target.plausible ? ` ${t(lang, r.illustrativeTarget)}` : ''}` },
            x.target.basis,
            { text: `≥ ${pct(lang, x.target.target)}`, class: 'num' },
            { text: x.achieved === null ? t(lang, r.noData) : pct(lang, x.achieved), class: 'num' },
            x.units === 0 ? '—' : t(lang, r.planFigures, { num: num(lang, x.numerator), den: num(lang, x.denominator), units: x.units }),
            {
              html:
                x.met === null ? (
                  <span safe>{t(lang, r.noData)}</span>
                ) : (
                  <span class={`badge ${x.met ? 'light-green' : 'light-red'}`} safe>
                    {t(lang, x.met ? r.met : r.notMet)}
                  </span>
                ),
            },
          ]}
        />
      </div>
    </Page>
  );
}
