// What fares and taps ask of the network, on PGlite or PostgreSQL: distances along a route (metro fares, the ride
// inside Ring Road 1), fare areas, a feed without shape_dist_traveled, and validators (TRANSPORT.md §1–2).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { testDatabase } from '../../../platform/testing/database.ts';
import type { Database } from '../../../platform/db/index.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { createSealer, SealedError } from '../../../platform/auth/sealed.ts';
import {
  areaStops,
  distanceBetween,
  getRoute,
  getValidator,
  haversineKm,
  importGtfsFolder,
  listRoutes,
  recordValidatorSeen,
  registerValidator,
  routeStops,
  seedTransitNetwork,
  setValidatorStatus,
  stopInArea,
  validatorSecret,
} from './index.ts';

const sealer = createSealer(Buffer.alloc(32, 7));
const admin = { id: null, label: 'test' };
let database: Database;
before(async () => {
  database = await testDatabase();
  const first = await seedTransitNetwork(database.db, sealer);
  // Two validators on each of the 8 bus and BRT routes, two gates at each of the 20 metro stations.
  assert.equal(first.validatorsCreated, 8 * 2 + 20 * 2);
  // Seeding again registers nothing new.
  assert.equal((await seedTransitNetwork(database.db, sealer)).validatorsCreated, 0);
});
after(async () => {
  await database.close();
});

const code = (c: string) => (e: unknown) => e instanceof AppError && e.code === c;

describe('distances and areas', () => {
  test('metro: the whole line either way is its length; two stations apart is the difference of their distances', async () => {
    assert.equal(await distanceBetween(database.db, '2A', '2A-01', '2A-12'), 13.1);
    assert.equal(await distanceBetween(database.db, '2A', '2A-12', '2A-01'), 13.1);
    assert.equal(await distanceBetween(database.db, '3.1', '31-01', '31-08'), 8.5);
    const stops = await routeStops(database.db, '2A');
    assert.deepEqual(stops.map((s) => s.stopId), Array.from({ length: 12 }, (_, i) => `2A-${String(i + 1).padStart(2, '0')}`));
    const d = (id: string) => stops.find((s) => s.stopId === id)?.distanceKm ?? NaN;
    assert.equal(await distanceBetween(database.db, '2A', '2A-03', '2A-07'), Math.round((d('2A-07') - d('2A-03')) * 1000) / 1000);
    assert.equal(await distanceBetween(database.db, '2A', '2A-05', '2A-05'), 0);
  });

  test('bus: shape_dist_traveled of the feed; on a loop the shortest ride forward counts', async () => {
    assert.equal(await distanceBetween(database.db, 'BRT01', 'BUS-0011', 'BUS-0012'), 0.511);
    // 09A passes Kim Mã (BUS-0011) at stops 6 and 9 and Núi Trúc (BUS-0012) at 5 and 10: the ride is 9 → 10.
    const s = await routeStops(database.db, '09A');
    const at = (seq: number) => s.find((x) => x.sequence === seq)?.distanceKm ?? NaN;
    assert.equal(await distanceBetween(database.db, '09A', 'BUS-0011', 'BUS-0012'), Math.round((at(10) - at(9)) * 1000) / 1000);
    assert.ok(at(10) - at(9) < at(10) - at(6));
  });

  test('a stop off the route or an unknown route is a clear error', async () => {
    await assert.rejects(distanceBetween(database.db, '2A', '2A-01', '31-01'), (e: AppError) => code('STOP_NOT_ON_ROUTE')(e) && e.details?.stopId === '31-01' && e.text.vi === 'Điểm dừng không thuộc tuyến này.');
    await assert.rejects(getRoute(database.db, '999'), code('ROUTE_NOT_FOUND'));
  });

  test('Ring Road 1 holds the central stops and Ga Cát Linh, not Kim Mã; each metro station is its own area', async () => {
    assert.equal(await stopInArea(database.db, 'BUS-0001', 'ring1'), true);
    assert.equal(await stopInArea(database.db, '2A-01', 'ring1'), true);
    assert.equal(await stopInArea(database.db, 'BUS-0011', 'ring1'), false);
    assert.equal(await stopInArea(database.db, '2A-05', 'ST-2A-05'), true);
    assert.equal(await stopInArea(database.db, '2A-05', 'ST-2A-06'), false);
    assert.equal((await areaStops(database.db, 'ring1')).length, 11);
    await assert.rejects(stopInArea(database.db, 'BUS-9999', 'ring1'), code('STOP_NOT_FOUND'));
  });

  test('a feed without shape_dist_traveled nor networks.txt: great-circle lengths, default network, names kept', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'egov-gtfs-'));
    try {
      const w = (f: string, rows: string[]) => writeFileSync(join(dir, f), `${rows.join('\n')}\n`);
      w('agency.txt', ['agency_name,agency_url,agency_timezone', 'Nhà xe thử,https://example.vn,Asia/Ho_Chi_Minh']);
      w('routes.txt', ['route_id,route_short_name,route_long_name,route_type', 'T1,T1,Thử,3']);
      w('stops.txt', ['stop_id,stop_name,stop_lat,stop_lon', 'T-1,Một,21.0,105.8', 'T-2,Hai,21.01,105.8', 'T-3,Ba,21.02,105.8']);
      w('trips.txt', ['route_id,service_id,trip_id', 'T1,X,T1-a']);
      w('stop_times.txt', ['trip_id,arrival_time,departure_time,stop_id,stop_sequence', 'T1-a,06:00:00,06:00:00,T-1,1', 'T1-a,06:05:00,06:05:00,T-2,2', 'T1-a,06:10:00,06:10:00,T-3,3']);
      const r = await importGtfsFolder(database.db, dir);
      assert.deepEqual(r.networks, { created: 0, updated: 1 });
      const route = await getRoute(database.db, 'T1');
      const expected = Math.round(haversineKm({ lat: 21.0, lon: 105.8 }, { lat: 21.02, lon: 105.8 }) * 1000) / 1000;
      assert.equal(route.lengthKm, expected);
      assert.ok(Math.abs(expected - 2.224) < 0.002);
      assert.deepEqual([route.network, route.operator], ['bus', 'AGENCY']);
      const names = await sql<{ name: string }>`select name from transit_networks where code = 'bus'`.execute(database.db);
      assert.equal(names.rows[0]?.name, 'Xe buýt Hà Nội');
      assert.equal((await listRoutes(database.db, { network: 'metro' })).length, 2);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('validators', () => {
  test('lookup: active, then blocked with an audit row, then restored; an unknown id is refused clearly', async () => {
    const v = await getValidator(database.db, 'V-BRT01-1');
    assert.deepEqual([v.kind, v.operator, v.routeId, v.stationId, v.active], ['vehicle', 'TRAMOC', 'BRT01', null, true]);
    const g = await getValidator(database.db, 'G-2A-01-2');
    assert.deepEqual([g.kind, g.operator, g.stationId, g.routeId], ['gate', 'HMC', '2A-01', null]);
    await setValidatorStatus(database.db, 'V-BRT01-1', 'blocked', admin);
    assert.equal((await getValidator(database.db, 'V-BRT01-1')).active, false);
    await setValidatorStatus(database.db, 'V-BRT01-1', 'active', admin);
    assert.equal((await getValidator(database.db, 'V-BRT01-1')).status, 'active');
    const audits = await sql<{ action: string }>`select action from audit_log where entity_id = 'V-BRT01-1' and action like 'transit.validator.%' order by id`.execute(database.db);
    assert.deepEqual(audits.rows.map((r) => r.action), ['transit.validator.register', 'transit.validator.block', 'transit.validator.restore']);
    await assert.rejects(getValidator(database.db, 'V-NOPE'), (e: AppError) => code('VALIDATOR_UNKNOWN')(e) && /không có trong danh sách/.test(e.text.vi) && /not registered/.test(e.text.en));
    await assert.rejects(setValidatorStatus(database.db, 'V-NOPE', 'blocked', admin), code('VALIDATOR_UNKNOWN'));
  });

  test('the signing secret is stored sealed, opens only under the key it was sealed with, and differs per validator', async () => {
    const r = await registerValidator(database.db, sealer, { id: 'V-32-9', kind: 'vehicle', operator: 'TRANSERCO', routeId: '32' }, admin);
    assert.equal(r.created, true);
    assert.equal(await validatorSecret(database.db, sealer, 'V-32-9'), r.secret);
    const stored = await sql<{ s: string }>`select secret_sealed as s from transit_validators where id = 'V-32-9'`.execute(database.db);
    assert.ok(r.secret && !(stored.rows[0]?.s ?? '').includes(r.secret));
    assert.notEqual(await validatorSecret(database.db, sealer, 'V-32-1'), r.secret);
    await assert.rejects(validatorSecret(database.db, createSealer(Buffer.alloc(32, 8)), 'V-32-9'), SealedError);
    assert.deepEqual(await registerValidator(database.db, sealer, { id: 'V-32-9', kind: 'vehicle', operator: 'TRANSERCO', routeId: '32' }, admin), { created: false, secret: null });
  });

  test('a validator in the wrong place is refused', async () => {
    await assert.rejects(registerValidator(database.db, sealer, { id: 'G-x', kind: 'gate', operator: 'HMC', routeId: '2A' }, admin), code('VALIDATOR_INVALID'));
    await assert.rejects(registerValidator(database.db, sealer, { id: 'G-y', kind: 'gate', operator: 'HMC', stationId: '2A-99' }, admin), code('STOP_NOT_FOUND'));
    await assert.rejects(registerValidator(database.db, sealer, { id: 'V-y', kind: 'vehicle', operator: 'HMC', routeId: '404' }, admin), code('ROUTE_NOT_FOUND'));
  });

  test('a report-in records the clock skew (device ahead is positive)', async () => {
    const now = new Date('2026-07-01T08:00:00Z');
    await recordValidatorSeen(database.db, 'G-31-01-1', new Date(now.getTime() + 4_500), now);
    const v = await getValidator(database.db, 'G-31-01-1');
    assert.equal(v.clockSkewMs, 4_500);
    assert.equal(v.lastSeenAt?.toISOString(), now.toISOString());
  });
});
