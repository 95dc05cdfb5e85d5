// How many officials each agency lists in its directory (all entries, public or not): other modules' denominators,
// e.g. the share of an agency's staff trained in IT skills (issue 14). No names leave this function, only counts.
import type { Kysely } from 'kysely';
import type { PlatformTables } from '../../platform/db/index.ts';
import { directoryDb } from './repo.ts';

export async function directoryCounts(db: Kysely<PlatformTables>, agencyIds?: readonly number[]): Promise<Map<number, number>> {
  if (agencyIds && agencyIds.length === 0) return new Map();
  let q = directoryDb(db)
    .selectFrom('directory_entries')
    .select(['agency_id', (eb) => eb.fn.countAll<string>().as('n')])
    .groupBy('agency_id');
  if (agencyIds) q = q.where('agency_id', 'in', [...agencyIds]);
  return new Map((await q.execute()).map((r) => [Number(r.agency_id), Number(r.n)]));
}
