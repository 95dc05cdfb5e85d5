// How calendar dates and instants are written for people and for the API (always Vietnam time).
import { type IsoDate, VIETNAM_UTC_OFFSET_MINUTES, parseIsoDate, weekday } from '../../platform/calendar/index.ts';
import type { Lang } from '../../platform/web/i18n.ts';
import { WEEKDAYS } from './messages.ts';

const pad = (n: number): string => String(n).padStart(2, '0');

/** "Thứ Sáu, 13/02/2026" or "Friday 13/02/2026": dates are dd/mm/yyyy in both languages (issue 9). */
export function dayLabel(lang: Lang, date: IsoDate): string {
  const { y, m, d } = parseIsoDate(date);
  const wd = WEEKDAYS[weekday(date)];
  return lang === 'vi' ? `${wd?.vi ?? ''}, ${pad(d)}/${pad(m)}/${y}` : `${wd?.en ?? ''} ${pad(d)}/${pad(m)}/${y}`;
}

/** ISO 8601 in Vietnam time, e.g. "2026-02-27T23:59:59.999+07:00". */
export function vietnamIso(instant: Date): string {
  const shifted = new Date(instant.getTime() + VIETNAM_UTC_OFFSET_MINUTES * 60_000);
  return `${shifted.toISOString().slice(0, -1)}+07:00`;
}

/** "10:00" on the Vietnam wall clock. */
export function vietnamTime(instant: Date): string {
  return vietnamIso(instant).slice(11, 16);
}
