// The consistency check every plan passes before it is sent to a controller (TRANSPORT.md §3, NTCIP 1202's download
// order phase → split → pattern then a check): each ring's splits add up to the cycle, no split cuts its phase's
// minimum green or its clearances, the offset lies within the cycle, one phase is coordinated, and every phase named
// is in the phase table. All problems are reported at once, each with the phase it concerns, in Vietnamese and English.
import type { Text } from '../../../platform/web/i18n.ts';
import { leastSplit, type TimingPlan } from './types.ts';

export interface PlanProblem {
  code: 'CYCLE' | 'OFFSET' | 'PHASE_UNKNOWN' | 'PHASE_TIMES' | 'SPLIT_MISSING' | 'SPLIT_SHORT' | 'RING_SUM' | 'COORD' | 'PATTERN' | 'RING_EMPTY' | 'PHASE_TWICE';
  phase?: number;
  message: Text;
}

/** Cycle bounds the centre accepts; NTCIP allows 0–255 s, and no Hà Nội plan runs outside 30–240 s. [U] */
export const CYCLE_LIMITS = { min: 30, max: 240 } as const;
/** Yellow change 3–6 s, red clearance 0–6 s (QCVN 41:2024 sets 3 s of yellow at least). [U] */
export const CLEARANCE_LIMITS = { yellowMin: 3, yellowMax: 6, redClearMax: 6 } as const;

const whole = (n: number, lo: number, hi: number): boolean => Number.isInteger(n) && n >= lo && n <= hi;

export function checkPlan(plan: TimingPlan): PlanProblem[] {
  const out: PlanProblem[] = [];
  const { pattern } = plan;
  const phases = new Map(plan.phases.map((p) => [p.phase, p]));
  if (!whole(pattern.pattern, 1, 253)) out.push({ code: 'PATTERN', message: { vi: 'Số kịch bản phải từ 1 đến 253 (254 là tự do, 255 là nhấp nháy).', en: 'The pattern number must be 1 to 253 (254 is free, 255 flash).' } });
  if (!whole(pattern.cycle, CYCLE_LIMITS.min, CYCLE_LIMITS.max)) {
    out.push({ code: 'CYCLE', message: { vi: `Chu kỳ phải là số giây nguyên từ ${CYCLE_LIMITS.min} đến ${CYCLE_LIMITS.max}.`, en: `The cycle must be whole seconds from ${CYCLE_LIMITS.min} to ${CYCLE_LIMITS.max}.` } });
  }
  if (!Number.isInteger(pattern.offset) || pattern.offset < 0 || pattern.offset >= pattern.cycle) {
    out.push({ code: 'OFFSET', message: { vi: `Độ lệch phải từ 0 đến ${pattern.cycle - 1} giây (nhỏ hơn chu kỳ).`, en: `The offset must be 0 to ${pattern.cycle - 1} seconds (less than the cycle).` } });
  }
  for (const p of plan.phases) {
    const ok = whole(p.minimumGreen, 1, 255) && p.passage >= 0 && p.passage <= 25.5 && whole(p.maximum1, p.minimumGreen, 255)
      && p.yellowChange >= CLEARANCE_LIMITS.yellowMin && p.yellowChange <= CLEARANCE_LIMITS.yellowMax && p.redClear >= 0 && p.redClear <= CLEARANCE_LIMITS.redClearMax;
    if (!ok) {
      out.push({ code: 'PHASE_TIMES', phase: p.phase, message: {
        vi: `Pha ${p.phase}: xanh tối thiểu 1–255 s, xanh tối đa không nhỏ hơn xanh tối thiểu, vàng ${CLEARANCE_LIMITS.yellowMin}–${CLEARANCE_LIMITS.yellowMax} s, đỏ giải tỏa 0–${CLEARANCE_LIMITS.redClearMax} s.`,
        en: `Phase ${p.phase}: minimum green 1–255 s, maximum green no less than the minimum, yellow ${CLEARANCE_LIMITS.yellowMin}–${CLEARANCE_LIMITS.yellowMax} s, red clearance 0–${CLEARANCE_LIMITS.redClearMax} s.`,
      } });
    }
  }
  const splits = new Map(pattern.splits.map((s) => [s.phase, s]));
  const seen = new Set<number>();
  pattern.rings.forEach((ring, r) => {
    const ringNo = r + 1;
    if (ring.length === 0) out.push({ code: 'RING_EMPTY', message: { vi: `Vòng ${ringNo} không có pha nào.`, en: `Ring ${ringNo} has no phase.` } });
    let sum = 0;
    for (const n of ring) {
      if (seen.has(n)) out.push({ code: 'PHASE_TWICE', phase: n, message: { vi: `Pha ${n} có mặt hai lần trong trình tự.`, en: `Phase ${n} is in the sequence twice.` } });
      seen.add(n);
      const phase = phases.get(n);
      const split = splits.get(n);
      if (!phase) {
        out.push({ code: 'PHASE_UNKNOWN', phase: n, message: { vi: `Pha ${n} không có trong bảng pha.`, en: `Phase ${n} is not in the phase table.` } });
        continue;
      }
      if (!split) {
        out.push({ code: 'SPLIT_MISSING', phase: n, message: { vi: `Pha ${n} chưa có thời gian trong bảng phân chia.`, en: `Phase ${n} has no time in the split table.` } });
        continue;
      }
      if (split.mode === 'omitted') continue;
      sum += split.time;
      const least = leastSplit(phase);
      if (!Number.isInteger(split.time) || split.time < least) {
        out.push({ code: 'SPLIT_SHORT', phase: n, message: {
          vi: `Pha ${n}: ${split.time} s nhỏ hơn xanh tối thiểu ${phase.minimumGreen} s + vàng ${phase.yellowChange} s + đỏ giải tỏa ${phase.redClear} s = ${least} s.`,
          en: `Phase ${n}: ${split.time} s is less than its minimum green ${phase.minimumGreen} s + yellow ${phase.yellowChange} s + red clearance ${phase.redClear} s = ${least} s.`,
        } });
      }
    }
    if (ring.length > 0 && sum !== pattern.cycle) {
      out.push({ code: 'RING_SUM', message: { vi: `Vòng ${ringNo}: tổng thời gian các pha ${sum} s khác chu kỳ ${pattern.cycle} s.`, en: `Ring ${ringNo}: the splits add up to ${sum} s, not the cycle's ${pattern.cycle} s.` } });
    }
  });
  const coordinated = pattern.splits.filter((s) => s.coordPhase && s.mode !== 'omitted');
  if (coordinated.length !== 1) out.push({ code: 'COORD', message: { vi: 'Cần đúng một pha phối hợp (pha mà độ lệch tính theo).', en: 'Exactly one phase must be coordinated (the phase the offset refers to).' } });
  return out;
}
