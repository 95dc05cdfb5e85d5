// egov signals simulate: usage errors in both languages, nothing started without a broker, a short real run.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { mosquittoMissing, startMosquitto } from '../platform/testing/mosquitto.ts';
import { runSignalsSimulate } from './signals-simulate.ts';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (l: string) => void out.push(l), err: (l: string) => void err.push(l) }, out, err };
}

test('without a broker nothing starts; a bad number is named in Vietnamese and English', async () => {
  const c = capture();
  assert.equal(await runSignalsSimulate(['--intersections', '5'], c.io), 2);
  assert.match(c.err.join('\n'), /mosquitto -p 1883/);
  const d = capture();
  assert.equal(await runSignalsSimulate(['--intersections', '601', '--broker', 'mqtt://127.0.0.1:1'], d.io), 2);
  assert.match(d.err.join('\n'), /--intersections phải là số từ 1 đến 600/);
  assert.match(d.err.join('\n'), /--intersections must be a number from 1 to 600, not "601"/);
});

test('40 controllers for 3 seconds: statuses arrive with their lag, the flashing one is shown', { skip: mosquittoMissing() ?? false }, async () => {
  const broker = await startMosquitto();
  try {
    const c = capture();
    assert.equal(await runSignalsSimulate(['--intersections', '40', '--seconds', '3', '--broker', broker.url, '--flash-share', '0.05'], c.io), 0);
    const text = c.out.join('\n');
    process.stdout.write(`# ${c.out.join('\n# ')}\n`);
    assert.match(text, /controllers 40, statuses sent \d+, received \d+/);
    assert.ok(Number(/received (\d+)/.exec(text)?.[1]) >= 40, 'each controller reported at least once');
    assert.match(text, /status lag p50 \d+ ms, p99 \d+ ms/);
    assert.match(text, /flashing 2/);
  } finally {
    await broker.remove();
  }
});
