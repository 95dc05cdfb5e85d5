import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EVENT, phaseMeasures, type SignalEvent } from './atspm.ts';

const s = (sec: number): number => sec * 1000;

/** A 60 s cycle for phase 2: green 0–30 s, yellow 30–33, red clear 33–35, red to 60. */
function cycleEvents(start: number): SignalEvent[] {
  return [
    { at: s(start), code: EVENT.PHASE_GREEN, param: 2 },
    { at: s(start + 30), code: EVENT.PHASE_YELLOW, param: 2 },
    { at: s(start + 33), code: EVENT.PHASE_RED_CLEAR, param: 2 },
  ];
}
const actuation = (at: number, channel: number, hold = 0.5): SignalEvent[] => [
  { at: s(at), code: EVENT.DETECTOR_ON, param: channel },
  { at: s(at + hold), code: EVENT.DETECTOR_OFF, param: channel },
];

test('arrivals on green: advance-detector actuations during the green over all arrivals, per cycle and in all', () => {
  const log = [
    ...cycleEvents(0), ...cycleEvents(60), ...cycleEvents(120),
    ...actuation(5, 1), ...actuation(12, 1), ...actuation(40, 1), // cycle 1: 2 of 3 on green
    ...actuation(61, 1), ...actuation(95, 1), // cycle 2: 1 of 2
    ...actuation(10, 9), // another detector: not counted
  ];
  const m = phaseMeasures(log.reverse(), 2, [1], []);
  assert.equal(m.cycles.length, 2, 'the last green opens a cycle that has not ended');
  assert.deepEqual(m.cycles.map((c) => c.arrivals), [[5, 12, 40], [1, 35]]);
  assert.deepEqual(m.cycles.map((c) => c.arrivalsOnGreen), [2, 1]);
  assert.equal(m.arrivals, 5);
  assert.equal(m.arrivalsOnGreen, 3 / 5);
  assert.equal(m.splitFailures, 0);
});

test('a split failure: the stop bar occupied through the green and the first 5 s of red', () => {
  const queue = [{ at: s(0), code: EVENT.DETECTOR_ON, param: 5 }, { at: s(38.5), code: EVENT.DETECTOR_OFF, param: 5 }];
  const cleared = [{ at: s(60), code: EVENT.DETECTOR_ON, param: 5 }, { at: s(70), code: EVENT.DETECTOR_OFF, param: 5 }];
  const m = phaseMeasures([...cycleEvents(0), ...cycleEvents(60), ...cycleEvents(120), ...queue, ...cleared], 2, [], [5]);
  assert.deepEqual(m.cycles.map((c) => c.splitFailure), [true, false]);
  assert.equal(m.cycles[0]!.greenOccupancy, 1);
  assert.equal(m.cycles[0]!.redOccupancy5, 1);
  assert.ok(m.cycles[1]!.greenOccupancy < 0.5);
  assert.equal(m.arrivalsOnGreen, null, 'no advance detector: no arrivals measured');
});
