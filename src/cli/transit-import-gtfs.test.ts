// `egov transit import-gtfs` as an operator runs it: exit 0 and the counts on a good feed, exit 2 with every bad line
// named on a bad feed or a bad command line, and nothing imported then.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { testDatabase } from '../platform/testing/database.ts';
import type { Database } from '../platform/db/index.ts';
import { DEMO_GTFS_FOLDER, listRoutes } from '../modules/transit/network/index.ts';
import { copyDemoFeed, lineOf } from '../modules/transit/network/testing.ts';
import { runImportGtfs } from './transit-import-gtfs.ts';

let database: Database;
before(async () => {
  database = await testDatabase();
});
after(async () => {
  await database.close();
});

async function capture(folder: string): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runImportGtfs(database, folder, { out: (l) => void (out += `${l}\n`), err: (l) => void (err += `${l}\n`) });
  return { code, out, err };
}

function egov(args: string[], env: Record<string, string>): Promise<{ code: number | null; out: string; err: string }> {
  const { DATABASE_URL: _ignored, ...inherited } = process.env;
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', ...args], {
    env: { ...inherited, LOG_LEVEL: 'warn', NODE_ENV: 'development', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  return new Promise((resolve) => child.once('close', (code) => resolve({ code, out, err })));
}

test('a bad feed: exit 2, each bad line named in Vietnamese and English, nothing imported', async () => {
  const copy = copyDemoFeed();
  try {
    copy.replace('stops.txt', '21.029100,105.852600', 'x,105.852600');
    copy.replace('trips.txt', '32,DAILY', '33,DAILY');
    const r = await capture(copy.folder);
    assert.equal(r.code, 2);
    assert.match(r.err, /không có gì được nhập/);
    assert.match(r.err, /nothing was imported/);
    assert.match(r.err, new RegExp(`stops\\.txt dòng ${lineOf(copy, 'stops.txt', 'BUS-0001,')}: Tọa độ .* / The coordinates \\(x, 105\\.852600\\)`));
    assert.match(r.err, new RegExp(`trips\\.txt dòng ${lineOf(copy, 'trips.txt', '33,DAILY')}: .* / route_id "33" is not in routes\\.txt`));
    assert.equal(r.out, '');
  } finally {
    copy.remove();
  }
  assert.deepEqual(await listRoutes(database.db), []);
});

test('the demo feed: exit 0 and the counts', async () => {
  const r = await capture(DEMO_GTFS_FOLDER);
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /routes +new 10, updated 0/);
  assert.match(r.out, /stops +new 58, updated 0/);
  assert.match(r.out, /route stops 96, stops in areas 31/);
  const again = await capture(DEMO_GTFS_FOLDER);
  assert.match(again.out, /routes +new 0, updated 10/);
});

test('the command itself: no folder is a usage error; a missing folder exits 2 after migrating', { timeout: 240_000 }, async () => {
  const varDir = mkdtempSync(join(tmpdir(), 'egov-var-'));
  try {
    const usage = await egov(['transit', 'import-gtfs'], { DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' });
    assert.equal(usage.code, 2);
    assert.match(usage.err, /give exactly one folder/);
    const env: Record<string, string> = process.env.TEST_DATABASE_URL ? { DATABASE_URL: database.url ?? '', EGOV_VAR_DIR: varDir } : { EGOV_VAR_DIR: varDir };
    const missing = await egov(['transit', 'import-gtfs', join(varDir, 'no-such-feed')], env);
    assert.equal(missing.code, 2, missing.err);
    assert.match(missing.err, /The GTFS folder does not exist/);
  } finally {
    rmSync(varDir, { recursive: true, force: true });
  }
});
