import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mapLimit } from './map-limit.ts';

const tick = (ms: number) => new Promise((r) => setTimeout(r, ms));

test('results come back in the items’ order, with never more than the limit running at once', async () => {
  let running = 0;
  let most = 0;
  const out = await mapLimit([30, 5, 20, 1, 10, 2], 3, async (ms, i) => {
    most = Math.max(most, ++running);
    await tick(ms);
    running--;
    return `${i}:${ms}`;
  });
  assert.deepEqual(out, ['0:30', '1:5', '2:20', '3:1', '4:10', '5:2']);
  assert.equal(most, 3);
  assert.deepEqual(await mapLimit([], 4, async () => 1), []);
});

test('limit 1 runs one at a time; the first error is thrown and no new item starts after it', async () => {
  const order: number[] = [];
  await mapLimit([1, 2, 3], 1, async (n) => {
    order.push(n);
    await tick(3 - n);
  });
  assert.deepEqual(order, [1, 2, 3]);
  const started: number[] = [];
  await assert.rejects(
    mapLimit([1, 2, 3, 4, 5], 2, async (n) => {
      started.push(n);
      await tick(1);
      if (n === 2) throw new Error('boom');
    }),
    /boom/,
  );
  assert.ok(!started.includes(5), `started ${started.join(',')}`);
});
