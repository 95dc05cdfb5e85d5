// The 12-point record of a licence (Law 36/2024/QH15 Art. 58; TRANSPORT.md §4): every licence has 12 points; a penalty
// decision deducts 2, 4, 6 or 10 when it takes effect; 12 months without a deduction restore all 12 (unless the
// licence is at zero); at zero the holder may not drive on it, and from 6 months after reaching zero a road-law
// knowledge test passed restores 12. The record is recomputed from its events, so a corrected event corrects it.

export const FULL_POINTS = 12;
export const DEDUCTIONS = [2, 4, 6, 10] as const;

export type PointsEvent =
  | { kind: 'deduction'; on: string; points: number; decision: string }
  | { kind: 'test-passed'; on: string };

export interface PointsState {
  points: number;
  /** False at zero: the holder may not drive on this licence. */
  canDrive: boolean;
  /** The last deduction's date, if any. */
  lastDeduction: string | null;
  /** When 12 months without a deduction will restore the points (when above zero and below 12). */
  restoresOn: string | null;
  /** At zero: the first day the knowledge test may restore the points. */
  testFrom: string | null;
  /** Events that could not count (a test before the 6 months, a test while not at zero), with why. */
  ignored: { event: PointsEvent; reason: 'test-too-early' | 'test-not-at-zero' }[];
}

/** YYYY-MM-DD plus n months, the day kept or clamped to the month's end. */
export function addMonths(day: string, n: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + n;
  const yy = Math.floor(total / 12);
  const mm = (total % 12) + 1;
  const last = new Date(Date.UTC(yy, mm, 0)).getUTCDate();
  return `${String(yy).padStart(4, '0')}-${String(mm).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** The record as it stands at the end of `asOf`, from its events in any order (same-day events: deductions first). */
export function pointsOn(events: readonly PointsEvent[], asOf: string): PointsState {
  const sorted = events.filter((e) => e.on <= asOf).sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : a.kind === b.kind ? 0 : a.kind === 'deduction' ? -1 : 1));
  let points = FULL_POINTS;
  let lastDeduction: string | null = null;
  let zeroSince: string | null = null;
  const ignored: PointsState['ignored'] = [];
  const restoreIfDue = (until: string): void => {
    // 12 months after the last deduction, with no deduction between, the points come back if not at zero.
    if (lastDeduction !== null && points > 0 && points < FULL_POINTS && addMonths(lastDeduction, 12) <= until) points = FULL_POINTS;
  };
  for (const e of sorted) {
    restoreIfDue(e.on);
    if (e.kind === 'deduction') {
      points = Math.max(0, points - e.points);
      lastDeduction = e.on;
      if (points === 0 && zeroSince === null) zeroSince = e.on;
    } else if (points > 0) {
      ignored.push({ event: e, reason: 'test-not-at-zero' });
    } else if (zeroSince !== null && e.on < addMonths(zeroSince, 6)) {
      ignored.push({ event: e, reason: 'test-too-early' });
    } else {
      points = FULL_POINTS;
      zeroSince = null;
      lastDeduction = null;
    }
  }
  restoreIfDue(asOf);
  return {
    points,
    canDrive: points > 0,
    lastDeduction,
    restoresOn: points > 0 && points < FULL_POINTS && lastDeduction !== null ? addMonths(lastDeduction, 12) : null,
    testFrom: points === 0 && zeroSince !== null ? addMonths(zeroSince, 6) : null,
    ignored,
  };
}

export function isDeduction(n: number): boolean {
  return (DEDUCTIONS as readonly number[]).includes(n);
}
