// Which agencies may receive a dossier of a procedure (DOMAIN §2): commune People's Committees for commune-level
// procedures ("Cấp xã"), city departments for city-level ones ("Cấp tỉnh"), and always the city's Public
// Administration Service Centre, which receives for every level and is the default.
import type { Kysely } from 'kysely';
import type { PlatformTables } from '../../platform/db/index.ts';
import { listAgencies, type AgencyWithUnit } from '../units/index.ts';
import type { DossierProcedure } from './catalogue.ts';

export const SERVICE_CENTRE_CODE = '000.00.20.H26';

export async function receivingAgencies(db: Kysely<PlatformTables>, procedure: DossierProcedure): Promise<AgencyWithUnit[]> {
  const out: AgencyWithUnit[] = [];
  out.push(...(await listAgencies(db, { kind: 'service_centre' })));
  if (procedure.levels.includes('province')) out.push(...(await listAgencies(db, { kind: 'department' })));
  if (procedure.levels.includes('commune')) out.push(...(await listAgencies(db, { kind: 'commune_committee' })));
  const seen = new Set<number>();
  return out.filter((a) => (seen.has(a.id) ? false : (seen.add(a.id), true)));
}

export function defaultAgency(choices: readonly AgencyWithUnit[]): AgencyWithUnit | undefined {
  return choices.find((a) => a.code === SERVICE_CENTRE_CODE) ?? choices[0];
}
