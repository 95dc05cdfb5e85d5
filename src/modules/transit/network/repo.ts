// The only code that touches the transit network's tables (migrations/0046_transit_network.sql).
import { type Generated, type Kysely, sql } from 'kysely';
import type { PlatformTables } from '../../../platform/db/index.ts';
import type { NetworkFeed, StopKind } from './feed.ts';

interface OperatorsTable { code: string; name: string; url: string }
interface NetworksTable { code: string; name: string }
interface RoutesTable {
  id: string;
  network_code: string;
  operator_code: string;
  short_name: string;
  long_name: string;
  route_type: number;
  /** numeric(8,3): pg gives a string back. */
  length_km: number | string;
  updated_at: Generated<Date>;
}
interface StopsTable { id: string; name: string; lat: number; lon: number; kind: StopKind; parent_station: string | null; updated_at: Generated<Date> }
interface AreasTable { id: string; name: string }
interface StopAreasTable { area_id: string; stop_id: string }
interface RouteStopsTable { route_id: string; sequence: number; stop_id: string; distance_km: number | string }
export type ValidatorKind = 'vehicle' | 'gate';
export type ValidatorStatus = 'active' | 'blocked';
interface ValidatorsTable {
  id: string;
  kind: ValidatorKind;
  operator_code: string;
  route_id: string | null;
  station_id: string | null;
  vehicle: string;
  status: Generated<ValidatorStatus>;
  secret_sealed: string;
  last_seen_at: Date | null;
  clock_skew_ms: number | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export type TransitNetworkTables = {
  transit_operators: OperatorsTable;
  transit_networks: NetworksTable;
  transit_routes: RoutesTable;
  transit_stops: StopsTable;
  transit_areas: AreasTable;
  transit_stop_areas: StopAreasTable;
  transit_route_stops: RouteStopsTable;
  transit_validators: ValidatorsTable;
};
export type NetworkDb = Kysely<PlatformTables & TransitNetworkTables>;
export const networkDb = (db: Kysely<PlatformTables>): NetworkDb => db as unknown as NetworkDb;
export const asPlatformDb = (db: NetworkDb): Kysely<PlatformTables> => db as unknown as Kysely<PlatformTables>;

const CHUNK = 500;
function chunks<T>(rows: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += CHUNK) out.push(rows.slice(i, i + CHUNK));
  return out;
}

export const networkRepo = {
  async ids(db: NetworkDb): Promise<Record<'operators' | 'networks' | 'routes' | 'stops' | 'areas', Set<string>>> {
    const [o, n, r, s, a] = await Promise.all([
      db.selectFrom('transit_operators').select('code as id').execute(),
      db.selectFrom('transit_networks').select('code as id').execute(),
      db.selectFrom('transit_routes').select('id').execute(),
      db.selectFrom('transit_stops').select('id').execute(),
      db.selectFrom('transit_areas').select('id').execute(),
    ]);
    const set = (rows: { id: string }[]) => new Set(rows.map((x) => x.id));
    return { operators: set(o), networks: set(n), routes: set(r), stops: set(s), areas: set(a) };
  },

  /** Upserts the feed; a route's pattern and an area's stops are replaced by the feed's. */
  async store(db: NetworkDb, f: NetworkFeed): Promise<void> {
    for (const rows of chunks(f.operators))
      await db.insertInto('transit_operators').values(rows).onConflict((oc) => oc.column('code').doUpdateSet((eb) => ({ name: eb.ref('excluded.name'), url: eb.ref('excluded.url') }))).execute();
    for (const rows of chunks(f.networks))
      await db
        .insertInto('transit_networks')
        .values(rows)
        .onConflict((oc) => (f.networksDeclared ? oc.column('code').doUpdateSet((eb) => ({ name: eb.ref('excluded.name') })) : oc.column('code').doNothing()))
        .execute();
    for (const rows of chunks(f.stops)) {
      const values = rows.map((s) => ({ id: s.id, name: s.name, lat: s.lat, lon: s.lon, kind: s.kind, parent_station: s.parentStation }));
      await db
        .insertInto('transit_stops')
        .values(values)
        .onConflict((oc) =>
          oc.column('id').doUpdateSet((eb) => ({ name: eb.ref('excluded.name'), lat: eb.ref('excluded.lat'), lon: eb.ref('excluded.lon'), kind: eb.ref('excluded.kind'), parent_station: eb.ref('excluded.parent_station'), updated_at: sql`now()` })),
        )
        .execute();
    }
    for (const rows of chunks(f.routes)) {
      const values = rows.map((r) => ({
        id: r.id,
        network_code: r.networkCode,
        operator_code: r.operatorCode,
        short_name: r.shortName,
        long_name: r.longName,
        route_type: r.routeType,
        length_km: r.lengthKm,
      }));
      await db
        .insertInto('transit_routes')
        .values(values)
        .onConflict((oc) =>
          oc.column('id').doUpdateSet((eb) => ({
            network_code: eb.ref('excluded.network_code'),
            operator_code: eb.ref('excluded.operator_code'),
            short_name: eb.ref('excluded.short_name'),
            long_name: eb.ref('excluded.long_name'),
            route_type: eb.ref('excluded.route_type'),
            length_km: eb.ref('excluded.length_km'),
            updated_at: sql`now()`,
          })),
        )
        .execute();
    }
    const routeIds = f.routes.map((r) => r.id);
    if (routeIds.length > 0) await db.deleteFrom('transit_route_stops').where('route_id', 'in', routeIds).execute();
    for (const rows of chunks(f.routeStops))
      await db.insertInto('transit_route_stops').values(rows.map((r) => ({ route_id: r.routeId, sequence: r.sequence, stop_id: r.stopId, distance_km: r.distanceKm }))).execute();
    for (const rows of chunks(f.areas))
      await db.insertInto('transit_areas').values(rows).onConflict((oc) => oc.column('id').doUpdateSet((eb) => ({ name: eb.ref('excluded.name') }))).execute();
    const areaIds = f.areas.map((a) => a.id);
    if (areaIds.length > 0) await db.deleteFrom('transit_stop_areas').where('area_id', 'in', areaIds).execute();
    for (const rows of chunks(f.stopAreas)) await db.insertInto('transit_stop_areas').values(rows.map((r) => ({ area_id: r.areaId, stop_id: r.stopId }))).execute();
  },

  findRoute: (db: NetworkDb, id: string) => db.selectFrom('transit_routes').selectAll().where('id', '=', id).executeTakeFirst(),
  listRoutes: (db: NetworkDb, network?: string) => {
    const q = db.selectFrom('transit_routes').selectAll().orderBy('network_code').orderBy('id');
    return (network ? q.where('network_code', '=', network) : q).execute();
  },
  findStop: (db: NetworkDb, id: string) => db.selectFrom('transit_stops').selectAll().where('id', '=', id).executeTakeFirst(),
  listStops: (db: NetworkDb, kind?: StopKind) => {
    const q = db.selectFrom('transit_stops').selectAll().orderBy('id');
    return (kind ? q.where('kind', '=', kind) : q).execute();
  },
  routeStops: (db: NetworkDb, routeId: string) =>
    db
      .selectFrom('transit_route_stops as rs')
      .innerJoin('transit_stops as s', 's.id', 'rs.stop_id')
      .select(['rs.sequence', 'rs.stop_id', 'rs.distance_km', 's.name', 's.kind'])
      .where('rs.route_id', '=', routeId)
      .orderBy('rs.sequence')
      .execute(),
  inArea: async (db: NetworkDb, stopId: string, areaId: string) =>
    (await db.selectFrom('transit_stop_areas').select('stop_id').where('area_id', '=', areaId).where('stop_id', '=', stopId).executeTakeFirst()) !== undefined,
  areaStops: (db: NetworkDb, areaId: string) => db.selectFrom('transit_stop_areas').select('stop_id').where('area_id', '=', areaId).orderBy('stop_id').execute(),
  findArea: (db: NetworkDb, id: string) => db.selectFrom('transit_areas').selectAll().where('id', '=', id).executeTakeFirst(),

  findValidator: (db: NetworkDb, id: string) => db.selectFrom('transit_validators').selectAll().where('id', '=', id).executeTakeFirst(),
  listValidators: (db: NetworkDb) => db.selectFrom('transit_validators').selectAll().orderBy('id').execute(),
  /** Inserts the validator unless its id is taken; true when inserted. */
  async insertValidator(db: NetworkDb, v: { id: string; kind: ValidatorKind; operator_code: string; route_id: string | null; station_id: string | null; vehicle: string; secret_sealed: string }) {
    const r = await db.insertInto('transit_validators').values(v).onConflict((oc) => oc.column('id').doNothing()).executeTakeFirst();
    return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
  },
  setValidatorStatus: (db: NetworkDb, id: string, status: ValidatorStatus) =>
    db.updateTable('transit_validators').set({ status, updated_at: sql`now()` }).where('id', '=', id).executeTakeFirst(),
  markValidatorSeen: (db: NetworkDb, id: string, at: Date, skewMs: number) =>
    db.updateTable('transit_validators').set({ last_seen_at: at, clock_skew_ms: skewMs }).where('id', '=', id).execute(),
};
