// egov transit simulate: usage errors in both languages, nothing started without a broker, a short real run.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { mosquittoMissing, startMosquitto } from '../modules/transit/validators/testing.ts';
import { runSimulate } from './transit-simulate.ts';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (l: string) => void out.push(l), err: (l: string) => void err.push(l) }, out, err };
}

test('without a broker nothing starts and the command says how to start Mosquitto', async () => {
  const c = capture();
  assert.equal(await runSimulate(['--validators', '3', '--minutes', '5'], c.io), 2);
  assert.match(c.err.join('\n'), /mosquitto -p 1883/);
  assert.deepEqual(c.out, []);
});

test('a bad number is named in Vietnamese and English', async () => {
  const c = capture();
  assert.equal(await runSimulate(['--validators', '0', '--minutes', '5', '--broker', 'mqtt://127.0.0.1:1'], c.io), 2);
  assert.match(c.err.join('\n'), /--validators phải là số từ 1 đến 2000/);
  assert.match(c.err.join('\n'), /--validators must be a number from 1 to 2000, not "0"/);
});

test('a short run against Mosquitto prints taps, acknowledgements and decision times', { skip: mosquittoMissing() ?? false }, async () => {
  const broker = await startMosquitto();
  try {
    const c = capture();
    assert.equal(await runSimulate(['--validators', '3', '--minutes', '10', '--broker', broker.url, '--offline-share', '0.2', '--duplicates', '0.1'], c.io), 0);
    const text = c.out.join('\n');
    process.stdout.write(`# ${c.out.join('\n# ')}\n`);
    const made = /taps made (\d+)/.exec(text)?.[1];
    assert.ok(Number(made) > 0);
    assert.match(text, new RegExp(`acked ${made}, stored ${made}`));
    assert.match(text, /decision time p50 [\d.]+ ms, p99 [\d.]+ ms/);
  } finally {
    await broker.remove();
  }
});

test('--database: the registered demo validators tap with their real secrets into the database through the ingest', { skip: mosquittoMissing() ?? false }, async () => {
  const { testApp } = await import('../testing/app.ts');
  const { seedTransitNetwork } = await import('../modules/transit/network/index.ts');
  const { sql } = await import('kysely');
  const broker = await startMosquitto();
  const app = await testApp();
  try {
    await seedTransitNetwork(app.database.db, app.platform.secrets);
    const c = capture();
    const code = await runSimulate(['--validators', '4', '--minutes', '5', '--broker', broker.url, '--database', 'app', '--offline-share', '0.2', '--duplicates', '0.2'], c.io, () => Promise.resolve({ platform: app.platform, close: () => Promise.resolve() }));
    const text = c.out.join('\n');
    process.stdout.write(`# ${c.out.join('\n# ')}\n`);
    assert.equal(code, 0, c.err.join('\n'));
    assert.match(text, /registered validators used 4/);
    const made = Number(/taps made (\d+)/.exec(text)?.[1]);
    assert.ok(made > 0);
    assert.match(text, /refused 0/);
    const rows = await sql<{ n: number; validators: number }>`select count(*)::int as n, count(distinct validator_id)::int as validators from transit_taps where lower(medium_key) like 'sim-%'`.execute(app.database.db);
    assert.equal(rows.rows[0]?.n, made, 'every tap stored once');
    assert.ok((rows.rows[0]?.validators ?? 0) >= 2);
  } finally {
    await app.close();
    await broker.remove();
  }
});

test('--database must be app or a postgres URL', async () => {
  const c = capture();
  assert.equal(await runSimulate(['--validators', '3', '--minutes', '5', '--broker', 'mqtt://127.0.0.1:1', '--database', 'mysql://x'], c.io), 2);
  assert.match(c.err.join('\n'), /--database must be "app" or a postgres:\/\/ URL/);
});
