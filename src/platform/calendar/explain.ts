// Wording of deadline explanations in Vietnamese and English. Citizens and officers read these on receipts and
// dossier pages, so they name the days that were not counted and why, grouped into ranges.
import { type IsoDate, dayNumber, formatMinutes, parseIsoDate, weekday } from './dates.ts';

export type SkipReason = 'weekend' | 'holiday' | 'compensatory_day_off' | 'swapped_day_off';

/** A day that was not counted towards a deadline. */
export interface SkippedDay {
  date: IsoDate;
  reason: SkipReason;
  /** The occasion of a day-off entry; absent for an ordinary weekend. */
  name?: string;
}

export interface Explanation {
  vi: string;
  en: string;
}

const VI_WEEKDAYS = ['Chủ nhật', 'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy'];
const EN_WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
/** Pure-weekend ranges beyond this many are summarised as a count, so long periods stay readable. */
const MAX_LISTED_WEEKENDS = 2;

const pad = (n: number): string => String(n).padStart(2, '0');

/** "Thứ Sáu 13/02/2026" */
export function viDay(date: IsoDate): string {
  const { y, m, d } = parseIsoDate(date);
  return `${VI_WEEKDAYS[weekday(date)] ?? ''} ${pad(d)}/${pad(m)}/${y}`;
}

/** "Fri 13/02/2026" */
export function enDay(date: IsoDate): string {
  const { y, m, d } = parseIsoDate(date);
  return `${EN_WEEKDAYS[weekday(date)] ?? ''} ${pad(d)}/${pad(m)}/${y}`;
}

function viRange(from: IsoDate, to: IsoDate): string {
  const a = parseIsoDate(from);
  const b = parseIsoDate(to);
  if (from === to) return `${pad(a.d)}/${pad(a.m)}/${a.y}`;
  if (a.y === b.y) return `${pad(a.d)}/${pad(a.m)}–${pad(b.d)}/${pad(b.m)}/${b.y}`;
  return `${pad(a.d)}/${pad(a.m)}/${a.y}–${pad(b.d)}/${pad(b.m)}/${b.y}`;
}

/** Dates are written dd/mm/yyyy in both languages (issue 9). */
const enRange = viRange;

function joinAnd(parts: string[], and: string): string {
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join(', ')} ${and} ${parts[parts.length - 1] ?? ''}`;
}

interface Range {
  from: IsoDate;
  to: IsoDate;
  names: string[];
  weekend: boolean;
}

function ranges(skipped: readonly SkippedDay[]): Range[] {
  const out: Range[] = [];
  for (const s of skipped) {
    const last = out[out.length - 1];
    const range: Range =
      last !== undefined && dayNumber(s.date) === dayNumber(last.to) + 1
        ? last
        : { from: s.date, to: s.date, names: [], weekend: false };
    if (range !== last) out.push(range);
    range.to = s.date;
    if (s.name === undefined) range.weekend = true;
    else if (!range.names.includes(s.name)) range.names.push(s.name);
  }
  return out;
}

/** One clause per run of consecutive skipped days, e.g. "14/02–22/02/2026 là nghỉ Tết … và ngày nghỉ cuối tuần". */
export function skippedClauses(skipped: readonly SkippedDay[]): Explanation[] {
  const all = ranges(skipped);
  const weekendOnly = all.filter((r) => r.names.length === 0);
  const summarise = weekendOnly.length > MAX_LISTED_WEEKENDS;
  const clauses: Explanation[] = [];
  for (const r of all) {
    if (summarise && r.names.length === 0) continue;
    const single = r.from === r.to;
    const vi = r.names.map((n) => `nghỉ ${n}`);
    const en = r.names.map((n) => `${n} holiday`);
    if (r.weekend) {
      vi.push('ngày nghỉ cuối tuần');
      en.push(single ? 'a weekend day' : 'weekend days');
    }
    clauses.push({
      vi: `${viRange(r.from, r.to)} là ${joinAnd(vi, 'và')}`,
      en: `${enRange(r.from, r.to)} ${single ? 'is' : 'are'} ${joinAnd(en, 'and')}`,
    });
  }
  if (summarise) {
    const days = weekendOnly.reduce((n, r) => n + dayNumber(r.to) - dayNumber(r.from) + 1, 0);
    clauses.push({ vi: `không tính ${days} ngày nghỉ cuối tuần`, en: `${days} weekend days are not counted` });
  }
  return clauses;
}

/** Joins sentence parts with "; " and ends with a full stop. */
export function sentence(parts: readonly (Explanation | null)[]): Explanation {
  const present = parts.filter((p): p is Explanation => p !== null);
  return {
    vi: `${present.map((p) => p.vi).join('; ')}.`,
    en: `${present.map((p) => p.en).join('; ')}.`,
  };
}

export function receivedClause(date: IsoDate, minute: number | null): Explanation {
  const at = minute === null ? '' : `lúc ${formatMinutes(minute)} `;
  const enAt = minute === null ? '' : ` at ${formatMinutes(minute)}`;
  return { vi: `Nhận hồ sơ ${at}${viDay(date)}`, en: `Received ${enDay(date)}${enAt}` };
}

export function dueClause(date: IsoDate, minute: number | null): Explanation {
  const at = minute === null ? '' : `lúc ${formatMinutes(minute)} `;
  const enAt = minute === null ? '' : ` at ${formatMinutes(minute)}`;
  return { vi: `hạn trả kết quả ${at}${viDay(date)}`, en: `due ${enDay(date)}${enAt}` };
}

/** 1.5 → "1,5" in Vietnamese. */
function viNumber(n: number): string {
  return String(n).replace('.', ',');
}

/** How the period was counted, one clause per unit. */
export const countingClause = {
  workingDays: (n: number): Explanation => ({
    vi: `tính ${n} ngày làm việc kể từ ngày hôm sau`,
    en: `${n} working ${n === 1 ? 'day' : 'days'} counted from the next day`,
  }),
  calendarDays: (n: number): Explanation => ({
    vi: `tính ${n} ngày kể từ ngày hôm sau`,
    en: `${n} calendar ${n === 1 ? 'day' : 'days'} counted from the next day`,
  }),
  hours: (n: number, officeHours: string): Explanation => ({
    vi: `tính ${viNumber(n)} giờ làm việc trong giờ hành chính (${officeHours} ngày làm việc)`,
    en: `${n} working ${n === 1 ? 'hour' : 'hours'} counted within office hours (${officeHours} on working days)`,
  }),
  sameDay: { vi: 'giải quyết trong ngày', en: 'handled the same day' } as Explanation,
  afterCutoff: (cutoff: number): Explanation => ({
    vi: `sau ${formatMinutes(cutoff)} nên chuyển sang ngày làm việc tiếp theo`,
    en: `after ${formatMinutes(cutoff)}, so moved to the next working day`,
  }),
  receivedOnDayOff: {
    vi: 'không phải ngày làm việc nên chuyển sang ngày làm việc tiếp theo',
    en: 'not a working day, so moved to the next working day',
  } as Explanation,
};

/** Civil Code 2015 Art. 148: a period whose last day is a day off ends on the next working day. */
export function rolledClause(last: IsoDate, skipped: readonly SkippedDay[]): Explanation {
  const why = skippedClauses(skipped);
  return {
    vi: `ngày cuối cùng ${viDay(last)} không phải ngày làm việc (${why.map((c) => c.vi).join('; ')}) nên hạn chuyển sang ngày làm việc tiếp theo`,
    en: `the last day, ${enDay(last)}, is not a working day (${why.map((c) => c.en).join('; ')}), so the deadline moves to the next working day`,
  };
}
