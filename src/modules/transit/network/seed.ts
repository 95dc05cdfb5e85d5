// The demo network: the hand-made Hà Nội feed in data/transit/gtfs-demo and its validators — two per bus or BRT route
// (one per vehicle) and two gates per metro station. Idempotent: a second run changes nothing.
import { fileURLToPath } from 'node:url';
import type { Kysely } from 'kysely';
import type { Sealer } from '../../../platform/auth/sealed.ts';
import type { PlatformTables } from '../../../platform/db/index.ts';
import { importGtfsFolder, type GtfsImportReport } from './import.ts';
import { listRoutes, listStops } from './service.ts';
import { registerValidator, type NewValidator } from './validators.ts';

export const DEMO_GTFS_FOLDER = fileURLToPath(new URL('../../../../data/transit/gtfs-demo', import.meta.url));
const VEHICLES_PER_ROUTE = 2;
const GATES_PER_STATION = 2;
/** The metro lines' stations (stop ids 2A-01…, 31-01…) belong to Hanoi Metro. */
const METRO_OPERATOR = 'HMC';

/** The demo validators: `V-<route>-<n>` on vehicles, `G-<station>-<n>` at gates. */
export async function demoValidators(db: Kysely<PlatformTables>): Promise<NewValidator[]> {
  const out: NewValidator[] = [];
  for (const r of await listRoutes(db)) {
    if (r.network === 'metro') continue;
    for (let i = 1; i <= VEHICLES_PER_ROUTE; i++) out.push({ id: `V-${r.id}-${i}`, kind: 'vehicle', operator: r.operator, routeId: r.id, vehicle: `29B-${r.id}.${i}` });
  }
  for (const s of await listStops(db, { kind: 'station' })) {
    for (let i = 1; i <= GATES_PER_STATION; i++) out.push({ id: `G-${s.id}-${i}`, kind: 'gate', operator: METRO_OPERATOR, stationId: s.id });
  }
  return out;
}

export async function seedTransitNetwork(db: Kysely<PlatformTables>, secrets: Sealer): Promise<{ feed: GtfsImportReport; validatorsCreated: number }> {
  const actor = { id: null, label: 'seed' };
  const feed = await importGtfsFolder(db, DEMO_GTFS_FOLDER, actor);
  let validatorsCreated = 0;
  for (const v of await demoValidators(db)) if ((await registerValidator(db, secrets, v, actor)).created) validatorsCreated++;
  return { feed, validatorsCreated };
}
