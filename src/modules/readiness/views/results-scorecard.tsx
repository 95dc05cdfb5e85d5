// /chuyen-doi-so/ket-qua/:cycleId/don-vi/:agencyId: a unit's scorecard — every indicator with its value, points of
// its maximum, share and light (a word, not colour alone), its flags explained in words and the council's adjustment
// with its reason; a subtotal per group; the 3 strongest and 3 weakest indicators; the unit's total over the years.
import type { FastifyRequest } from 'fastify';
import { chartTable, lineChart } from '../../../platform/web/charts.ts';
import { t, type Lang } from '../../../platform/web/i18n.ts';
import { Page } from '../../../platform/web/layout.tsx';
import type { Scorecard } from '../dashboards.ts';
import { FLAG_TEXT, r } from '../results-messages.ts';
import type { AdjustedIndicator } from '../results.ts';
import type { IndicatorScore } from '../scoring.ts';
import type { LoadedSet } from '../sets.ts';
import { ChartFigure, cycleUrl, LightBadge, memoChart, num, pct, reportUrl } from './results-parts.tsx';

/** The value as the unit gave it: a ratio as a percentage, yes/no and categories in words. */
export function valueText(lang: Lang, loaded: LoadedSet, s: IndicatorScore): string {
  if (s.value === null) return '—';
  if (typeof s.value === 'boolean') return t(lang, s.value ? r.yes : r.no);
  if (typeof s.value === 'string') {
    const rule = loaded.indicators.get(s.code)?.rule;
    const cat = rule?.kind === 'categorical' ? rule.categories.find((c) => c.value === s.value) : undefined;
    return cat ? t(lang, cat.label) : s.value;
  }
  return s.kind === 'ratio' ? pct(lang, s.value) : num(lang, s.value);
}

/** The flags and the council's adjustment, in words. */
export function notesOf(lang: Lang, s: AdjustedIndicator): string[] {
  const out = s.flags.map((f) => t(lang, FLAG_TEXT[f]));
  if (s.missing?.length) out.push(t(lang, r.missingCodes, { codes: s.missing.join(', ') }));
  if (s.explanation) out.push(t(lang, r.explanation, { text: s.explanation }));
  if (s.adjusted) out.push(t(lang, r.adjusted, { computed: num(lang, s.adjusted.computed), after: num(lang, s.adjusted.after), reason: s.adjusted.reason }));
  return out;
}

export const indicatorName = (lang: Lang, loaded: LoadedSet, code: string): string => {
  const i = loaded.indicators.get(code);
  return i ? t(lang, i.name) : code;
};

function IndicatorRows({ lang, loaded, list, heads }: { lang: Lang; loaded: LoadedSet; list: AdjustedIndicator[]; heads: string[] }): JSX.Element {
  return (
    <>
      {list.map((s) => (
        <tr>
          <td data-label={heads[0]} safe>
            {s.code}
          </td>
          <th scope="row" data-label={heads[1]} safe>
            {indicatorName(lang, loaded, s.code)}
          </th>
          <td data-label={heads[2]} class="num" safe>
            {valueText(lang, loaded, s)}
          </td>
          <td data-label={heads[3]} class="num" safe>
            {`${num(lang, s.points)} / ${s.max}`}
          </td>
          <td data-label={heads[4]} class="num" safe>
            {pct(lang, s.share)}
          </td>
          <td data-label={heads[5]}>
            <LightBadge lang={lang} light={s.light} />
          </td>
          <td data-label={heads[6]}>
            {notesOf(lang, s).map((n) => (
              <p safe>{n}</p>
            ))}
          </td>
        </tr>
      ))}
    </>
  );
}

function ShortList({ lang, loaded, title, list }: { lang: Lang; loaded: LoadedSet; title: string; list: IndicatorScore[] }): JSX.Element {
  return (
    <>
      <h2 safe>{title}</h2>
      <ol>
        {list.map((s) => (
          <li>
            <span safe>{`${s.code} ${indicatorName(lang, loaded, s.code)}: ${num(lang, s.points)} / ${s.max} (${pct(lang, s.share)})`}</span> <LightBadge lang={lang} light={s.light} />
          </li>
        ))}
      </ol>
    </>
  );
}

export function ScorecardPage({ req, card }: { req: FastifyRequest; card: Scorecard }): JSX.Element {
  const lang = req.lang;
  const { res, row, strongWeak, history } = card;
  const loaded = res.loaded;
  const title = t(lang, r.scorecardTitle, { unit: row.agencyName, year: res.cycle.year });
  const heads = [r.code, r.indicator, r.value, r.points, r.share, r.level, r.notes].map((h) => t(lang, h));
  const trendTitle = t(lang, r.unitTrend);
  const categories = history.map((h) => String(h.year));
  const series = [{ name: t(lang, r.total), values: history.map((h) => h.total) }];
  const ranks = { name: t(lang, r.rank), values: history.map((h) => h.rank) };
  return (
    <Page req={req} title={title}>
      <p>
        <a href={cycleUrl(res.cycle.id)} safe>
          {t(lang, r.back)}
        </a>
      </p>
      <h1 safe>{title}</h1>
      <p>
        <span safe>{`${t(lang, r.total)}: ${num(lang, row.total)} / ${row.max}${row.rank !== null ? ` — ${t(lang, r.rank)} ${row.rank}` : ''}`}</span> <LightBadge lang={lang} light={row.light} />
      </p>
      <p safe>{t(lang, res.published ? r.published : r.provisional)}</p>
      {loaded.set.plausible ? <p class="note" safe>{t(lang, r.plausibleSet)}</p> : ''}
      <p>
        <a href={reportUrl(res.cycle.id, row.agencyId)} safe>
          {t(lang, r.pdfUnit)}
        </a>
      </p>
      <ShortList lang={lang} loaded={loaded} title={t(lang, r.strongest)} list={strongWeak.strongest} />
      <ShortList lang={lang} loaded={loaded} title={t(lang, r.weakest)} list={strongWeak.weakest} />
      <h2 safe>{t(lang, r.scorecard)}</h2>
      {loaded.set.groups.map((g) => {
        const sub = row.score.groups.find((x) => x.code === g.code)!;
        return (
          <div class="table-frame cards-on-phone">
            <table class="cards-on-phone">
              <caption>
                <span safe>{`${g.code}. ${t(lang, g.name)} — ${t(lang, r.subtotal)}: ${num(lang, sub.points)} / ${g.max} (${pct(lang, sub.share)})`}</span> <LightBadge lang={lang} light={sub.light} />
              </caption>
              <thead>
                <tr>
                  {heads.map((h) => (
                    <th scope="col" safe>
                      {h}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                <IndicatorRows lang={lang} loaded={loaded} list={row.score.indicators.filter((s) => s.group === g.code)} heads={heads} />
              </tbody>
            </table>
          </div>
        );
      })}
      <h2 safe>{trendTitle}</h2>
      {history.length === 0 ? (
        <p safe>{t(lang, r.noHistory)}</p>
      ) : (
        <>
          {history.some((h) => h.illustrative) ? <p class="note" safe>{t(lang, r.illustrative)}</p> : ''}
          <ChartFigure
            svg={memoChart(`unit:${lang}:${categories.join()}:${series[0]!.values.join()}`, () => lineChart({ title: trendTitle, categories, series, lang, height: 280 }))}
            table={chartTable({ caption: trendTitle, categoryHeader: t(lang, r.year), categories, series: [...series, ranks], lang })}
          />
        </>
      )}
    </Page>
  );
}
