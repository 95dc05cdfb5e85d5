// What the results pages show (issue 14): the cycles a user may see, a cycle's ranking, a unit's scorecard with its
// strongest and weakest indicators and its trend, the city's DTI and the year's plan against what was achieved.
// Access first in every function: only the readiness roles; before publication results() hides the others' scores
// and ranks from a unit, and a unit not visible to the user is "not found" (404).
import { readdirSync, readFileSync } from 'node:fs';
import type { Actor } from '../../platform/auth/access.ts';
import type { Platform } from '../../platform/http/context.ts';
import type { Text } from '../../platform/web/i18n.ts';
import { cycleOf, requireReadinessStaff, seesAll } from './access.ts';
import { setOf } from './form.ts';
import { peerYears, type HistoryRow, unitHistory, type YearSummary } from './repo-history.ts';
import { pagesRepo } from './repo-pages.ts';
import { strongestWeakest, type StrongWeak } from './ranking.ts';
import { type CycleRow, readinessDb } from './repo.ts';
import { ResultErrors } from './results-messages.ts';
import { type ResultRow, type Results, results } from './results.ts';
import type { LoadedSet, PeerGroup } from './sets.ts';

const DATA_DIR = new URL('../../../data/readiness/', import.meta.url);

export interface CycleResults extends Results {
  loaded: LoadedSet;
  /** Whether the ranks are shown (published, or the office and the council). */
  ranked: boolean;
}

// Published results are frozen (every change is refused after publication): the latest few are kept in memory for
// ten minutes, keyed by the cycle and its publication time, so that the pages do not read and parse every unit's
// scorecard again on each request. Access is still checked first, and the cycle read, on every call.
const PUBLISHED_CACHE = new WeakMap<Platform, Map<string, { at: number; res: Results }>>();
const CACHE_MS = 10 * 60_000;
const CACHE_SIZE = 8;

/** A cycle's results as the user may see them (results.ts), with its set. */
export async function cycleResults(platform: Platform, actor: Actor, cycleId: number): Promise<CycleResults> {
  const user = requireReadinessStaff(actor);
  const cycle = await cycleOf(readinessDb(platform.database.db), cycleId);
  const key = cycle.published_at ? `${cycle.id}:${cycle.published_at.getTime()}` : '';
  let cache = PUBLISHED_CACHE.get(platform);
  if (!cache) PUBLISHED_CACHE.set(platform, (cache = new Map()));
  const hit = key ? cache.get(key) : undefined;
  let res: Results;
  if (hit && Date.now() - hit.at < CACHE_MS) res = hit.res;
  else {
    res = await results(platform, user, cycleId);
    if (key && res.published) {
      cache.delete(key);
      cache.set(key, { at: Date.now(), res });
      while (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!);
    }
  }
  return { ...res, loaded: await setOf(readinessDb(platform.database.db), res.cycle), ranked: res.published || seesAll(user) };
}

export interface Scorecard {
  res: CycleResults;
  row: ResultRow;
  strongWeak: StrongWeak;
  history: HistoryRow[];
}

/** A unit's scorecard in a cycle; a unit the user may not see, or without a scored form, is UNIT_NOT_FOUND. */
export async function scorecard(platform: Platform, actor: Actor, cycleId: number, agencyId: number): Promise<Scorecard> {
  const res = await cycleResults(platform, actor, cycleId);
  const row = res.rows.find((x) => x.agencyId === agencyId);
  if (!row) throw ResultErrors.UNIT_NOT_FOUND();
  const history = await unitHistory(readinessDb(platform.database.db), agencyId, res.cycle.peer_group);
  return { res, row, strongWeak: strongestWeakest(row.score), history };
}

export interface Overview {
  cycles: CycleRow[];
  trends: { peerGroup: PeerGroup; years: YearSummary[] }[];
  planYears: number[];
}

/** The cycles the user may see (published ones; the office and the council every one; a unit also its open ones). */
export async function overview(platform: Platform, actor: Actor): Promise<Overview> {
  requireReadinessStaff(actor);
  const db = readinessDb(platform.database.db);
  const cycles = await pagesRepo.cyclesByYear(db);
  const trends = [];
  for (const peerGroup of ['department', 'commune'] as const) trends.push({ peerGroup, years: await peerYears(db, peerGroup) });
  return { cycles, trends, planYears: [...PLAN_YEARS] };
}

// --- The national DTI (data/readiness/dti.json) ---

export interface DtiYear {
  year: number;
  provinces: number;
  rank: number;
  score: number;
  verified: boolean;
  pillarsVerified?: boolean;
  pillars: Record<string, number>;
}
export interface Dti {
  source: Text;
  note: Text;
  pillars: { code: string; name: Text }[];
  years: DtiYear[];
}

let dti: Dti | undefined;

export function dtiView(actor: Actor): Dti {
  requireReadinessStaff(actor);
  dti ??= JSON.parse(readFileSync(new URL('dti.json', DATA_DIR), 'utf8')) as Dti;
  return dti;
}

// --- The year's plan (data/readiness/plan-YYYY.json) against the published forms ---

type Measure = { kind: 'ratio'; numerator: string; denominator: string } | { kind: 'weightedShare'; share: string; weight: string };
export interface PlanTarget {
  code: string;
  name: Text;
  basis: string;
  target: number;
  plausible: boolean;
  peerGroups: PeerGroup[];
  measure: Measure;
}
export interface Plan {
  year: number;
  title: Text;
  note: Text;
  targets: PlanTarget[];
}
export interface TargetProgress {
  target: PlanTarget;
  numerator: number;
  denominator: number;
  units: number;
  /** numerator ÷ denominator, null without data. */
  achieved: number | null;
  met: boolean | null;
}

// The years with a plan file (data/readiness/plan-YYYY.json), listed once at start: the files ship with the app.
const PLAN_YEARS: readonly number[] = readdirSync(DATA_DIR)
  .map((name) => /^plan-(\d{4})\.json$/.exec(name)?.[1])
  .filter((y): y is string => y !== undefined)
  .map(Number)
  .sort((a, b) => a - b);

const plans = new Map<number, Plan>();

function planOf(year: number): Plan {
  if (!Number.isSafeInteger(year) || !PLAN_YEARS.includes(year)) throw ResultErrors.PLAN_NOT_FOUND();
  let p = plans.get(year);
  if (!p) plans.set(year, (p = JSON.parse(readFileSync(new URL(`plan-${year}.json`, DATA_DIR), 'utf8')) as Plan));
  return p;
}

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : null);

/** One target over the forms: the sum of the numerators over the sum of the denominators (units with both values). */
export function progressOf(target: PlanTarget, forms: readonly { peerGroup: PeerGroup; values: Record<string, unknown> }[]): TargetProgress {
  let n = 0;
  let d = 0;
  let units = 0;
  for (const f of forms) {
    if (!target.peerGroups.includes(f.peerGroup)) continue;
    const m = target.measure;
    const a = num(f.values[m.kind === 'ratio' ? m.numerator : m.share]);
    const b = num(f.values[m.kind === 'ratio' ? m.denominator : m.weight]);
    if (a === null || b === null) continue;
    // A share is entered as a percentage (DG1 = 72.5): its numerator is that share of the weight.
    n += m.kind === 'ratio' ? a : (Math.min(a, 100) / 100) * b;
    d += b;
    units++;
  }
  const achieved = d > 0 ? n / d : null;
  return { target, numerator: Math.round(n * 100) / 100, denominator: d, units, achieved, met: achieved === null ? null : achieved >= target.target - 1e-9 };
}

export interface PlanProgress {
  plan: Plan;
  cycles: CycleRow[];
  targets: TargetProgress[];
}

/** The plan's targets against the year's published forms. */
export async function planProgress(platform: Platform, actor: Actor, year: number): Promise<PlanProgress> {
  requireReadinessStaff(actor);
  const plan = planOf(year);
  const db = readinessDb(platform.database.db);
  const { cycles, forms } = await pagesRepo.publishedOfYear(db, year);
  const group = new Map(cycles.map((c) => [c.id, c.peer_group]));
  const input = forms.map((f) => ({ peerGroup: group.get(f.cycle_id)!, values: f.form_values as Record<string, unknown> }));
  return { plan, cycles, targets: plan.targets.map((t) => progressOf(t, input)) };
}
