// Controllers and the centre over a real Mosquitto on loopback (started by the test): statuses reach the centre, a plan
// is pushed and confirmed and the controller switches, a bad plan is refused by the controller with the problems, a
// controller that never confirms is rolled back to its last confirmed plan, a stranger's status is flagged, and a
// controller that drops off shows as silent.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import mqtt from 'mqtt';
import { mosquittoMissing, startMosquitto, type TestBroker } from '../../../platform/testing/mosquitto.ts';
import type { TimingPlan } from '../plan/types.ts';
import { SignalCentre } from './centre.ts';
import { SimulatedController } from './device.ts';
import { signalTopics } from './protocol.ts';
import { stateAt } from './timing.ts';

const skip = mosquittoMissing();
const phases = [2, 4].map((n) => ({ phase: n, minimumGreen: 7, passage: 3, maximum1: 60, yellowChange: 3, redClear: 2 }));
const planOf = (pattern: number, cycle: number, first: number): TimingPlan => ({ phases, pattern: { pattern, cycle, offset: 0, rings: [[2, 4]], splits: [{ phase: 2, time: first, mode: 'none', coordPhase: true }, { phase: 4, time: cycle - first, mode: 'none', coordPhase: false }] } });
const A = planOf(1, 60, 35);
const B = planOf(2, 80, 50);

let broker: TestBroker;
let centre: SignalCentre;
const events: [string, number][] = [];
const controllers: SimulatedController[] = [];

async function until(what: string, ok: () => boolean, ms = 8000): Promise<void> {
  const end = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

before(async () => {
  if (skip) return;
  broker = await startMosquitto();
  centre = new SignalCentre({ url: broker.url, known: ['I1', 'I2', 'I3'], ackTimeoutMs: 3000, clientId: `centre-${process.pid}`, onEvents: (id, e) => events.push(...e.map(([, code]) => [id, code] as [string, number])) });
  await centre.connect();
  for (const id of ['I1', 'I2', 'I3']) {
    centre.assume(id, A, 'fixed');
    const c = new SimulatedController({ id, url: broker.url, plan: A, statusMs: 200, arrivalsPerHour: 3600, neverAck: id === 'I3' });
    controllers.push(c);
    await c.connect();
  }
});

after(async () => {
  if (skip) return;
  for (const c of controllers) await c.close();
  await centre.close();
  await broker.remove();
});

test('statuses reach the centre with the phase bitmaps of the running plan; events arrive', { skip: skip ?? false }, async () => {
  await until('three statuses', () => centre.latest.size === 3);
  const s = centre.latest.get('I1')!;
  assert.equal(s.pattern, 1);
  assert.equal(s.greens, stateAt(A, s.at).greens);
  assert.ok(centre.lags.every((l) => l >= 0 && l < 2000));
  await until('phase and detector events', () => events.some(([, c]) => c === 82));
});

test('a plan pushed is confirmed and the controller switches to it', { skip: skip ?? false }, async () => {
  const outcome = await centre.pushPlan('I1', B, 'fixed');
  assert.equal(outcome.state, 'confirmed');
  await until('I1 reports pattern 2', () => centre.latest.get('I1')?.pattern === 2);
  assert.equal(centre.confirmed.get('I1')?.plan.pattern.cycle, 80);
  assert.equal(controllers[0]!.plan.pattern.cycle, 80);
});

test('a plan that breaks the rules is refused by the centre before it is sent, and by a controller if sent anyway', { skip: skip ?? false }, async () => {
  const bad = planOf(3, 60, 5);
  const outcome = await centre.pushPlan('I2', bad, 'fixed');
  assert.equal(outcome.state, 'invalid');
  assert.ok(outcome.state === 'invalid' && outcome.problems.some((p) => p.code === 'SPLIT_SHORT'));
  // Sent by someone else straight to the controller: it refuses and says why.
  const raw = await mqtt.connectAsync(broker.url, { clientId: `raw-${process.pid}` });
  const ack = new Promise<{ ok: boolean; problems?: { code: string }[] }>((resolve) => raw.on('message', (_t, p) => resolve(JSON.parse(p.toString()) as { ok: boolean })));
  await raw.subscribeAsync(signalTopics.ack('I2'), { qos: 1 });
  await raw.publishAsync(signalTopics.plan('I2'), JSON.stringify({ version: 5, mode: 'fixed', plan: bad }), { qos: 1 });
  const a = await ack;
  assert.equal(a.ok, false);
  assert.ok(a.problems?.some((p) => p.code === 'SPLIT_SHORT'));
  assert.equal(controllers[1]!.plan.pattern.pattern, 1, 'the controller kept its plan');
  await raw.endAsync();
});

test('a controller that never confirms is rolled back to its last confirmed plan', { skip: skip ?? false }, async () => {
  const outcome = await centre.pushPlan('I3', B, 'fixed');
  assert.deepEqual(outcome, { state: 'rolled-back', version: (outcome as { version: number }).version, restored: 0 });
  await until('I3 runs plan A again', () => controllers[2]!.plan.pattern.pattern === 1 && controllers[2]!.applied.length === 2);
});

test('status from an unknown controller is flagged; a controller that drops off is silent', { skip: skip ?? false }, async () => {
  const raw = await mqtt.connectAsync(broker.url, { clientId: `stranger-${process.pid}` });
  await raw.publishAsync(signalTopics.status('X9'), JSON.stringify({ id: 'X9', at: Date.now(), online: true }), { qos: 1 });
  await until('X9 counted', () => (centre.unknown.get('X9') ?? 0) > 0);
  assert.ok(!centre.latest.has('X9'));
  await raw.endAsync();
  assert.deepEqual(centre.silent(Date.now()), []);
  await controllers[1]!.close();
  await until('I2 silent', () => centre.silent(Date.now(), 1000).includes('I2'), 5000);
});
