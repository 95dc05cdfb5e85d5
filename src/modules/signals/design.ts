// Designing plans (issue 16, TRANSPORT.md §3): Webster's method on the counts the engineer types for one intersection,
// and a corridor's green wave at a common cycle and a progression speed. Both answer the plan(s) they would save with
// the checks' problems, so the page shows them back before anything is kept; saving writes new plan versions (the
// plan must pass checkPlan, or nothing is changed) with an audit row each, in one transaction.
import type { Actor } from '../../platform/auth/access.ts';
import { recordAudits } from '../../platform/audit/index.ts';
import type { Platform } from '../../platform/http/context.ts';
import type { FieldError } from '../../platform/http/errors.ts';
import type { Text } from '../../platform/web/i18n.ts';
import { requireSignalEngineer } from './access.ts';
import { SignalErrors } from './errors.ts';
import { bandwidth, type CorridorStop, greenWave, type Offset } from './plan/coordination.ts';
import { CYCLE_LIMITS, checkPlan, type PlanProblem } from './plan/check.ts';
import { leastSplit, type TimingPlan } from './plan/types.ts';
import { isWebsterError, splitsFromWebster, webster, type WebsterResult } from './plan/webster.ts';
import { corridorView, type CorridorMember, intersectionView, type IntersectionView } from './registry.ts';
import { asPlatformDb, type PlanSource, signalsDb, signalsRepo } from './repo.ts';

const str = (v: unknown): string => (typeof v === 'string' ? v.trim().slice(0, 40) : '');
/** A number as typed (a decimal comma accepted); NaN when it is not one. */
const numberOf = (s: string): number => (/^\d{1,6}([.,]\d{1,3})?$/.test(s) ? Number(s.replace(',', '.')) : NaN);

/** The plan with new whole-second splits and cycle; the offset kept within the cycle, the coordinated phase kept. */
export function withSplits(plan: TimingPlan, cycle: number, splits: readonly { phase: number; time: number }[], offset = plan.pattern.offset % cycle): TimingPlan {
  const times = new Map(splits.map((s) => [s.phase, s.time]));
  return { phases: plan.phases, pattern: { ...plan.pattern, cycle, offset, splits: plan.pattern.splits.map((s) => ({ ...s, time: times.get(s.phase) ?? s.time })) } };
}

export interface WebsterForm {
  lostTime: string;
  flows: Record<number, string>;
  saturations: Record<number, string>;
}

export interface WebsterOutcome {
  typed: WebsterForm;
  errors: FieldError[];
  result?: WebsterResult;
  plan?: TimingPlan;
  problems: PlanProblem[];
}

/** The form's defaults: lost time = the phases' clearances, saturation flow 1800 pcu/h of green. */
export function websterDefaults(v: IntersectionView): WebsterForm {
  const phases = v.plan.plan.phases;
  return { lostTime: String(phases.reduce((s, p) => s + p.yellowChange + p.redClear, 0)), flows: Object.fromEntries(phases.map((p) => [p.phase, ''])), saturations: Object.fromEntries(phases.map((p) => [p.phase, '1800'])) };
}

/** Webster's cycle and greens on the typed counts, and the plan they give; errors beside the fields. */
export function runWebster(v: IntersectionView, raw: Record<string, unknown>): WebsterOutcome {
  const phases = v.plan.plan.phases;
  const typed: WebsterForm = { lostTime: str(raw.lostTime), flows: {}, saturations: {} };
  const errors: FieldError[] = [];
  const flow = (n: number, what: Text): Text => ({ vi: `Pha ${n}: ${what.vi}`, en: `Phase ${n}: ${what.en}` });
  const groups = phases.map((p) => {
    const q = str(raw[`flow${p.phase}`]);
    const s = str(raw[`sat${p.phase}`]);
    typed.flows[p.phase] = q;
    typed.saturations[p.phase] = s;
    const qn = numberOf(q);
    const sn = numberOf(s);
    if (!(qn > 0 && qn <= 10_000)) errors.push({ field: `flow${p.phase}`, message: flow(p.phase, { vi: 'lưu lượng là số dương đến 10 000 xcqđ/h.', en: 'the flow is a positive number up to 10,000 pcu/h.' }) });
    if (!(sn >= 100 && sn <= 10_000)) errors.push({ field: `sat${p.phase}`, message: flow(p.phase, { vi: 'lưu lượng bão hòa từ 100 đến 10 000 xcqđ/h xanh.', en: 'the saturation flow is 100 to 10,000 pcu/h of green.' }) });
    return { phase: p.phase, flow: qn, saturation: sn };
  });
  const lost = numberOf(typed.lostTime);
  if (!(lost >= 0 && lost <= 120)) errors.push({ field: 'lostTime', message: { vi: 'Thời gian tổn thất từ 0 đến 120 giây.', en: 'The lost time is 0 to 120 seconds.' } });
  if (errors.length > 0) return { typed, errors, problems: [] };
  const result = webster(lost, groups);
  if (isWebsterError(result)) {
    // Y ≥ 1: no cycle serves the counts (Webster); named beside the first flow and in the summary.
    return { typed, errors: [{ field: `flow${phases[0]?.phase ?? 0}`, message: result.message }], problems: [] };
  }
  const s = splitsFromWebster(phases, result, { minCycle: CYCLE_LIMITS.min, maxCycle: CYCLE_LIMITS.max });
  const plan = withSplits(v.plan.plan, s.cycle, s.splits);
  return { typed, errors: [], result, plan, problems: checkPlan(plan) };
}

async function savePlans(platform: Platform, actor: Actor, items: readonly { id: string; plan: TimingPlan }[], source: PlanSource, extra: Record<string, unknown>, corridor?: { id: number; speedKmh: number; cycle: number }): Promise<{ id: string; version: number }[]> {
  const user = requireSignalEngineer(actor);
  for (const i of items) {
    const problems = checkPlan(i.plan);
    if (problems.length > 0) throw SignalErrors.BAD_PLAN({ details: { intersection: i.id, problems } });
  }
  return signalsDb(platform.database.db).transaction().execute(async (trx) => {
    const out: { id: string; version: number }[] = [];
    for (const i of items) out.push({ id: i.id, version: (await signalsRepo.addPlan(trx, { intersectionId: i.id, plan: i.plan, source, createdBy: user.id })).version });
    if (corridor) await signalsRepo.setCorridorDesign(trx, corridor.id, corridor.speedKmh, corridor.cycle);
    await recordAudits(asPlatformDb(trx), out.map((o, k) => ({ actor: user, action: 'signals.plan-saved', entity: 'signal_intersection', entityId: o.id, data: { version: o.version, source, cycle: items[k]!.plan.pattern.cycle, offset: items[k]!.plan.pattern.offset, ...extra } })));
    return out;
  });
}

/** Saves Webster's plan on the typed counts as the intersection's new version; refused (nothing changed) on errors. */
export async function saveWebster(platform: Platform, actor: Actor, rawId: unknown, raw: Record<string, unknown>): Promise<{ outcome: WebsterOutcome; version?: number }> {
  const v = await intersectionView(platform, actor, rawId);
  const outcome = runWebster(v, raw);
  if (outcome.errors.length > 0 || !outcome.plan || outcome.problems.length > 0) return { outcome };
  const [saved] = await savePlans(platform, actor, [{ id: v.intersection.id, plan: outcome.plan }], 'webster', { Y: Number(outcome.result?.Y.toFixed(3)), lostTime: outcome.result?.lostTime });
  return { outcome, version: saved?.version };
}

export interface CorridorDesign {
  typed: { speed: string; cycle: string };
  errors: FieldError[];
  rows: { member: CorridorMember; offset: Offset; plan: TimingPlan; problems: PlanProblem[] }[];
  stops: (CorridorStop & { name: string })[];
  band: number;
  speedKmh: number;
  cycle: number;
}

/** The green wave at the typed speed and cycle: each intersection's splits rescaled to the cycle and its offset. */
export async function designCorridor(platform: Platform, actor: Actor, rawId: unknown, raw: Record<string, unknown>): Promise<CorridorDesign & Awaited<ReturnType<typeof corridorView>>> {
  const view = await corridorView(platform, actor, rawId);
  const typed = { speed: raw.speed === undefined ? String(view.corridor.speed_kmh) : str(raw.speed), cycle: raw.cycle === undefined ? String(view.corridor.cycle) : str(raw.cycle) };
  const errors: FieldError[] = [];
  const speedKmh = /^\d{1,3}$/.test(typed.speed) ? Number(typed.speed) : NaN;
  const cycle = /^\d{1,3}$/.test(typed.cycle) ? Number(typed.cycle) : NaN;
  if (!(speedKmh >= 10 && speedKmh <= 90)) errors.push({ field: 'speed', message: { vi: 'Tốc độ thiết kế là số nguyên từ 10 đến 90 km/h.', en: 'The design speed is a whole number from 10 to 90 km/h.' } });
  if (!(cycle >= CYCLE_LIMITS.min && cycle <= CYCLE_LIMITS.max)) errors.push({ field: 'cycle', message: { vi: `Chu kỳ chung là số giây nguyên từ ${CYCLE_LIMITS.min} đến ${CYCLE_LIMITS.max}.`, en: `The common cycle is whole seconds from ${CYCLE_LIMITS.min} to ${CYCLE_LIMITS.max}.` } });
  const empty = { ...view, typed, errors, rows: [], stops: [], band: 0, speedKmh, cycle };
  if (errors.length > 0 || view.members.length === 0) return empty;
  // Each plan's greens shared out again at the common cycle, in proportion to what they have now (Webster's shares).
  const plans = view.members.map((m) => {
    const p = m.plan.plan;
    const ring = p.pattern.rings[0] ?? [];
    const phases = p.phases.filter((x) => ring.includes(x.phase));
    const share = phases.map((x) => ({ phase: x.phase, y: Math.max(1, (p.pattern.splits.find((s) => s.phase === x.phase)?.time ?? leastSplit(x)) - x.yellowChange - x.redClear) }));
    const total = share.reduce((s, x) => s + x.y, 0);
    const ratios = share.map((x) => ({ phase: x.phase, y: (x.y / total) * 0.5 }));
    const s = splitsFromWebster(phases, { ratios, Y: 0.5, lostTime: 0, cycle, effectiveGreens: [], oversaturated: false }, { minCycle: cycle, maxCycle: cycle });
    return withSplits(p, s.cycle, s.splits, 0);
  });
  const stops = view.members.map((m, k) => {
    const p = plans[k]!;
    const coord = p.pattern.splits.find((s) => s.coordPhase) ?? p.pattern.splits[0]!;
    const ph = p.phases.find((x) => x.phase === coord.phase)!;
    return { id: m.intersection.id, name: m.intersection.name, distance: m.intersection.along_m ?? 0, coordSplit: coord.time, clearance: ph.yellowChange + ph.redClear };
  });
  const offsets = greenWave(stops, cycle, speedKmh);
  const rows = view.members.map((member, k) => {
    const plan = { ...plans[k]!, pattern: { ...plans[k]!.pattern, offset: offsets[k]!.offset } };
    return { member, offset: offsets[k]!, plan, problems: checkPlan(plan) };
  });
  return { ...view, typed, errors, rows, stops, band: bandwidth(stops, offsets, cycle, speedKmh), speedKmh, cycle };
}

/** Saves the corridor's green wave as new plan versions of its intersections; nothing is saved if any plan fails. */
export async function saveCorridor(platform: Platform, actor: Actor, rawId: unknown, raw: Record<string, unknown>): Promise<{ design: Awaited<ReturnType<typeof designCorridor>>; saved: boolean }> {
  const design = await designCorridor(platform, actor, rawId, raw);
  if (design.errors.length > 0 || design.rows.length === 0 || design.rows.some((r) => r.problems.length > 0)) return { design, saved: false };
  await savePlans(platform, actor, design.rows.map((r) => ({ id: r.member.intersection.id, plan: r.plan })), 'corridor', { corridor: design.corridor.id, speedKmh: design.speedKmh }, { id: design.corridor.id, speedKmh: design.speedKmh, cycle: design.cycle });
  return { design, saved: true };
}

export { savePlans };
