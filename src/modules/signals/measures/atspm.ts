// Performance measures from controllers' high-resolution event logs, in the spirit of ATSPM (TRANSPORT.md §3), using
// the Indiana event codes controllers log: 1 phase begin green, 8 begin yellow clearance, 10 begin red clearance,
// 82 detector on, 81 detector off. For one phase and its detectors it cuts the log into cycles (green to green) and
// gives, per cycle, the arrivals (advance-detector actuations) with their time in the cycle, the share that arrived on
// green, and whether the cycle was a split failure: the green was occupied ≥ 80 % of its time and the first 5 s of red
// were occupied ≥ 80 % too (stop-bar detectors), i.e. a queue was left over.

export const EVENT = { PHASE_GREEN: 1, PHASE_YELLOW: 8, PHASE_RED_CLEAR: 10, DETECTOR_OFF: 81, DETECTOR_ON: 82 } as const;

export interface SignalEvent {
  /** Milliseconds since the epoch (or any common origin). */
  at: number;
  code: number;
  /** The phase (codes 1–10) or the detector channel (codes 81–82). */
  param: number;
}

export interface CycleMeasure {
  /** When the phase's green began, its yellow began, and the next green began (the cycle's end). */
  greenAt: number;
  yellowAt: number;
  endAt: number;
  /** Arrivals as seconds after the cycle's green start (the Purdue coordination diagram's points). */
  arrivals: number[];
  arrivalsOnGreen: number;
  /** Green occupancy ratio and the occupancy of the first 5 s of red, 0–1, of the stop-bar detectors. */
  greenOccupancy: number;
  redOccupancy5: number;
  splitFailure: boolean;
}

export interface PhaseMeasures {
  cycles: CycleMeasure[];
  arrivals: number;
  /** Share of arrivals on green over all complete cycles, 0–1 (null with no arrivals). */
  arrivalsOnGreen: number | null;
  splitFailures: number;
}

export const SPLIT_FAILURE_OCCUPANCY = 0.8;
const RED_WINDOW_MS = 5000;

/** Time a set of detectors was occupied within [from, to), from their on/off events (any detector on = occupied). */
function occupied(events: readonly SignalEvent[], channels: ReadonlySet<number>, from: number, to: number): number {
  if (to <= from) return 0;
  const on = new Set<number>();
  let total = 0;
  let since = from;
  for (const e of events) {
    if (!channels.has(e.param) || (e.code !== EVENT.DETECTOR_ON && e.code !== EVENT.DETECTOR_OFF)) continue;
    if (e.at >= to) break;
    const t = Math.max(e.at, from);
    if (on.size > 0) total += t - since;
    since = t;
    if (e.code === EVENT.DETECTOR_ON) on.add(e.param);
    else on.delete(e.param);
  }
  if (on.size > 0) total += to - since;
  return total;
}

export function phaseMeasures(log: readonly SignalEvent[], phase: number, advance: readonly number[], stopBar: readonly number[]): PhaseMeasures {
  const events = [...log].sort((a, b) => a.at - b.at);
  const greens = events.filter((e) => e.code === EVENT.PHASE_GREEN && e.param === phase).map((e) => e.at);
  const yellows = events.filter((e) => e.code === EVENT.PHASE_YELLOW && e.param === phase).map((e) => e.at);
  const adv = new Set(advance);
  const bar = new Set(stopBar);
  const cycles: CycleMeasure[] = [];
  for (let i = 0; i + 1 < greens.length; i++) {
    const greenAt = greens[i]!;
    const endAt = greens[i + 1]!;
    const yellowAt = yellows.find((y) => y > greenAt && y < endAt);
    if (yellowAt === undefined) continue; // a gap in the log: the cycle cannot be measured
    const arrivals = events.filter((e) => e.code === EVENT.DETECTOR_ON && adv.has(e.param) && e.at >= greenAt && e.at < endAt).map((e) => (e.at - greenAt) / 1000);
    const onGreen = arrivals.filter((s) => s * 1000 < yellowAt - greenAt).length;
    const gor = occupied(events, bar, greenAt, yellowAt) / (yellowAt - greenAt);
    // Red starts after the yellow; the log's red-clear event marks it when present.
    const redAt = events.find((e) => e.code === EVENT.PHASE_RED_CLEAR && e.param === phase && e.at >= yellowAt && e.at < endAt)?.at ?? yellowAt;
    const ror5 = occupied(events, bar, redAt, Math.min(endAt, redAt + RED_WINDOW_MS)) / Math.max(1, Math.min(RED_WINDOW_MS, endAt - redAt));
    cycles.push({ greenAt, yellowAt, endAt, arrivals, arrivalsOnGreen: onGreen, greenOccupancy: gor, redOccupancy5: ror5, splitFailure: bar.size > 0 && gor >= SPLIT_FAILURE_OCCUPANCY && ror5 >= SPLIT_FAILURE_OCCUPANCY });
  }
  const arrivals = cycles.reduce((s, c) => s + c.arrivals.length, 0);
  const onGreen = cycles.reduce((s, c) => s + c.arrivalsOnGreen, 0);
  return { cycles, arrivals, arrivalsOnGreen: arrivals === 0 ? null : onGreen / arrivals, splitFailures: cycles.filter((c) => c.splitFailure).length };
}
