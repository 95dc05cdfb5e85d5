// Plain calendar dates ('YYYY-MM-DD') and Vietnam wall-clock time.
// Vietnam has used UTC+7 without daylight saving since 1975, so a fixed offset is exact; we never consult the
// machine's local time zone, which would make deadlines depend on where the server runs.

/** A calendar date in Vietnam written 'YYYY-MM-DD'. */
export type IsoDate = string;

export interface SolarDate {
  y: number;
  m: number;
  d: number;
}

export const VIETNAM_UTC_OFFSET_MINUTES = 7 * 60;
const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parses 'YYYY-MM-DD', rejecting impossible dates such as 2026-02-30. */
export function parseIsoDate(date: IsoDate): SolarDate {
  const match = ISO_DATE.exec(date);
  if (match) {
    const parts = { y: Number(match[1]), m: Number(match[2]), d: Number(match[3]) };
    if (isoDate(parts) === date) return parts;
  }
  throw new RangeError(`not a valid date (YYYY-MM-DD): ${date}`);
}

export function isValidIsoDate(date: string): boolean {
  try {
    parseIsoDate(date);
    return true;
  } catch {
    return false;
  }
}

export function isoDate({ y, m, d }: SolarDate): IsoDate {
  return fromDayNumber(Math.floor(Date.UTC(y, m - 1, d) / DAY_MS));
}

/** Days since 1970-01-01; lets us do date arithmetic with integers. */
export function dayNumber(date: IsoDate): number {
  const { y, m, d } = parseIsoDate(date);
  return Math.floor(Date.UTC(y, m - 1, d) / DAY_MS);
}

export function fromDayNumber(n: number): IsoDate {
  const t = new Date(n * DAY_MS);
  const y = String(t.getUTCFullYear()).padStart(4, '0');
  const m = String(t.getUTCMonth() + 1).padStart(2, '0');
  const d = String(t.getUTCDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromDayNumber(dayNumber(date) + days);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(date: IsoDate): number {
  // 1970-01-01 was a Thursday (4).
  return (((dayNumber(date) + 4) % 7) + 7) % 7;
}

export function isWeekend(date: IsoDate): boolean {
  const w = weekday(date);
  return w === 0 || w === 6;
}

export function yearOf(date: IsoDate): number {
  return parseIsoDate(date).y;
}

function vietnamMs(instant: Date): number {
  const t = instant.getTime();
  if (Number.isNaN(t)) throw new RangeError('invalid Date');
  return t + VIETNAM_UTC_OFFSET_MINUTES * MINUTE_MS;
}

/** The date on the wall calendar in Vietnam at this instant. */
export function vietnamDateOf(instant: Date): IsoDate {
  return fromDayNumber(Math.floor(vietnamMs(instant) / DAY_MS));
}

/** Minutes since midnight on the Vietnam wall clock at this instant (0–1439). */
export function vietnamMinuteOf(instant: Date): number {
  const ms = vietnamMs(instant);
  return Math.floor((ms - Math.floor(ms / DAY_MS) * DAY_MS) / MINUTE_MS);
}

/** The instant at `minutes` after midnight of `date`, Vietnam time (1440 = midnight ending the day). */
export function vietnamInstant(date: IsoDate, minutes: number): Date {
  return new Date((dayNumber(date) * 1440 + minutes - VIETNAM_UTC_OFFSET_MINUTES) * MINUTE_MS);
}

/** The last millisecond of `date` in Vietnam; Civil Code 2015 Art. 148 ends a period at 24:00 of its last day. */
export function endOfVietnamDay(date: IsoDate): Date {
  return new Date(vietnamInstant(date, 1440).getTime() - 1);
}

export function formatMinutes(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = Math.round(minutes - h * 60);
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}

/** Years a typed deadline or due date may fall in: the working calendars and deadline rules cover no more. */
export const INPUT_YEARS = { min: 1900, max: 2100 } as const;

/** A real date 'YYYY-MM-DD' from 1900 to 2100: what a due date typed into a form or an API field may be. */
export function isInputDate(date: string): boolean {
  if (!isValidIsoDate(date)) return false;
  const y = Number(date.slice(0, 4));
  return y >= INPUT_YEARS.min && y <= INPUT_YEARS.max;
}
