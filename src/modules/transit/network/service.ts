// What other transit modules (fares, taps, journeys) ask of the network: routes with their length band, stops, the
// distance between two stops along a route and whether a stop lies in a fare area (TRANSPORT.md §1–2).
import type { Kysely } from 'kysely';
import type { PlatformTables } from '../../../platform/db/index.ts';
import { TransitNetworkErrors } from './errors.ts';
import type { StopKind } from './feed.ts';
import { BUS_LENGTH_BANDS, lengthBand, roundKm, type LengthBand } from './geo.ts';
import { networkDb, networkRepo } from './repo.ts';

export interface RouteInfo {
  id: string;
  network: string;
  operator: string;
  shortName: string;
  longName: string;
  routeType: number;
  lengthKm: number;
  /** The bus fare's length band (meaningful for bus and BRT routes). */
  band: LengthBand;
}
export interface StopInfo {
  id: string;
  name: string;
  lat: number;
  lon: number;
  kind: StopKind;
  parentStation: string | null;
}
export interface RouteStop {
  sequence: number;
  stopId: string;
  name: string;
  distanceKm: number;
}

type RouteRow = NonNullable<Awaited<ReturnType<typeof networkRepo.findRoute>>>;
const routeInfo = (r: RouteRow, bands: readonly LengthBand[]): RouteInfo => ({
  id: r.id,
  network: r.network_code,
  operator: r.operator_code,
  shortName: r.short_name,
  longName: r.long_name,
  routeType: r.route_type,
  lengthKm: Number(r.length_km),
  band: lengthBand(Number(r.length_km), bands),
});

export async function findRoute(db: Kysely<PlatformTables>, id: string, bands: readonly LengthBand[] = BUS_LENGTH_BANDS): Promise<RouteInfo | null> {
  const r = await networkRepo.findRoute(networkDb(db), id);
  return r ? routeInfo(r, bands) : null;
}

export async function getRoute(db: Kysely<PlatformTables>, id: string, bands: readonly LengthBand[] = BUS_LENGTH_BANDS): Promise<RouteInfo> {
  const r = await findRoute(db, id, bands);
  if (!r) throw TransitNetworkErrors.ROUTE_NOT_FOUND({ details: { routeId: id } });
  return r;
}

export async function listRoutes(db: Kysely<PlatformTables>, opts: { network?: string; bands?: readonly LengthBand[] } = {}): Promise<RouteInfo[]> {
  return (await networkRepo.listRoutes(networkDb(db), opts.network)).map((r) => routeInfo(r, opts.bands ?? BUS_LENGTH_BANDS));
}

type StopRow = NonNullable<Awaited<ReturnType<typeof networkRepo.findStop>>>;
const stopInfo = (s: StopRow): StopInfo => ({ id: s.id, name: s.name, lat: s.lat, lon: s.lon, kind: s.kind, parentStation: s.parent_station });

export async function getStop(db: Kysely<PlatformTables>, id: string): Promise<StopInfo> {
  const s = await networkRepo.findStop(networkDb(db), id);
  if (!s) throw TransitNetworkErrors.STOP_NOT_FOUND({ details: { stopId: id } });
  return stopInfo(s);
}

export async function listStops(db: Kysely<PlatformTables>, opts: { kind?: StopKind } = {}): Promise<StopInfo[]> {
  return (await networkRepo.listStops(networkDb(db), opts.kind)).map(stopInfo);
}

/** The route's stops in order with the distance from its start (the feed's pattern, direction 0). */
export async function routeStops(db: Kysely<PlatformTables>, routeId: string): Promise<RouteStop[]> {
  await getRoute(db, routeId);
  return (await networkRepo.routeStops(networkDb(db), routeId)).map((r) => ({ sequence: r.sequence, stopId: r.stop_id, name: r.name, distanceKm: Number(r.distance_km) }));
}

/**
 * Kilometres travelled between two stops of a route, either way (the return trip is taken as the same length). On a
 * loop route that passes a stop twice, the shortest ride forward along the pattern counts. Metro fares go by this
 * distance, and so does the ride inside Ring Road 1.
 */
export async function distanceBetween(db: Kysely<PlatformTables>, routeId: string, fromStop: string, toStop: string): Promise<number> {
  const stops = await routeStops(db, routeId);
  const from = stops.filter((s) => s.stopId === fromStop);
  const to = stops.filter((s) => s.stopId === toStop);
  const missing = from.length === 0 ? fromStop : to.length === 0 ? toStop : null;
  if (missing !== null) throw TransitNetworkErrors.STOP_NOT_ON_ROUTE({ details: { routeId, stopId: missing } });
  let best = Infinity;
  for (const a of from) for (const b of to) if (b.sequence >= a.sequence) best = Math.min(best, b.distanceKm - a.distanceKm);
  if (best === Infinity) for (const a of from) for (const b of to) best = Math.min(best, a.distanceKm - b.distanceKm);
  return roundKm(best);
}

/** True when the stop, or the station it belongs to, is in the fare area (GTFS-Fares v2 stop_areas). */
export async function stopInArea(db: Kysely<PlatformTables>, stopId: string, areaId: string): Promise<boolean> {
  const n = networkDb(db);
  const stop = await getStop(db, stopId);
  if (await networkRepo.inArea(n, stop.id, areaId)) return true;
  return stop.parentStation !== null && networkRepo.inArea(n, stop.parentStation, areaId);
}

/** The stop ids of a fare area, e.g. `ring1` (Ring Road 1); empty when the area is unknown. */
export async function areaStops(db: Kysely<PlatformTables>, areaId: string): Promise<string[]> {
  return (await networkRepo.areaStops(networkDb(db), areaId)).map((r) => r.stop_id);
}
