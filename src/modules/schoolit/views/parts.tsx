// Pieces the school's and the office's pages share: the URLs, the values of a report as a table, a state's name.
import type { Lang } from '../../../platform/web/i18n.ts';
import { t } from '../../../platform/web/i18n.ts';
import { FIELD_LABELS, m, STATE_LABELS } from '../messages.ts';
import { type ReportRow, type ReportValues, VALUE_FIELDS } from '../repo.ts';

export const OFFICER_PATH = '/thiet-bi-cntt-truong';
export const OFFICE_PATH = '/thiet-bi-cntt-truong/so-gd';
export const schoolPath = (code: string): string => `${OFFICER_PATH}/truong/${encodeURIComponent(code)}`;
export const reportPath = (id: number): string => `${OFFICE_PATH}/bao-cao/${id}`;
export const coveragePath = (year: string): string => `${OFFICE_PATH}/do-phu?nam=${encodeURIComponent(year)}`;

const LOCALE = { vi: 'vi-VN', en: 'en-GB' } as const;
export const num = (lang: Lang, n: number): string => new Intl.NumberFormat(LOCALE[lang], { maximumFractionDigits: 2 }).format(n);

export function valueText(lang: Lang, v: number | boolean | null): string {
  if (v === null) return t(lang, m.notEntered);
  if (typeof v === 'boolean') return t(lang, v ? m.yes : m.no);
  return num(lang, v);
}

export const stateText = (lang: Lang, r: ReportRow | null): string => t(lang, STATE_LABELS[r?.state ?? 'none']);

/** The report's values, one row each (a two-column table reads well at 390 px). */
export function ValuesTable({ lang, values, caption }: { lang: Lang; values: ReportValues; caption: string }): JSX.Element {
  return (
    <table>
      <caption safe>{caption}</caption>
      <tbody>
        {VALUE_FIELDS.map((f) => (
          <tr>
            <th scope="row" safe>
              {t(lang, FIELD_LABELS[f])}
            </th>
            <td class="num" safe>
              {valueText(lang, values[f])}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
