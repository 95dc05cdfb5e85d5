// The batcher behind group commit and batched reads: calls of one moment share a batch, a call arriving while the
// batches in flight are busy joins the next one, each caller gets its own result or error, and a failed run fails
// only its own batch.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createBatcher } from './batcher.ts';

test('calls made in one turn of the event loop share one batch; later calls wait for the running one', async () => {
  const batches: number[][] = [];
  let release: () => void = () => undefined;
  const gate = new Promise<void>((r) => (release = r));
  const b = createBatcher<number, number>({
    maxWaitMs: 0,
    run: async (items) => {
      batches.push(items);
      if (batches.length === 1) await gate;
      return items.map((n) => ({ ok: true, value: n * 10 }));
    },
  });
  const first = [1, 2, 3].map((n) => b.submit(n));
  await new Promise((r) => setImmediate(r));
  const second = [4, 5].map((n) => b.submit(n));
  await new Promise((r) => setImmediate(r));
  assert.deepEqual(batches, [[1, 2, 3]], 'the second group waits while the first batch runs');
  release();
  assert.deepEqual(await Promise.all([...first, ...second]), [10, 20, 30, 40, 50]);
  assert.deepEqual(batches, [[1, 2, 3], [4, 5]]);
});

test('a batch never exceeds maxBatch and each item settles with its own result or error', async () => {
  const sizes: number[] = [];
  const b = createBatcher<number, number>({
    maxBatch: 4,
    concurrency: 2,
    run: async (items) => {
      sizes.push(items.length);
      return items.map((n) => (n % 5 === 0 ? { ok: false, error: new Error(`bad ${n}`) } : { ok: true, value: n }));
    },
  });
  const settled = await Promise.allSettled(Array.from({ length: 10 }, (_, i) => b.submit(i + 1)));
  assert.ok(sizes.every((s) => s <= 4), `batch sizes ${sizes.join(',')}`);
  assert.equal(sizes.reduce((a, s) => a + s, 0), 10);
  assert.deepEqual(
    settled.map((s) => (s.status === 'fulfilled' ? s.value : (s.reason as Error).message)),
    [1, 2, 3, 4, 'bad 5', 6, 7, 8, 9, 'bad 10'],
  );
  await b.drain();
});

test('a run that throws fails every item of its batch, and the next batch runs', async () => {
  let calls = 0;
  const b = createBatcher<string, string>({
    maxWaitMs: 1,
    run: async (items) => {
      calls++;
      if (calls === 1) throw new Error('connection lost');
      return items.map((s) => ({ ok: true, value: s.toUpperCase() }));
    },
  });
  const lost = await Promise.allSettled([b.submit('a'), b.submit('b')]);
  assert.deepEqual(lost.map((s) => s.status), ['rejected', 'rejected']);
  assert.equal(await b.submit('c'), 'C');
});
