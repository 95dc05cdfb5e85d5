// /quan-tri/lich-lam-viec: the stored years, one year's days with edit and delete, a form to add a day, and the
// confirmation of a provisional year as official.
import type { FastifyRequest } from 'fastify';
import type { FieldError } from '../../../platform/http/errors.ts';
import { CsrfField, ErrorSummary, Field, Page } from '../../../platform/web/layout.tsx';
import { formatDateTime, t, type Lang } from '../../../platform/web/i18n.ts';
import type { AdminYearView } from '../admin-service.ts';
import { admin as a } from '../admin-messages.ts';
import { dayLabel } from '../format.ts';
import { DAY_FIELDS, KIND_LABELS, STATUS_LABELS, page as p } from '../messages.ts';
import type { CalendarDay, CalendarYear } from '../repo.ts';
import { DayFields, type DayValues } from './day-fields.tsx';
import { EntriesTable, formErrors } from './parts.tsx';

export type SavedKind = keyof typeof a.saved;

export interface AdminPageState {
  view: AdminYearView;
  saved?: SavedKind | undefined;
  add: { values: DayValues; errors: FieldError[] };
  confirm: { value: string; errors: FieldError[] };
}

export const adminYearUrl = (year: number, saved?: SavedKind): string =>
  `/quan-tri/lich-lam-viec?year=${year}${saved ? `&saved=${saved}` : ''}`;

function YearsTable({ lang, years }: { lang: Lang; years: CalendarYear[] }): JSX.Element {
  return (
    <table>
      <caption safe>{t(lang, a.yearsCaption)}</caption>
      <thead>
        <tr>
          <th scope="col" safe>
            {t(lang, a.colYear)}
          </th>
          <th scope="col" safe>
            {t(lang, a.colStatus)}
          </th>
          <th scope="col" safe>
            {t(lang, a.colSource)}
          </th>
          <th scope="col" safe>
            {t(lang, a.colConfirmed)}
          </th>
        </tr>
      </thead>
      <tbody>
        {years.map((y) => {
          const confirmed = y.confirmed_at ? t(lang, a.confirmedBy, { who: y.confirmed_by ?? '', when: formatDateTime(lang, y.confirmed_at) }) : '';
          return (
            <tr>
              <th scope="row">
                <a href={adminYearUrl(y.year)} aria-label={t(lang, a.open, { year: y.year })} safe>
                  {String(y.year)}
                </a>
              </th>
              <td safe>{t(lang, STATUS_LABELS[y.status])}</td>
              <td safe>{y.source}</td>
              <td safe>{confirmed}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

function DaysTable({ req, year, days }: { req: FastifyRequest; year: number; days: CalendarDay[] }): JSX.Element {
  const lang = req.lang;
  return (
    <table>
      <caption safe>{t(lang, a.daysCaption, { year })}</caption>
      <thead>
        <tr>
          {[p.colDate, p.colKind, p.colName, DAY_FIELDS.source, p.colNote, a.colUpdatedBy, a.colActions].map((h) => (
            <th scope="col" safe>
              {t(lang, h)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {days.map((d) => {
          const label = { date: dayLabel(lang, d.date), name: d.name };
          return (
            <tr>
              <td>
                <time datetime={d.date} safe>
                  {dayLabel(lang, d.date)}
                </time>
              </td>
              <td safe>{t(lang, KIND_LABELS[d.kind])}</td>
              <td safe>{d.name}</td>
              <td safe>{d.source}</td>
              <td safe>{d.note}</td>
              <td safe>{d.updated_by ?? t(lang, a.seeded)}</td>
              <td>
                <a href={`/quan-tri/lich-lam-viec/ngay/${d.id}`} aria-label={t(lang, a.editLabel, label)} safe>
                  {t(lang, a.edit)}
                </a>{' '}
                <form method="post" action={`/quan-tri/lich-lam-viec/ngay/${d.id}/xoa`} class="inline-form">
                  <CsrfField req={req} />
                  <button type="submit" class="secondary" aria-label={t(lang, a.deleteLabel, label)} safe>
                    {t(lang, a.delete)}
                  </button>
                </form>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

export function AdminPage({ req, state }: { req: FastifyRequest; state: AdminPageState }): JSX.Element {
  const lang = req.lang;
  const { view, add, confirm } = state;
  const year = view.year;
  const status = view.row?.status ?? 'provisional';
  return (
    <Page req={req} title={a.title}>
      <h1 safe>{t(lang, a.title)}</h1>
      <p safe>{t(lang, a.lead)}</p>
      <p>
        <a href={`/lich-lam-viec?year=${year}`} safe>
          {t(lang, a.publicLink)}
        </a>
      </p>
      {state.saved ? (
        <p class="notice success" role="status" safe>
          {t(lang, a.saved[state.saved])}
        </p>
      ) : (
        ''
      )}
      <ErrorSummary lang={lang} errors={formErrors(lang, [...add.errors, ...confirm.errors])} />

      <h2 safe>{t(lang, a.yearsHeading)}</h2>
      <YearsTable lang={lang} years={view.years} />

      <h2 safe>{t(lang, a.yearHeading, { year, status: t(lang, STATUS_LABELS[status]) })}</h2>
      {view.row ? (
        <DaysTable req={req} year={year} days={view.days} />
      ) : (
        <>
          <p class="notice" safe>
            {t(lang, a.notStored, { year })}
          </p>
          <EntriesTable lang={lang} entries={view.preview} caption={t(lang, a.daysCaption, { year })} />
        </>
      )}

      <h2 id="them" safe>
        {t(lang, a.addHeading)}
      </h2>
      <form method="post" action="/quan-tri/lich-lam-viec/ngay" novalidate>
        <CsrfField req={req} />
        <DayFields lang={lang} values={add.values} errors={add.errors} />
        <button type="submit" safe>
          {t(lang, a.add)}
        </button>
      </form>

      {status === 'provisional' ? (
        <>
          <h2 id="xac-nhan" safe>
            {t(lang, a.confirmHeading, { year })}
          </h2>
          <p safe>{t(lang, a.confirmLead)}</p>
          <form method="post" action={`/quan-tri/lich-lam-viec/nam/${year}/xac-nhan`} novalidate>
            <CsrfField req={req} />
            <Field
              id="decision"
              label={t(lang, DAY_FIELDS.decision)}
              hint={t(lang, a.sourceHint)}
              value={confirm.value}
              error={formErrors(lang, confirm.errors)[0]?.message}
              required
            />
            <button type="submit" safe>
              {t(lang, a.confirm)}
            </button>
          </form>
        </>
      ) : (
        ''
      )}
    </Page>
  );
}
