// Money, dates and sizes as people read them on the portal and on the receipt.
import { formatDate, formatDateTime, type Lang } from '../../platform/web/i18n.ts';
import { parseIsoDate } from '../../platform/calendar/index.ts';

const dong = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 0 });

/** 150.000 đồng — integer đồng with Vietnamese digit grouping, in both languages. */
export function formatDong(amount: number): string {
  return `${dong.format(amount)} đồng`;
}

export function formatIsoDate(lang: Lang, date: string): string {
  const { y, m, d } = parseIsoDate(date);
  return formatDate(lang, new Date(Date.UTC(y, m - 1, d, 5)));
}

export function formatReceived(lang: Lang, at: Date): string {
  return formatDateTime(lang, at);
}

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
