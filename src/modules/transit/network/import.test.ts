// GTFS import on PGlite or PostgreSQL (TEST_DATABASE_URL): the demo feed's counts and lengths, a second import that
// changes nothing, and each kind of bad feed refused with its line named and nothing written (TRANSPORT.md §1–2).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { testDatabase } from '../../../platform/testing/database.ts';
import type { Database } from '../../../platform/db/index.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { DEMO_GTFS_FOLDER, getRoute, getStop, importGtfsFolder, listRoutes, type FeedIssue } from './index.ts';
import { copyDemoFeed, lineOf, type FeedCopy } from './testing.ts';

let database: Database;
before(async () => {
  database = await testDatabase();
});
after(async () => {
  await database.close();
});

async function tableCounts(): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of ['transit_operators', 'transit_networks', 'transit_routes', 'transit_stops', 'transit_areas', 'transit_stop_areas', 'transit_route_stops']) {
    const r = await sql<{ n: string }>`select count(*) as n from ${sql.table(t)}`.execute(database.db);
    out[t] = Number(r.rows[0]?.n);
  }
  return out;
}

/** The issues of a refused import (it must be refused). */
async function refused(copy: FeedCopy): Promise<FeedIssue[]> {
  try {
    await importGtfsFolder(database.db, copy.folder);
  } catch (err) {
    assert.ok(err instanceof AppError && err.code === 'FEED_INVALID', String(err));
    return err.details?.issues as FeedIssue[];
  }
  assert.fail('the feed was imported');
}

describe('GTFS import', () => {
  test('the demo feed: counts, route lengths and their fare bands', async () => {
    const r = await importGtfsFolder(database.db, DEMO_GTFS_FOLDER);
    assert.deepEqual(r.operators, { created: 3, updated: 0 });
    assert.deepEqual(r.networks, { created: 3, updated: 0 });
    assert.deepEqual(r.routes, { created: 10, updated: 0 });
    assert.deepEqual(r.stops, { created: 58, updated: 0 });
    assert.deepEqual(r.areas, { created: 21, updated: 0 });
    assert.equal(r.routeStops, 96);
    assert.equal(r.stopAreas, 31);
    const lengths = Object.fromEntries((await listRoutes(database.db)).map((x) => [x.id, `${x.network} ${x.lengthKm} ${x.band.code}`]));
    assert.deepEqual(lengths, {
      BRT01: 'brt 14.7 lt15',
      '09A': 'bus 14.2 lt15',
      '18': 'bus 19.6 15to25',
      '32': 'bus 21.4 15to25',
      '34': 'bus 27.3 25to30',
      '01': 'bus 29.2 25to30',
      '90': 'bus 33.5 30to40',
      '107': 'bus 52.8 ge40',
      '2A': 'metro 13.1 lt15',
      '3.1': 'metro 8.5 lt15',
    });
    assert.equal((await getRoute(database.db, '2A')).operator, 'HMC');
    assert.deepEqual(await getStop(database.db, '2A-01'), { id: '2A-01', name: 'Ga Cát Linh', lat: 21.0287, lon: 105.826, kind: 'station', parentStation: null });
  });

  test('importing the same feed again creates nothing and changes no count', async () => {
    const before = await tableCounts();
    const r = await importGtfsFolder(database.db, DEMO_GTFS_FOLDER);
    assert.deepEqual(r.routes, { created: 0, updated: 10 });
    assert.deepEqual(r.stops, { created: 0, updated: 58 });
    assert.deepEqual(await tableCounts(), before);
    const audits = await sql<{ n: string }>`select count(*) as n from audit_log where action = 'transit.gtfs.import'`.execute(database.db);
    assert.equal(Number(audits.rows[0]?.n), 2);
  });

  test('a changed feed updates in place: a renamed stop and a longer route', async () => {
    const copy = copyDemoFeed();
    try {
      copy.replace('stops.txt', 'BUS-0001,Bờ Hồ (Đinh Tiên Hoàng)', 'BUS-0001,Bờ Hồ');
      copy.replace('stop_times.txt', '2A-DI-0600,06:23:00,06:23:00,2A-12,12,13.100', '2A-DI-0600,06:23:00,06:23:00,2A-12,12,13.200');
      const r = await importGtfsFolder(database.db, copy.folder);
      assert.deepEqual(r.stops, { created: 0, updated: 58 });
      assert.equal((await getStop(database.db, 'BUS-0001')).name, 'Bờ Hồ');
      assert.equal((await getRoute(database.db, '2A')).lengthKm, 13.2);
    } finally {
      copy.remove();
      await importGtfsFolder(database.db, DEMO_GTFS_FOLDER);
    }
  });

  // Each bad feed also renames a stop: the rename must not be saved (all or nothing).
  const cases: { name: string; edit: (c: FeedCopy) => void; file: string; line: (c: FeedCopy) => number; en: RegExp; vi: RegExp }[] = [
    { name: 'an unknown stop in stop_times', edit: (c) => c.replace('stop_times.txt', 'BRT01-DI-0600,06:02:00,06:02:00,BUS-0012', 'BRT01-DI-0600,06:02:00,06:02:00,BUS-9999'), file: 'stop_times.txt', line: (c) => lineOf(c, 'stop_times.txt', 'BRT01-DI-0600,06:02:00'), en: /stop_id "BUS-9999" is not in stops\.txt/, vi: /không có trong stops\.txt/ },
    { name: 'coordinates outside Việt Nam', edit: (c) => c.replace('stops.txt', '21.029100,105.852600', '51.507400,-0.127800'), file: 'stops.txt', line: (c) => lineOf(c, 'stops.txt', 'BUS-0001,'), en: /outside Việt Nam/, vi: /ngoài Việt Nam/ },
    { name: 'a duplicate stop id', edit: (c) => c.replace('stops.txt', 'BUS-0003,', 'BUS-0002,'), file: 'stops.txt', line: (c) => lineOf(c, 'stops.txt', 'BUS-0002,Hàng Bài'), en: /stop_id "BUS-0002" is a duplicate/, vi: /bị trùng/ },
    { name: 'a missing required column', edit: (c) => c.write('routes.txt', c.read('routes.txt').replace('route_type', 'kind')), file: 'routes.txt', line: () => 1, en: /Required columns are missing: route_type/, vi: /Thiếu cột bắt buộc: route_type/ },
    { name: 'a trip of an unknown route', edit: (c) => c.replace('trips.txt', '32,DAILY', '33,DAILY'), file: 'trips.txt', line: (c) => lineOf(c, 'trips.txt', '33,DAILY'), en: /route_id "33" is not in routes\.txt/, vi: /không có trong routes\.txt/ },
    { name: 'a stop in an unknown area', edit: (c) => c.replace('stop_areas.txt', 'ring1,BUS-0001', 'ring2,BUS-0001'), file: 'stop_areas.txt', line: (c) => lineOf(c, 'stop_areas.txt', 'ring2,'), en: /area_id "ring2" is not in areas\.txt/, vi: /không có trong areas\.txt/ },
    { name: 'a route of an unknown agency', edit: (c) => c.replace('routes.txt', '90,TRANSERCO', '90,TRANSERC0'), file: 'routes.txt', line: (c) => lineOf(c, 'routes.txt', '90,'), en: /agency_id "TRANSERC0" is not in agency\.txt/, vi: /không có trong agency\.txt/ },
    { name: 'a distance that goes back', edit: (c) => c.replace('stop_times.txt', 'BRT01-DI-0600,06:02:00,06:02:00,BUS-0012,2,0.511', 'BRT01-DI-0600,06:02:00,06:02:00,BUS-0012,2,9.511'), file: 'stop_times.txt', line: (c) => lineOf(c, 'stop_times.txt', 'BRT01-DI-0600,06:07:00'), en: /decreases along trip "BRT01-DI-0600"/, vi: /giảm dần/ },
    { name: 'an empty file', edit: (c) => c.write('trips.txt', ''), file: 'trips.txt', line: () => 1, en: /Required columns are missing: route_id, trip_id/, vi: /Thiếu cột/ },
  ];
  for (const k of cases) {
    test(`refused with the line named, nothing saved: ${k.name}`, async () => {
      const before = await tableCounts();
      const copy = copyDemoFeed();
      try {
        copy.replace('stops.txt', 'BUS-0005,Cửa Nam', 'BUS-0005,Cửa Nam (đổi tên)');
        k.edit(copy);
        const issues = await refused(copy);
        const hit = issues.find((i) => k.en.test(i.en));
        assert.ok(hit, JSON.stringify(issues));
        assert.match(hit.vi, k.vi);
        assert.deepEqual([hit.file, hit.line], [k.file, k.line(copy)]);
      } finally {
        copy.remove();
      }
      assert.equal((await getStop(database.db, 'BUS-0005')).name, 'Cửa Nam');
      assert.deepEqual(await tableCounts(), before);
    });
  }

  test('a folder that is not there, and a feed without stop_times.txt, are refused', async () => {
    await assert.rejects(importGtfsFolder(database.db, '/nonexistent/gtfs'), (e: AppError) => e.code === 'FEED_INVALID' && (e.details?.issues as FeedIssue[])[0]?.en === 'The GTFS folder does not exist.');
    const copy = copyDemoFeed();
    try {
      rmSync(join(copy.folder, 'stop_times.txt'));
      assert.deepEqual(await refused(copy), [{ file: 'stop_times.txt', line: 0, vi: 'Thiếu tệp bắt buộc.', en: 'A required file is missing.' }]);
    } finally {
      copy.remove();
    }
  });
});
