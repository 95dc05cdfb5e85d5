// End to end (issue 15, TRANSPORT.md §2): the app with EGOV_TRANSIT_BROKER set runs the fare centre on a real Mosquitto;
// a registered validator signs with its sealed secret, taps on and off a bus and forwards; the taps are stored once
// (a duplicate publish too), a forged batch is refused and parked by the validator, and the day is then priced.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import mqtt from 'mqtt';
import type { SessionUser } from '../../platform/auth/roles.ts';
import { type TestApp, testApp } from '../../testing/app.ts';
import { seedTransitNetwork, validatorSecret } from './network/index.ts';
import { openAccount, registerMedium } from './riders/index.ts';
import { citizen, transitStaff } from './riders/testing.ts';
import { priceYesterday } from './centre.ts';
import { priceServiceDay } from './taps/index.ts';
import { signedBatch, topics, Validator } from './validators/index.ts';
import { mosquittoMissing, startMosquitto, type TestBroker } from './validators/testing.ts';

const missing = mosquittoMissing();
const CARD = '04C3E7A1B2D4F6';
const DAY = '2026-06-11';

describe('the fare centre in the app', { skip: missing ?? false }, () => {
  let broker: TestBroker;
  let app: TestApp;
  let officer: SessionUser;
  const validators: Validator[] = [];
  const stored = async (ids: string[]) =>
    (await sql<{ tap_id: string }>`select tap_id from transit_taps where tap_id in (${sql.join(ids)})`.execute(app.database.db)).rows.map((r) => r.tap_id).sort();
  const start = async (id: string, secret: string, stopId?: string) => {
    const v = new Validator({ id, secret, url: broker.url, flushMs: 100, resendMs: 500, reconnectMs: 100, ...(stopId ? { stopId } : {}) });
    validators.push(v);
    await v.connect();
    await v.until(() => v.cache.fares !== null, 10_000, `${id}: the centre published nothing`);
    return v;
  };

  before(async () => {
    broker = await startMosquitto();
    app = await testApp({ env: { EGOV_TRANSIT_BROKER: broker.url, EGOV_TRANSIT_LISTS_SECONDS: '5' } });
    ({ officer } = await transitStaff(app));
    await seedTransitNetwork(app.database.db, app.platform.secrets);
    const u = await citizen(app, 'minh.centre', '001190007788');
    const account = await openAccount(app.platform, u, u.id);
    await registerMedium(app.platform, officer, account.id, { kind: 'operator_card', key: CARD });
  });
  after(async () => {
    for (const v of validators) await v.disconnect();
    await app?.close();
    await broker?.remove();
  });

  test('a registered bus validator’s taps are stored once, a duplicate publish too, then the day is priced', async () => {
    const v = await start('V-34-1', await validatorSecret(app.database.db, app.platform.secrets, 'V-34-1'));
    const on = v.tap({ kind: 'operator_card', key: CARD }, { direction: 'on', at: new Date(`${DAY}T07:00:00+07:00`), stopId: 'BUS-0016' });
    const off = v.tap({ kind: 'operator_card', key: CARD }, { direction: 'off', at: new Date(`${DAY}T07:40:00+07:00`), stopId: 'BUS-0024' });
    assert.deepEqual([on.decision, off.decision], ['admit', 'admit']);
    await v.drained(10_000);
    assert.equal(v.acked, 2);
    assert.deepEqual(v.parked, []);
    // The same signed batch published twice more (a validator that missed the ack): acknowledged, not stored again.
    const raw = await mqtt.connectAsync(broker.url, { clientId: 'test-duplicate' });
    const payload = JSON.stringify(signedBatch(await validatorSecret(app.database.db, app.platform.secrets, 'V-34-1'), 'V-34-1', [on, off]));
    await raw.publishAsync(topics.taps('V-34-1'), payload, { qos: 1 });
    await raw.publishAsync(topics.taps('V-34-1'), payload, { qos: 1 });
    await raw.endAsync();
    await new Promise((r) => setTimeout(r, 1000));
    assert.deepEqual(await stored([on.id, off.id]), [on.id, off.id].sort());
    const rows = await sql<{ n: number }>`select count(*)::int as n from transit_taps where tap_id in (${on.id}, ${off.id})`.execute(app.database.db);
    assert.equal(rows.rows[0]?.n, 2);

    // The nightly job (run by hand here: EGOV_JOBS=off in tests) prices the day before, acting as the system.
    const run = await priceYesterday(app.platform, new Date('2026-06-12T04:45:00+07:00'));
    assert.equal(run.serviceDay, DAY);
    assert.equal(run.taps, 2);
    assert.equal(run.accounts, 1);
    assert.equal(run.unmatchedTaps, 0);
    assert.ok(run.total > 0, 'the bus trip is priced');
    const trips = await sql<{ amount: number }>`select amount::int as amount from transit_trips where service_day = ${DAY}`.execute(app.database.db);
    assert.equal(trips.rows.length, 1, 'one trip from the tap-on and tap-off');
    assert.equal((await priceServiceDay(app.platform, officer, DAY)).alreadyPriced, true);
  });

  test('a batch signed with the wrong secret is refused for good: the validator parks it and does not resend', async () => {
    const v = await start('V-34-2', 'not-the-registered-secret');
    const t = v.tap({ kind: 'operator_card', key: CARD }, { direction: 'on', stopId: 'BUS-0016' });
    await v.until(() => v.parked.length > 0, 10_000, 'no refusal came');
    assert.deepEqual(v.parked.map((p) => [p.tap.id, p.code]), [[t.id, 'BAD_SIGNATURE']]);
    assert.match(v.parked[0]?.reason ?? '', /signature/);
    assert.equal(v.outbox.size(), 0);
    const published = v.published;
    await new Promise((r) => setTimeout(r, 1000));
    assert.equal(v.published, published, 'not sent again');
    assert.deepEqual(await stored([t.id]), []);
  });

  test('an unknown validator is refused with its reason', async () => {
    const v = await start('V-99-9', 'whatever-secret');
    v.tap({ kind: 'operator_card', key: CARD }, { direction: 'on', stopId: 'BUS-0016' });
    await v.until(() => v.parked.length > 0, 10_000, 'no refusal came');
    assert.equal(v.parked[0]?.code, 'VALIDATOR_UNKNOWN');
  });
});

test('the fare centre tests need Mosquitto', { skip: missing === null }, () => {
  process.stdout.write(`# skipped: ${missing ?? ''}\n`);
});
