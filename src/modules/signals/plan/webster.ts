// Webster's method (TRANSPORT.md §3): the optimum cycle C₀ = (1.5·L + 5) / (1 − Y), where L is the lost time per cycle
// and Y = Σ yᵢ the sum of the critical lane groups' flow ratios yᵢ = qᵢ/sᵢ; each phase's effective green is
// gᵢ = (yᵢ/Y)(C₀ − L). Y at or above about 0.9 means the intersection is oversaturated; at 1 no cycle serves it.
import type { Text } from '../../../platform/web/i18n.ts';
import { leastSplit, type Phase } from './types.ts';

export interface CriticalGroup {
  phase: number;
  /** Flow q, pcu/h, and saturation flow s, pcu/h of green; or the ratio y = q/s itself. */
  flow?: number;
  saturation?: number;
  y?: number;
}

export interface WebsterResult {
  /** Each phase's flow ratio y = q/s, in the order given. */
  ratios: { phase: number; y: number }[];
  Y: number;
  lostTime: number;
  /** C₀ as the formula gives it, seconds. */
  cycle: number;
  /** gᵢ = (yᵢ/Y)(C₀ − L), seconds. */
  effectiveGreens: { phase: number; green: number }[];
  oversaturated: boolean;
}

export type WebsterError = { code: 'NO_GROUPS' | 'BAD_FLOW' | 'BAD_LOST_TIME' | 'SATURATED'; message: Text };

/** The threshold above which the method's cycle grows without bound and the plan needs more capacity, not time. */
export const OVERSATURATED_Y = 0.9;

export function ratioOf(g: CriticalGroup): number | undefined {
  if (g.y !== undefined) return Number.isFinite(g.y) && g.y > 0 ? g.y : undefined;
  if (g.flow === undefined || g.saturation === undefined) return undefined;
  if (!Number.isFinite(g.flow) || !Number.isFinite(g.saturation) || g.flow <= 0 || g.saturation <= 0) return undefined;
  return g.flow / g.saturation;
}

export function webster(lostTime: number, groups: readonly CriticalGroup[]): WebsterResult | WebsterError {
  if (groups.length === 0) return { code: 'NO_GROUPS', message: { vi: 'Cần ít nhất một luồng xe quyết định.', en: 'At least one critical lane group is needed.' } };
  if (!Number.isFinite(lostTime) || lostTime < 0 || lostTime > 120) return { code: 'BAD_LOST_TIME', message: { vi: 'Thời gian tổn thất phải từ 0 đến 120 giây.', en: 'The lost time must be 0 to 120 seconds.' } };
  const ratios: { phase: number; y: number }[] = [];
  for (const g of groups) {
    const y = ratioOf(g);
    if (y === undefined) return { code: 'BAD_FLOW', message: { vi: `Pha ${g.phase}: lưu lượng và lưu lượng bão hòa phải là số dương.`, en: `Phase ${g.phase}: the flow and the saturation flow must be positive numbers.` } };
    ratios.push({ phase: g.phase, y });
  }
  const Y = ratios.reduce((s, r) => s + r.y, 0);
  if (Y >= 1) return { code: 'SATURATED', message: { vi: `Tổng hệ số lưu lượng Y = ${Y.toFixed(2)} ≥ 1: nút quá tải, không chu kỳ nào đáp ứng được.`, en: `The flow ratios sum to Y = ${Y.toFixed(2)} ≥ 1: the intersection is over capacity and no cycle serves it.` } };
  const cycle = (1.5 * lostTime + 5) / (1 - Y);
  return {
    ratios,
    Y,
    lostTime,
    cycle,
    effectiveGreens: ratios.map((r) => ({ phase: r.phase, green: (r.y / Y) * (cycle - lostTime) })),
    oversaturated: Y >= OVERSATURATED_Y,
  };
}

export function isWebsterError(r: WebsterResult | WebsterError): r is WebsterError {
  return 'code' in r;
}

/**
 * Whole-second splits from Webster's greens for a one-ring plan whose lost time is the phases' clearances: each split is
 * the phase's green plus its yellow and red clearance, rounded so that they add up exactly to the rounded cycle
 * (largest remainders), the cycle kept within [minCycle, maxCycle]. A split below the phase's minimum green plus
 * clearances is raised to it, the seconds taken from the phases with the most room; if there is not room enough the
 * cycle grows.
 */
export function splitsFromWebster(phases: readonly Phase[], result: WebsterResult, limits: { minCycle: number; maxCycle: number }): { cycle: number; splits: { phase: number; time: number }[] } {
  const byPhase = new Map(phases.map((p) => [p.phase, p]));
  const clearance = (n: number): number => (byPhase.get(n)?.yellowChange ?? 0) + (byPhase.get(n)?.redClear ?? 0);
  const least = (n: number): number => { const p = byPhase.get(n); return p ? leastSplit(p) : 0; };
  const leastTotal = result.ratios.reduce((s, r) => s + least(r.phase), 0);
  let cycle = Math.min(limits.maxCycle, Math.max(limits.minCycle, Math.ceil(result.cycle), leastTotal));
  // Share the green time (the cycle less every clearance) in proportion to y, as Webster does.
  const greenTime = cycle - result.ratios.reduce((s, r) => s + clearance(r.phase), 0);
  const exact = result.ratios.map((r) => ({ phase: r.phase, time: (r.y / result.Y) * greenTime + clearance(r.phase) }));
  const splits = exact.map((e) => ({ phase: e.phase, time: Math.floor(e.time) }));
  let left = cycle - splits.reduce((s, x) => s + x.time, 0);
  const order = exact.map((e, i) => ({ i, frac: e.time - Math.floor(e.time) })).sort((a, b) => b.frac - a.frac || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    splits[i]!.time++;
    left--;
  }
  // Minimum greens and clearances are never cut: raise, and take from the phases with the most room.
  for (const s of splits) {
    let short = least(s.phase) - s.time;
    while (short > 0) {
      const donor = splits.filter((d) => d !== s && d.time > least(d.phase)).sort((a, b) => b.time - least(b.phase) - (a.time - least(a.phase)))[0];
      if (!donor) {
        cycle += short;
        s.time += short;
        break;
      }
      donor.time--;
      s.time++;
      short--;
    }
  }
  return { cycle, splits };
}
