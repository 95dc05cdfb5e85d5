// Processing times and fees in words, for the catalogue's pages and for the modules that show a procedure's time or
// fee (the dossiers' submission form, receipt and Form 01).
import { DEFAULT_OFFICE_HOURS } from '../../platform/calendar/index.ts';
import { formatMoney, t, type Lang } from '../../platform/web/i18n.ts';
import type { FeeQuoteLine } from './fees.ts';
import { detail as d, feeWords as f, page as m, timeUnitLabels, timeUnitOne } from './messages.ts';
import type { FeeRule, ProcessingTime } from './schema.ts';

const numberFormat = { vi: new Intl.NumberFormat('vi-VN'), en: new Intl.NumberFormat('en-GB') };

export function formatNumber(lang: Lang, n: number): string {
  return numberFormat[lang].format(n);
}

/** 135000 → "135.000 đ" (vi) or "135,000 VND" (en), as everywhere (platform/web/i18n.ts); 0 → "Miễn phí". */
export function formatDong(lang: Lang, amount: number): string {
  if (amount === 0) return t(lang, d.free);
  return formatMoney(lang, amount);
}

/** The catalogue writes "5 Ngày làm việc": after a number the unit is in lower case, as in a sentence. */
export function tidyTimeText(text: string): string {
  return text.replace(/(\d)\s*(Ngày làm việc|Ngày|Giờ)(?!\p{L})/gu, (_, d: string, unit: string) => `${d} ${unit.toLowerCase()}`);
}

/** The typed processing time in words ("5 ngày làm việc", "Trong ngày"), or the source text when it could not be typed. */
export function formatTime(lang: Lang, time: Pick<ProcessingTime, 'amount' | 'unit' | 'text'>): string {
  if (time.unit === 'within_day') return t(lang, timeUnitLabels.within_day);
  if (time.unit !== null && time.amount === 1) return t(lang, timeUnitOne[time.unit]);
  if (time.unit !== null && time.amount !== null) return t(lang, timeUnitLabels[time.unit], { n: formatNumber(lang, time.amount) });
  if (time.amount !== null) return t(lang, m.unitNone, { n: formatNumber(lang, time.amount) });
  return time.text.trim() === '' ? t(lang, m.noInfo) : tidyTimeText(time.text);
}

/** As formatTime, with the same-day rule spelled out: the calendar moves a dossier received after the cut-off. */
export function formatTimeRule(lang: Lang, time: Pick<ProcessingTime, 'amount' | 'unit' | 'text'>): string {
  if (time.unit !== 'within_day') return formatTime(lang, time);
  return t(lang, f.withinDayRule, { h: String(Math.floor(DEFAULT_OFFICE_HOURS.sameDayCutoff / 60)) });
}

const viDate = (iso: string): string => iso.split('-').reverse().join('/');

/** "từ 01/12/2023 đến hết 31/12/2025"; '' for a rule without a period. */
export function formatPeriod(lang: Lang, r: Pick<FeeRule, 'from' | 'to'>): string {
  if (r.from && r.to) return t(lang, f.fromTo, { from: viDate(r.from), to: viDate(r.to) });
  if (r.from) return t(lang, f.fromOnly, { from: viDate(r.from) });
  if (r.to) return t(lang, f.toOnly, { to: viDate(r.to) });
  return '';
}

/** A rule's rate in words: "135.000 đồng/lần", "2.000 đồng/trang", "Miễn phí", "50% mức thu", "Theo văn bản". */
export function formatRate(lang: Lang, r: FeeRule, amount: number | null = r.amount_dong): string {
  if (r.kind === 'free') return t(lang, d.free);
  if (r.kind === 'text') return t(lang, f.asPublished);
  if (amount === null) return t(lang, f.percent, { p: formatNumber(lang, r.percent ?? 0) });
  const money = formatDong(lang, amount);
  return amount > 0 && r.per ? `${money}/${r.per}` : money;
}

/** One line of a quote: its worked-out amount, with what it pays for. */
export function formatQuoteLine(lang: Lang, l: FeeQuoteLine): string {
  return formatRate(lang, l.rule, l.rule.kind === 'percent' ? l.amountDong : l.rule.kind === 'amount' ? l.amountDong : null);
}
