// Scoring one unit's values against an indicator set (issue 14; INDICATORS.md §3): steps, ratio, relative to the
// best unit of the peer group, categorical, formula, boolean. A score never leaves [0, max] (clamped and flagged);
// a missing value scores 0 and is flagged 'missing', with the unit's explanation where it gave one. Validation rules
// between values (trained staff ≤ staff, …) are checked here too; ranking a peer group is in ranking.ts.
import type { Text } from '../../platform/web/i18n.ts';
import { evaluateFormula, type Expr } from './formula.ts';
import type { Indicator, IndicatorSet, LoadedSet, Operator, RuleKind } from './sets.ts';

export type Value = number | boolean | string | null | undefined;
/** A unit's values: figure and indicator codes → the value entered (or filled by the platform). */
export type UnitValues = Record<string, Value>;

export interface UnitInput {
  unit: string;
  values: UnitValues;
  /** Why a value is missing, by code (the cycle asks for evidence or an explanation, INDICATORS.md §3). */
  explanations?: Record<string, string>;
}

export type Flag = 'missing' | 'wrong-type' | 'clamped' | 'zero-denominator' | 'no-best' | 'unknown-category' | 'division-by-zero';
export type Light = 'green' | 'amber' | 'red';

export interface IndicatorScore {
  code: string;
  group: string;
  kind: RuleKind;
  /** The value scored: as entered, a/b for a ratio, the result for a formula; null where missing. */
  value: number | boolean | string | null;
  points: number;
  max: number;
  /** points ÷ max. */
  share: number;
  light: Light;
  flags: Flag[];
  /** For a missing formula or ratio: the codes it needed and did not have. */
  missing?: string[];
  explanation?: string;
}

export interface GroupScore {
  code: string;
  points: number;
  max: number;
  share: number;
  light: Light;
}

export interface UnitScore {
  unit: string;
  total: number;
  max: number;
  share: number;
  light: Light;
  groups: GroupScore[];
  indicators: IndicatorScore[];
}

/** The peer group's best value per `relative` indicator (INDICATORS.md §3: value ÷ best × max). */
export type PeerBest = Map<string, number>;

export const round2 = (x: number): number => Math.round(x * 100) / 100;

/** Traffic light of a share of the maximum, thresholds from the set (e.g. ≥ 0.8 green, ≥ 0.5 amber, else red). */
export function lightOf(share: number, lights: IndicatorSet['lights']): Light {
  if (share >= lights.green - 1e-9) return 'green';
  if (share >= lights.amber - 1e-9) return 'amber';
  return 'red';
}

/** A unit's value by code: own properties only (a code such as "constructor" must not reach the prototype). */
export const valueOf = (values: UnitValues, code: string): Value => (Object.hasOwn(values, code) ? values[code] : undefined);

const isMissing = (v: Value): v is null | undefined => v === null || v === undefined || (typeof v === 'number' && Number.isNaN(v));

/** A value as a number for formulas and numeric rules: numbers as they are, yes/no as 1/0. */
function numeric(v: Value): number | undefined {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  return undefined;
}

/** The best value of each `relative` indicator among the peers (every unit of the peer group that reported it). */
export function peerBest(loaded: LoadedSet, peers: UnitValues[]): PeerBest {
  const best: PeerBest = new Map();
  for (const i of loaded.set.indicators) {
    if (i.rule.kind !== 'relative') continue;
    let b = -Infinity;
    for (const p of peers) {
      const x = valueOf(p, i.code);
      if (typeof x === 'number' && Number.isFinite(x) && x > b) b = x;
    }
    best.set(i.code, b === -Infinity ? 0 : b);
  }
  return best;
}

interface Raw {
  value: IndicatorScore['value'];
  points: number;
  flags: Flag[];
  missing?: string[];
}

function scoreRule(i: Indicator, v: Value, best: PeerBest, lookup: (c: string) => number | undefined, exprs: Map<string, Expr>): Raw {
  const r = i.rule;
  if (r.kind === 'formula') {
    const e = evaluateFormula(exprs.get(i.code)!, lookup);
    if (e.ok) return { value: e.value, points: e.value, flags: [] };
    if (e.reason === 'missing') return { value: null, points: 0, flags: ['missing'], missing: e.missing };
    return { value: null, points: 0, flags: ['division-by-zero'] };
  }
  if (r.kind === 'ratio') {
    const a = evaluateFormula(exprs.get(`${i.code}/num`)!, lookup);
    const b = evaluateFormula(exprs.get(`${i.code}/den`)!, lookup);
    const missing = [...(a.ok || a.reason !== 'missing' ? [] : a.missing), ...(b.ok || b.reason !== 'missing' ? [] : b.missing)];
    if (missing.length > 0) return { value: null, points: 0, flags: ['missing'], missing };
    if (!a.ok || !b.ok) return { value: null, points: 0, flags: ['division-by-zero'] };
    // b = 0: nothing to measure against; the set says whether that is worth nothing or full points.
    if (b.value === 0) return { value: null, points: r.whenZero === 'full' ? i.max : 0, flags: ['zero-denominator'] };
    return { value: a.value / b.value, points: (a.value / b.value) * i.max, flags: [] };
  }
  if (isMissing(v)) return { value: null, points: 0, flags: ['missing'] };
  if (r.kind === 'categorical') {
    if (typeof v !== 'string') return { value: null, points: 0, flags: ['wrong-type'] };
    const c = r.categories.find((x) => x.value === v);
    if (!c) return { value: v, points: 0, flags: ['unknown-category'] };
    return { value: v, points: c.points ?? (c.share ?? 0) * i.max, flags: [] };
  }
  if (r.kind === 'boolean') {
    if (typeof v !== 'boolean') return { value: null, points: 0, flags: ['wrong-type'] };
    return { value: v, points: v ? i.max : 0, flags: [] };
  }
  if (typeof v !== 'number' || !Number.isFinite(v)) return { value: null, points: 0, flags: ['wrong-type'] };
  if (r.kind === 'steps') {
    // The first step whose threshold the value reaches (steps are listed by decreasing threshold); else 0.
    const step = r.steps.find((s) => v >= s.min);
    return { value: v, points: step ? step.points : 0, flags: [] };
  }
  const b = best.get(i.code) ?? 0;
  if (b <= 0) return { value: v, points: 0, flags: ['no-best'] };
  return { value: v, points: (v / b) * i.max, flags: [] };
}

/** Scores one unit; `best` comes from peerBest over its whole peer group (only `relative` indicators need it). */
export function scoreUnit(loaded: LoadedSet, input: UnitInput, best: PeerBest = new Map()): UnitScore {
  const { set, indicators, exprs } = loaded;
  const computed = new Map<string, number | undefined>();
  const lookup = (code: string): number | undefined => (computed.has(code) ? computed.get(code) : numeric(valueOf(input.values, code)));
  const byCode = new Map<string, IndicatorScore>();
  const finish = (i: Indicator, raw: Raw): IndicatorScore => {
    const flags = [...raw.flags];
    let points = raw.points;
    if (points > i.max || points < 0) {
      points = Math.min(i.max, Math.max(0, points));
      flags.push('clamped');
    }
    points = round2(points);
    const share = points / i.max;
    const s: IndicatorScore = { code: i.code, group: i.group, kind: i.rule.kind, value: raw.value, points, max: i.max, share, light: lightOf(share, set.lights), flags };
    if (raw.missing) s.missing = raw.missing;
    const why = input.explanations && Object.hasOwn(input.explanations, i.code) ? input.explanations[i.code] : undefined;
    if (flags.includes('missing') && why) s.explanation = why;
    return s;
  };
  // Computed indicators first, in dependency order, so that a formula reads the value of the one it refers to.
  for (const code of loaded.computeOrder) {
    const i = indicators.get(code)!;
    const raw = scoreRule(i, undefined, best, lookup, exprs);
    computed.set(code, typeof raw.value === 'number' ? raw.value : undefined);
    byCode.set(code, finish(i, raw));
  }
  const scores = set.indicators.map((i) => byCode.get(i.code) ?? finish(i, scoreRule(i, valueOf(input.values, i.code), best, lookup, exprs)));
  const groups = set.groups.map((g) => {
    const mine = scores.filter((s) => s.group === g.code);
    const points = round2(mine.reduce((t, s) => t + s.points, 0));
    return { code: g.code, points, max: g.max, share: points / g.max, light: lightOf(points / g.max, set.lights) };
  });
  const total = round2(scores.reduce((t, s) => t + s.points, 0));
  return { unit: input.unit, total, max: set.totalPoints, share: total / set.totalPoints, light: lightOf(total / set.totalPoints, set.lights), groups, indicators: scores };
}

export interface BrokenRule {
  code: string;
  left: number;
  op: Operator;
  right: number;
  message: Text;
}

const HOLDS: Record<Operator, (l: number, r: number) => boolean> = {
  '≤': (l, r) => l <= r + 1e-9,
  '<': (l, r) => l < r,
  '=': (l, r) => Math.abs(l - r) <= 1e-9,
  '≥': (l, r) => l >= r - 1e-9,
  '>': (l, r) => l > r,
};

/**
 * The validation rules a unit's values break (INDICATORS.md §3: trained staff ≤ staff, networked computers ≤
 * computers, ratios ≤ 100%), each with its message. A rule whose sides cannot be computed yet (a value missing,
 * a division by zero) is not judged: a form is validated as it is typed.
 */
export function validateValues(loaded: LoadedSet, values: UnitValues): BrokenRule[] {
  const lookup = (code: string) => numeric(valueOf(values, code));
  const broken: BrokenRule[] = [];
  for (const v of loaded.set.validations) {
    const l = evaluateFormula(loaded.exprs.get(`${v.code}/left`)!, lookup);
    const r = evaluateFormula(loaded.exprs.get(`${v.code}/right`)!, lookup);
    if (!l.ok || !r.ok) continue;
    if (!HOLDS[v.op](l.value, r.value)) broken.push({ code: v.code, left: l.value, op: v.op, right: r.value, message: v.message });
  }
  return broken;
}
