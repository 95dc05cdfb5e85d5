// Reading the working calendar: deadlines, working days, a year's schedule and lunar dates. Everyone may read it.
import {
  type CalendarDayEntry,
  type Deadline,
  type DeadlineRequest,
  type IsoDate,
  type LunarDate,
  type SkippedDay,
  WorkCalendar,
  canChiYear,
  generateHolidays,
  parseIsoDate,
  solarToLunar,
  tetDate,
  vietnamDateOf,
} from '../../platform/calendar/index.ts';
import type { Platform } from '../../platform/http/context.ts';
import type { Text } from '../../platform/web/i18n.ts';
import { type CalendarSnapshot, type SnapshotOptions, calendarSnapshot, yearStatus } from './cache.ts';
import type { YearStatus } from './repo.ts';
import { REASON_LABELS, lunarText, workingDay } from './messages.ts';

/** The working calendar as administrators keep it; refreshed within seconds of any change. */
export async function getWorkCalendar(platform: Platform, opts?: SnapshotOptions): Promise<WorkCalendar> {
  return (await calendarSnapshot(platform, opts)).calendar;
}

function provisionalBetween(snap: CalendarSnapshot, from: IsoDate, to: IsoDate): boolean {
  for (let y = parseIsoDate(from).y; y <= parseIsoDate(to).y; y++) if (yearStatus(snap, y) !== 'official') return true;
  return false;
}

/**
 * The deadline of a period starting at `request.received` (DOMAIN §5), with its explanation. `provisional` is true
 * when any year from receipt to the due date has no confirmed schedule yet, so the date may still move.
 */
export async function computeDeadline(platform: Platform, request: DeadlineRequest): Promise<Deadline> {
  const snap = await calendarSnapshot(platform);
  const deadline = snap.calendar.computeDeadline(request);
  return { ...deadline, provisional: provisionalBetween(snap, vietnamDateOf(request.received), deadline.dueDate) };
}

export interface WorkingDayInfo {
  date: IsoDate;
  workingDay: boolean;
  /** Why the date is not a working day; 'working_saturday' for a make-up Saturday; null for an ordinary day. */
  reason: SkippedDay['reason'] | 'working_saturday' | null;
  name: string | null;
  message: Text;
  entries: readonly CalendarDayEntry[];
  provisional: boolean;
}

export async function workingDayInfo(platform: Platform, date: IsoDate): Promise<WorkingDayInfo> {
  const snap = await calendarSnapshot(platform);
  const cal = snap.calendar;
  const entries = cal.entriesOn(date);
  const provisional = yearStatus(snap, parseIsoDate(date).y) !== 'official';
  const base = { date, entries, provisional };
  const skipped = cal.skippedDay(date);
  if (skipped === undefined) {
    const makeUp = entries.find((e) => e.kind === 'working_saturday');
    if (makeUp) return { ...base, workingDay: true, reason: 'working_saturday', name: makeUp.name, message: workingDay.makeUp(makeUp.name) };
    return { ...base, workingDay: true, reason: null, name: null, message: workingDay.working };
  }
  if (skipped.reason === 'weekend' || skipped.name === undefined) {
    return { ...base, workingDay: false, reason: 'weekend', name: null, message: workingDay.weekend };
  }
  return {
    ...base,
    workingDay: false,
    reason: skipped.reason,
    name: skipped.name,
    message: workingDay.off(REASON_LABELS[skipped.reason], skipped.name),
  };
}

export interface YearSchedule {
  year: number;
  status: YearStatus;
  /** False for a year that is not stored: its entries are generated from the Labour Code. */
  stored: boolean;
  source: string;
  confirmedAt: Date | null;
  entries: CalendarDayEntry[];
  tet: IsoDate;
  canChi: string;
}

export async function yearSchedule(platform: Platform, year: number): Promise<YearSchedule> {
  const snap = await calendarSnapshot(platform);
  const row = snap.years.get(year);
  const entries = row
    ? snap.entries.filter((e) => parseIsoDate(e.date).y === year)
    : generateHolidays(year);
  return {
    year,
    status: yearStatus(snap, year),
    stored: row !== undefined,
    source: row?.source ?? '',
    confirmedAt: row?.confirmed_at ?? null,
    entries,
    tet: tetDate(year),
    canChi: canChiYear(year),
  };
}

/** Years to offer in a year picker: the stored ones and the years around today. */
export async function knownYears(platform: Platform, now = new Date()): Promise<number[]> {
  const snap = await calendarSnapshot(platform);
  const current = parseIsoDate(vietnamDateOf(now)).y;
  const years = new Set([...snap.years.keys(), current - 1, current, current + 1]);
  return [...years].sort((a, b) => a - b);
}

export interface LunarInfo {
  date: IsoDate;
  lunar: LunarDate & { yearCanChi: string };
  text: Text;
  tet: { year: number; date: IsoDate; canChi: string };
}

/** The lunar date of a solar date (Vietnam, UTC+7) and the Tết of its solar year. */
export function lunarInfo(date: IsoDate): LunarInfo {
  const solar = parseIsoDate(date);
  const lunar = solarToLunar(solar);
  const yearCanChi = canChiYear(lunar.year);
  return {
    date,
    lunar: { ...lunar, yearCanChi },
    text: lunarText(lunar.day, lunar.month, lunar.leap, yearCanChi),
    tet: { year: solar.y, date: tetDate(solar.y), canChi: canChiYear(solar.y) },
  };
}
