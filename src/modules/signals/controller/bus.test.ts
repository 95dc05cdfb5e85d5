// The in-process bus: MQTT's + and # filters, delivery to every matching subscriber as Buffers, nothing after a client
// ends; and the centre and a simulated controller over it (status, a plan confirmed, a plan never acknowledged rolled back).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MemoryBus, topicMatches } from './bus.ts';
import { SignalCentre } from './centre.ts';
import { SimulatedController } from './device.ts';
import type { TimingPlan } from '../plan/types.ts';

test('topic filters: + one level, # the rest, exact otherwise', () => {
  assert.ok(topicMatches('egov/signals/c/+/status', 'egov/signals/c/HN1/status'));
  assert.ok(!topicMatches('egov/signals/c/+/status', 'egov/signals/c/HN1/ack'));
  assert.ok(!topicMatches('egov/signals/c/+/status', 'egov/signals/c/a/b/status'));
  assert.ok(topicMatches('egov/#', 'egov/signals/c/HN1/plan'));
  assert.ok(topicMatches('egov/signals/c/HN1/plan', 'egov/signals/c/HN1/plan'));
  assert.ok(!topicMatches('egov/signals/c/HN1/plan', 'egov/signals/c/HN2/plan'));
});

test('messages reach every matching subscriber once, as Buffers; none after the end', async () => {
  const bus = new MemoryBus();
  const a = bus.connect();
  const b = bus.connect();
  const got: string[] = [];
  a.on('message', (t: string, p: Buffer) => got.push(`a ${t} ${p.toString()}`));
  b.on('message', (t: string, p: Buffer) => got.push(`b ${t} ${p.toString()}`));
  await Promise.all([a, b].map((c) => new Promise<void>((r) => c.once('connect', r))));
  a.subscribe(['x/+', 'x/#'], { qos: 1 });
  b.subscribe('x/1', { qos: 0 });
  b.publish('x/1', 'hi', { qos: 0 });
  await new Promise((r) => setImmediate(r));
  assert.deepEqual(got.sort(), ['a x/1 hi', 'b x/1 hi']);
  await a.endAsync();
  b.publish('x/1', 'again', { qos: 0 });
  await new Promise((r) => setImmediate(r));
  assert.equal(got.length, 3);
});

test('the centre and simulated controllers over the bus: status, a confirmed plan, a rollback without an ack', async () => {
  const phases = [2, 4].map((n) => ({ phase: n, minimumGreen: 7, passage: 3, maximum1: 60, yellowChange: 3, redClear: 2 }));
  const plan = (cycle: number): TimingPlan => ({ phases, pattern: { pattern: 1, cycle, offset: 0, rings: [[2, 4]], splits: [{ phase: 2, time: cycle - 20, mode: 'none', coordPhase: true }, { phase: 4, time: 20, mode: 'none', coordPhase: false }] } });
  const bus = new MemoryBus();
  const centre = new SignalCentre({ url: 'memory', bus, known: ['A', 'B'], ackTimeoutMs: 200 });
  await centre.connect();
  const a = new SimulatedController({ id: 'A', url: 'memory', bus, plan: plan(60), ownTimer: false });
  const b = new SimulatedController({ id: 'B', url: 'memory', bus, plan: plan(60), ownTimer: false, neverAck: true });
  await a.connect();
  await b.connect();
  centre.assume('A', plan(60), 'fixed');
  centre.assume('B', plan(60), 'fixed');
  a.tick();
  await new Promise((r) => setImmediate(r));
  assert.equal(centre.latest.get('A')?.planVersion, 0);
  const ok = await centre.pushPlan('A', plan(80), 'fixed');
  assert.equal(ok.state, 'confirmed');
  assert.equal(a.plan.pattern.cycle, 80);
  const rolled = await centre.pushPlan('B', plan(80), 'fixed');
  assert.equal(rolled.state, 'rolled-back');
  await new Promise((r) => setImmediate(r));
  assert.equal(b.plan.pattern.cycle, 60, 'the last confirmed plan sent again');
  await a.close();
  await b.close();
  await centre.close();
});
