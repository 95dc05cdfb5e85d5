// Routes, their networks (GTFS-Fares v2 route_networks.txt, else the routes' network_id, else by route type) and each
// route's stop pattern with the distance from its start: from stop_times' shape_dist_traveled (in kilometres in our
// feeds), or the great-circle distance between successive stops where the trip gives none. The length of a route
// sets its bus fare band (TRANSPORT.md §1); the distance between stops sets metro fares and the Ring Road 1 distance.
import { haversineKm, roundKm } from './geo.ts';
import type { FeedTables } from './gtfs-read.ts';
import type { FeedRoute, FeedRouteStop, FeedStop, IssueList } from './feed.ts';

interface Known {
  operators: Set<string>;
  singleOperator: string | null;
  networks: Set<string>;
  stops: Map<string, FeedStop>;
}

interface Call {
  line: number;
  sequence: number;
  stopId: string;
  dist: number | null;
}

const NON_NEGATIVE_INT = /^\d{1,9}$/;
const NON_NEGATIVE_NUMBER = /^\d+(\.\d+)?$/;

function defaultNetwork(routeType: number, shortName: string): string {
  if (routeType === 1 || routeType === 2 || routeType === 12) return 'metro';
  return /^BRT/i.test(shortName) ? 'brt' : 'bus';
}

/** Distances from the first stop: shape_dist_traveled when every call has one, else great-circle sums. */
function distances(calls: Call[], stops: Map<string, FeedStop>): number[] {
  const first = calls[0]?.dist;
  if (first != null && calls.every((c) => c.dist !== null)) return calls.map((c) => roundKm((c.dist ?? 0) - first));
  let total = 0;
  return calls.map((c, i) => {
    const prev = calls[i - 1];
    const a = prev && stops.get(prev.stopId);
    const b = stops.get(c.stopId);
    if (a && b) total += haversineKm(a, b);
    return roundKm(total);
  });
}

export function checkTrips(t: FeedTables, issues: IssueList, known: Known): { routes: FeedRoute[]; routeStops: FeedRouteStop[] } {
  const routeNetwork = new Map<string, string>();
  for (const r of t['route_networks.txt']) {
    const net = r.values.network_id ?? '';
    const route = r.values.route_id ?? '';
    if (!known.networks.has(net)) issues.unknown('route_networks.txt', r.line, 'network_id', net, 'networks.txt');
    else if (routeNetwork.has(route)) issues.add('route_networks.txt', r.line, `Tuyến "${route}" đã thuộc một mạng khác.`, `Route "${route}" is in another network already.`);
    else routeNetwork.set(route, net);
  }
  const seen = new Set<string>();
  const routes = new Map<string, FeedRoute & { line: number }>();
  for (const r of t['routes.txt']) {
    const v = r.values;
    const id = v.route_id ?? '';
    if (!issues.id('routes.txt', r.line, 'route_id', id, seen)) continue;
    const operator = v.agency_id || known.singleOperator || '';
    if (!known.operators.has(operator)) {
      issues.unknown('routes.txt', r.line, 'agency_id', operator, 'agency.txt');
      continue;
    }
    if (!NON_NEGATIVE_INT.test(v.route_type ?? '') || Number(v.route_type) > 1702) {
      issues.add('routes.txt', r.line, `route_type "${v.route_type}" không hợp lệ.`, `route_type "${v.route_type}" is not valid.`);
      continue;
    }
    const shortName = (v.route_short_name ?? '').slice(0, 100);
    const longName = (v.route_long_name ?? '').slice(0, 200);
    if (!shortName && !longName) {
      issues.add('routes.txt', r.line, 'Tuyến phải có route_short_name hoặc route_long_name.', 'A route needs route_short_name or route_long_name.');
      continue;
    }
    const routeType = Number(v.route_type);
    const network = routeNetwork.get(id) ?? (v.network_id || defaultNetwork(routeType, shortName));
    if (!known.networks.has(network)) {
      issues.unknown('routes.txt', r.line, 'network_id', network, 'networks.txt');
      continue;
    }
    routes.set(id, { id, networkCode: network, operatorCode: operator, shortName, longName, routeType, lengthKm: 0, line: r.line });
  }
  for (const r of t['route_networks.txt']) {
    const route = r.values.route_id ?? '';
    if (!seen.has(route)) issues.unknown('route_networks.txt', r.line, 'route_id', route, 'routes.txt');
  }

  const trips = new Map<string, { routeId: string; direction: string; calls: Call[] }>();
  const tripSeen = new Set<string>();
  for (const r of t['trips.txt']) {
    const id = r.values.trip_id ?? '';
    if (!issues.id('trips.txt', r.line, 'trip_id', id, tripSeen)) continue;
    const routeId = r.values.route_id ?? '';
    if (!seen.has(routeId)) issues.unknown('trips.txt', r.line, 'route_id', routeId, 'routes.txt');
    else trips.set(id, { routeId, direction: r.values.direction_id || '0', calls: [] });
  }
  for (const r of t['stop_times.txt']) {
    const v = r.values;
    const trip = trips.get(v.trip_id ?? '');
    if (!trip) {
      if (!tripSeen.has(v.trip_id ?? '')) issues.unknown('stop_times.txt', r.line, 'trip_id', v.trip_id ?? '', 'trips.txt');
      continue;
    }
    if (!known.stops.has(v.stop_id ?? '')) issues.unknown('stop_times.txt', r.line, 'stop_id', v.stop_id ?? '', 'stops.txt');
    else if (!NON_NEGATIVE_INT.test(v.stop_sequence ?? '')) issues.add('stop_times.txt', r.line, `stop_sequence "${v.stop_sequence}" không phải số nguyên không âm.`, `stop_sequence "${v.stop_sequence}" is not a non-negative integer.`);
    else if (v.shape_dist_traveled && !NON_NEGATIVE_NUMBER.test(v.shape_dist_traveled)) issues.add('stop_times.txt', r.line, `shape_dist_traveled "${v.shape_dist_traveled}" không phải số không âm.`, `shape_dist_traveled "${v.shape_dist_traveled}" is not a non-negative number.`);
    else if (trip.calls.some((c) => c.sequence === Number(v.stop_sequence))) issues.add('stop_times.txt', r.line, `stop_sequence ${v.stop_sequence} bị trùng trong chuyến "${v.trip_id}".`, `stop_sequence ${v.stop_sequence} is a duplicate in trip "${v.trip_id}".`);
    else trip.calls.push({ line: r.line, sequence: Number(v.stop_sequence), stopId: v.stop_id ?? '', dist: v.shape_dist_traveled ? Number(v.shape_dist_traveled) : null });
  }
  // shape_dist_traveled must not fall along a trip (GTFS: "must increase along with stop_sequence").
  for (const [tripId, trip] of trips) {
    trip.calls.sort((a, b) => a.sequence - b.sequence);
    let last = -1;
    for (const c of trip.calls) {
      if (c.dist === null) continue;
      if (c.dist < last) issues.add('stop_times.txt', c.line, `shape_dist_traveled giảm dần trong chuyến "${tripId}".`, `shape_dist_traveled decreases along trip "${tripId}".`);
      last = c.dist;
    }
  }

  // Each route's pattern: its longest trip in direction 0 (any direction when it has none), ties by trip_id.
  const chosen = new Map<string, { id: string; direction: string; calls: Call[] }>();
  for (const [id, trip] of [...trips].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const best = chosen.get(trip.routeId);
    const rank = (x: { direction: string; calls: Call[] }) => (x.direction === '0' ? 1e6 : 0) + x.calls.length;
    if (trip.calls.length >= 2 && (!best || rank(trip) > rank(best))) chosen.set(trip.routeId, { id, ...trip });
  }
  const routeStops: FeedRouteStop[] = [];
  for (const route of routes.values()) {
    const trip = chosen.get(route.id);
    if (!trip) {
      issues.add('routes.txt', route.line, 'Tuyến không có chuyến nào đi qua ít nhất hai điểm dừng nên không tính được chiều dài.', 'The route has no trip with at least two stops, so its length cannot be computed.');
      continue;
    }
    const km = distances(trip.calls, known.stops);
    trip.calls.forEach((c, i) => routeStops.push({ routeId: route.id, sequence: i + 1, stopId: c.stopId, distanceKm: km[i] ?? 0 }));
    route.lengthKm = km[km.length - 1] ?? 0;
  }
  return { routes: [...routes.values()].map(({ line: _line, ...r }) => r), routeStops };
}
