// Imports a GTFS feed from a folder: all or nothing in one transaction, with one audit row; importing the same feed
// again updates in place (upsert) and changes nothing else. Routes, stops and areas missing from a later feed are
// kept (validators and journeys refer to them).
import { recordAudit } from '../../../platform/audit/index.ts';
import type { Kysely } from 'kysely';
import type { PlatformTables } from '../../../platform/db/index.ts';
import { TransitNetworkErrors } from './errors.ts';
import { checkFeed } from './gtfs-check.ts';
import { readFeedFolder, type FeedIssue } from './gtfs-read.ts';
import { asPlatformDb, networkDb, networkRepo } from './repo.ts';

export interface Count {
  created: number;
  updated: number;
}
export interface GtfsImportReport {
  operators: Count;
  networks: Count;
  routes: Count;
  stops: Count;
  areas: Count;
  routeStops: number;
  stopAreas: number;
}

/** "stops.txt line 7: …" in one language, for the CLI and logs. */
export function issueText(i: FeedIssue, lang: 'vi' | 'en'): string {
  const where = i.line === 0 ? i.file : `${i.file} ${lang === 'vi' ? 'dòng' : 'line'} ${i.line}`;
  return `${where}: ${i[lang]}`;
}

function count(ids: readonly string[], existing: Set<string>): Count {
  const created = ids.filter((id) => !existing.has(id)).length;
  return { created, updated: ids.length - created };
}

/** Throws FEED_INVALID with `details.issues` (every bad line) and writes nothing when the feed is not valid. */
export async function importGtfsFolder(db: Kysely<PlatformTables>, folder: string, actor: { id: number | null; label: string } = { id: null, label: 'system' }): Promise<GtfsImportReport> {
  const read = readFeedFolder(folder);
  const { feed, issues } = read.issues.length > 0 ? { feed: null, issues: read.issues } : checkFeed(read.tables);
  if (!feed || issues.length > 0) throw TransitNetworkErrors.FEED_INVALID({ details: { issues } });
  return networkDb(db)
    .transaction()
    .execute(async (tx) => {
      const before = await networkRepo.ids(tx);
      await networkRepo.store(tx, feed);
      const report: GtfsImportReport = {
        operators: count(feed.operators.map((o) => o.code), before.operators),
        networks: count(feed.networks.map((n) => n.code), before.networks),
        routes: count(feed.routes.map((r) => r.id), before.routes),
        stops: count(feed.stops.map((s) => s.id), before.stops),
        areas: count(feed.areas.map((a) => a.id), before.areas),
        routeStops: feed.routeStops.length,
        stopAreas: feed.stopAreas.length,
      };
      await recordAudit(asPlatformDb(tx), { actor, action: 'transit.gtfs.import', entity: 'transit_network', data: { folder, ...report } });
      return report;
    });
}
