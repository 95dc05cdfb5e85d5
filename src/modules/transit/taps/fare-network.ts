// The fare table's route lengths and metro station positions taken from the network module, so that pricing uses
// the routes actually loaded (their length_km, and each stop's distance along its route) rather than the sample
// lengths shipped in data/transit/fares/x_route_lengths.txt and x_stop_positions.txt.
import type { Kysely } from 'kysely';
import type { PlatformTables } from '../../../platform/db/index.ts';
import type { FareTable } from '../fares/index.ts';
import { listRoutes, routeStops, type RouteInfo } from '../network/index.ts';

const slug = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '-');

/**
 * The fare network a route is priced in: `<network>-<route>` when the fare data has it (metro lines: metro-2a,
 * metro-3-1), else the route's own network when the fare data has it, else `bus` for any bus-type route (GTFS
 * route_type 3: the BRT is priced as a bus, TRANSPORT.md §1). Undefined when none fits (the engine then refuses).
 */
export function fareNetworkOf(fares: FareTable, route: Pick<RouteInfo, 'id' | 'network' | 'routeType'>): string | undefined {
  const candidates = [`${route.network}-${slug(route.id)}`, route.network, route.routeType === 3 ? 'bus' : ''];
  return candidates.find((c) => c !== '' && fares.networks.has(c));
}

export interface NetworkFares {
  fares: FareTable;
  /** route id → fare network id and operator. */
  routes: Map<string, { fareNetwork: string; operator: string; routeType: number }>;
  /** metro station id → the route (line) serving it, for gate taps that carry no route. */
  lineOfStation: Map<string, string>;
}

/** A copy of the fare table whose routeKm and stopKm come from the network's routes and route stops. */
export async function faresFromNetwork(db: Kysely<PlatformTables>, base: FareTable): Promise<NetworkFares> {
  const routeKm = new Map<string, number>();
  const stopKm = new Map<string, number>();
  const stopNames = new Map(base.stopNames);
  const routes = new Map<string, { fareNetwork: string; operator: string; routeType: number }>();
  const lineOfStation = new Map<string, string>();
  for (const r of await listRoutes(db)) {
    const net = fareNetworkOf(base, r);
    if (net === undefined) continue;
    routes.set(r.id, { fareNetwork: net, operator: r.operator, routeType: r.routeType });
    routeKm.set(`${net}/${r.id}`, r.lengthKm);
    if (r.routeType === 3) continue;
    // Rail: a station's position is its distance from the line's start; metro fares go by the distance between two.
    for (const s of await routeStops(db, r.id)) {
      if (!stopKm.has(`${net}/${s.stopId}`)) stopKm.set(`${net}/${s.stopId}`, s.distanceKm);
      if (!lineOfStation.has(s.stopId)) lineOfStation.set(s.stopId, r.id);
      stopNames.set(s.stopId, s.name);
    }
  }
  return { fares: { ...base, routeKm, stopKm, stopNames }, routes, lineOfStation };
}
