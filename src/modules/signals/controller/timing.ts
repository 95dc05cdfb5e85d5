// Where a fixed-time plan stands at a given instant: which phase of each ring is in green, yellow or red clearance,
// and the NTCIP 1202 status bitmaps the controller reports (phaseStatusGroupGreens / Yellows / Reds, bit n−1 for
// phase n). The cycle is counted from the system's cycle zero (the epoch) and shifted by the offset, so controllers
// with the same clock and the plans of a green wave keep their band.
import type { TimingPlan } from '../plan/types.ts';

export type Interval = 'green' | 'yellow' | 'redClear';

/** The Indiana high-resolution event code that starts each interval (1 begin green, 8 begin yellow, 10 begin red clearance). */
export const EVENT_CODES: Record<Interval, number> = { green: 1, yellow: 8, redClear: 10 };

export interface RingState {
  phase: number;
  interval: Interval;
  /** Seconds left in this interval. */
  left: number;
}

export interface PlanState {
  /** Seconds into the cycle, from the coordinated phase's start as the offset places it. */
  cycleSecond: number;
  rings: RingState[];
  greens: number;
  yellows: number;
  reds: number;
}

/** Seconds into the local cycle at an instant (ms since the epoch). */
export function cycleSecondAt(plan: TimingPlan, atMs: number): number {
  const c = plan.pattern.cycle;
  const t = atMs / 1000 - plan.pattern.offset;
  return ((t % c) + c) % c;
}

export function stateAt(plan: TimingPlan, atMs: number): PlanState {
  const phases = new Map(plan.phases.map((p) => [p.phase, p]));
  const splits = new Map(plan.pattern.splits.map((s) => [s.phase, s]));
  const cs = cycleSecondAt(plan, atMs);
  const rings: RingState[] = [];
  let greens = 0;
  let reds = 0;
  let yellows = 0;
  const all = new Set<number>();
  for (const ring of plan.pattern.rings) {
    // Each ring starts with its coordinated phase (or its first) at cycle second 0.
    const coordAt = Math.max(0, ring.findIndex((n) => splits.get(n)?.coordPhase));
    const order = [...ring.slice(coordAt), ...ring.slice(0, coordAt)];
    let start = 0;
    for (const n of order) {
      all.add(n);
      const split = splits.get(n);
      const p = phases.get(n);
      if (!split || !p || split.mode === 'omitted') continue;
      const end = start + split.time;
      if (cs >= start && cs < end) {
        const yellowAt = end - p.yellowChange - p.redClear;
        const clearAt = end - p.redClear;
        const interval: Interval = cs < yellowAt ? 'green' : cs < clearAt ? 'yellow' : 'redClear';
        const left = interval === 'green' ? yellowAt - cs : interval === 'yellow' ? clearAt - cs : end - cs;
        rings.push({ phase: n, interval, left });
        if (interval === 'green') greens |= 1 << (n - 1);
        else if (interval === 'yellow') yellows |= 1 << (n - 1);
      }
      start = end;
    }
  }
  for (const n of all) if (!(greens & (1 << (n - 1))) && !(yellows & (1 << (n - 1)))) reds |= 1 << (n - 1);
  return { cycleSecond: cs, rings, greens, yellows, reds };
}
