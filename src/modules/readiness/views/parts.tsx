// Pieces shared by the self-assessment pages: dates, states, notices, error lists.
import type { FieldError } from '../../../platform/http/errors.ts';
import { t, type Lang, type Text } from '../../../platform/web/i18n.ts';
import type { FormError } from '../../../platform/web/layout.tsx';

export const dateText = (d: Date | null): string => (d ? new Date(d.getTime() + 7 * 3600_000).toISOString().slice(0, 10) : '—');

/** A field's anchor on the form page: a value `f-CODE`, its explanation `e-CODE`, a rule the rules' list. */
export function anchorOf(field: string, codes: ReadonlySet<string>): string {
  if (field.startsWith('explanation.')) return `e-${field.slice(12)}`;
  if (codes.has(field)) return `f-${field}`;
  return field === '' ? 'main' : field;
}

export const summaryOf = (lang: Lang, errors: readonly FieldError[], codes: ReadonlySet<string> = new Set()): FormError[] =>
  errors.map((e) => ({ field: anchorOf(e.field, codes), message: t(lang, e.message) }));

export function errorOf(lang: Lang, errors: readonly FieldError[], field: string): string | undefined {
  const e = errors.find((x) => x.field === field);
  return e ? t(lang, e.message) : undefined;
}

export function Notice({ lang, notice }: { lang: Lang; notice?: Text | undefined }): JSX.Element {
  if (!notice) return <></>;
  return (
    <div class="notice" role="status">
      <p safe>{t(lang, notice)}</p>
    </div>
  );
}
