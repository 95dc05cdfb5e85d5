// The rules the law fixes whatever a workflow definition says (DOMAIN §4, Decree 61/2018 as amended by 107/2021 and
// replaced by 118/2025; Circular 01/2018/TT-VPCP). Pure functions over the working calendar: easy to test, used by
// the engine before anything is written.
import { type IsoDate, type WorkCalendar, vietnamDateOf } from '../../../platform/calendar/index.ts';

/** Working days from `from` (exclusive) to `to` (inclusive): 0 on the same day, 1 on the next working day. */
export function workingDaysBetween(cal: WorkCalendar, from: IsoDate, to: IsoDate): number {
  let n = 0;
  for (let d = from; d < to; ) {
    d = cal.nextWorkingDay(d);
    if (d <= to) n++;
  }
  return n;
}

/** The last working day strictly before `date`. */
export function previousWorkingDay(cal: WorkCalendar, date: IsoDate): IsoDate {
  return cal.addWorkingDays(date, -1);
}

export type SupplementStage = 'receipt' | 'appraisal';

/** Where a request to supplement is made: at the counter's receipt check, or by the specialist during appraisal. */
export function supplementStage(status: string): SupplementStage {
  return status === 'received' ? 'receipt' : 'appraisal';
}

export const SUPPLEMENT_WINDOW_WORKING_DAYS = 3;

export type SupplementVerdict = 'ok' | 'once' | 'too_late';

/**
 * A request to supplement lists everything missing at once (DOMAIN §4, Decree 61/2018): one request at receipt and,
 * during appraisal, one more only within 3 working days of receipt, never a second one at a step.
 */
export function checkSupplement(
  cal: WorkCalendar,
  o: { stage: SupplementStage; alreadyAtStage: boolean; clockStartedAt: Date; now: Date },
): SupplementVerdict {
  if (o.alreadyAtStage) return 'once';
  if (o.stage === 'appraisal') {
    const days = workingDaysBetween(cal, vietnamDateOf(o.clockStartedAt), vietnamDateOf(o.now));
    if (days > SUPPLEMENT_WINDOW_WORKING_DAYS) return 'too_late';
  }
  return 'ok';
}

export type ApologyVerdict = 'ok' | 'once' | 'too_late' | 'no_deadline' | 'bad_date';

/**
 * A late dossier's apology with a new return date (Form 04) is issued at least 1 working day before the due date
 * (DOMAIN §4, Decree 61/2018), and the date is reset only once; the new date is a working day after the old one.
 */
export function checkApology(
  cal: WorkCalendar,
  o: { apologizedAt: Date | null; dueDate: IsoDate | null; newDueDate: IsoDate; now: Date },
): ApologyVerdict {
  if (o.apologizedAt) return 'once';
  if (!o.dueDate) return 'no_deadline';
  if (vietnamDateOf(o.now) > previousWorkingDay(cal, o.dueDate)) return 'too_late';
  if (!(o.newDueDate > o.dueDate) || !cal.isWorkingDay(o.newDueDate)) return 'bad_date';
  return 'ok';
}

/** How a resolved dossier compares with its (possibly reset) due date: the figures of DOMAIN §6 count these. */
export function outcomeOf(resultAt: Date, dueAt: Date | null, dueDate: IsoDate | null): 'early' | 'on_time' | 'late' {
  if (!dueAt || !dueDate) return 'on_time';
  if (vietnamDateOf(resultAt) < dueDate) return 'early';
  return resultAt.getTime() <= dueAt.getTime() ? 'on_time' : 'late';
}

/** The due time of a step: its share of the legal working days counted from today, never after the dossier's due date. */
export function stepDue(cal: WorkCalendar, o: { now: Date; budget: number; legalWorkingDays: number | null; dueAt: Date | null; endOfDay: (d: IsoDate) => Date }): Date | null {
  if (!o.dueAt) return null;
  if (!o.legalWorkingDays || o.budget <= 0) return o.dueAt;
  const days = Math.max(1, Math.ceil(o.legalWorkingDays * o.budget));
  const at = o.endOfDay(cal.addWorkingDays(vietnamDateOf(o.now), days));
  return at.getTime() < o.dueAt.getTime() ? at : o.dueAt;
}
