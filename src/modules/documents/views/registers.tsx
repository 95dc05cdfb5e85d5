// The registers (sổ đăng ký văn bản đi / đến, Decree 30 Appendix IV) of a period with their PDF and Excel exports, the
// search page and the on-time figures per lead handler.
import type { FastifyRequest } from 'fastify';
import type { FieldError } from '../../../platform/http/errors.ts';
import { formatIsoDay, t, type Lang } from '../../../platform/web/i18n.ts';
import { CardsTable, ErrorSummary, Field, Page } from '../../../platform/web/layout.tsx';
import { FIELDS } from '../messages.ts';
import { pm } from '../page-messages.ts';
import type { OnTimeRow, OnTimeUnitRow, Period } from '../queries.ts';
import type { CancelledRow, DocumentRow } from '../repo.ts';
import type { IncomingRegisterRow, OutgoingRegisterRow } from '../types.ts';
import { cellText, INCOMING_COLUMNS, OUTGOING_COLUMNS, type RegisterColumn } from '../print/register-columns.ts';
import { DOCS_URL, DocTable, docUrl, errorsByField, summary } from './parts.tsx';

const query = (p: Period): string => `tu=${p.from}&den=${p.to}`;

function PeriodForm({ lang, action, period, errors }: { lang: Lang; action: string; period: Period; errors: readonly FieldError[] }): JSX.Element {
  const e = errorsByField(lang, errors);
  return (
    <form method="get" action={action} novalidate class="period-form">
      <Field id="tu" type="date" label={t(lang, FIELDS.from)} value={period.from} error={e.from} />
      <Field id="den" type="date" label={t(lang, FIELDS.to)} value={period.to} />
      <button type="submit" safe>
        {t(lang, pm.show)}
      </button>
    </form>
  );
}

export type RegisterLines = { direction: 'out'; rows: (OutgoingRegisterRow & { id: number })[] } | { direction: 'in'; rows: (IncomingRegisterRow & { id: number })[] };

export function RegisterPage({ req, period, lines, cancelled, errors }: { req: FastifyRequest; period: Period; lines: RegisterLines; cancelled: CancelledRow[]; errors: readonly FieldError[] }): JSX.Element {
  const lang = req.lang;
  const out = lines.direction === 'out';
  const title = out ? pm.outgoingBook : pm.incomingBook;
  const base = `${DOCS_URL}/${out ? 'so-di' : 'so-den'}`;
  // The columns of Decree 30 Appendix IV, the same as the printed register and the spreadsheet (print/register-columns.ts).
  const columns = (out ? OUTGOING_COLUMNS : INCOMING_COLUMNS) as readonly RegisterColumn<RegisterLines['rows'][number]>[];
  const heads = columns.map((c) => c.header);
  const cells = (r: RegisterLines['rows'][number]): string[] => columns.map((c) => cellText(c.value(r)));
  const lineRows: readonly RegisterLines['rows'][number][] = lines.rows;
  return (
    <Page req={req} title={title}>
      <p>
        <a class="back-link" href={DOCS_URL} safe>
          {t(lang, pm.back)}
        </a>
      </p>
      <h1 safe>{t(lang, title)}</h1>
      <ErrorSummary lang={lang} errors={summary(lang, errors)} />
      <PeriodForm lang={lang} action={base} period={period} errors={errors} />
      <p>
        <a href={`${base}.pdf?${query(period)}`} safe>
          {t(lang, pm.exportPdf)}
        </a>
        {' · '}
        <a href={`${base}.xlsx?${query(period)}`} safe>
          {t(lang, pm.exportXlsx)}
        </a>
      </p>
      <p safe>{t(lang, pm.results, { n: lines.rows.length })}</p>
      {lines.rows.length === 0 ? (
        ''
      ) : (
        <div class="table-frame">
          <CardsTable
            caption={`${t(lang, title)} ${formatIsoDay(period.from)} – ${formatIsoDay(period.to)}`}
            heads={heads}
            rows={lineRows.slice(0, 1000)}
            cells={(r) =>
              cells(r).map((c, i) =>
                i === (out ? 0 : 1)
                  ? {
                      html: (
                        <a href={docUrl(r.id)} safe>
                          {c}
                        </a>
                      ),
                    }
                  : c,
              )
            }
          />
        </div>
      )}
      {out && cancelled.length > 0 ? (
        <>
          <h2 safe>{t(lang, pm.cancelledNumbers)}</h2>
          <ul>
            {cancelled.map((c) => (
              <li safe>{`${c.number} (${c.year}): ${c.reason}`}</li>
            ))}
          </ul>
        </>
      ) : (
        ''
      )}
    </Page>
  );
}

export function SearchPage({ req, q, rows, today }: { req: FastifyRequest; q: string; rows: DocumentRow[]; today: string }): JSX.Element {
  const lang = req.lang;
  return (
    <Page req={req} title={pm.search}>
      <p>
        <a class="back-link" href={DOCS_URL} safe>
          {t(lang, pm.back)}
        </a>
      </p>
      <h1 safe>{t(lang, pm.search)}</h1>
      <form method="get" action={`${DOCS_URL}/tim-kiem`} role="search">
        <Field id="q" type="search" label={t(lang, FIELDS.query)} value={q} />
        <button type="submit" safe>
          {t(lang, pm.searchButton)}
        </button>
      </form>
      {q ? <DocTable lang={lang} caption={t(lang, pm.results, { n: rows.length })} rows={rows} today={today} /> : ''}
    </Page>
  );
}

export function ReportPage({ req, period, rows, units, errors }: { req: FastifyRequest; period: Period; rows: OnTimeRow[]; units: OnTimeUnitRow[]; errors: readonly FieldError[] }): JSX.Element {
  const lang = req.lang;
  const range = `${formatIsoDay(period.from)} – ${formatIsoDay(period.to)}`;
  const unitHeads = [pm.unit, pm.people, pm.onTime, pm.late, pm.open, pm.overdueCount].map((h) => t(lang, h));
  const heads = [pm.person, pm.unit, pm.onTime, pm.late, pm.open, pm.overdueCount].map((h) => t(lang, h));
  const unitName = (u: string) => (u === '' ? t(lang, pm.noUnit) : u);
  return (
    <Page req={req} title={pm.report}>
      <p>
        <a class="back-link" href={DOCS_URL} safe>
          {t(lang, pm.back)}
        </a>
      </p>
      <h1 safe>{t(lang, pm.report)}</h1>
      <ErrorSummary lang={lang} errors={summary(lang, errors)} />
      <PeriodForm lang={lang} action={`${DOCS_URL}/bao-cao`} period={period} errors={errors} />
      {rows.length === 0 ? (
        <p safe>{t(lang, pm.empty)}</p>
      ) : (
        <>
          <div class="table-frame">
            <CardsTable caption={`${t(lang, pm.byUnit)} ${range}`} heads={unitHeads} rows={units} cells={(u) => [unitName(u.unit), String(u.people), String(u.onTime), String(u.late), String(u.open), String(u.overdue)]} />
          </div>
          <div class="table-frame">
            <CardsTable caption={`${t(lang, pm.byPerson)} ${range}`} heads={heads} rows={rows} cells={(r) => [r.name, unitName(r.unit), String(r.onTime), String(r.late), String(r.open), String(r.overdue)]} />
          </div>
        </>
      )}
    </Page>
  );
}
