// The measures of one intersection's phase from the wall's stored events (issue 16): measures/atspm.ts cuts the log
// into cycles; here each cycle also gets its bands for the Purdue coordination diagram (green from 0, yellow, then
// red, seconds after the green began). The detectors: the demo's controllers log one detector per phase on the
// channel of the phase's number, used as both the advance detector (arrivals) and the stop-bar detector (occupancy).
import { EVENT, phaseMeasures, type PhaseMeasures, type SignalEvent } from '../measures/atspm.ts';

export interface CycleBands {
  /** Green start, ms since the epoch. */
  greenAt: number;
  /** Seconds after the green began when the yellow began, when red began (after the yellow), and the cycle ended. */
  yellow: number;
  red: number;
  end: number;
}

export interface WallMeasures extends PhaseMeasures {
  phase: number;
  bands: CycleBands[];
}

/** Phases are 1–16 (NTCIP 1202's usual controller; a phase number beyond is a typing error). */
export const PHASE_MIN = 1;
export const PHASE_MAX = 16;

export function parsePhase(raw: string): number | null {
  if (!/^\d{1,2}$/.test(raw.trim())) return null;
  const n = Number(raw.trim());
  return n >= PHASE_MIN && n <= PHASE_MAX ? n : null;
}

export function wallMeasures(log: readonly SignalEvent[], phase: number): WallMeasures {
  const m = phaseMeasures(log, phase, [phase], [phase]);
  const bands = m.cycles.map((c) => {
    // Red begins at the end of the yellow: the red-clearance event, or the yellow's start when the log has none.
    const redAt = log.find((e) => e.code === EVENT.PHASE_RED_CLEAR && e.param === phase && e.at >= c.yellowAt && e.at < c.endAt)?.at ?? c.yellowAt;
    return { greenAt: c.greenAt, yellow: (c.yellowAt - c.greenAt) / 1000, red: (redAt - c.greenAt) / 1000, end: (c.endAt - c.greenAt) / 1000 };
  });
  return { ...m, phase, bands };
}
