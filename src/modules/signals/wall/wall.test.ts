// The wall's pure parts: each state from a status, worst first, unknown controllers counted, the lag p99 of recent
// statuses; the event store's window and cap; the measures of a made-up event log with its PCD bands.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { StatusMessage } from '../controller/protocol.ts';
import type { RuntimeIntersection, SignalEvent } from '../runtime.ts';
import { WallEventStore } from './events.ts';
import { parsePhase, wallMeasures } from './measures.ts';
import { COMM_LOST_MS, type CentreView, recentLagP99, stateOf, wallState } from './state.ts';

const NOW = 1_800_000_000_000;
const status = (id: string, o: Partial<StatusMessage> = {}, ago = 500): StatusMessage & { receivedAt: number } => ({
  id, at: NOW - ago - 20, online: true, mode: 'fixed', pattern: 1, planVersion: 1, cycleSecond: 3, greens: 2, yellows: 0, reds: 8, alarms: [], ...o, receivedAt: NOW - ago,
});
const place = (id: string, i: number): RuntimeIntersection => ({ id, name: `Nút ${id}`, lat: 21 + i / 1000, lon: 105.8 + i / 1000, corridor: null });

test('each state: normal, flashing (pattern 255 or flash mode), fault (alarms), communication lost (silent > 5 s, offline, never heard)', () => {
  assert.equal(stateOf(status('A'), NOW), 'normal');
  assert.equal(stateOf(status('A', { pattern: 255 }), NOW), 'flashing');
  assert.equal(stateOf(status('A', { mode: 'flash', pattern: 1 }), NOW), 'flashing');
  assert.equal(stateOf(status('A', { alarms: ['lamp-out'] }), NOW), 'fault');
  assert.equal(stateOf(status('A', { pattern: 255, mode: 'flash', alarms: ['conflict-flash'] }), NOW), 'fault', 'a conflict flash is a fault');
  assert.equal(stateOf(status('A', {}, COMM_LOST_MS), NOW), 'normal', 'exactly 5 s is not yet lost');
  assert.equal(stateOf(status('A', {}, COMM_LOST_MS + 1), NOW), 'commLost');
  assert.equal(stateOf(status('A', { online: false }), NOW), 'commLost');
  assert.equal(stateOf(undefined, NOW), 'commLost');
});

test('the wall: worst first with counts, the longest silent first, unknown controllers counted and flagged, never drawn', () => {
  const ids = ['N1', 'N2', 'N3', 'N4', 'N5', 'N6'];
  const centre: CentreView = {
    latest: new Map([
      ['N1', status('N1')],
      ['N2', status('N2', { pattern: 255, mode: 'flash' })],
      ['N3', status('N3', { alarms: ['detector-fault'] })],
      ['N4', status('N4', {}, 9000)],
      ['N5', status('N5', {}, 60_000)],
    ]),
    lags: [...Array.from({ length: 99 }, () => 20), 400],
    unknown: new Map([['ROGUE1', 3], ['ROGUE2', 40]]),
  };
  const s = wallState(centre, new Map(ids.map((id, i) => [id, place(id, i)])), NOW);
  assert.deepEqual(s.rows.map((r) => [r.id, r.state]), [['N6', 'commLost'], ['N5', 'commLost'], ['N4', 'commLost'], ['N3', 'fault'], ['N2', 'flashing'], ['N1', 'normal']]);
  assert.deepEqual(s.counts, { commLost: 3, fault: 1, flashing: 1, normal: 1 });
  assert.deepEqual(s.unknown, [{ id: 'ROGUE2', messages: 40 }, { id: 'ROGUE1', messages: 3 }]);
  assert.ok(!s.rows.some((r) => r.id.startsWith('ROGUE')));
  assert.deepEqual(s.rows.find((r) => r.id === 'N3')!.alarms, ['detector-fault']);
  assert.equal(s.rows.find((r) => r.id === 'N5')!.silentFor, 60);
  assert.equal(s.rows.find((r) => r.id === 'N6')!.silentFor, null);
  assert.equal(s.lagP99, 20, '99 of 100 lags are 20 ms');
  assert.equal(s.lagSamples, 100);
});

test('the lag p99 is of the recent statuses only', () => {
  assert.deepEqual(recentLagP99([5000, 5000, ...Array.from({ length: 100 }, (_, i) => i)], 100), { p99: 98, samples: 100 });
  assert.deepEqual(recentLagP99([], 10), { p99: null, samples: 0 });
});

test('the event store keeps the window, drops bad events, and keeps the newest at its cap', () => {
  let now = NOW;
  const store = new WallEventStore(60_000, 256, () => now);
  store.add('A', [[NOW - 90_000, 1, 2], [NOW - 30_000, 1, 2], [NOW - 10_000, 8, 2], [NaN, 1, 2], [NOW, 300, 1], ['x', 1, 1] as unknown as SignalEvent]);
  assert.deepEqual(store.events('A').map((e) => e.at), [NOW - 30_000, NOW - 10_000]);
  now += 40_000;
  assert.deepEqual(store.events('A').map((e) => e.at), [NOW - 10_000], 'older than the window: dropped');
  const many: SignalEvent[] = Array.from({ length: 1000 }, (_, i) => [now - 1000 + i, 82, 4]);
  store.add('B', many);
  const b = store.events('B');
  assert.equal(b.length, 256);
  assert.equal(b[0]!.at, now - 1000 + 744);
  assert.equal(b.at(-1)!.at, now - 1);
  assert.deepEqual(store.size(), { events: 257, controllers: 2 });
  assert.deepEqual(store.events('nobody'), []);
});

test('the measures of a made-up log: arrivals on green, a split failure, the PCD bands, via the store', () => {
  const s = (x: number): number => NOW - 600_000 + x * 1000;
  const log: SignalEvent[] = [];
  // Phase 2, cycle 60 s: green 0–30, yellow 30–33, red clearance from 33; phase 4 the rest.
  for (const c of [0, 60, 120]) log.push([s(c), 1, 2], [s(c + 30), 8, 2], [s(c + 33), 10, 2], [s(c + 35), 1, 4], [s(c + 55), 8, 4], [s(c + 58), 10, 4]);
  // Cycle 1: arrivals at 5 and 6 (green) and 40 (red); the detector held from 6 s through the first 5 s of red.
  log.push([s(5), 82, 2], [s(5.3), 81, 2], [s(6), 82, 2], [s(39), 81, 2], [s(40), 82, 2], [s(40.3), 81, 2]);
  // Cycle 2: one arrival at 70 (green), a short actuation.
  log.push([s(70), 82, 2], [s(70.3), 81, 2]);
  const store = new WallEventStore(30 * 60_000, 4096, () => NOW);
  store.add('X', log.slice(0, 10));
  store.add('X', log.slice(10));
  assert.deepEqual(store.phases('X'), [2, 4]);
  const m = wallMeasures(store.events('X'), 2);
  assert.equal(m.cycles.length, 2);
  assert.deepEqual(m.cycles.map((c) => c.arrivals), [[5, 6, 40], [10]]);
  assert.deepEqual(m.cycles.map((c) => c.arrivalsOnGreen), [2, 1]);
  assert.equal(m.arrivalsOnGreen, 3 / 4);
  assert.deepEqual(m.cycles.map((c) => c.splitFailure), [true, false]);
  assert.equal(m.splitFailures, 1);
  assert.deepEqual(m.bands.map((b) => [b.yellow, b.red, b.end]), [[30, 33, 60], [30, 33, 60]]);
  assert.equal(wallMeasures(store.events('X'), 6).cycles.length, 0, 'a phase not in the log: no cycles');
});

test('a phase is a whole number 1–16', () => {
  assert.equal(parsePhase('2'), 2);
  assert.equal(parsePhase(' 16 '), 16);
  for (const bad of ['0', '17', '2.5', '-1', 'abc', '', '999']) assert.equal(parsePhase(bad), null, bad);
});
