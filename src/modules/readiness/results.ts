// Scores of a cycle: every submitted form of the peer group scored together (the best values for `relative`
// indicators taken over all of them, scorePeerGroup), the council's latest adjustment per indicator put in place of
// the computed points, groups and totals added up again and the units ranked (1, 1, 3). Before publication only the
// office and the council see every unit; a unit sees its own form's score alone, without a rank; after publication
// every staff member sees the stored results.
import { type Actor, requireStaff } from '../../platform/auth/access.ts';
import { Role } from '../../platform/auth/roles.ts';
import type { Platform } from '../../platform/http/context.ts';
import { listAgencies } from '../units/index.ts';
import { cycleOf, seesAll } from './access.ts';
import { AGENCY_KIND, setOf } from './form.ts';
import { rankScores, scorePeerGroup } from './ranking.ts';
import type { AdjustmentRow, CycleRow, FormRow, ReadinessDb } from './repo.ts';
import { readinessDb, readinessRepo } from './repo.ts';
import { type IndicatorScore, type Light, lightOf, round2, type UnitScore } from './scoring.ts';
import type { LoadedSet } from './sets.ts';

export interface AdjustedIndicator extends IndicatorScore {
  /** The council's adjustment in force: the computed points, the points given and why. */
  adjusted?: { before: number; computed: number; after: number; reason: string; at: Date };
}
export interface CycleScore extends Omit<UnitScore, 'indicators'> {
  indicators: AdjustedIndicator[];
  rank: number;
}

/** Scores every form given, the latest adjustment per form and indicator in force, ranked. Unit = the form's id. */
export function scoreForms(loaded: LoadedSet, forms: readonly FormRow[], adjustments: readonly AdjustmentRow[]): CycleScore[] {
  const ranked = scorePeerGroup(loaded, forms.map((f) => ({ unit: String(f.id), values: f.form_values, explanations: f.explanations })));
  const latest = new Map<string, AdjustmentRow>();
  for (const a of adjustments) latest.set(`${a.form_id}:${a.code}`, a);
  const lights = loaded.set.lights;
  const adjusted: UnitScore[] = ranked.map((u) => {
    const indicators: AdjustedIndicator[] = u.indicators.map((s) => {
      const a = latest.get(`${u.unit}:${s.code}`);
      if (!a) return s;
      const points = round2(a.points_after);
      return { ...s, points, share: points / s.max, light: lightOf(points / s.max, lights), adjusted: { before: a.points_before, computed: s.points, after: points, reason: a.reason, at: a.adjusted_at } };
    });
    const groups = loaded.set.groups.map((g) => {
      const points = round2(indicators.filter((s) => s.group === g.code).reduce((t, s) => t + s.points, 0));
      return { code: g.code, points, max: g.max, share: points / g.max, light: lightOf(points / g.max, lights) };
    });
    const total = round2(indicators.reduce((t, s) => t + s.points, 0));
    return { ...u, indicators, groups, total, share: total / u.max, light: lightOf(total / u.max, lights) };
  });
  return rankScores(adjusted) as CycleScore[];
}

/** The current scores of the cycle's submitted forms (before publication: what publishing would store). */
export async function provisionalScores(db: ReadinessDb, cycle: CycleRow): Promise<{ forms: FormRow[]; scores: CycleScore[] }> {
  const forms = await readinessRepo.submittedForms(db, cycle.id);
  const scores = scoreForms(await setOf(db, cycle), forms, await readinessRepo.adjustmentsOfCycle(db, cycle.id));
  return { forms, scores };
}

export interface ResultRow {
  formId: number;
  agencyId: number;
  agencyCode: string;
  agencyName: string;
  total: number;
  max: number;
  light: Light;
  /** Null for a unit looking at its own score before publication. */
  rank: number | null;
  score: CycleScore;
}

export interface Results {
  cycle: CycleRow;
  published: boolean;
  rows: ResultRow[];
}

/** The cycle's results as the user may see them (see the head of this file). */
export async function results(platform: Platform, actor: Actor, cycleId: number): Promise<Results> {
  const user = requireStaff(actor);
  const db = readinessDb(platform.database.db);
  const cycle = await cycleOf(db, cycleId);
  const agencies = new Map((await listAgencies(platform.database.db, { kind: AGENCY_KIND[cycle.peer_group], includeInactive: true })).map((a) => [a.id, a]));
  const row = (f: FormRow, s: CycleScore, rank: number | null): ResultRow => ({
    formId: f.id,
    agencyId: f.agency_id,
    agencyCode: agencies.get(f.agency_id)?.code ?? '',
    agencyName: agencies.get(f.agency_id)?.name ?? '',
    total: s.total,
    max: s.max,
    light: s.light,
    rank,
    score: s,
  });
  if (cycle.state === 'published') {
    const forms = (await readinessRepo.formsOfCycle(db, cycle.id)).filter((f) => f.state === 'published' && f.score);
    const rows = forms.map((f) => row(f, f.score as CycleScore, f.rank));
    return { cycle, published: true, rows: rows.sort((a, b) => (a.rank ?? 0) - (b.rank ?? 0) || a.agencyCode.localeCompare(b.agencyCode)) };
  }
  const { forms, scores } = await provisionalScores(db, cycle);
  const byId = new Map(forms.map((f) => [String(f.id), f]));
  if (seesAll(user)) return { cycle, published: false, rows: scores.map((s) => row(byId.get(s.unit)!, s, s.rank)) };
  // A unit's officer: its own form only, and no rank (which would tell of the others).
  if (!user.roles.includes(Role.readinessReporter)) return { cycle, published: false, rows: [] };
  const own = scores.filter((s) => byId.get(s.unit)!.agency_id === user.agencyId);
  return { cycle, published: false, rows: own.map((s) => row(byId.get(s.unit)!, s, null)) };
}
