// The fields of a calendar day entry, shared by the add form and the edit page.
import { CalendarDayKind } from '../../../platform/calendar/index.ts';
import type { FieldError } from '../../../platform/http/errors.ts';
import { Field } from '../../../platform/web/layout.tsx';
import { t, type Lang } from '../../../platform/web/i18n.ts';
import { admin as a } from '../admin-messages.ts';
import { DAY_FIELDS as f, KIND_LABELS } from '../messages.ts';
import { SelectField, errorFor } from './parts.tsx';

export interface DayValues {
  date: string;
  kind: string;
  name: string;
  source: string;
  note: string;
}

export const EMPTY_DAY: DayValues = { date: '', kind: CalendarDayKind.holiday, name: '', source: '', note: '' };

export function dayValues(body: unknown): DayValues {
  const b = (body ?? {}) as Record<string, unknown>;
  const s = (k: keyof DayValues): string => (typeof b[k] === 'string' ? b[k] : '');
  return { date: s('date'), kind: s('kind'), name: s('name'), source: s('source'), note: s('note') };
}

export function DayFields({ lang, values, errors }: { lang: Lang; values: DayValues; errors: FieldError[] }): JSX.Element {
  const kinds = Object.values(CalendarDayKind).map((k) => ({ value: k, label: t(lang, KIND_LABELS[k]) }));
  return (
    <>
      <Field
        id="date"
        type="date"
        label={t(lang, f.date)}
        hint={t(lang, a.dateHint)}
        value={values.date}
        error={errorFor(lang, errors, 'date')}
        required
      />
      <SelectField id="kind" label={t(lang, f.kind)} options={kinds} value={values.kind} error={errorFor(lang, errors, 'kind')} />
      <Field
        id="name"
        label={t(lang, f.name)}
        hint={t(lang, a.nameHint)}
        value={values.name}
        error={errorFor(lang, errors, 'name')}
        required
      />
      <Field
        id="source"
        label={t(lang, f.source)}
        hint={t(lang, a.sourceHint)}
        value={values.source}
        error={errorFor(lang, errors, 'source')}
      />
      <Field id="note" label={t(lang, f.note)} value={values.note} error={errorFor(lang, errors, 'note')} />
    </>
  );
}
