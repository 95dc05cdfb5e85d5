// The figures of a period from the aggregate rows (repo.ts): totals, shares, average times and the series for the
// charts. Pure: no SQL, no access rules. Shares are 0…1 rounded to 4 decimals, null when nothing was counted.
import { addDays, type IsoDate } from '../../platform/calendar/index.ts';
import type { CatalogueCoverage } from '../procedures/index.ts';
import type { ConsultationsRow, FeedbackRow, InProgressRow, RatingsRow, ReceivedRow, ResolvedRow } from './repo.ts';

export interface RawFigures {
  received: ReceivedRow[];
  resolved: ResolvedRow[];
  inProgress: InProgressRow;
  ratings: RatingsRow;
  feedback: FeedbackRow;
  consultations: ConsultationsRow;
  catalogue: CatalogueCoverage;
}

export interface SeriesPoint {
  /** YYYY-MM-DD (by day), YYYY-MM (by calendar month) or YYYY-MM-DD/YYYY-MM-DD (a month counted from a day, e.g. the last twelve months to the day). */
  key: string;
  received: number;
  online: number;
  counter: number;
  resolved: number;
  early: number;
  onTime: number;
  late: number;
  onTimeRate: number | null;
}

export interface Figures {
  received: number;
  online: number;
  fullOnline: number;
  counter: number;
  refused: number;
  withFees: number;
  paidOnline: number;
  /** Online, or a counter dossier with a scan of its papers. */
  digitised: number;
  /** Received dossiers with a request to supplement, with two (receipt and appraisal), with one from another agency. */
  supplemented: number;
  supplementedTwice: number;
  otherAgency: number;
  inProgress: { total: number; onTime: number; overdue: number; paused: number; asOf: Date };
  resolved: { total: number; early: number; onTime: number; late: number; returned: number; online: number; onlineLate: number; electronicResult: number };
  /** (early + on time) ÷ resolved. */
  onTimeRate: number | null;
  /** result_at − received_at, in days, one decimal; in working days by the calendar. */
  averageDays: number | null;
  averageWorkingDays: number | null;
  onlineShare: number | null;
  fullOnlineShare: number | null;
  onlinePaymentShare: number | null;
  digitisedShare: number | null;
  satisfaction: { count: number; average: number | null; satisfied: number; satisfiedShare: number | null; levels: [number, number, number]; attitude: [number, number, number] };
  feedback: FeedbackRow;
  consultations: ConsultationsRow;
  catalogue: CatalogueCoverage;
  granularity: 'day' | 'month';
  series: SeriesPoint[];
}

export function share(numerator: number, denominator: number): number | null {
  return denominator > 0 ? Math.round((numerator / denominator) * 10_000) / 10_000 : null;
}

const round1 = (x: number) => Math.round(x * 10) / 10;

/** Working days after the receipt day up to the result day (a period counted in days starts the next day). */
export function averageWorkingDays(rows: readonly ResolvedRow[], isWorkingDay: (d: IsoDate) => boolean): number | null {
  const total = rows.reduce((n, r) => n + Number(r.resolved), 0);
  if (total === 0) return null;
  const days = rows.flatMap((r) => [r.day, r.received_day]).sort();
  const first = days[0] as string;
  const last = days[days.length - 1] as string;
  // ordinal(d) = working days up to and including d, from `first`; the difference counts the days in between.
  const ordinal = new Map<string, number>();
  let n = 0;
  for (let d = first; d <= last; d = addDays(d, 1)) {
    if (isWorkingDay(d)) n++;
    ordinal.set(d, n);
  }
  const sum = rows.reduce((acc, r) => acc + Number(r.resolved) * ((ordinal.get(r.day) ?? 0) - (ordinal.get(r.received_day) ?? 0)), 0);
  return round1(sum / total);
}

/** Days when the period lies within one calendar month, months otherwise. */
export function granularityOf(from: IsoDate, to: IsoDate): 'day' | 'month' {
  return from.slice(0, 7) === to.slice(0, 7) ? 'day' : 'month';
}

/** The same day `n` months after `d`, or the month's last day when it has no such day (31 → 30, 28 or 29). */
export function addMonths(d: IsoDate, n: number): IsoDate {
  const y = Number(d.slice(0, 4));
  const m = Number(d.slice(5, 7)) - 1 + n;
  const yy = y + Math.floor(m / 12);
  const mm = (((m % 12) + 12) % 12) + 1;
  const last = new Date(Date.UTC(yy, mm, 0)).getUTCDate();
  return `${yy}-${String(mm).padStart(2, '0')}-${String(Math.min(Number(d.slice(8, 10)), last)).padStart(2, '0')}`;
}

/**
 * The key of the bucket each day of the period falls in: the day itself; its calendar month when the period starts
 * on a 1st; otherwise a month counted from the period's first day ("2025-12-05/2026-01-04"), so that the last twelve
 * months to the day make twelve buckets, not thirteen partial calendar months.
 */
function bucketKeyOf(from: IsoDate, to: IsoDate, granularity: 'day' | 'month'): (day: string) => string {
  if (granularity === 'day') return (day) => day;
  if (from.endsWith('-01')) return (day) => day.slice(0, 7);
  const starts: IsoDate[] = [];
  for (let i = 0, s = from; s <= to; i++, s = addMonths(from, i)) starts.push(s);
  const keys = starts.map((s, i) => `${s}/${i + 1 < starts.length ? addDays(starts[i + 1] as IsoDate, -1) : to}`);
  return (day) => {
    let i = starts.length - 1;
    while (i > 0 && (starts[i] as IsoDate) > day) i--;
    return keys[i] as string;
  };
}

function bucketKeys(from: IsoDate, to: IsoDate, granularity: 'day' | 'month'): string[] {
  const key = bucketKeyOf(from, to, granularity);
  const keys: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) {
    const k = key(d);
    if (keys[keys.length - 1] !== k) keys.push(k);
  }
  return keys;
}

function series(raw: RawFigures, from: IsoDate, to: IsoDate, granularity: 'day' | 'month'): SeriesPoint[] {
  const key = bucketKeyOf(from, to, granularity);
  const points = new Map(bucketKeys(from, to, granularity).map((k) => [k, { key: k, received: 0, online: 0, counter: 0, resolved: 0, early: 0, onTime: 0, late: 0, onTimeRate: null as number | null }]));
  for (const r of raw.received) {
    const p = points.get(key(r.day));
    if (!p) continue;
    p.received += Number(r.received);
    p.online += Number(r.online);
    p.counter += Number(r.received) - Number(r.online);
  }
  for (const r of raw.resolved) {
    const p = points.get(key(r.day));
    if (!p) continue;
    p.resolved += Number(r.resolved);
    p.early += Number(r.early);
    p.onTime += Number(r.on_time);
    p.late += Number(r.late);
  }
  for (const p of points.values()) p.onTimeRate = share(p.early + p.onTime, p.resolved);
  return [...points.values()];
}

function sum<T>(rows: readonly T[], pick: (r: T) => number | string): number {
  return rows.reduce((n, r) => n + Number(pick(r)), 0);
}

export function computeFigures(raw: RawFigures, period: { from: IsoDate; to: IsoDate; asOf: Date }, isWorkingDay: (d: IsoDate) => boolean): Figures {
  const rec = raw.received;
  const res = raw.resolved;
  const received = sum(rec, (r) => r.received);
  const online = sum(rec, (r) => r.online);
  const fullOnline = sum(rec, (r) => r.full_online);
  const withFees = sum(rec, (r) => r.with_fees);
  const paidOnline = sum(rec, (r) => r.paid_online);
  const digitised = sum(rec, (r) => r.digitised);
  const resolved = {
    total: sum(res, (r) => r.resolved),
    early: sum(res, (r) => r.early),
    onTime: sum(res, (r) => r.on_time),
    late: sum(res, (r) => r.late),
    returned: sum(res, (r) => r.returned),
    online: sum(res, (r) => r.online),
    onlineLate: sum(res, (r) => r.online_late),
    electronicResult: sum(res, (r) => r.e_result),
  };
  const seconds = sum(res, (r) => r.seconds);
  const ip = raw.inProgress;
  const rt = raw.ratings;
  const rated = Number(rt.rated);
  const satisfied = Number(rt.level2) + Number(rt.level3);
  const granularity = granularityOf(period.from, period.to);
  return {
    received,
    online,
    fullOnline,
    counter: received - online,
    refused: sum(rec, (r) => r.refused),
    withFees,
    paidOnline,
    digitised,
    supplemented: sum(rec, (r) => r.supplemented),
    supplementedTwice: sum(rec, (r) => r.supplemented_twice),
    otherAgency: sum(rec, (r) => r.other_agency),
    inProgress: { total: Number(ip.total), overdue: Number(ip.overdue), paused: Number(ip.paused), onTime: Number(ip.total) - Number(ip.overdue), asOf: period.asOf },
    resolved,
    onTimeRate: share(resolved.early + resolved.onTime, resolved.total),
    averageDays: resolved.total > 0 ? round1(seconds / 86_400 / resolved.total) : null,
    averageWorkingDays: averageWorkingDays(res, isWorkingDay),
    onlineShare: share(online, received),
    fullOnlineShare: share(fullOnline, received),
    onlinePaymentShare: share(paidOnline, withFees),
    digitisedShare: share(digitised, received),
    satisfaction: {
      count: rated,
      average: rated > 0 ? Math.round((Number(rt.overall_sum) / rated) * 100) / 100 : null,
      satisfied,
      satisfiedShare: share(satisfied, rated),
      levels: [Number(rt.level1), Number(rt.level2), Number(rt.level3)],
      attitude: [Number(rt.attitude1), Number(rt.attitude2), Number(rt.attitude3)],
    },
    feedback: { total: Number(raw.feedback.total), on_time: Number(raw.feedback.on_time), late: Number(raw.feedback.late), overdue: Number(raw.feedback.overdue), pending: Number(raw.feedback.pending) },
    consultations: {
      total: Number(raw.consultations.total),
      early: Number(raw.consultations.early),
      on_time: Number(raw.consultations.on_time),
      late: Number(raw.consultations.late),
      pending: Number(raw.consultations.pending),
    },
    catalogue: raw.catalogue,
    granularity,
    series: series(raw, period.from, period.to, granularity),
  };
}
