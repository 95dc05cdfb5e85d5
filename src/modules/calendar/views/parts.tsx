// Small building blocks of the calendar pages.
import type { CalendarDayEntry } from '../../../platform/calendar/index.ts';
import { t, type Lang } from '../../../platform/web/i18n.ts';
import type { FieldError } from '../../../platform/http/errors.ts';
import type { FormError } from '../../../platform/web/layout.tsx';
import { dayLabel } from '../format.ts';
import { KIND_LABELS, page as m } from '../messages.ts';

export { SelectField, type Option } from '../../../platform/web/layout.tsx';

/** Hidden inputs that carry values of the page's other forms along, so one GET form does not reset another. */
export function Carry({ values }: { values: Record<string, string> }): JSX.Element {
  return (
    <>
      {Object.entries(values)
        .filter(([, v]) => v !== '')
        .map(([k, v]) => (
          <input type="hidden" name={k} value={v} />
        ))}
    </>
  );
}

/** Field errors as the layout's ErrorSummary wants them, in one language, with ids mapped to page fields. */
export function formErrors(lang: Lang, errors: FieldError[], ids: Record<string, string> = {}): FormError[] {
  return errors.map((e) => ({ field: ids[e.field] ?? e.field, message: t(lang, e.message) }));
}

export function errorFor(lang: Lang, errors: FieldError[], field: string): string | undefined {
  const e = errors.find((x) => x.field === field);
  return e ? t(lang, e.message) : undefined;
}

/** A table of a year's entries. */
export function EntriesTable({ lang, entries, caption }: { lang: Lang; entries: readonly CalendarDayEntry[]; caption: string }): JSX.Element {
  if (entries.length === 0) return <p safe>{t(lang, m.noEntries)}</p>;
  return (
    <table>
      <caption safe>{caption}</caption>
      <thead>
        <tr>
          <th scope="col" safe>
            {t(lang, m.colDate)}
          </th>
          <th scope="col" safe>
            {t(lang, m.colKind)}
          </th>
          <th scope="col" safe>
            {t(lang, m.colName)}
          </th>
          <th scope="col" safe>
            {t(lang, m.colNote)}
          </th>
          <th scope="col" safe>
            {t(lang, m.colSource)}
          </th>
        </tr>
      </thead>
      <tbody>
        {entries.map((e) => (
          <tr>
            <td>
              <time datetime={e.date} safe>
                {dayLabel(lang, e.date)}
              </time>
            </td>
            <td>
              <span safe>{t(lang, KIND_LABELS[e.kind])}</span>
              {e.provisional ? (
                <>
                  {' '}
                  <strong safe>{`(${t(lang, m.provisionalTag)})`}</strong>
                </>
              ) : (
                ''
              )}
            </td>
            <td safe>{e.name}</td>
            <td safe>{e.note}</td>
            <td safe>{e.source}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
