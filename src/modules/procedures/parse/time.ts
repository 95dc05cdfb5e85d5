// Processing time (thời hạn giải quyết) from the free text of the national portal: "05 ngày làm việc", "15 Ngày",
// "Trong ngày", "Không quá 3 ngày làm việc", "04 giờ làm việc", "3 Ngày / 7 Ngày" (one value per channel or case).
//
// Rules (documented for administrators):
// - "N ngày làm việc" → working days; "N ngày" → calendar days; "N giờ" → hours; "trong ngày" → within the day.
// - Several values separated by " / " (the portal lists one per channel or case): the SHORTEST is kept as the
//   typed value (working days count 7/5 of a calendar day, hours 1/8 of a working day); the text keeps them all,
//   and each channel's own time is kept in the version's channel details.
// - A fractional number of working days ("1.5 ngày làm việc") becomes working hours at 8 hours a day: the deadline
//   engine counts whole days.
// - A bare number ("1") has no unit and months ("3 Tháng") are no unit of the deadline engine: the amount is kept,
//   the unit is null. The import then looks for the unit in the procedure's other text (time-basis.ts) and in the
//   reviewed table of data/procedures (time-overrides.ts), and reports what still has none.
import type { ProcessingTime, TimeUnit } from '../schema.ts';

export interface TimeParse {
  value: ProcessingTime;
  /** True when the source says nothing ("", "Không có thông tin"). */
  empty: boolean;
  /** Why the value could not be fully typed; undefined when it could. */
  problem?: string;
}

const NO_INFO = /^(không có thông tin|không quy định|chưa có thông tin)?$/i;
const HOURS_PER_WORKING_DAY = 8;

interface Candidate {
  amount: number | null;
  unit: TimeUnit | null;
  problem?: string;
}

function toNumber(s: string): number {
  return Number(s.replace(',', '.'));
}

/** Approximate length in calendar days, only to pick the shortest of several values. */
function approxDays(c: Candidate): number {
  if (c.amount === null) return c.unit === 'within_day' ? 0 : Infinity;
  switch (c.unit) {
    case 'working_days':
      return (c.amount * 7) / 5;
    case 'calendar_days':
      return c.amount;
    case 'hours':
      return ((c.amount / HOURS_PER_WORKING_DAY) * 7) / 5;
    case 'within_day':
      return 0;
    default:
      return Infinity;
  }
}

const UNIT_PATTERN = /(\d+(?:[.,]\d+)?)\s*(ngày làm việc|ngày|giờ làm việc|giờ|tháng)(?![\p{L}])/iu;

function parseOne(raw: string): Candidate | undefined {
  const s = raw.trim().toLowerCase();
  if (NO_INFO.test(s)) return undefined;
  const bare = /^(\d+(?:[.,]\d+)?)$/.exec(s);
  if (bare) return { amount: toNumber(bare[1] ?? ''), unit: null, problem: 'no unit' };
  const m = UNIT_PATTERN.exec(s);
  if (!m) {
    if (/(^|\s)trong (ngày|ngày làm việc)(\s|[.,;]|$)/.test(s)) return { amount: null, unit: 'within_day' };
    return { amount: null, unit: null, problem: 'unrecognised' };
  }
  const amount = toNumber(m[1] ?? '');
  const word = m[2] ?? '';
  if (word === 'tháng') return { amount, unit: null, problem: 'months' };
  if (word.startsWith('giờ')) return { amount, unit: 'hours' };
  if (word === 'ngày làm việc') {
    if (Number.isInteger(amount)) return { amount, unit: 'working_days' };
    return { amount: amount * HOURS_PER_WORKING_DAY, unit: 'hours' };
  }
  if (!Number.isInteger(amount)) return { amount, unit: 'calendar_days', problem: 'fraction of a day' };
  return { amount, unit: 'calendar_days' };
}

export function parseProcessingTime(input: string | null | undefined): TimeParse {
  const text = (input ?? '').trim();
  const none = { value: { amount: null, unit: null, text, basis: null }, empty: true };
  if (NO_INFO.test(text)) return none;
  const candidates = text
    .split(/\s+\/\s+|\n+/)
    .map(parseOne)
    .filter((c): c is Candidate => c !== undefined);
  if (candidates.length === 0) return none;
  const typed = candidates.filter((c) => c.unit !== null);
  const pool = typed.length > 0 ? typed : candidates;
  let best = pool[0] as Candidate;
  for (const c of pool) if (approxDays(c) < approxDays(best)) best = c;
  const out: TimeParse = { value: { amount: best.amount, unit: best.unit, text, basis: null }, empty: false };
  if (best.problem) out.problem = best.problem;
  return out;
}
