// Bus (BRT) priority (TRANSPORT.md §3): when a bus is detected the controller either holds the bus's green a little
// longer (green extension) or brings it forward (early green) by shortening the phases in between. Neither ever cuts a
// phase below its minimum green, nor shortens a yellow or a red clearance; the cycle's length is kept, so coordination
// holds. Distinct from emergency pre-emption, which this is not.
import { leastSplit, type Phase } from './types.ts';

export type PriorityAction =
  | { kind: 'none'; reason: 'on-green' | 'no-room' }
  | { kind: 'extend' | 'early'; seconds: number; splits: { phase: number; time: number }[] };

interface Slot {
  phase: Phase;
  time: number;
  start: number;
}

function slotsOf(phases: readonly Phase[], ring: readonly { phase: number; time: number }[]): Slot[] {
  const byPhase = new Map(phases.map((p) => [p.phase, p]));
  let start = 0;
  return ring.map((s) => {
    const phase = byPhase.get(s.phase);
    if (!phase) throw new RangeError(`phase ${s.phase} is not in the phase table`);
    const slot = { phase, time: s.time, start };
    start += s.time;
    return slot;
  });
}

const clearance = (p: Phase): number => p.yellowChange + p.redClear;

/**
 * What to do for a bus detected `arrival` seconds into the cycle (0 = the ring's first phase starts), wanting phase
 * `busPhase`, with at most `maxExtension` seconds of extension or of early green.
 */
export function busPriority(phases: readonly Phase[], ring: readonly { phase: number; time: number }[], busPhase: number, arrival: number, maxExtension: number): PriorityAction {
  const slots = slotsOf(phases, ring);
  const cycle = slots.reduce((s, x) => s + x.time, 0);
  const t = ((arrival % cycle) + cycle) % cycle;
  const b = slots.findIndex((s) => s.phase.phase === busPhase);
  if (b < 0) throw new RangeError(`phase ${busPhase} is not in the ring`);
  const bus = slots[b]!;
  const greenEnd = bus.start + bus.time - clearance(bus.phase);
  if (t >= bus.start && t < greenEnd) return { kind: 'none', reason: 'on-green' };
  const out = slots.map((s) => ({ phase: s.phase.phase, time: s.time }));
  const after = (k: number): number => (b + k) % slots.length;

  // Just after the green ended (or during its clearance): hold the green, taking the time from the next phases' room.
  const late = (t - greenEnd + cycle) % cycle;
  if (late < maxExtension) {
    let want = Math.min(maxExtension, late + 1);
    let got = 0;
    for (let k = 1; k < slots.length && want > 0; k++) {
      const i = after(k);
      const room = out[i]!.time - leastSplit(slots[i]!.phase);
      const take = Math.min(room, want);
      out[i]!.time -= take;
      got += take;
      want -= take;
    }
    if (got === 0) return { kind: 'none', reason: 'no-room' };
    out[b]!.time += got;
    return { kind: 'extend', seconds: got, splits: out };
  }

  // Otherwise bring the bus's green forward: the running phase ends as soon as its minimum green has been served, and
  // the phases between it and the bus's run at their least; the bus's phase gets the seconds saved.
  const cur = slots.findIndex((s) => t >= s.start && t < s.start + s.time);
  let saved = 0;
  for (let i = cur; i !== b && saved < maxExtension; i = (i + 1) % slots.length) {
    const s = slots[i]!;
    const elapsed = i === cur ? t - s.start : 0;
    // A phase already in its clearance runs it out; a green runs at least its minimum.
    const floor = Math.max(leastSplit(s.phase), i === cur ? Math.min(s.time, elapsed + clearance(s.phase)) : 0);
    const take = Math.min(out[i]!.time - floor, maxExtension - saved);
    if (take > 0) {
      out[i]!.time -= take;
      saved += take;
    }
  }
  if (saved === 0) return { kind: 'none', reason: 'no-room' };
  out[b]!.time += saved;
  return { kind: 'early', seconds: saved, splits: out };
}
