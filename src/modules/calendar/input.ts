// Parsing of the calendar's query parameters and form fields. Each parser adds a Vietnamese/English error naming
// the field to `errors` and returns undefined when the value is unusable, so one request reports every problem.
import type { FieldError } from '../../platform/http/errors.ts';
import type { Text } from '../../platform/web/i18n.ts';
import {
  type DeadlineUnit,
  type IsoDate,
  isValidIsoDate,
  parseIsoDate,
  vietnamInstant,
} from '../../platform/calendar/index.ts';
import { inputErrors as m } from './messages.ts';

/** Years the working calendar answers for (holiday generation needs the lunar calendar, good to 2199). */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2190;
/** The lunar algorithm is published as accurate for 1800–2199. */
export const LUNAR_MIN_YEAR = 1800;
export const LUNAR_MAX_YEAR = 2199;
/** Longest period accepted; longer ones are not administrative deadlines and would only burn CPU. */
export const MAX_DAYS = 1000;
export const MAX_HOURS = 2000;

export const DEADLINE_UNITS: readonly DeadlineUnit[] = ['working_days', 'calendar_days', 'hours', 'within_day'];

export function isDeadlineUnit(v: string): v is DeadlineUnit {
  return (DEADLINE_UNITS as readonly string[]).includes(v);
}

/** How a field is named in messages: `Tham số "amount"` for the API, the label on a page. */
export type FieldName = Text;

export const apiName = (param: string): FieldName => ({ vi: `Tham số "${param}"`, en: `Parameter "${param}"` });

export type Errors = FieldError[];

function fail(errors: Errors, field: string, message: Text): undefined {
  errors.push({ field, message });
  return undefined;
}

function text(raw: unknown): string {
  return typeof raw === 'string' ? raw.trim() : '';
}

export function parseYear(errors: Errors, field: string, name: FieldName, raw: unknown): number | undefined {
  const s = text(raw);
  if (s === '') return fail(errors, field, m.missing(name));
  if (!/^\d{4}$/.test(s) || Number(s) < MIN_YEAR || Number(s) > MAX_YEAR) {
    return fail(errors, field, m.year(name, MIN_YEAR, MAX_YEAR));
  }
  return Number(s);
}

export function parseDate(
  errors: Errors,
  field: string,
  name: FieldName,
  raw: unknown,
  range: [number, number] = [MIN_YEAR, MAX_YEAR],
): IsoDate | undefined {
  const s = text(raw);
  if (s === '') return fail(errors, field, m.missing(name));
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return fail(errors, field, m.dateFormat(name));
  if (!isValidIsoDate(s)) return fail(errors, field, m.dateImpossible(name, s));
  const { y } = parseIsoDate(s);
  if (y < range[0] || y > range[1]) return fail(errors, field, m.dateRange(name, range[0], range[1]));
  return s;
}

// RFC 3339 date-time with a required offset. An unencoded "+" in a query string arrives as a space, so a space
// before the offset is read as "+".
const DATE_TIME = /^(\d{4}-\d{2}-\d{2})[Tt](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(?:([Zz])|([+\- ])(\d{2}):?(\d{2}))$/;

/**
 * A time of receipt: an ISO 8601 date-time with an offset or Z, or a plain date meaning 00:00 Vietnam time.
 */
export function parseReceived(errors: Errors, field: string, name: FieldName, raw: unknown): Date | undefined {
  const s = text(raw);
  if (s === '') return fail(errors, field, m.missing(name));
  if (/^\d{4}-\d{2}-\d{2}$/.test(s)) {
    const date = parseDate(errors, field, name, s);
    return date === undefined ? undefined : vietnamInstant(date, 0);
  }
  const x = DATE_TIME.exec(s);
  if (!x) return fail(errors, field, m.dateTimeFormat(name));
  const [, date = '', hh = '', mi = '', ss = '0', frac = '', zulu, sign, oh = '0', om = '0'] = x;
  if (!isValidIsoDate(date)) return fail(errors, field, m.dateImpossible(name, date));
  if (Number(hh) > 23 || Number(mi) > 59 || Number(ss) > 59 || Number(oh) > 14 || Number(om) > 59) {
    return fail(errors, field, m.dateTimeFormat(name));
  }
  const offset = zulu ? 0 : (sign === '-' ? -1 : 1) * (Number(oh) * 60 + Number(om));
  const { y, m: month, d } = parseIsoDate(date);
  const ms = frac ? Math.floor(Number(`0${frac}`) * 1000) : 0;
  const instant = new Date(Date.UTC(y, month - 1, d, Number(hh), Number(mi) - offset, Number(ss), ms));
  const year = instant.getUTCFullYear();
  if (year < MIN_YEAR || year > MAX_YEAR) return fail(errors, field, m.dateRange(name, MIN_YEAR, MAX_YEAR));
  return instant;
}

/** A wall-clock time 'HH:MM' (page forms); blank means 00:00. Returns minutes after midnight. */
export function parseTime(errors: Errors, field: string, name: FieldName, raw: unknown): number | undefined {
  const s = text(raw);
  if (s === '') return 0;
  const x = /^(\d{1,2}):(\d{2})(?::\d{2})?$/.exec(s);
  if (!x || Number(x[1]) > 23 || Number(x[2]) > 59) return fail(errors, field, m.time(name));
  return Number(x[1]) * 60 + Number(x[2]);
}

export function parseUnit(errors: Errors, field: string, name: FieldName, raw: unknown): DeadlineUnit | undefined {
  const s = text(raw);
  if (s === '') return fail(errors, field, m.missing(name));
  if (!isDeadlineUnit(s)) return fail(errors, field, m.unit(name, DEADLINE_UNITS.join(', ')));
  return s;
}

/** The number of days or hours; not needed (0) for 'within_day'. */
export function parseAmount(
  errors: Errors,
  field: string,
  name: FieldName,
  raw: unknown,
  unit: DeadlineUnit | undefined,
): number | undefined {
  const s = text(raw).replace(',', '.');
  if (unit === 'within_day') return 0;
  if (s === '') return fail(errors, field, m.missing(name));
  if (unit === 'hours') {
    const n = /^\d{1,4}(\.\d{1,2})?$/.test(s) ? Number(s) : NaN;
    if (!(n > 0 && n <= MAX_HOURS)) return fail(errors, field, m.hours(name, MAX_HOURS));
    return n;
  }
  const n = /^\d{1,4}$/.test(s) ? Number(s) : NaN;
  if (!(n >= 1 && n <= MAX_DAYS)) return fail(errors, field, m.days(name, MAX_DAYS));
  return n;
}
