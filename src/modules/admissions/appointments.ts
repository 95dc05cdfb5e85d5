// The in-person confirmation appointments of admitted children (issue 11 "Parents": after the window, results and the
// in-person confirmation appointment). Each school receives its admitted children on the working days after the
// allocation (the platform's working-day calendar: weekends, public holidays and swapped days off are skipped), in
// application-number order, ten children per slot, six slots a day: 08:00, 09:00, 10:00, 14:00, 15:00, 16:00
// (Vietnam time). A school with 210 admitted children thus receives them over four working days.
import { addDays, vietnamDateOf, vietnamInstant, type IsoDate } from '../../platform/calendar/index.ts';

export const SLOT_MINUTES = [8 * 60, 9 * 60, 10 * 60, 14 * 60, 15 * 60, 16 * 60] as const;
export const CHILDREN_PER_SLOT = 10;

/** The first `days` working days strictly after the Vietnam date of `after`. */
export function workingDaysAfter(isWorkingDay: (d: IsoDate) => boolean, after: Date, days: number): IsoDate[] {
  const out: IsoDate[] = [];
  let d = vietnamDateOf(after);
  for (let guard = 0; out.length < days && guard < 3660; guard++) {
    d = addDays(d, 1);
    if (isWorkingDay(d)) out.push(d);
  }
  return out;
}

/** The appointment of the i-th (0-based) admitted child of a school, given the school's working days. */
export function appointmentAt(days: readonly IsoDate[], i: number): Date {
  const slot = Math.floor(i / CHILDREN_PER_SLOT);
  const day = days[Math.floor(slot / SLOT_MINUTES.length)];
  if (!day) throw new Error('not enough working days for the appointments');
  return vietnamInstant(day, SLOT_MINUTES[slot % SLOT_MINUTES.length] as number);
}

/** How many working days a school with `admitted` children needs. */
export function daysNeeded(admitted: number): number {
  return Math.max(1, Math.ceil(admitted / (CHILDREN_PER_SLOT * SLOT_MINUTES.length)));
}
