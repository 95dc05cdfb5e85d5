// Queries of the pages, the reminders and the demo over the cycle's tables (with repo.ts, the only code that touches
// them; kept apart so that repo.ts stays the services' own).
import type { Kysely } from 'kysely';
import type { PlatformTables } from '../../platform/db/index.ts';
import type { CycleRow, FormRow, ReadinessDb } from './repo.ts';

interface RemindersTable {
  cycle_id: number;
  agency_id: number;
  days_before: number;
  sent_at: Date;
}
type RemindersDb = Kysely<PlatformTables & { readiness_reminders: RemindersTable }>;
const reminders = (db: ReadinessDb): RemindersDb => db.withTables<{ readiness_reminders: RemindersTable }>() as unknown as RemindersDb;

export const pagesRepo = {
  cycles(db: ReadinessDb): Promise<CycleRow[]> {
    return db.selectFrom('readiness_cycles').selectAll().orderBy('year', 'desc').orderBy('id', 'desc').execute();
  },

  openCyclesDue(db: ReadinessDb, from: string, to: string): Promise<CycleRow[]> {
    return db.selectFrom('readiness_cycles').selectAll().where('state', '=', 'open').where('deadline', '>=', from).where('deadline', '<=', to).execute();
  },

  /** Every cycle, the latest year first (the results' overview). */
  cyclesByYear(db: ReadinessDb): Promise<CycleRow[]> {
    return db.selectFrom('readiness_cycles').selectAll().orderBy('year', 'desc').orderBy('peer_group').execute();
  },

  /** A year's published cycles and their published forms (the plan's progress). */
  async publishedOfYear(db: ReadinessDb, year: number): Promise<{ cycles: CycleRow[]; forms: FormRow[] }> {
    const cycles = await db.selectFrom('readiness_cycles').selectAll().where('year', '=', year).where('state', '=', 'published').execute();
    if (cycles.length === 0) return { cycles, forms: [] };
    const forms = await db
      .selectFrom('readiness_forms')
      .selectAll()
      .where('cycle_id', 'in', cycles.map((c) => c.id))
      .where('state', '=', 'published')
      .execute();
    return { cycles, forms };
  },

  formsOfAgency(db: ReadinessDb, agencyId: number): Promise<FormRow[]> {
    return db.selectFrom('readiness_forms').selectAll().where('agency_id', '=', agencyId).execute();
  },

  /** Reviewed or adjusted forms of cycles not published: what the council may adjust. */
  formsToAdjust(db: ReadinessDb): Promise<(FormRow & { year: number })[]> {
    return db
      .selectFrom('readiness_forms as f')
      .innerJoin('readiness_cycles as c', 'c.id', 'f.cycle_id')
      .selectAll('f')
      .select('c.year')
      .where('c.state', '!=', 'published')
      .where('f.state', 'in', ['reviewed', 'adjusted'])
      .orderBy('f.cycle_id')
      .orderBy('f.id')
      .execute();
  },

  /** Claims a reminder stage for a unit; false when it was sent already. */
  async claimReminder(db: ReadinessDb, row: { cycle_id: number; agency_id: number; days_before: number; sent_at: Date }): Promise<boolean> {
    const r = await reminders(db).insertInto('readiness_reminders').values(row).onConflict((c) => c.doNothing()).returning('agency_id').executeTakeFirst();
    return r !== undefined;
  },

  async remindersOf(db: ReadinessDb, cycleId: number, agencyId: number): Promise<number[]> {
    const rows = await reminders(db).selectFrom('readiness_reminders').select('days_before').where('cycle_id', '=', cycleId).where('agency_id', '=', agencyId).orderBy('days_before', 'desc').execute();
    return rows.map((r) => Number(r.days_before));
  },
};
