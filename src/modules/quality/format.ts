// Numbers, shares and periods as the pages and exports write them, in Vietnamese or English.
import { vietnamInstant, type IsoDate } from '../../platform/calendar/index.ts';
import { formatDate, t, type Lang } from '../../platform/web/i18n.ts';
import { formatValue } from '../../platform/web/charts.ts';
import { q } from './messages.ts';

export function num(lang: Lang, n: number | null, digits = 0): string {
  if (n === null) return '–';
  return new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(n);
}

export function pct(lang: Lang, share: number | null): string {
  return formatValue(lang, share, 'percent');
}

export function day(lang: Lang, d: IsoDate): string {
  return formatDate(lang, vietnamInstant(d, 12 * 60));
}

const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A chart's category: "05/03" or "5 Mar" for a day, "03/2026" or "Mar 2026" for a month, "05/12–04/01" or "5 Dec–4 Jan" for a month counted from a day. */
export function bucketLabel(lang: Lang, key: string): string {
  const range = key.split('/');
  if (range.length === 2) return `${bucketLabel(lang, range[0] ?? '')}–${bucketLabel(lang, range[1] ?? '')}`;
  const [y, m, d] = key.split('-');
  const month = Number(m);
  if (d === undefined) return lang === 'vi' ? `${m}/${y}` : `${MONTHS_EN[month - 1]} ${y}`;
  return lang === 'vi' ? `${d}/${m}` : `${Number(d)} ${MONTHS_EN[month - 1]}`;
}

export function periodText(lang: Lang, from: IsoDate, to: IsoDate): string {
  return t(lang, q.period, { from: day(lang, from), to: day(lang, to) });
}

export function agencyName(lang: Lang, a: { name: string; nameEn: string | null } | null): string {
  if (a === null) return t(lang, q.city);
  return lang === 'en' && a.nameEn ? a.nameEn : a.name;
}
