import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkPlan } from '../plan/check.ts';
import { demoBand, demoIntersections, GREEN_WAVE } from './demo.ts';

test('the demo network: 600 intersections in central Hà Nội, every plan passes the check, a green wave with a band', () => {
  const list = demoIntersections();
  assert.equal(list.length, 600);
  assert.equal(new Set(list.map((x) => x.id)).size, 600);
  for (const x of list) {
    assert.ok(x.lat > 20.94 && x.lat < 21.09 && x.lon > 105.77 && x.lon < 105.90, `${x.id} lies in central Hà Nội`);
    assert.deepEqual(checkPlan(x.plan), [], `${x.id}'s plan passes the check`);
  }
  const wave = list.filter((x) => x.corridor === GREEN_WAVE.corridor);
  assert.ok(wave.length >= 20, 'the green-wave corridor has its intersections');
  assert.ok(wave.every((x) => x.plan.pattern.cycle === GREEN_WAVE.cycle));
  assert.ok(new Set(wave.map((x) => x.plan.pattern.offset)).size > 5, 'offsets follow the travel time');
  assert.ok(demoBand(list) >= 15, `a through band of ${demoBand(list)} s at 40 km/h`);
  assert.deepEqual(demoIntersections().map((x) => [x.id, x.lat, x.plan.pattern.cycle]), list.map((x) => [x.id, x.lat, x.plan.pattern.cycle]), 'the same every time');
});
