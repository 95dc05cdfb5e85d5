// Working days and deadlines of administrative procedures (DOMAIN §5).
// - The week is Mon–Fri; entries add holidays and days off and turn some Saturdays into working days.
// - A period counted in days starts the day after receipt (Civil Code 2015 Art. 147(1)) and ends at 24:00 of its
//   last day; if that day is a weekly rest day or holiday it ends at the end of the next working day (Art. 148).
// All dates are Vietnam dates (UTC+7); see dates.ts.
import {
  type IsoDate,
  addDays,
  endOfVietnamDay,
  isWeekend,
  vietnamDateOf,
  vietnamInstant,
  vietnamMinuteOf,
  yearOf,
} from './dates.ts';
import {
  type Explanation,
  type SkippedDay,
  countingClause,
  dueClause,
  receivedClause,
  rolledClause,
  sentence,
  skippedClauses,
} from './explain.ts';
import { generateHolidays } from './holidays.ts';
import { CalendarDayEntry, isNonWorkingKind, officialEntries } from './schedule.ts';
import { DEFAULT_OFFICE_HOURS, type OfficeHours, addOfficeHours } from './office-hours.ts';

export type DeadlineUnit = 'working_days' | 'calendar_days' | 'hours' | 'within_day';

export interface DeadlineRequest {
  received: Date;
  /** Number of days or hours; ignored for 'within_day'. */
  amount: number;
  unit: DeadlineUnit;
}

export interface Deadline {
  dueDate: IsoDate;
  /** End of the period: 23:59:59.999 Vietnam time of dueDate for day units, the exact instant for hours. */
  dueAt: Date;
  explanation: Explanation;
  /** Days not counted, in date order. */
  skipped: SkippedDay[];
  /** True when a day between receipt and the due date comes from a provisional (not yet announced) schedule. */
  provisional: boolean;
}

export interface WorkCalendarOptions {
  /** Entries for a year that has none; defaults to generateHolidays. null: such years have weekends only. */
  generate?: ((year: number) => readonly CalendarDayEntry[]) | null;
  officeHours?: OfficeHours;
}

/** Guards against a misconfigured calendar with no working day at all. */
const MAX_DAYS_WITHOUT_WORK = 366;

export class WorkCalendar {
  readonly #byDate = new Map<IsoDate, CalendarDayEntry[]>();
  readonly #loadedYears = new Set<number>();
  readonly #generatedYears = new Set<number>();
  readonly #generate: ((year: number) => readonly CalendarDayEntry[]) | null;
  readonly officeHours: OfficeHours;

  constructor(entries: readonly CalendarDayEntry[], options: WorkCalendarOptions = {}) {
    this.#generate = options.generate === undefined ? generateHolidays : options.generate;
    this.officeHours = options.officeHours ?? DEFAULT_OFFICE_HOURS;
    for (const e of entries) this.#add(CalendarDayEntry.parse(e));
    for (const date of this.#byDate.keys()) this.#loadedYears.add(yearOf(date));
  }

  /** The official 2023–2026 schedule shipped in data/holidays, with generated years around it. */
  static withDefaults(options: WorkCalendarOptions = {}): WorkCalendar {
    return new WorkCalendar(officialEntries(), options);
  }

  #add(entry: CalendarDayEntry): void {
    const list = this.#byDate.get(entry.date);
    if (list) list.push(entry);
    else this.#byDate.set(entry.date, [entry]);
  }

  #ensureYear(year: number): void {
    if (this.#loadedYears.has(year)) return;
    this.#loadedYears.add(year);
    if (this.#generate === null) return;
    this.#generatedYears.add(year);
    for (const e of this.#generate(year)) this.#add(CalendarDayEntry.parse(e));
  }

  entriesOn(date: IsoDate): readonly CalendarDayEntry[] {
    this.#ensureYear(yearOf(date));
    return this.#byDate.get(date) ?? [];
  }

  /** Whether `year` uses generated (provisional) entries because none were given for it. */
  isProvisionalYear(year: number): boolean {
    this.#ensureYear(year);
    return this.#generatedYears.has(year);
  }

  isWorkingDay(date: IsoDate): boolean {
    const entries = this.entriesOn(date);
    // A day off wins over a conflicting make-up working day: when data disagree, the citizen gets the later date.
    if (entries.some((e) => isNonWorkingKind(e.kind))) return false;
    if (entries.some((e) => e.kind === 'working_saturday')) return true;
    return !isWeekend(date);
  }

  /** The first working day strictly after `date`. */
  nextWorkingDay(date: IsoDate): IsoDate {
    return this.addWorkingDays(date, 1);
  }

  /** The n-th working day after `date` (before it when n < 0); `date` itself when n = 0. */
  addWorkingDays(date: IsoDate, n: number): IsoDate {
    if (!Number.isInteger(n)) throw new RangeError(`working days must be a whole number, got ${n}`);
    const step = n < 0 ? -1 : 1;
    let d = date;
    for (let left = Math.abs(n), idle = 0; left > 0; ) {
      d = addDays(d, step);
      if (this.isWorkingDay(d)) {
        left--;
        idle = 0;
      } else if (++idle > MAX_DAYS_WITHOUT_WORK) {
        throw new Error(`no working day within ${MAX_DAYS_WITHOUT_WORK} days of ${date}`);
      }
    }
    return d;
  }

  /** Why `date` is not a working day (undefined if it is one). */
  skippedDay(date: IsoDate): SkippedDay | undefined {
    if (this.isWorkingDay(date)) return undefined;
    const off = this.entriesOn(date).find((e) => isNonWorkingKind(e.kind));
    if (off === undefined || off.kind === 'working_saturday') return { date, reason: 'weekend' };
    return { date, reason: off.kind, name: off.name };
  }

  #skippedBetween(from: IsoDate, to: IsoDate): SkippedDay[] {
    const out: SkippedDay[] = [];
    for (let d = from; d <= to; d = addDays(d, 1)) {
      const s = this.skippedDay(d);
      if (s) out.push(s);
    }
    return out;
  }

  #provisionalBetween(from: IsoDate, to: IsoDate): boolean {
    for (let y = yearOf(from); y <= yearOf(to); y++) if (this.isProvisionalYear(y)) return true;
    for (let d = from; d <= to; d = addDays(d, 1)) if (this.entriesOn(d).some((e) => e.provisional)) return true;
    return false;
  }

  computeDeadline(request: DeadlineRequest): Deadline {
    const { received, amount, unit } = request;
    const day = vietnamDateOf(received);
    const minute = vietnamMinuteOf(received);
    checkAmount(unit, amount);
    type Parts = (Explanation | null)[];
    const result = (dueDate: IsoDate, dueAt: Date, skipped: SkippedDay[], parts: Parts): Deadline => ({
      dueDate,
      dueAt,
      skipped,
      explanation: sentence(parts),
      provisional: this.#provisionalBetween(day, dueDate),
    });

    switch (unit) {
      case 'working_days': {
        const due = this.addWorkingDays(day, amount);
        const skipped = this.#skippedBetween(addDays(day, 1), due);
        return result(due, endOfVietnamDay(due), skipped, [
          receivedClause(day, null),
          countingClause.workingDays(amount),
          ...skippedClauses(skipped),
          dueClause(due, null),
        ]);
      }
      case 'calendar_days': {
        const last = addDays(day, amount);
        const due = this.isWorkingDay(last) ? last : this.nextWorkingDay(last);
        const skipped = this.#skippedBetween(last, due);
        return result(due, endOfVietnamDay(due), skipped, [
          receivedClause(day, null),
          countingClause.calendarDays(amount),
          due === last ? null : rolledClause(last, skipped),
          dueClause(due, null),
        ]);
      }
      case 'hours': {
        const end = addOfficeHours(this.officeHours, (d) => this.isWorkingDay(d), day, minute, amount * 60);
        const skipped = this.#skippedBetween(day, end.date);
        return result(end.date, vietnamInstant(end.date, end.minute), skipped, [
          receivedClause(day, minute),
          countingClause.hours(amount, this.officeHours.label),
          ...skippedClauses(skipped),
          dueClause(end.date, end.minute),
        ]);
      }
      case 'within_day': {
        const cutoff = this.officeHours.sameDayCutoff;
        const working = this.isWorkingDay(day);
        const due = working && minute < cutoff ? day : this.nextWorkingDay(day);
        const skipped = due === day ? [] : this.#skippedBetween(day, addDays(due, -1));
        const why =
          due === day
            ? countingClause.sameDay
            : working
              ? countingClause.afterCutoff(cutoff)
              : countingClause.receivedOnDayOff;
        return result(due, endOfVietnamDay(due), skipped, [
          receivedClause(day, minute),
          why,
          ...skippedClauses(skipped),
          dueClause(due, null),
        ]);
      }
    }
  }
}

function checkAmount(unit: DeadlineUnit, amount: number): void {
  if ((unit === 'working_days' || unit === 'calendar_days') && !(Number.isInteger(amount) && amount >= 1)) {
    throw new RangeError(`${unit} must be a whole number ≥ 1, got ${amount}`);
  }
  if (unit === 'hours' && !(Number.isFinite(amount) && amount > 0)) {
    throw new RangeError(`hours must be a positive number, got ${amount}`);
  }
}
