// Coverage per unit and year: the unit's trainees who, in the year, completed a class (ending that year) or passed a
// module (both parts ≥ 5, exam dated that year), against the unit's staff. The staff figure is the number of officials
// the unit lists in the staff directory (directory module): it counts every official, where staff accounts count only
// those who use the platform. A unit whose directory is empty has an unknown staff figure (null), not 0.
import { sql } from 'kysely';
import type { Actor } from '../../platform/auth/access.ts';
import type { Platform } from '../../platform/http/context.ts';
import { directoryCounts } from '../directory/index.ts';
import { listAgencies } from '../units/index.ts';
import { requireManager } from './access.ts';
import { PASS_MARK } from './modules.ts';
import { asPlatformDb, type TrainingDb, trainingDb } from './repo.ts';

async function trainedCounts(db: TrainingDb, year: number, agencyId?: number): Promise<Map<number, number>> {
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  let completed = db
    .selectFrom('training_enrolments as e')
    .innerJoin('training_classes as c', 'c.id', 'e.class_id')
    .innerJoin('training_trainees as t', 't.id', 'e.trainee_id')
    .select(['t.id', 't.agency_id'])
    .where('e.completed', '=', true)
    .where('c.ends_on', '>=', from)
    .where('c.ends_on', '<=', to);
  let passed = db
    .selectFrom('training_results as r')
    .innerJoin('training_trainees as t', 't.id', 'r.trainee_id')
    .select(['t.id', 't.agency_id'])
    .where('r.theory', '>=', PASS_MARK)
    .where('r.practical', '>=', PASS_MARK)
    .where('r.exam_date', '>=', from)
    .where('r.exam_date', '<=', to);
  if (agencyId !== undefined) {
    completed = completed.where('t.agency_id', '=', agencyId);
    passed = passed.where('t.agency_id', '=', agencyId);
  }
  const rows = await db
    .selectFrom(completed.union(passed).as('u'))
    .select(['u.agency_id', sql<string>`count(distinct u.id)`.as('n')])
    .groupBy('u.agency_id')
    .execute();
  return new Map(rows.map((r) => [Number(r.agency_id), Number(r.n)]));
}

/** For the readiness module's human-resources figure (platform source): trained officials of a unit in a year. */
export async function trainedInYear(platform: Platform, o: { agencyId: number; year: number }): Promise<{ trained: number; staff: number | null }> {
  const db = trainingDb(platform.database.db);
  const trained = (await trainedCounts(db, o.year, o.agencyId)).get(o.agencyId) ?? 0;
  const staff = (await directoryCounts(platform.database.db, [o.agencyId])).get(o.agencyId) ?? null;
  return { trained, staff };
}

export interface CoverageRow {
  agencyId: number;
  code: string;
  name: string;
  nameEn: string;
  trained: number;
  staff: number | null;
  /** trained ÷ staff, capped at 1; null when the staff figure is unknown. */
  share: number | null;
}

/** Every unit with trainees or a trained figure that year, the most trained first. */
export async function coverageTable(platform: Platform, actor: Actor, year: number): Promise<CoverageRow[]> {
  requireManager(actor);
  const db = trainingDb(platform.database.db);
  const trained = await trainedCounts(db, year);
  const ids = [...trained.keys()];
  const staff = await directoryCounts(asPlatformDb(db), ids);
  const agencies = new Map((await listAgencies(platform.database.db)).map((a) => [a.id, a]));
  const collator = new Intl.Collator('vi');
  return ids
    .map((id) => {
      const a = agencies.get(id);
      const s = staff.get(id) ?? null;
      const n = trained.get(id) ?? 0;
      return { agencyId: id, code: a?.code ?? '', name: a?.name ?? String(id), nameEn: a?.nameEn ?? String(id), trained: n, staff: s, share: s ? Math.min(1, n / s) : null };
    })
    .sort((x, y) => y.trained - x.trained || collator.compare(x.name, y.name));
}
