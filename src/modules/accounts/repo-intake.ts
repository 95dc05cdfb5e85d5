// The agencies an account with the role "intake" (tiếp nhận thay) submits dossiers for, besides its own (migrations/0020).
import type { Kysely } from 'kysely';
import type { PlatformTables } from '../../platform/db/index.ts';

interface IntakeAgenciesTable {
  account_id: number;
  agency_id: number;
}

type IntakeDb = Kysely<PlatformTables & { intake_agencies: IntakeAgenciesTable }>;
const intakeDb = (db: Kysely<PlatformTables>): IntakeDb => db.withTables<{ intake_agencies: IntakeAgenciesTable }>();

export const intakeRepo = {
  async agencyIds(db: Kysely<PlatformTables>, accountId: number): Promise<number[]> {
    const rows = await intakeDb(db).selectFrom('intake_agencies').select('agency_id').where('account_id', '=', accountId).execute();
    return rows.map((r) => Number(r.agency_id));
  },

  /** Replaces the list (inside the caller's transaction, with its audit row). */
  async replace(db: Kysely<PlatformTables>, accountId: number, agencyIds: readonly number[]): Promise<void> {
    const idb = intakeDb(db);
    await idb.deleteFrom('intake_agencies').where('account_id', '=', accountId).execute();
    if (agencyIds.length > 0) await idb.insertInto('intake_agencies').values(agencyIds.map((agency_id) => ({ account_id: accountId, agency_id }))).execute();
  },
};
