// Pieces shared by the feedback pages: field errors by name, the option lists, the status tag.
import type { FieldError } from '../../../platform/http/errors.ts';
import { t, type Lang } from '../../../platform/web/i18n.ts';
import type { Option } from '../../../platform/web/layout.tsx';
import type { UnitSummary } from '../../units/index.ts';
import { categoryLabels, statusLabels } from '../messages.ts';
import { pm } from '../page-messages.ts';
import type { SubcategoryRow } from '../repo.ts';
import { CATEGORIES, type FeedbackStatus } from '../schema.ts';

export const summary = (lang: Lang, errors: readonly FieldError[]) => errors.map((e) => ({ field: e.field, message: t(lang, e.message) }));

/** The first error of each field, in the page's language. */
export function errorsByField(lang: Lang, errors: readonly FieldError[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of errors) out[e.field] ??= t(lang, e.message);
  return out;
}

export const categoryOptions = (lang: Lang, first: string): Option[] => [{ value: '', label: first }, ...CATEGORIES.map((c) => ({ value: c, label: t(lang, categoryLabels[c]) }))];

export const subcategoryOptions = (lang: Lang, subs: readonly SubcategoryRow[], first: string): Option[] => [
  { value: '', label: first },
  ...subs.map((s) => ({ value: s.code, label: `${t(lang, categoryLabels[s.category])}: ${lang === 'vi' ? s.name_vi : s.name_en}` })),
];

export const unitOptions = (units: readonly UnitSummary[], first: string): Option[] => [{ value: '', label: first }, ...units.map((u) => ({ value: u.code, label: u.name }))];

export const unitName = (units: readonly UnitSummary[], code: string): string => units.find((u) => u.code === code)?.name ?? code;

export function StatusTag({ lang, status, overdue }: { lang: Lang; status: FeedbackStatus; overdue?: boolean }): JSX.Element {
  return (
    <>
      <span safe>{t(lang, statusLabels[status])}</span>
      {overdue ? (
        <>
          {' '}
          <span class="badge badge-late" safe>
            {t(lang, pm.overdue)}
          </span>
        </>
      ) : (
        ''
      )}
    </>
  );
}
