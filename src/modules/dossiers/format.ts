// Money, dates and sizes as people read them on the portal and on the receipt.
import { formatDateTime, formatIsoDay, formatMoney, type Lang } from '../../platform/web/i18n.ts';

/** "150.000 đ" (vi) or "150,000 VND" (en): platform/web/i18n.ts formatMoney. */
export function formatDong(lang: Lang, amount: number): string {
  return formatMoney(lang, amount);
}

/** "05/03/2026" in both languages (platform/web/i18n.ts); `lang` is kept for the callers. */
export function formatIsoDate(_lang: Lang, date: string): string {
  return formatIsoDay(date);
}

export function formatReceived(lang: Lang, at: Date): string {
  return formatDateTime(lang, at);
}

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
