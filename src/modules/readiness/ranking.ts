// Scores and ranks a whole peer group (issue 14: units are ranked within peer groups — departments, communes —
// INDICATORS.md §3), and reads a unit's scorecard: its strongest and weakest indicators.
import { peerBest, scoreUnit, type IndicatorScore, type UnitInput, type UnitScore } from './scoring.ts';
import type { LoadedSet } from './sets.ts';

export interface RankedUnit extends UnitScore {
  /** Standard competition ranking: equal totals share a rank and the next rank skips (1, 1, 3). */
  rank: number;
}

/** Scores every unit of the peer group (the best values for `relative` indicators taken over all of them), ranked. */
export function scorePeerGroup(loaded: LoadedSet, units: UnitInput[]): RankedUnit[] {
  const best = peerBest(
    loaded,
    units.map((u) => u.values),
  );
  const scores = units.map((u) => scoreUnit(loaded, u, best));
  return rankScores(scores);
}

/** Ranks scores by total (already rounded to 0.01, so that equal totals compare equal); ties by unit code for order. */
export function rankScores(scores: UnitScore[]): RankedUnit[] {
  const sorted = [...scores].sort((a, b) => b.total - a.total || (a.unit < b.unit ? -1 : a.unit > b.unit ? 1 : 0));
  const out: RankedUnit[] = [];
  sorted.forEach((s, k) => {
    const prev = out[k - 1];
    out.push({ ...s, rank: prev && prev.total === s.total ? prev.rank : k + 1 });
  });
  return out;
}

export interface StrongWeak {
  strongest: IndicatorScore[];
  weakest: IndicatorScore[];
}

/**
 * The unit's `n` strongest and weakest indicators by share of their maximum; among equal shares the heavier
 * indicator (larger maximum) comes first, as it weighs more in the total, then the code.
 */
export function strongestWeakest(score: UnitScore, n = 3): StrongWeak {
  const byCode = (a: IndicatorScore, b: IndicatorScore) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
  const strongest = [...score.indicators].sort((a, b) => b.share - a.share || b.max - a.max || byCode(a, b)).slice(0, n);
  const weakest = [...score.indicators].sort((a, b) => a.share - b.share || b.max - a.max || byCode(a, b)).slice(0, n);
  return { strongest, weakest };
}
