// Which agency appraises and decides a dossier (DOMAIN §4 "Transfer"): a ward or commune People's Committee, or a
// department that received the dossier itself, handles it; the city's Public Administration Service Centre receives for
// the city and transfers the dossier to the competent department, found by name in the procedure's implementing or
// competent agencies (e.g. "Sở Tư pháp"), else to the Office of the City People's Committee, which dispatches it.
import type { Kysely } from 'kysely';
import type { PlatformTables } from '../../../platform/db/index.ts';
import { searchKey } from '../../../platform/text/index.ts';
import { getProcedureVersion } from '../../procedures/index.ts';
import { findAgencyById, listAgencies } from '../../units/index.ts';

export const CITY_OFFICE_CODE = '000.00.01.H26';

export async function handlingAgencyFor(
  db: Kysely<PlatformTables>,
  d: { agencyId: number; procedureCode: string; procedureVersion: number },
): Promise<number> {
  const receiving = await findAgencyById(db, d.agencyId);
  if (!receiving || receiving.kind !== 'service_centre') return d.agencyId;
  const departments = await listAgencies(db, { kind: 'department' });
  let names: string[] = [];
  try {
    const p = await getProcedureVersion(db, d.procedureCode, d.procedureVersion);
    names = [...p.implementingAgencies, ...(p.competentAgency ? [p.competentAgency] : [])];
  } catch {
    names = [];
  }
  const keys = names.map(searchKey);
  const match = departments.find((dep) => keys.some((k) => k.includes(searchKey(dep.name))));
  const office = departments.find((dep) => dep.code === CITY_OFFICE_CODE);
  return (match ?? office ?? departments[0] ?? receiving).id;
}
