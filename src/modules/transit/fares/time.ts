// Service days: a tap before the day start (04:00 by default, x_settings.txt) belongs to the previous day, as
// TfL counts its daily cap 04:30→04:29 (TRANSPORT.md §2). Local time is UTC + the table's offset (Hà Nội +07:00).

export function offsetMinutes(offset: string): number {
  const sign = offset.startsWith('-') ? -1 : 1;
  const [h = 0, m = 0] = offset.slice(1).split(':').map(Number);
  return sign * (h * 60 + m);
}

/** Local calendar date and seconds since local midnight of an instant. */
export function local(ms: number, offset: string): { date: string; secondOfDay: number } {
  const d = new Date(ms + offsetMinutes(offset) * 60_000);
  return { date: d.toISOString().slice(0, 10), secondOfDay: d.getUTCHours() * 3600 + d.getUTCMinutes() * 60 + d.getUTCSeconds() };
}

export function addDays(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

export function serviceDayOf(ms: number, offset: string, startS: number): string {
  const l = local(ms, offset);
  return l.secondOfDay < startS ? addDays(l.date, -1) : l.date;
}

/** The Monday of the (Monday–Sunday, not rolling) week of a service day. */
export function mondayOf(iso: string): string {
  const dow = new Date(`${iso}T00:00:00Z`).getUTCDay(); // 0 Sunday
  return addDays(iso, -((dow + 6) % 7));
}

/** Whole years of age on a date: someone born 1966-07-01 is exactly 60 on 2026-07-01. */
export function ageOn(birthDate: string, day: string): number {
  const [by = 0, bm = 0, bd = 0] = birthDate.split('-').map(Number);
  const [y = 0, m = 0, d = 0] = day.split('-').map(Number);
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

export const inRange = (day: string, start: string, end?: string): boolean => day >= start && (end === undefined || day <= end);
