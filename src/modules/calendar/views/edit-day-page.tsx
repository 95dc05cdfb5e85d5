// /quan-tri/lich-lam-viec/ngay/:id: edit one day entry, or delete it.
import type { FastifyRequest } from 'fastify';
import type { FieldError } from '../../../platform/http/errors.ts';
import { CsrfField, ErrorSummary, Page } from '../../../platform/web/layout.tsx';
import { t } from '../../../platform/web/i18n.ts';
import { parseIsoDate } from '../../../platform/calendar/index.ts';
import { admin as a } from '../admin-messages.ts';
import type { CalendarDay } from '../repo.ts';
import { adminYearUrl } from './admin-page.tsx';
import { DayFields, type DayValues } from './day-fields.tsx';
import { formErrors } from './parts.tsx';

export interface EditDayState {
  day: CalendarDay;
  values: DayValues;
  errors: FieldError[];
}

export function EditDayPage({ req, state }: { req: FastifyRequest; state: EditDayState }): JSX.Element {
  const lang = req.lang;
  const { day, values, errors } = state;
  const year = parseIsoDate(day.date).y;
  return (
    <Page req={req} title={a.editTitle} narrow>
      <p>
        <a href={adminYearUrl(year)} safe>
          {t(lang, a.back, { year })}
        </a>
      </p>
      <h1 safe>{t(lang, a.editTitle)}</h1>
      <ErrorSummary lang={lang} errors={formErrors(lang, errors)} />
      <form method="post" action={`/quan-tri/lich-lam-viec/ngay/${day.id}`} novalidate>
        <CsrfField req={req} />
        <DayFields lang={lang} values={values} errors={errors} />
        <button type="submit" safe>
          {t(lang, a.save)}
        </button>
      </form>
      <h2 safe>{t(lang, a.deleteHeading)}</h2>
      <p safe>{t(lang, a.deleteLead)}</p>
      <form method="post" action={`/quan-tri/lich-lam-viec/ngay/${day.id}/xoa`}>
        <CsrfField req={req} />
        <button type="submit" class="secondary" safe>
          {t(lang, a.delete)}
        </button>
      </form>
    </Page>
  );
}
