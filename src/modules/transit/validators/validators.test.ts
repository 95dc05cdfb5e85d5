// The validator link against a real Mosquitto on loopback (TRANSPORT.md §2: offline decisions, store and forward,
// duplicate taps idempotent by tap id, deny list changes reaching validators).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { type Centre, connectCentre } from './centre.ts';
import { memoryLists, memorySink } from './memory.ts';
import { signedBatch, topics } from './protocol.ts';
import { simulateTraffic } from './simulate.ts';
import { mosquittoMissing, startMosquitto, type TestBroker } from './testing.ts';
import { Validator } from './validator.ts';
import mqtt from 'mqtt';

const missing = mosquittoMissing();
const SECRET = 'test-secret-of-validators';
const card = (key: string) => ({ kind: 'operator_card', key });

describe('validators over MQTT', { skip: missing ?? false }, () => {
  let broker: TestBroker;
  let centre: Centre;
  const lists = memoryLists({ deny: [card('stolen-1')], allow: [{ ...card('senior-1'), category: 'senior' }] });
  const sink = memorySink(() => SECRET);
  const validators: Validator[] = [];
  const validator = async (id: string) => {
    const v = new Validator({ id, secret: SECRET, url: broker.url, flushMs: 100, resendMs: 1000, reconnectMs: 100, routeId: '01' });
    validators.push(v);
    await v.connect();
    await v.until(() => v.cache.version('deny') > 0 && v.cache.fares !== null, 5000);
    return v;
  };

  before(async () => {
    broker = await startMosquitto();
    centre = await connectCentre({ url: broker.url, sink, lists, fares: { version: '2026-07-01', summary: { busSingle: 8000 } }, reconnectMs: 100 });
  });
  after(async () => {
    for (const v of validators) await v.disconnect();
    await centre.close();
    await broker.remove();
  });

  test('decides offline from the cached lists: denied, free under a concession, else priced centrally', async () => {
    const v = await validator('V-01-1');
    assert.equal(v.cache.fares?.version, '2026-07-01');
    assert.deepEqual([v.tap(card('stolen-1')).decision, v.tap(card('senior-1')).decision, v.tap(card('any-1')).decision], ['deny', 'admit_free', 'admit']);
    assert.equal(v.tap(card('senior-1')).category, 'senior');
    await v.drained(5000);
  });

  test('taps made offline queue and are forwarded on reconnect, each acknowledged once', async () => {
    const v = await validator('V-01-2');
    await v.disconnect();
    const made = Array.from({ length: 30 }, (_, i) => v.tap(card(`rider-${i}`)).id);
    assert.equal(new Set(made).size, 30, 'tap ids are unique');
    assert.equal(v.outbox.size(), 30);
    await v.connect();
    await v.drained(10_000);
    assert.equal(v.acked, 30);
    for (const id of made) assert.ok(sink.taps.has(id), `${id} stored`);
  });

  test('a batch published twice is stored once and both are acknowledged', async () => {
    const v = await validator('V-01-3');
    await v.disconnect();
    const tap = v.tap(card('twice'));
    const raw = await mqtt.connectAsync(broker.url, { clientId: 'test-duplicator' });
    const payload = JSON.stringify(signedBatch(SECRET, v.id, [tap]));
    const before = sink.received;
    await raw.publishAsync(topics.taps(v.id), payload, { qos: 1 });
    await raw.publishAsync(topics.taps(v.id), payload, { qos: 1 });
    await raw.endAsync();
    await v.connect();
    await v.drained(10_000);
    for (let i = 0; i < 50 && sink.received - before < 2; i++) await new Promise((r) => setTimeout(r, 100));
    assert.ok(sink.received - before >= 2, 'the sink saw the tap at least twice');
    assert.equal([...sink.taps.keys()].filter((id) => id === tap.id).length, 1);
  });

  test('a batch with a wrong signature is refused for good: parked with the reason, not stored, not resent', async () => {
    const v = new Validator({ id: 'V-01-9', secret: 'not-the-registered-one', url: broker.url, flushMs: 100, resendMs: 200, reconnectMs: 100 });
    validators.push(v);
    await v.connect();
    const tap = v.tap(card('forged'));
    await v.until(() => v.parked.length > 0, 5000);
    assert.equal(v.outbox.size(), 0);
    assert.deepEqual(v.parked.map((p) => [p.tap.id, p.code]), [[tap.id, 'BAD_SIGNATURE']]);
    assert.equal(sink.taps.has(tap.id), false);
    const published = v.published;
    await new Promise((r) => setTimeout(r, 600));
    assert.equal(v.published, published, 'not sent again');
    await v.disconnect();
  });

  test('a transient failure of the sink acknowledges nothing: the taps are sent again and stored', async () => {
    const v = await validator('V-01-8');
    sink.failNext = 1;
    const tap = v.tap(card('retry-1'));
    await v.drained(10_000);
    assert.ok(sink.taps.has(tap.id));
    assert.equal(v.parked.length, 0);
  });

  test('the broker killed and restarted mid-run loses nothing (QoS 1, persistent sessions)', async () => {
    const v = await validator('V-01-4');
    const made = Array.from({ length: 20 }, (_, i) => v.tap(card(`a-${i}`)).id);
    await broker.stop();
    made.push(...Array.from({ length: 20 }, (_, i) => v.tap(card(`b-${i}`)).id));
    await broker.start();
    made.push(...Array.from({ length: 20 }, (_, i) => v.tap(card(`c-${i}`)).id));
    await v.drained(20_000);
    assert.deepEqual(made.filter((id) => !sink.taps.has(id)), []);
    assert.equal(v.acked, 60);
  });

  test('a deny-list delta reaches a validator that was offline; the next tap of that medium is denied offline', async () => {
    const v = await validator('V-01-5');
    const version = v.cache.version('deny');
    await v.disconnect();
    lists.change('deny', [card('lost-7')]);
    await centre.publishLists();
    await v.connect();
    await v.until(() => v.cache.version('deny') > version, 5000);
    await v.disconnect();
    assert.equal(v.tap(card('lost-7')).decision, 'deny');
    lists.change('deny', [], [card('lost-7')]);
    await centre.publishLists();
    await v.connect();
    await v.until(() => v.cache.version('deny') > version + 1, 5000);
    assert.equal(v.tap(card('lost-7')).decision, 'admit', 'restored once the debt is paid');
  });
});

describe('the traffic simulator', { skip: missing ?? false }, () => {
  test('every tap made is stored once despite offline stretches, duplicates and reordering', async () => {
    const broker = await startMosquitto();
    try {
      const r = await simulateTraffic({ url: broker.url, validators: 12, minutes: 40, offlineShare: 0.15, duplicates: 0.05, msPerMinute: 60, drainMs: 20_000 });
      process.stdout.write(`# simulator: ${JSON.stringify(r)}\n`);
      assert.ok(r.tapsMade > 0);
      assert.equal(r.stored, r.tapsMade);
      assert.equal(r.unacknowledged, 0);
      assert.equal(r.acked, r.tapsMade);
      assert.ok(r.offlineMinutes > 0, 'some validators went offline');
      assert.ok(r.denied > 0, 'deny-listed media were refused');
    } finally {
      await broker.remove();
    }
  });
});

test('a file outbox keeps pending taps and the tap counter across a restart, so ids never repeat', async () => {
  const { mkdtempSync, rmSync } = await import('node:fs');
  const { join } = await import('node:path');
  const { tmpdir } = await import('node:os');
  const { fileOutbox } = await import('./outbox.ts');
  const dir = mkdtempSync(join(tmpdir(), 'egov-outbox-'));
  try {
    const path = join(dir, 'outbox.json');
    const first = new Validator({ id: 'V-02-1', secret: SECRET, url: 'mqtt://127.0.0.1:1', outbox: fileOutbox(path) });
    const a = first.tap(card('x')).id;
    first.outbox.remove([first.tap(card('y')).id]);
    const again = new Validator({ id: 'V-02-1', secret: SECRET, url: 'mqtt://127.0.0.1:1', outbox: fileOutbox(path) });
    assert.deepEqual(again.outbox.pending().map((t) => t.id), [a]);
    assert.equal(again.tap(card('z')).id, 'V-02-1-3');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a file outbox keeps the taps the centre refused for good, with the reason, across a restart', async () => {
  const { mkdtempSync, rmSync } = await import('node:fs');
  const { join } = await import('node:path');
  const { tmpdir } = await import('node:os');
  const { fileOutbox } = await import('./outbox.ts');
  const dir = mkdtempSync(join(tmpdir(), 'egov-outbox-'));
  try {
    const path = join(dir, 'outbox.json');
    const first = new Validator({ id: 'V-02-2', secret: SECRET, url: 'mqtt://127.0.0.1:1', outbox: fileOutbox(path) });
    const refused = first.tap(card('forged')).id;
    const kept = first.tap(card('fine')).id;
    assert.equal(first.outbox.park([refused], 'BAD_SIGNATURE', 'The signature does not match.'), 1);
    const again = new Validator({ id: 'V-02-2', secret: SECRET, url: 'mqtt://127.0.0.1:1', outbox: fileOutbox(path) });
    assert.deepEqual(again.parked.map((p) => [p.tap.id, p.code, p.reason]), [[refused, 'BAD_SIGNATURE', 'The signature does not match.']]);
    assert.deepEqual(again.outbox.pending().map((t) => t.id), [kept], 'a parked tap is not sent again');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
