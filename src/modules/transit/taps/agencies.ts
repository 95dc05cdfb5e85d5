// Which operators a staff agency clears for (issue 15; migrations/0053, transit_operator_agencies; the only code
// touching that table). The published sources do not say which agency clears for which operator [U], so the centre
// keeps it as data: a transit_operator sees the clearing of their agency's operators only; a transit_officer, all.
import type { Generated, Kysely } from 'kysely';
import type { Actor } from '../../../platform/auth/access.ts';
import { requireStaff } from '../../../platform/auth/access.ts';
import { recordAudit } from '../../../platform/audit/index.ts';
import { Role } from '../../../platform/auth/roles.ts';
import type { PlatformTables } from '../../../platform/db/index.ts';
import type { Platform } from '../../../platform/http/context.ts';
import { TapErrors } from './errors.ts';

interface OperatorAgenciesTable {
  agency_id: number;
  operator_code: string;
  created_at: Generated<Date>;
}
type AgenciesDb = Kysely<PlatformTables & { transit_operator_agencies: OperatorAgenciesTable }>;
const agenciesDb = (db: Kysely<PlatformTables>): AgenciesDb => db as unknown as AgenciesDb;

/** 'all' for the centre's officers; the agency's operators (sorted) for an operator's clearing staff. */
export async function operatorsClearedBy(platform: Platform, actor: Actor): Promise<'all' | string[]> {
  const user = requireStaff(actor, Role.transitOfficer, Role.transitOperator);
  if (user.roles.includes(Role.transitOfficer)) return 'all';
  if (user.agencyId === null) return [];
  const rows = await agenciesDb(platform.database.db).selectFrom('transit_operator_agencies').select('operator_code').where('agency_id', '=', user.agencyId).orderBy('operator_code').execute();
  return rows.map((r) => r.operator_code);
}

/** Refuses (404, as if it did not exist) an operator outside the actor's agency's. */
export async function requireClearsFor(platform: Platform, actor: Actor, operatorCode: string): Promise<void> {
  const allowed = await operatorsClearedBy(platform, actor);
  if (allowed !== 'all' && !allowed.includes(operatorCode)) throw TapErrors.OPERATOR_NOT_YOURS({ details: { operatorCode } });
}

/** Ties an agency to an operator it clears for (the centre's officer; the demo seed as the system). Idempotent. */
export async function mapAgencyToOperator(platform: Platform, actor: Actor, agencyId: number, operatorCode: string): Promise<void> {
  const user = requireStaff(actor, Role.transitOfficer);
  await platform.database.db.transaction().execute(async (trx) => {
    const r = await agenciesDb(trx).insertInto('transit_operator_agencies').values({ agency_id: agencyId, operator_code: operatorCode }).onConflict((oc) => oc.columns(['agency_id', 'operator_code']).doNothing()).returning('agency_id').executeTakeFirst();
    if (r) await recordAudit(trx, { actor: user, action: 'transit.clearing.map_agency', entity: 'agency', entityId: agencyId, agencyId, data: { operatorCode } });
  });
}
