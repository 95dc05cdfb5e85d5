import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cachedFigures, clearFiguresCache } from './cache.ts';

test('figures are computed once per max age, shared by concurrent requests; 0 always recomputes; failures are not kept', async () => {
  clearFiguresCache();
  let runs = 0;
  const compute = async (): Promise<number> => {
    runs++;
    await new Promise((r) => setTimeout(r, 10));
    return runs;
  };
  const t0 = 1_000_000;
  const [a, b] = await Promise.all([cachedFigures('k', 60, compute, t0), cachedFigures('k', 60, compute, t0 + 5)]);
  assert.deepEqual([a, b, runs], [1, 1, 1]);
  assert.equal(await cachedFigures('k', 60, compute, t0 + 59_000), 1);
  assert.equal(await cachedFigures('k', 60, compute, t0 + 60_000), 2);
  assert.equal(await cachedFigures('other', 60, compute, t0 + 60_000), 3);
  assert.equal(await cachedFigures('k', 0, compute, t0 + 60_001), 4);
  await assert.rejects(cachedFigures('bad', 60, () => Promise.reject(new Error('db down')), t0));
  assert.equal(await cachedFigures('bad', 60, async () => 7, t0 + 1), 7);
});
