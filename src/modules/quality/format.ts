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

/** A chart's category, the same in both languages: "05/03" for a day, "03/2026" for a month, "05/12–04/01" for a month counted from a day. */
export function bucketLabel(_lang: Lang, key: string): string {
  const range = key.split('/');
  if (range.length === 2) return `${bucketLabel(_lang, range[0] ?? '')}–${bucketLabel(_lang, range[1] ?? '')}`;
  const [y, m, d] = key.split('-');
  if (d === undefined) return `${m}/${y}`;
  return `${d}/${m}`;
}

export function periodText(lang: Lang, from: IsoDate, to: IsoDate): string {
  return t(lang, q.period, { from: day(lang, from), to: day(lang, to) });
}

export function agencyName(lang: Lang, a: { name: string; nameEn: string | null } | null): string {
  if (a === null) return t(lang, q.city);
  return lang === 'en' && a.nameEn ? a.nameEn : a.name;
}
