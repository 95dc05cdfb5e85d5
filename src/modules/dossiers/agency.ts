// Which agencies may receive a dossier of a procedure (DOMAIN §2): commune People's Committees for commune-level
// procedures ("Cấp xã"), city departments for city-level ones ("Cấp tỉnh"), and always the city's Public
// Administration Service Centre, which receives for every level and is the default.
import type { Kysely } from 'kysely';
import type { PlatformTables } from '../../platform/db/index.ts';
import { listAgencies, type AgencyWithUnit } from '../units/index.ts';
import type { DossierProcedure } from './catalogue.ts';

export const SERVICE_CENTRE_CODE = '000.00.20.H26';

type ReceivingKind = 'service_centre' | 'department' | 'commune_committee';

// Agencies are reference data read by every submission and every form page: each kind's list is kept for a minute
// per database, as the units module keeps its lists (an agency added or closed shows within that minute).
const CACHE_TTL_MS = 60_000;
const cache = new WeakMap<object, Map<ReceivingKind, { at: number; list: Promise<AgencyWithUnit[]> }>>();

function agenciesOfKind(db: Kysely<PlatformTables>, kind: ReceivingKind): Promise<AgencyWithUnit[]> {
  let perDb = cache.get(db);
  if (!perDb) cache.set(db, (perDb = new Map()));
  const hit = perDb.get(kind);
  if (hit && Date.now() - hit.at < CACHE_TTL_MS) return hit.list;
  // The promise is kept, so requests arriving together share one query; a failed query is not kept.
  const list = listAgencies(db, { kind });
  const entry = { at: Date.now(), list };
  perDb.set(kind, entry);
  list.catch(() => {
    if (perDb.get(kind) === entry) perDb.delete(kind);
  });
  return list;
}

export async function receivingAgencies(db: Kysely<PlatformTables>, procedure: DossierProcedure): Promise<AgencyWithUnit[]> {
  const kinds: ReceivingKind[] = ['service_centre'];
  if (procedure.levels.includes('province')) kinds.push('department');
  if (procedure.levels.includes('commune')) kinds.push('commune_committee');
  const out = (await Promise.all(kinds.map((k) => agenciesOfKind(db, k)))).flat();
  const seen = new Set<number>();
  return out.filter((a) => (seen.has(a.id) ? false : (seen.add(a.id), true)));
}

export function defaultAgency(choices: readonly AgencyWithUnit[]): AgencyWithUnit | undefined {
  return choices.find((a) => a.code === SERVICE_CENTRE_CODE) ?? choices[0];
}
