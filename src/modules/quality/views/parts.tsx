// Pieces of the quality pages: the key figures, the charts (each with its numbers as a table) and the tables of the
// indices with how each was computed.
import { t, type Lang } from '../../../platform/web/i18n.ts';
import { chartTable, gaugeChart, stackedBarLineChart, barChart } from '../../../platform/web/charts.ts';
import { bucketLabel, num, pct } from '../format.ts';
import type { Evaluation } from '../indices.ts';
import { q } from '../messages.ts';
import type { PublicFigures } from '../service.ts';

/** What every page shows; the staff page passes the full figures. */
export type CoreFigures = PublicFigures['figures'];

export function Card({ label, value, detail }: { label: string; value: string; detail?: string }): JSX.Element {
  return (
    <li class="card">
      <h3 safe>{label}</h3>
      <p class="lead">
        <strong safe>{value}</strong>
      </p>
      {detail ? (
        <p class="muted" safe>
          {detail}
        </p>
      ) : (
        ''
      )}
    </li>
  );
}

/** Feedback (on dossiers and citizens' phản ánh, kiến nghị) answered by its due date, of all that has come due. */
function FeedbackCard({ lang, f }: { lang: Lang; f: CoreFigures }): JSX.Element {
  const b = f.feedback;
  const due = b.on_time + b.late + b.overdue;
  const vars = { onTime: num(lang, b.on_time), late: num(lang, b.late), overdue: num(lang, b.overdue), pending: num(lang, b.pending) };
  return <Card label={t(lang, q.feedbackOnTime)} value={due === 0 ? t(lang, q.noData) : pct(lang, b.on_time / due)} detail={t(lang, q.feedbackOnTimeDetail, vars)} />;
}

export function FigureCards({ lang, f, extra }: { lang: Lang; f: CoreFigures; extra?: JSX.Element }): JSX.Element {
  const n = (x: number | null) => num(lang, x);
  // Rendered by a component (Card), so already escaped.
  const safeExtra = extra ?? '';
  return (
    <ul class="cards">
      <Card label={t(lang, q.received)} value={n(f.received)} detail={t(lang, q.receivedDetail, { online: n(f.online), counter: n(f.counter) })} />
      <Card label={t(lang, q.inProgress)} value={n(f.inProgress.total)} detail={t(lang, q.inProgressDetail, { onTime: n(f.inProgress.onTime), overdue: n(f.inProgress.overdue) })} />
      <Card
        label={t(lang, q.resolved)}
        value={n(f.resolved.total)}
        detail={t(lang, q.resolvedDetail, { early: n(f.resolved.early), onTime: n(f.resolved.onTime), late: n(f.resolved.late) })}
      />
      <Card label={t(lang, q.onTimeRate)} value={pct(lang, f.onTimeRate)} detail={t(lang, q.onTimeRateDetail)} />
      <Card
        label={t(lang, q.averageTime)}
        value={f.averageDays === null ? '–' : t(lang, q.averageTimeValue, { days: num(lang, f.averageDays, 1), working: num(lang, f.averageWorkingDays, 1) })}
      />
      <Card label={t(lang, q.onlineShare)} value={pct(lang, f.onlineShare)} detail={`${t(lang, q.fullOnlineShare)}: ${pct(lang, f.fullOnlineShare)}`} />
      <Card
        label={t(lang, q.satisfaction)}
        value={f.satisfaction.average === null ? t(lang, q.noData) : t(lang, q.satisfactionValue, { average: num(lang, f.satisfaction.average, 2), share: pct(lang, f.satisfaction.satisfiedShare) })}
        detail={t(lang, q.satisfactionDetail, { count: n(f.satisfaction.count) })}
      />
      <FeedbackCard lang={lang} f={f} />
      {safeExtra}
    </ul>
  );
}

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

export function QualityCharts({ lang, f, headingLevel = 3 }: { lang: Lang; f: CoreFigures; headingLevel?: 2 | 3 }): JSX.Element {
  const by = t(lang, f.granularity === 'day' ? q.byDay : q.byMonth);
  const categories = f.series.map((p) => bucketLabel(lang, p.key));
  const header = t(lang, f.granularity === 'day' ? q.day : q.month);
  const received = [
    { name: t(lang, q.online), values: f.series.map((p) => p.online) },
    { name: t(lang, q.counter), values: f.series.map((p) => p.counter) },
  ];
  const outcomes = [
    { name: t(lang, q.early), values: f.series.map((p) => p.early), color: '#00703c' },
    { name: t(lang, q.onTime), values: f.series.map((p) => p.onTime), color: '#0b4f9c' },
    { name: t(lang, q.late), values: f.series.map((p) => p.late), color: '#a3161a' },
  ];
  const rate = { name: t(lang, q.onTimeRate), values: f.series.map((p) => p.onTimeRate), format: 'percent' as const };
  const receivedTitle = t(lang, q.receivedChart, { by });
  const resolvedTitle = t(lang, q.resolvedChart, { by });
  const gaugeTitle = t(lang, q.gaugeChart);
  const H = headingLevel === 2 ? 'h2' : 'h3';
  const outcomeRow = [
    { name: t(lang, q.early), values: [f.resolved.early] },
    { name: t(lang, q.onTime), values: [f.resolved.onTime] },
    { name: t(lang, q.late), values: [f.resolved.late] },
    { name: t(lang, q.onTimeRate), values: [f.onTimeRate], format: 'percent' as const },
  ];
  return (
    <>
      <H safe>{receivedTitle}</H>
      <ChartFigure
        svg={barChart({ title: receivedTitle, categories, series: received, stacked: true, lang })}
        table={chartTable({ caption: receivedTitle, categoryHeader: header, categories, series: [...received, { name: t(lang, q.received), values: f.series.map((p) => p.received) }], lang })}
      />
      <H safe>{resolvedTitle}</H>
      <ChartFigure
        svg={stackedBarLineChart({ title: resolvedTitle, categories, bars: outcomes, line: rate, lang })}
        table={chartTable({ caption: resolvedTitle, categoryHeader: header, categories, series: [...outcomes, rate], lang })}
      />
      <H safe>{gaugeTitle}</H>
      <ChartFigure
        svg={gaugeChart({ title: gaugeTitle, value: f.onTimeRate, label: t(lang, q.onTimeRate), lang })}
        table={chartTable({ caption: t(lang, q.outcomeChart), categoryHeader: t(lang, q.outcome), categories: [t(lang, q.resolved)], series: outcomeRow, lang })}
      />
    </>
  );
}

/** One law's indices: number and title, score out of its maximum, and how it was computed from which counts. */
export function EvaluationTable({ lang, e, caption, first }: { lang: Lang; e: Evaluation; caption: string; first: string }): JSX.Element {
  return (
    <table class="quality-indices cards-on-phone">
      <caption safe>{caption}</caption>
      <thead>
        <tr>
          <th scope="col" safe>
            {first}
          </th>
          <th scope="col" class="num" safe>
            {t(lang, q.score)}
          </th>
          <th scope="col" safe>
            {t(lang, q.how)}
          </th>
        </tr>
      </thead>
      <tbody>
        {e.indices.map((i) => (
          <tr>
            <th scope="row" safe>
              {`${i.number}. ${t(lang, i.title)}`}
            </th>
            <td class="num" data-label={t(lang, q.score)} safe>
              {`${i.score === null ? '–' : num(lang, i.score, 2)} / ${num(lang, i.max)}`}
            </td>
            <td data-label={t(lang, q.how)}>
              <p safe>{t(lang, i.formula)}</p>
              <p>
                <code safe>{t(lang, i.computation)}</code>
              </p>
              <p class="muted" safe>
                {`${t(lang, q.countsUsed)}: ${i.counts.map((c) => `${t(lang, c.label)} ${num(lang, c.value)}`).join('; ')}`}
              </p>
              {i.dataNote ? (
                <p class="muted" safe>
                  {`${t(lang, q.dataNote)}: ${t(lang, i.dataNote)}`}
                </p>
              ) : (
                ''
              )}
            </td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row" safe>
            {t(lang, q.total)}
          </th>
          <td class="num" data-label={t(lang, q.score)} safe>
            {`${num(lang, e.total, 2)} / ${num(lang, e.max)}`}
          </td>
          <td safe>{[e.band ? `${t(lang, q.grade)}: ${t(lang, e.band)}.` : '', e.incomplete ? t(lang, q.incomplete) : ''].filter(Boolean).join(' ')}</td>
        </tr>
      </tfoot>
    </table>
  );
}
