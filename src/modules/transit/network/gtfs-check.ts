// Checks a GTFS feed's rows and builds the network from them: every bad line is named (file, line, Vietnamese and
// English), and the feed is taken whole or not at all (TRANSPORT.md §1–2; GTFS reference and GTFS-Fares v2).
import { inVietnam } from './geo.ts';
import type { FeedIssue, FeedTables } from './gtfs-read.ts';
import { IssueList, type FeedNetwork, type FeedOperator, type FeedStop, type NetworkFeed } from './feed.ts';
import { checkTrips } from './gtfs-trips.ts';

/** Networks a route falls in when the feed has no networks.txt (GTFS route_type 1 is metro). */
export const DEFAULT_NETWORKS: readonly FeedNetwork[] = [
  { code: 'bus', name: 'Xe buýt' },
  { code: 'brt', name: 'Xe buýt nhanh BRT' },
  { code: 'metro', name: 'Đường sắt đô thị' },
];
const SINGLE_AGENCY = 'AGENCY';

function operators(t: FeedTables, issues: IssueList): FeedOperator[] {
  const seen = new Set<string>();
  const out: FeedOperator[] = [];
  for (const r of t['agency.txt']) {
    const code = r.values.agency_id || (t['agency.txt'].length === 1 ? SINGLE_AGENCY : '');
    if (!issues.id('agency.txt', r.line, 'agency_id', code, seen)) continue;
    const name = r.values.agency_name ?? '';
    if (!name) issues.add('agency.txt', r.line, 'Thiếu agency_name.', 'agency_name is empty.');
    else out.push({ code, name: name.slice(0, 200), url: r.values.agency_url ?? '' });
  }
  return out;
}

function coordinate(text: string | undefined): number | null {
  if (!text || !/^-?\d+(\.\d+)?$/.test(text)) return null;
  return Number(text);
}

function stops(t: FeedTables, issues: IssueList): FeedStop[] {
  const seen = new Set<string>();
  const out: FeedStop[] = [];
  const file = 'stops.txt';
  for (const r of t[file]) {
    const v = r.values;
    const type = v.location_type || '0';
    // Entrances, generic nodes and boarding areas (2–4) play no part in fares or distances.
    if (['2', '3', '4'].includes(type)) continue;
    if (!issues.id(file, r.line, 'stop_id', v.stop_id ?? '', seen)) continue;
    if (type !== '0' && type !== '1') {
      issues.add(file, r.line, `location_type "${type}" không hợp lệ (0–4).`, `location_type "${type}" is not valid (0–4).`);
      continue;
    }
    const lat = coordinate(v.stop_lat);
    const lon = coordinate(v.stop_lon);
    if (lat === null || lon === null || !inVietnam({ lat, lon })) {
      issues.add(file, r.line, `Tọa độ (${v.stop_lat}, ${v.stop_lon}) không phải số hoặc nằm ngoài Việt Nam.`, `The coordinates (${v.stop_lat}, ${v.stop_lon}) are not numbers or lie outside Việt Nam.`);
      continue;
    }
    if (!v.stop_name) {
      issues.add(file, r.line, 'Thiếu stop_name.', 'stop_name is empty.');
      continue;
    }
    out.push({ id: v.stop_id ?? '', name: v.stop_name.slice(0, 200), lat, lon, kind: type === '1' ? 'station' : 'stop', parentStation: v.parent_station || null });
  }
  const byId = new Map(out.map((s) => [s.id, s]));
  for (const r of t[file]) {
    const s = byId.get(r.values.stop_id ?? '');
    if (!s?.parentStation) continue;
    const parent = byId.get(s.parentStation);
    if (s.kind === 'station') issues.add(file, r.line, 'Nhà ga (location_type 1) không được có parent_station.', 'A station (location_type 1) cannot have a parent_station.');
    else if (!parent) issues.unknown(file, r.line, 'parent_station', s.parentStation, 'stops.txt');
    else if (parent.kind !== 'station') issues.add(file, r.line, `parent_station "${s.parentStation}" không phải nhà ga.`, `parent_station "${s.parentStation}" is not a station.`);
  }
  return [...out.filter((s) => s.kind === 'station'), ...out.filter((s) => s.kind === 'stop')];
}

function networks(t: FeedTables, issues: IssueList): FeedNetwork[] {
  if (t['networks.txt'].length === 0) return [...DEFAULT_NETWORKS];
  const seen = new Set<string>();
  const out: FeedNetwork[] = [];
  for (const r of t['networks.txt']) {
    const code = r.values.network_id ?? '';
    if (issues.id('networks.txt', r.line, 'network_id', code, seen)) out.push({ code, name: (r.values.network_name || code).slice(0, 200) });
  }
  return out;
}

/** The checked network, or every issue found. */
export function checkFeed(t: FeedTables): { feed: NetworkFeed; issues: FeedIssue[] } {
  const issues = new IssueList();
  const ops = operators(t, issues);
  const nets = networks(t, issues);
  const stopList = stops(t, issues);
  const { routes, routeStops } = checkTrips(t, issues, {
    operators: new Set(ops.map((o) => o.code)),
    singleOperator: ops.length === 1 ? (ops[0]?.code ?? null) : null,
    networks: new Set(nets.map((n) => n.code)),
    stops: new Map(stopList.map((s) => [s.id, s])),
  });
  const areaSeen = new Set<string>();
  const areas = [];
  for (const r of t['areas.txt']) {
    const id = r.values.area_id ?? '';
    if (issues.id('areas.txt', r.line, 'area_id', id, areaSeen)) areas.push({ id, name: (r.values.area_name ?? '').slice(0, 200) });
  }
  const pairs = new Set<string>();
  const stopAreas = [];
  const stopIds = new Set(stopList.map((s) => s.id));
  for (const r of t['stop_areas.txt']) {
    const areaId = r.values.area_id ?? '';
    const stopId = r.values.stop_id ?? '';
    if (!areaSeen.has(areaId)) issues.unknown('stop_areas.txt', r.line, 'area_id', areaId, 'areas.txt');
    else if (!stopIds.has(stopId)) issues.unknown('stop_areas.txt', r.line, 'stop_id', stopId, 'stops.txt');
    else if (pairs.has(`${areaId}\n${stopId}`)) issues.add('stop_areas.txt', r.line, `Điểm dừng "${stopId}" đã có trong vùng "${areaId}".`, `Stop "${stopId}" is in area "${areaId}" already.`);
    else {
      pairs.add(`${areaId}\n${stopId}`);
      stopAreas.push({ areaId, stopId });
    }
  }
  const networksDeclared = t['networks.txt'].length > 0;
  const used = new Set(routes.map((r) => r.networkCode));
  const networksKept = networksDeclared ? nets : nets.filter((n) => used.has(n.code));
  const feed: NetworkFeed = { operators: ops, networks: networksKept, networksDeclared, routes, stops: stopList, areas, stopAreas, routeStops };
  return { feed, issues: issues.items };
}
