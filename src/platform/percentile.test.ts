import { test } from 'node:test';
import assert from 'node:assert/strict';
import { percentile } from './percentile.ts';

test('nearest rank: p50 of 1..10 is 5, p90 is 9, p99 and p100 are 10, p0 is the smallest; unsorted input is sorted', () => {
  const xs = [7, 3, 10, 1, 9, 2, 8, 5, 4, 6];
  assert.equal(percentile(xs, 50), 5);
  assert.equal(percentile(xs, 90), 9);
  assert.equal(percentile(xs, 99), 10);
  assert.equal(percentile(xs, 100), 10);
  assert.equal(percentile(xs, 0), 1);
  assert.deepEqual(xs, [7, 3, 10, 1, 9, 2, 8, 5, 4, 6], 'the input is left as it was');
  assert.equal(percentile([1, 2, 3, 4], 50, { sorted: true }), 2);
  assert.ok(Number.isNaN(percentile([], 99)));
});
