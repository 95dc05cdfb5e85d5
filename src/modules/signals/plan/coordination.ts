// Corridor coordination (TRANSPORT.md §3): every intersection of the corridor runs a common cycle and the coordinated
// phase's green starts when a platoon leaving the first intersection at the progression speed arrives, so
// offsetᵢ = (distanceᵢ / speed) mod C. The time–space diagram (diagram.ts) draws the band this leaves.

export interface CorridorStop {
  id: string;
  /** Metres from the first intersection along the corridor. */
  distance: number;
  /** The coordinated phase's split at this intersection, seconds (green plus clearance). */
  coordSplit: number;
  /** Its yellow and red clearance, seconds. */
  clearance: number;
}

export interface Offset {
  id: string;
  distance: number;
  /** Seconds from the first intersection at the progression speed. */
  travel: number;
  /** Whole seconds, 0 ≤ offset < cycle. */
  offset: number;
}

export function greenWave(stops: readonly CorridorStop[], cycle: number, speedKmh: number): Offset[] {
  if (!(cycle > 0) || !(speedKmh > 0)) throw new RangeError('cycle and speed must be positive');
  const metresPerSecond = speedKmh / 3.6;
  const first = stops[0]?.distance ?? 0;
  return stops.map((s) => {
    const travel = (s.distance - first) / metresPerSecond;
    return { id: s.id, distance: s.distance, travel, offset: Math.round(travel) % cycle };
  });
}

/**
 * The through band: the seconds of green, within one cycle, during which a vehicle leaving the first intersection at
 * the speed meets green at every intersection (0 when none). Each green opens at its offset and lasts split − clearance.
 */
export function bandwidth(stops: readonly CorridorStop[], offsets: readonly Offset[], cycle: number, speedKmh: number): number {
  const v = speedKmh / 3.6;
  let best = 0;
  const first = stops[0];
  if (!first) return 0;
  const firstGreen = first.coordSplit - first.clearance;
  // Try every departure second within the first intersection's green; the band is the longest run of departures that
  // meet green everywhere.
  let run = 0;
  for (let t = 0; t < firstGreen; t++) {
    const ok = stops.every((s, i) => {
      const green = s.coordSplit - s.clearance;
      const start = (offsets[i]?.offset ?? 0) - (offsets[0]?.offset ?? 0);
      const at = (((t + (s.distance - first.distance) / v - start) % cycle) + cycle) % cycle;
      return at < green;
    });
    run = ok ? run + 1 : 0;
    best = Math.max(best, run);
  }
  return best;
}
