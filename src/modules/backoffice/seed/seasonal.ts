// When people come: busier in the weeks before Tết (papers to settle before the new year) and in the months after it
// (weddings, land and business registrations), quiet in the first days back from the Tết break; Mondays busiest,
// Fridays and make-up Saturdays quieter; mornings busier than afternoons. Only working days (the calendar's), only
// office hours.
import { type IsoDate, parseIsoDate, tetDate, weekday } from '../../../platform/calendar/index.ts';
import { type Rng, Weighted } from './random.ts';

const MONTH = [1.05, 0.95, 1.15, 1.05, 1.0, 0.95, 1.0, 1.0, 0.95, 1.0, 1.0, 1.1];
const WEEKDAY = [0.6, 1.15, 1.05, 1.0, 1.0, 0.9, 0.6];

function dayNumber(day: IsoDate): number {
  const { y, m, d } = parseIsoDate(day);
  return Date.UTC(y, m - 1, d) / 86_400_000;
}

/** Relative volume of a working day. */
export function dayWeight(day: IsoDate): number {
  const { y, m } = parseIsoDate(day);
  const n = dayNumber(day);
  let w = (MONTH[m - 1] ?? 1) * (WEEKDAY[weekday(day)] ?? 1);
  for (const tet of [tetDate(y), tetDate(y + 1)]) {
    const before = dayNumber(tet) - n;
    if (before > 0 && before <= 21) w *= 1.35;
    else if (before > 21 && before <= 35) w *= 1.15;
    const after = -before;
    if (after >= 0 && after <= 12) w *= 0.55;
    else if (after > 12 && after <= 75) w *= 1.2;
  }
  return w;
}

/** Office hours 08:00–12:00, 13:00–17:00: the office minute within the day, weighted by the hour. */
const HOURS = new Weighted<number>([
  [0, 1.1], [60, 1.5], [120, 1.4], [180, 0.9], [240, 0.7], [300, 1.2], [360, 1.1], [420, 0.8],
]);

/** An office minute of the day below `limit` (the whole day when the limit is past its end). */
export function minuteOfDay(rng: Rng, perDay: number, limit = perDay): number {
  if (limit <= 0) return 0;
  for (let tries = 0; tries < 8; tries++) {
    const m = perDay === 480 ? HOURS.pick(rng) + rng.int(0, 59) : rng.int(0, perDay - 1);
    if (m < limit) return m;
  }
  return rng.int(0, limit - 1);
}
