// egov transit import-gtfs <folder>: load the public-transport network (routes, stops, areas) from a GTFS feed.
import type { Command } from './command.ts';
import { openConfiguredDatabase } from '../app.ts';
import { AppError } from '../platform/http/errors.ts';
import { migrate, type Database } from '../platform/db/index.ts';
import { importGtfsFolder, issueText, type FeedIssue, type GtfsImportReport } from '../modules/transit/network/index.ts';
import { terminal, type Output } from './output.ts';

const MAX_LISTED = 100;

export function reportLines(folder: string, r: GtfsImportReport): string[] {
  const c = (label: string, x: { created: number; updated: number }) => `  ${label.padEnd(10)} new ${x.created}, updated ${x.updated}`;
  return [
    `${folder}: imported`,
    c('operators', r.operators),
    c('networks', r.networks),
    c('routes', r.routes),
    c('stops', r.stops),
    c('areas', r.areas),
    `  route stops ${r.routeStops}, stops in areas ${r.stopAreas}`,
  ];
}

/** The command's work on an open, migrated database; returns the exit status. */
export async function runImportGtfs(database: Database, folder: string, io: Output): Promise<number> {
  try {
    const report = await importGtfsFolder(database.db, folder, { id: null, label: 'cli' });
    for (const line of reportLines(folder, report)) io.out(line);
    return 0;
  } catch (err) {
    if (!(err instanceof AppError) || err.code !== 'FEED_INVALID') throw err;
    const issues = (err.details?.issues ?? []) as FeedIssue[];
    io.err(`egov transit import-gtfs: ${err.text.vi}`);
    io.err(`egov transit import-gtfs: ${err.text.en}`);
    for (const i of issues.slice(0, MAX_LISTED)) io.err(`  ${issueText(i, 'vi')} / ${i.en}`);
    if (issues.length > MAX_LISTED) io.err(`  … ${issues.length - MAX_LISTED} more / thêm ${issues.length - MAX_LISTED} dòng lỗi`);
    return 2;
  }
}

export const transitImportGtfs: Command = {
  name: ['transit', 'import-gtfs'],
  summary: 'Import the public-transport network (routes, stops, fare areas) from a GTFS folder',
  usage: 'egov transit import-gtfs <folder>',
  help: `Imports a GTFS feed unpacked in a folder:
  required   agency.txt, routes.txt, stops.txt, trips.txt, stop_times.txt (shape_dist_traveled in kilometres)
  optional   networks.txt, route_networks.txt, areas.txt, stop_areas.txt (GTFS-Fares v2)

Rules:
  - The feed is checked first: duplicate ids, references to unknown agencies, routes, trips, stops, networks or
    areas, coordinates that are not numbers or lie outside Việt Nam, missing files or columns. Every bad line is
    named in Vietnamese and English and nothing is imported.
  - Everything is written in one transaction with one audit row. Importing again updates what changed; routes,
    stops and areas missing from the new feed are kept.
  - A route's length is its longest direction-0 trip's shape_dist_traveled, or the great-circle distance between
    its stops where the feed gives none; it sets the route's bus fare length band.

Exit status: 0 when imported, 2 on a usage error or a feed that is not valid.

Example:
  egov transit import-gtfs data/transit/gtfs-demo`,
  async run(args, config) {
    const folders = args.filter((a) => !a.startsWith('-'));
    const options = args.filter((a) => a.startsWith('-'));
    if (folders.length !== 1 || options.length > 0) {
      const why = options.length > 0 ? `unknown option ${options[0]}` : 'give exactly one folder';
      terminal.err(`egov transit import-gtfs: ${why}\nRun 'egov transit import-gtfs --help' for details.`);
      return 2;
    }
    const database = await openConfiguredDatabase(config);
    try {
      await migrate(database);
      return await runImportGtfs(database, folders[0] ?? '', terminal);
    } finally {
      await database.close();
    }
  },
};
