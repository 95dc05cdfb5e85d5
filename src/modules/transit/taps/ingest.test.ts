// Validators forward signed batches of taps (TRANSPORT.md §2): forged, unknown, blocked, replayed, skewed and
// malformed batches; and the fare table built from the network's routes.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import type { SessionUser } from '../../../platform/auth/roles.ts';
import { type TestApp, testApp } from '../../../testing/app.ts';
import { loadGtfsFaresFromDir } from '../fares/index.ts';
import { seedTransitNetwork, setValidatorStatus } from '../network/index.ts';
import { fails, transitStaff } from '../riders/testing.ts';
import { signBatch } from './canonical.ts';
import { faresFromNetwork } from './fare-network.ts';
import { ingestTapBatches, ingestTaps } from './ingest.ts';
import { FARES_FOLDER } from './price.ts';
import { signed, tap } from './testing.ts';

let app: TestApp;
let officer: SessionUser;
const NOW = new Date('2026-06-10T16:00:00Z'); // 23:00 in Hà Nội
const CARD = '04A1B2C3D4E5F6';

before(async () => {
  app = await testApp();
  ({ officer } = await transitStaff(app));
  await seedTransitNetwork(app.database.db, app.platform.secrets);
});
after(async () => app?.close());

const stored = async (ids: string[]): Promise<string[]> =>
  (await sql<{ tap_id: string }>`select tap_id from transit_taps where tap_id = any(${ids}) order by tap_id`.execute(app.database.db)).rows.map((r) => r.tap_id);

test('a signed batch is stored; a replay is acknowledged without a second row; out of order is fine', async () => {
  const later = tap(CARD, '2026-06-10T07:40:00', 'off', 'BUS-0024');
  const earlier = tap(CARD, '2026-06-10T07:00:00', 'on', 'BUS-0016');
  const first = await ingestTaps(app.platform, await signed(app, 'V-34-1', [later, earlier]), { now: NOW });
  assert.deepEqual({ ...first, stored: [...first.stored].sort() }, { stored: [later.id, earlier.id].sort(), duplicates: [], skewed: [] });
  const fresh = tap(CARD, '2026-06-10T09:00:00', 'on', 'BUS-0016');
  const again = await ingestTaps(app.platform, await signed(app, 'V-34-1', [earlier, fresh]), { now: NOW });
  assert.deepEqual(again.stored, [fresh.id]);
  assert.deepEqual(again.duplicates, [earlier.id]);
  const rows = (await sql<{ n: number }>`select count(*)::int as n from transit_taps where tap_id = ${earlier.id}`.execute(app.database.db)).rows;
  assert.equal(rows[0]?.n, 1);
  const v = await sql<{ operator_code: string; route_id: string; stop_id: string }>`select operator_code, route_id, stop_id from transit_taps where tap_id = ${earlier.id}`.execute(app.database.db);
  assert.deepEqual(v.rows[0], { operator_code: 'TRANSERCO', route_id: '34', stop_id: 'BUS-0016' });
});

test('batches stored together (a group of the centre): each answered on its own, a forged one refused alone, a tap in two batches stored once', async () => {
  const a = tap(CARD, '2026-06-10T10:00:00', 'on', 'BUS-0016');
  const b = tap(CARD, '2026-06-10T10:30:00', 'off', 'BUS-0024');
  const g = tap(CARD, '2026-06-10T11:00:00', 'on');
  const forged = await signed(app, 'V-34-1', [tap(CARD, '2026-06-10T12:00:00', 'on', 'BUS-0016')]);
  const r = await ingestTapBatches(app.platform, [
    await signed(app, 'V-34-1', [a]),
    { ...forged, signature: signBatch('not-the-secret', forged) },
    await signed(app, 'G-2A-01-1', [g]),
    await signed(app, 'V-34-1', [b, a]),
  ], { now: NOW });
  assert.deepEqual(r.map((x) => x.status), ['fulfilled', 'rejected', 'fulfilled', 'fulfilled']);
  assert.equal((r[1] as PromiseRejectedResult).reason.code, 'BAD_SIGNATURE');
  const values = r.flatMap((x) => (x.status === 'fulfilled' ? [x.value] : []));
  assert.deepEqual(values.map((v) => [v.stored, v.duplicates]), [[[a.id], []], [[g.id], []], [[b.id], [a.id]]]);
  assert.deepEqual(await stored([a.id, b.id, g.id, forged.taps[0]!.id]), [a.id, b.id, g.id].sort());
  const seen = await sql<{ n: number }>`select count(*)::int as n from transit_validators where id in ('V-34-1', 'G-2A-01-1') and last_seen_at = ${NOW}`.execute(app.database.db);
  assert.equal(seen.rows[0]?.n, 2, 'both validators marked seen');
});

test('a gate tap takes the gate’s station; a vehicle tap without its stop is malformed', async () => {
  const t = tap(CARD, '2026-06-10T08:00:00', 'on');
  await ingestTaps(app.platform, await signed(app, 'G-2A-01-1', [t]), { now: NOW });
  const r = await sql<{ stop_id: string; operator_code: string }>`select stop_id, operator_code from transit_taps where tap_id = ${t.id}`.execute(app.database.db);
  assert.deepEqual(r.rows[0], { stop_id: '2A-01', operator_code: 'HMC' });
  const bad = tap(CARD, '2026-06-10T08:00:00', 'on');
  await assert.rejects(ingestTaps(app.platform, await signed(app, 'V-34-1', [bad]), { now: NOW }), fails('BATCH_INVALID'));
});

test('forged, unknown and blocked validators are refused and nothing is stored', async () => {
  const t = tap(CARD, '2026-06-10T10:00:00', 'on', 'BUS-0016');
  const good = await signed(app, 'V-34-1', [t]);
  await assert.rejects(ingestTaps(app.platform, { ...good, signature: signBatch('not-the-secret', good) }, { now: NOW }), fails('BAD_SIGNATURE'));
  // Signed, then changed in transit: the medium key differs from what was signed.
  await assert.rejects(ingestTaps(app.platform, { ...good, taps: [{ ...t, mediumKey: '04FFFFFFFFFFFF' }] }, { now: NOW }), fails('BAD_SIGNATURE'));
  await assert.rejects(ingestTaps(app.platform, { ...good, validatorId: 'V-NOPE-9' }, { now: NOW }), fails('VALIDATOR_UNKNOWN'));
  await setValidatorStatus(app.database.db, 'V-34-2', 'blocked', { id: officer.id, label: 'test' });
  await assert.rejects(ingestTaps(app.platform, await signed(app, 'V-34-2', [t]), { now: NOW }), fails('VALIDATOR_BLOCKED'));
  assert.deepEqual(await stored([t.id]), []);
});

test('clock skew: a tap ahead of the server is flagged; more than a day ahead refuses the whole batch', async () => {
  const ok = tap(CARD, '2026-06-10T22:00:00', 'on', 'BUS-0016');
  const ahead = tap(CARD, '2026-06-10T23:30:00', 'on', 'BUS-0016');
  const r = await ingestTaps(app.platform, await signed(app, 'V-34-1', [ok, ahead]), { now: NOW, maxFutureMinutes: 10 });
  assert.deepEqual(r.skewed, [ahead.id]);
  const flags = await sql<{ tap_id: string; flags: string[] }>`select tap_id, flags from transit_taps where tap_id in (${ok.id}, ${ahead.id}) order by tapped_at`.execute(app.database.db);
  assert.deepEqual(flags.rows.map((x) => x.flags), [[], ['clock_skew']]);
  const fine = tap(CARD, '2026-06-10T21:00:00', 'on', 'BUS-0016');
  const far = tap(CARD, '2026-06-12T08:00:00', 'on', 'BUS-0016');
  await assert.rejects(ingestTaps(app.platform, await signed(app, 'V-34-1', [fine, far]), { now: NOW }), fails('CLOCK_SKEW'));
  assert.deepEqual(await stored([fine.id, far.id]), []);
});

test('malformed taps and oversized batches are refused whole, with the tap named', async () => {
  const good = tap(CARD, '2026-06-10T11:00:00', 'on', 'BUS-0016');
  const cases = [
    { ...tap(CARD, '2026-06-10T11:00:00', 'on', 'BUS-0016'), direction: 'sideways' as 'on' },
    tap(CARD, '2026-06-10 11:00', 'on', 'BUS-0016'),
    { ...tap(CARD, '2026-06-10T11:00:00', 'on', 'BUS-0016'), mediumKind: 'paper' },
    { ...tap('x|y', '2026-06-10T11:00:00', 'on', 'BUS-0016') },
    { ...good },
  ];
  for (const bad of cases) {
    await assert.rejects(ingestTaps(app.platform, await signed(app, 'V-34-1', [good, bad]), { now: NOW }), (e: unknown) => {
      assert.equal((e as { code: string }).code, 'BATCH_INVALID');
      assert.match((e as { text: { en: string } }).text.en, /tap 2/);
      return true;
    });
  }
  assert.deepEqual(await stored([good.id]), []);
  const three = [1, 2, 3].map((i) => tap(CARD, `2026-06-10T12:0${i}:00`, 'on', 'BUS-0016'));
  await assert.rejects(ingestTaps(app.platform, await signed(app, 'V-34-1', three), { now: NOW, maxBatch: 2 }), fails('BATCH_TOO_LARGE'));
});

test('the fare table takes route lengths and metro station positions from the network (demo feed)', async () => {
  const base = loadGtfsFaresFromDir(FARES_FOLDER);
  assert.equal(base.routeKm.get('bus/34'), undefined); // not in the fare data's sample lengths
  const net = await faresFromNetwork(app.database.db, base);
  assert.equal(net.fares.routeKm.get('bus/34'), 27.3);
  assert.equal(net.fares.routeKm.get('bus/BRT01'), 14.7); // the BRT priced as a bus
  assert.equal(net.fares.stopKm.get('metro-2a/2A-09'), 8.791); // the fare data's sample says 9.3
  assert.deepEqual(net.routes.get('3.1'), { fareNetwork: 'metro-3-1', operator: 'HMC', routeType: 1 });
  assert.equal(net.lineOfStation.get('2A-05'), '2A');
});
