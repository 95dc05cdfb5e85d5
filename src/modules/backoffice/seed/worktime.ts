// Office time of a span of days, precomputed once from the working calendar (holidays, Tết, make-up Saturdays), so that
// the generator places every action of a million dossiers with integer arithmetic: a moment is a number of office
// minutes counted from the first working day of the table ("office minute"), and a legal deadline is the calendar
// engine's own answer, memoised by what it depends on.
import { addDays, type Deadline, type DeadlineUnit, type IsoDate, vietnamInstant, type WorkCalendar } from '../../../platform/calendar/index.ts';

const DAY_MS = 86_400_000;
const OFFSET_MS = 7 * 3_600_000;
const MEMO_LIMIT = 100_000;

export class WorkTime {
  /** The working days of the table, in order. */
  readonly days: IsoDate[] = [];
  /** Office minutes in a working day (480 for 08:00–12:00, 13:00–17:00). */
  readonly perDay: number;
  readonly #index = new Map<IsoDate, number>();
  /** Per calendar day of the span (days since its first): the first working day on or after it. */
  readonly #onOrAfter: number[] = [];
  readonly #firstDay: number;
  /** Milliseconds of 00:00 Vietnam time of each working day. */
  readonly #midnight: number[] = [];
  readonly #windows: readonly { start: number; end: number }[];
  readonly #deadlines = new Map<string, Deadline>();
  readonly #dueEnds = new WeakMap<Deadline, number>();

  constructor(
    readonly calendar: WorkCalendar,
    from: IsoDate,
    to: IsoDate,
  ) {
    this.#windows = calendar.officeHours.windows;
    this.perDay = this.#windows.reduce((n, w) => n + w.end - w.start, 0);
    this.#firstDay = Math.floor((vietnamInstant(from, 0).getTime() + OFFSET_MS) / DAY_MS);
    let pending = 0;
    for (let d = from; d <= to; d = addDays(d, 1)) {
      pending++;
      if (!calendar.isWorkingDay(d)) continue;
      const i = this.days.length;
      this.days.push(d);
      this.#index.set(d, i);
      this.#midnight.push(vietnamInstant(d, 0).getTime());
      for (; pending > 0; pending--) this.#onOrAfter.push(i);
    }
  }

  get length(): number {
    return this.days.length;
  }

  indexOf(day: IsoDate): number | undefined {
    return this.#index.get(day);
  }

  /** The first working day on or after `day` (the table's end when beyond it). */
  indexOnOrAfter(day: IsoDate): number {
    return this.#onOrAfter[Math.floor((vietnamInstant(day, 0).getTime() + OFFSET_MS) / DAY_MS) - this.#firstDay] ?? this.days.length;
  }

  day(i: number): IsoDate {
    const d = this.days[Math.max(0, Math.min(i, this.days.length - 1))];
    if (d === undefined) throw new RangeError('empty office-time table');
    return d;
  }

  /** The instant of an office minute. */
  at(om: number): Date {
    const i = Math.max(0, Math.min(Math.floor(om / this.perDay), this.#midnight.length - 1));
    let left = om - i * this.perDay;
    const midnight = this.#midnight[i] ?? 0;
    for (const w of this.#windows) {
      if (left < w.end - w.start) return new Date(midnight + (w.start + left) * 60_000);
      left -= w.end - w.start;
    }
    const last = this.#windows[this.#windows.length - 1];
    return new Date(midnight + (last ? last.end : 0) * 60_000);
  }

  /** The office minute of an instant; outside office hours, the next office minute. */
  officeMinute(instant: Date): number {
    const local = instant.getTime() + OFFSET_MS;
    const dayNum = Math.floor(local / DAY_MS);
    const i = this.#onOrAfter[dayNum - this.#firstDay] ?? this.days.length;
    if ((this.#midnight[i] ?? NaN) !== dayNum * DAY_MS - OFFSET_MS) return i * this.perDay;
    const minute = Math.floor((local - dayNum * DAY_MS) / 60_000);
    let om = 0;
    for (const w of this.#windows) {
      if (minute < w.start) return i * this.perDay + om;
      if (minute < w.end) return i * this.perDay + om + (minute - w.start);
      om += w.end - w.start;
    }
    return (i + 1) * this.perDay;
  }

  /** Office minute at the start of working day i, and at its end (exclusive). */
  startOf(i: number): number {
    return i * this.perDay;
  }

  endOf(i: number): number {
    return (i + 1) * this.perDay;
  }

  /**
   * The legal deadline of a period starting at `received` (DOMAIN §5), computed by the calendar engine and memoised
   * by what it depends on: the day for periods in days, the minute too for hours and same-day periods.
   */
  deadline(received: Date, amount: number, unit: DeadlineUnit): Deadline {
    const local = received.getTime() + OFFSET_MS;
    const dayNum = Math.floor(local / DAY_MS);
    const minute = unit === 'hours' || unit === 'within_day' ? Math.floor((local - dayNum * DAY_MS) / 60_000) : 0;
    const key = `${dayNum}|${minute}|${amount}|${unit}`;
    let d = this.#deadlines.get(key);
    if (!d) {
      // Same-day and hourly periods vary by the minute: keep the memo bounded over a year of them.
      if (this.#deadlines.size >= MEMO_LIMIT) this.#deadlines.clear();
      d = this.calendar.computeDeadline({ received, amount, unit });
      this.#deadlines.set(key, d);
    }
    return d;
  }

  /** The office minute just after a deadline ends: any moment before it is on time. */
  dueEnd(d: Deadline): number {
    let end = this.#dueEnds.get(d);
    if (end === undefined) {
      const i = this.indexOf(d.dueDate);
      // Periods in days end at 24:00 of a working day; a period in hours ends at an exact instant.
      end = i !== undefined && d.dueAt.getTime() >= vietnamInstant(d.dueDate, 1440).getTime() - 1 ? this.endOf(i) : this.officeMinute(d.dueAt);
      this.#dueEnds.set(d, end);
    }
    return end;
  }
}
