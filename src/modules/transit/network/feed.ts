// The network as read from a GTFS feed, checked and ready to store (gtfs-check.ts builds it, import.ts stores it).
import type { FeedIssue } from './gtfs-read.ts';

export type StopKind = 'stop' | 'station';

export interface FeedOperator {
  code: string;
  name: string;
  url: string;
}
export interface FeedNetwork {
  code: string;
  name: string;
}
export interface FeedRoute {
  id: string;
  networkCode: string;
  operatorCode: string;
  shortName: string;
  longName: string;
  routeType: number;
  lengthKm: number;
}
export interface FeedStop {
  id: string;
  name: string;
  lat: number;
  lon: number;
  kind: StopKind;
  parentStation: string | null;
}
export interface FeedArea {
  id: string;
  name: string;
}
export interface FeedStopArea {
  areaId: string;
  stopId: string;
}
export interface FeedRouteStop {
  routeId: string;
  sequence: number;
  stopId: string;
  distanceKm: number;
}

export interface NetworkFeed {
  operators: FeedOperator[];
  networks: FeedNetwork[];
  /** False when the feed has no networks.txt: the default networks are added if missing, never renamed. */
  networksDeclared: boolean;
  routes: FeedRoute[];
  /** Stations before the stops that name them as parent. */
  stops: FeedStop[];
  areas: FeedArea[];
  stopAreas: FeedStopArea[];
  routeStops: FeedRouteStop[];
}

/** Ids as the tables' checks accept them (migrations/0046_transit_network.sql). */
export const ID_FORMAT = /^[A-Za-z0-9_.-]{1,40}$/;

/** Collects issues; `at(file, line)` names the line in both languages. */
export class IssueList {
  readonly items: FeedIssue[] = [];
  add(file: string, line: number, vi: string, en: string): void {
    this.items.push({ file, line, vi, en });
  }
  /** False (and an issue) when the id is empty, badly formed or seen before in this file. */
  id(file: string, line: number, column: string, value: string, seen: Set<string>): boolean {
    if (!ID_FORMAT.test(value)) {
      this.add(file, line, `${column} "${value}" trống hoặc sai định dạng (chữ, số, _ . -; tối đa 40 ký tự).`, `${column} "${value}" is empty or badly formed (letters, digits, _ . -; at most 40).`);
      return false;
    }
    if (seen.has(value)) {
      this.add(file, line, `${column} "${value}" bị trùng.`, `${column} "${value}" is a duplicate.`);
      return false;
    }
    seen.add(value);
    return true;
  }
  unknown(file: string, line: number, column: string, value: string, target: string): void {
    this.add(file, line, `${column} "${value}" không có trong ${target}.`, `${column} "${value}" is not in ${target}.`);
  }
}
