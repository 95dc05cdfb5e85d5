// Reads a GTFS feed's files from a folder into rows that keep their line numbers, and names each missing file or
// column. Only the files the network needs are read: agency, routes, stops, trips, stop_times, and GTFS-Fares v2's
// networks, route_networks, areas and stop_areas when present.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseCsv, withHeader } from '../../../platform/text/index.ts';

export interface FeedIssue {
  file: string;
  /** Line in the file (1 is the header); 0 for the file as a whole. */
  line: number;
  vi: string;
  en: string;
}

export interface FeedRow {
  line: number;
  values: Record<string, string>;
}

export const FEED_FILES = {
  'agency.txt': { required: true, columns: ['agency_name'] },
  'routes.txt': { required: true, columns: ['route_id', 'route_type'] },
  'stops.txt': { required: true, columns: ['stop_id', 'stop_name', 'stop_lat', 'stop_lon'] },
  'trips.txt': { required: true, columns: ['route_id', 'trip_id'] },
  'stop_times.txt': { required: true, columns: ['trip_id', 'stop_id', 'stop_sequence'] },
  'networks.txt': { required: false, columns: ['network_id'] },
  'route_networks.txt': { required: false, columns: ['network_id', 'route_id'] },
  'areas.txt': { required: false, columns: ['area_id'] },
  'stop_areas.txt': { required: false, columns: ['area_id', 'stop_id'] },
} as const;

export type FeedFile = keyof typeof FEED_FILES;
export type FeedTables = Record<FeedFile, FeedRow[]>;

/** The feed's rows, or the issues that stop it from being read (a folder that is not there, missing files or columns). */
export function readFeedFolder(folder: string): { tables: FeedTables; issues: FeedIssue[] } {
  const issues: FeedIssue[] = [];
  const tables = Object.fromEntries(Object.keys(FEED_FILES).map((f) => [f, []])) as unknown as FeedTables;
  if (!existsSync(folder) || !statSync(folder).isDirectory()) {
    issues.push({ file: folder, line: 0, vi: 'Không tìm thấy thư mục dữ liệu GTFS.', en: 'The GTFS folder does not exist.' });
    return { tables, issues };
  }
  for (const [file, spec] of Object.entries(FEED_FILES) as [FeedFile, (typeof FEED_FILES)[FeedFile]][]) {
    const path = join(folder, file);
    if (!existsSync(path)) {
      if (spec.required) issues.push({ file, line: 0, vi: 'Thiếu tệp bắt buộc.', en: 'A required file is missing.' });
      continue;
    }
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(readFileSync(path));
    } catch {
      issues.push({ file, line: 0, vi: 'Tệp không phải văn bản UTF-8.', en: 'The file is not UTF-8 text.' });
      continue;
    }
    const { header, rows } = withHeader(parseCsv(text.normalize('NFC')));
    const missing = spec.columns.filter((c) => !header.includes(c));
    if (missing.length > 0) {
      issues.push({ file, line: 1, vi: `Thiếu cột bắt buộc: ${missing.join(', ')}.`, en: `Required columns are missing: ${missing.join(', ')}.` });
      continue;
    }
    tables[file] = rows.map((r) => ({
      line: r.line,
      values: Object.fromEntries(Object.entries(r.values).map(([k, v]) => [k, v.trim()])),
    }));
  }
  return { tables, issues };
}
