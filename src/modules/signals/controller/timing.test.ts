import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { TimingPlan } from '../plan/types.ts';
import { stateAt } from './timing.ts';

const plan: TimingPlan = {
  phases: [2, 4, 6].map((n) => ({ phase: n, minimumGreen: 7, passage: 3, maximum1: 60, yellowChange: 3, redClear: 2 })),
  pattern: { pattern: 1, cycle: 90, offset: 20, rings: [[2, 4, 6]], splits: [{ phase: 2, time: 45, mode: 'none', coordPhase: true }, { phase: 4, time: 25, mode: 'none', coordPhase: false }, { phase: 6, time: 20, mode: 'none', coordPhase: false }] },
};
const at = (s: number): number => s * 1000;

test('a fixed-time plan: green, yellow and red clearance of each phase in turn, counted from the offset', () => {
  assert.deepEqual(stateAt(plan, at(20)).rings, [{ phase: 2, interval: 'green', left: 40 }]);
  assert.deepEqual(stateAt(plan, at(20 + 40)).rings, [{ phase: 2, interval: 'yellow', left: 3 }]);
  assert.deepEqual(stateAt(plan, at(20 + 43)).rings, [{ phase: 2, interval: 'redClear', left: 2 }]);
  assert.deepEqual(stateAt(plan, at(20 + 45)).rings, [{ phase: 4, interval: 'green', left: 20 }]);
  assert.deepEqual(stateAt(plan, at(20 + 89)).rings, [{ phase: 6, interval: 'redClear', left: 1 }]);
  assert.deepEqual(stateAt(plan, at(20 + 90)).rings, stateAt(plan, at(20)).rings, 'the next cycle');
  assert.deepEqual(stateAt(plan, at(10)).rings, [{ phase: 6, interval: 'green', left: 5 }], 'before the offset: second 80 of the previous cycle');
});

test('the NTCIP status bitmaps: bit n−1 for phase n; every phase is exactly one of green, yellow, red', () => {
  const s = stateAt(plan, at(25));
  assert.equal(s.greens, 0b10);
  assert.equal(s.yellows, 0);
  assert.equal(s.reds, 0b101000);
  for (let t = 0; t < 180; t++) {
    const x = stateAt(plan, at(t));
    assert.equal(x.greens & x.yellows, 0);
    assert.equal((x.greens | x.yellows | x.reds) & 0b101010, 0b101010);
    assert.equal(x.greens & x.reds, 0);
  }
});
