// /quan-ly/chat-luong: the staff dashboard. A GET form of filters (works without JavaScript), the key figures, the
// charts with their tables, the nine indices of Circular 01/2018 and the Decision 766 groups with how each was
// computed, downloads, and for the city's viewers the table by agency.
import type { FastifyRequest } from 'fastify';
import type { FieldError } from '../../../platform/http/errors.ts';
import { t, type Lang } from '../../../platform/web/i18n.ts';
import { CardsTable, ErrorSummary, Field, Page, SelectField } from '../../../platform/web/layout.tsx';
import { agencyName, num, pct, periodText } from '../format.ts';
import { share } from '../figures.ts';
import { q } from '../messages.ts';
import type { AgencyRef, AgencyTableRow, QualityReport } from '../service.ts';
import { Card, EvaluationTable, FigureCards, QualityCharts } from './parts.tsx';

export interface DashboardQuery {
  agency: string;
  field: string;
  procedure: string;
  from: string;
  to: string;
}

export interface DashboardState {
  query: DashboardQuery;
  cityWide: boolean;
  own: AgencyRef | null;
  agencies: AgencyRef[];
  fields: string[];
  periods: { label: keyof typeof q; from: string; to: string }[];
  report: QualityReport | null;
  table: AgencyTableRow[] | null;
  errors: FieldError[];
}

export const DASHBOARD = '/quan-ly/chat-luong';

export function queryString(query: Partial<DashboardQuery>): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v) p.set(k, v);
  const s = p.toString();
  return s ? `?${s}` : '';
}

function Filters({ lang, s }: { lang: Lang; s: DashboardState }): JSX.Element {
  const err = (field: string) => {
    const e = s.errors.find((x) => x.field === field);
    return e ? t(lang, e.message) : undefined;
  };
  return (
    <form method="get" action={DASHBOARD} class="quality-filters">
      <h2 safe>{t(lang, q.filters)}</h2>
      <div class="filters">
        {s.cityWide ? (
          <SelectField
            id="agency"
            label={t(lang, q.agency)}
            value={s.query.agency}
            error={err('agency')}
            options={[{ value: '', label: t(lang, q.city) }, ...s.agencies.map((a) => ({ value: a.code, label: agencyName(lang, a) }))]}
          />
        ) : (
          <p>
            <strong safe>{`${t(lang, q.agency)}: `}</strong>
            <span safe>{agencyName(lang, s.own)}</span>
          </p>
        )}
        <SelectField id="field" label={t(lang, q.field)} value={s.query.field} options={[{ value: '', label: t(lang, q.allFields) }, ...s.fields.map((f) => ({ value: f, label: f }))]} error={err('field')} />
        <Field id="procedure" label={t(lang, q.procedure)} value={s.query.procedure} hint={t(lang, q.procedureHint)} error={err('procedure')} />
        <Field id="from" label={t(lang, q.from)} type="date" value={s.query.from} error={err('from')} />
        <Field id="to" label={t(lang, q.to)} type="date" value={s.query.to} error={err('to')} />
      </div>
      <button type="submit" safe>
        {t(lang, q.show)}
      </button>
      <p>
        <span safe>{`${t(lang, q.quick)}: `}</span>
        {s.periods.map((p, i) => (
          <>
            {i > 0 ? ' · ' : ''}
            <a href={`${DASHBOARD}${queryString({ ...s.query, from: p.from, to: p.to })}`} safe>
              {t(lang, q[p.label])}
            </a>
          </>
        ))}
      </p>
    </form>
  );
}

function Downloads({ lang, s }: { lang: Lang; s: DashboardState }): JSX.Element {
  const qs = queryString(s.query);
  const links: [string, string][] = [
    [`${DASHBOARD}/so-lieu.csv${qs}`, t(lang, q.figuresCsv)],
    [`${DASHBOARD}/so-lieu.xlsx${qs}`, t(lang, q.figuresXlsx)],
    ...(s.cityWide
      ? ([
          [`${DASHBOARD}/co-quan.csv${qs}`, t(lang, q.agenciesCsv)],
          [`${DASHBOARD}/co-quan.xlsx${qs}`, t(lang, q.agenciesXlsx)],
        ] as [string, string][])
      : []),
  ];
  return (
    <>
      <h2 safe>{t(lang, q.downloads)}</h2>
      <ul>
        {links.map(([href, label]) => (
          <li>
            <a href={href} safe>
              {label}
            </a>
          </li>
        ))}
      </ul>
    </>
  );
}

function AgencyTable({ lang, rows }: { lang: Lang; rows: AgencyTableRow[] }): JSX.Element {
  const cols = [q.agency, q.received, q.onlineShare, q.resolved, q.onTimeRate, q.averageDays, q.inProgress, q.overdue, q.satisfiedShare];
  return (
    <>
      <h2 safe>{t(lang, q.agencies)}</h2>
      <p class="muted" safe>
        {t(lang, q.agenciesNote)}
      </p>
      <CardsTable
        class="quality-agencies"
        heads={cols.map((c, i) => (i === 0 ? t(lang, c) : { text: t(lang, c), class: 'num' }))}
        rows={rows}
        cells={(r) => [
          {
            header: true,
            html: (
              <a href={`${DASHBOARD}${queryString({ agency: r.agency.code })}`} safe>
                {agencyName(lang, r.agency)}
              </a>
            ),
          },
          ...[num(lang, r.received), pct(lang, r.onlineShare), num(lang, r.resolved), pct(lang, r.onTimeRate), num(lang, r.averageDays, 1), num(lang, r.inProgress), num(lang, r.overdue), pct(lang, r.satisfiedShare)].map((v) => ({ text: v, class: 'num' })),
        ]}
      />
    </>
  );
}

function Report({ lang, r }: { lang: Lang; r: QualityReport }): JSX.Element {
  const f = r.figures;
  const extra = (
    <>
      <Card label={t(lang, q.onlinePayment)} value={pct(lang, f.onlinePaymentShare)} detail={t(lang, q.onlinePaymentDetail, { paid: num(lang, f.paidOnline), fees: num(lang, f.withFees) })} />
      <Card
        label={t(lang, q.fullOnlineServices)}
        value={pct(lang, share(f.catalogue.fullOnline, f.catalogue.total))}
        detail={t(lang, q.fullOnlineServicesDetail, { full: num(lang, f.catalogue.fullOnline), total: num(lang, f.catalogue.total) })}
      />
    </>
  );
  return (
    <>
      <h2 safe>{t(lang, q.figures)}</h2>
      <FigureCards lang={lang} f={f} extra={extra} />
      <h2 safe>{t(lang, q.charts)}</h2>
      <QualityCharts lang={lang} f={f} />
      <h2 safe>{t(lang, q.circular01)}</h2>
      <EvaluationTable lang={lang} e={r.circular01} caption={t(lang, r.circular01.law)} first={t(lang, q.index)} />
      <h2 safe>{t(lang, q.decision766)}</h2>
      <EvaluationTable lang={lang} e={r.decision766} caption={t(lang, r.decision766.law)} first={t(lang, q.group)} />
    </>
  );
}

export function DashboardPage({ req, s }: { req: FastifyRequest; s: DashboardState }): JSX.Element {
  const lang = req.lang;
  const r = s.report;
  return (
    <Page req={req} title={q.title}>
      <h1 safe>{t(lang, q.title)}</h1>
      <ErrorSummary lang={lang} errors={s.errors.map((e) => ({ field: e.field, message: t(lang, e.message) }))} />
      {r ? (
        <p class="lead">
          <span safe>{agencyName(lang, r.agency)}</span>
          {r.field ? <span safe>{` · ${r.field}`}</span> : ''}
          {r.procedureCode ? <span safe>{` · ${r.procedureCode}`}</span> : ''}
          <br />
          <span safe>{periodText(lang, r.from, r.to)}</span>
        </p>
      ) : (
        ''
      )}
      <Filters lang={lang} s={s} />
      {r ? <Report lang={lang} r={r} /> : ''}
      {r ? <Downloads lang={lang} s={s} /> : ''}
      {s.table ? <AgencyTable lang={lang} rows={s.table} /> : ''}
    </Page>
  );
}
