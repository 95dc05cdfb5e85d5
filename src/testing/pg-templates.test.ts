// The PostgreSQL template databases behind testApp (pg-templates.ts); only with TEST_DATABASE_URL.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { sql } from 'kysely';
import type { Database } from '../platform/db/index.ts';
import { seededPostgres } from './pg-templates.ts';
import { REPO, seedKey, sourceStamp } from './seeded.ts';

const url = process.env.TEST_DATABASE_URL;
const skip = url ? false : 'PostgreSQL only (TEST_DATABASE_URL)';
const made: string[] = [];

async function admin<T>(f: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return await f(c);
  } finally {
    await c.end();
  }
}

const databases = () => admin(async (c) => (await c.query<{ datname: string }>('select datname from pg_database')).rows.map((r) => r.datname));

after(async () => {
  if (!url) return;
  await admin(async (c) => {
    for (const d of made) await c.query(`drop database if exists ${d} with (force)`);
  });
});

test('concurrent test files seed one template and each gets its own copy of it, dropped on close', { skip }, async () => {
  const what = `pg-templates.test ${randomBytes(4).toString('hex')}`;
  const template = `egov_tpl_${seedKey(what)}`;
  made.push(template);
  let seeds = 0;
  const seed = async (d: Database) => {
    seeds++;
    await sql`create table seeded_here (n int)`.execute(d.db);
    await sql`insert into seeded_here values (42)`.execute(d.db);
  };
  const [a, b, c] = await Promise.all([1, 2, 3].map(() => seededPostgres(url as string, what, seed)));
  assert.equal(seeds, 1);
  const names = new Set<string>();
  for (const d of [a, b, c]) {
    const r = await sql<{ n: number; name: string }>`select n, current_database() as name from seeded_here`.execute(d!.db);
    assert.deepEqual(r.rows.map((x) => x.n), [42]);
    names.add(r.rows[0]!.name);
  }
  assert.equal(names.size, 3);
  // A write in one copy is not seen in the template nor in the others.
  await sql`insert into seeded_here values (7)`.execute(a!.db);
  const inB = await sql<{ n: number }>`select n from seeded_here`.execute(b!.db);
  assert.deepEqual(inB.rows.map((x) => x.n), [42]);
  const d = await seededPostgres(url as string, what, seed);
  assert.deepEqual((await sql<{ n: number }>`select n from seeded_here`.execute(d.db)).rows.map((x) => x.n), [42]);
  assert.equal(seeds, 1);
  const open = await admin(async (c) => (await c.query('select datallowconn from pg_database where datname = $1', [template])).rows[0]);
  assert.deepEqual(open, { datallowconn: false });
  for (const x of [a, b, c, d]) await x!.close();
  for (const n of names) assert.ok(!(await databases()).includes(n), `${n} dropped`);
});

test("a build drops this checkout's templates of an older source state, not another checkout's recent ones", { skip }, async () => {
  const tag = randomBytes(4).toString('hex');
  const ours = `egov_tpl_old_${tag}`;
  const theirs = `egov_tpl_other_${tag}`;
  const ancient = `egov_tplb_dead_${tag}`;
  made.push(ours, theirs, ancient);
  await admin(async (c) => {
    const note = (n: object) => c.escapeLiteral(JSON.stringify(n));
    await c.query(`create database ${ours}`);
    await c.query(`comment on database ${ours} is ${note({ repo: REPO, source: 'older', at: Date.now() })}`);
    await c.query(`create database ${theirs}`);
    await c.query(`comment on database ${theirs} is ${note({ repo: '/elsewhere', source: 'x', at: Date.now() })}`);
    await c.query(`create database ${ancient}`);
    await c.query(`comment on database ${ancient} is ${note({ repo: '/elsewhere', source: 'x', at: Date.now() - 4 * 3_600_000 })}`);
  });
  const what = `pg-templates.test stale ${tag}`;
  made.push(`egov_tpl_${seedKey(what, sourceStamp())}`);
  const d = await seededPostgres(url as string, what, async () => undefined);
  await d.close();
  const now = await databases();
  assert.ok(!now.includes(ours), 'superseded template of this checkout dropped');
  assert.ok(now.includes(theirs), "another checkout's recent template kept");
  assert.ok(!now.includes(ancient), 'a build older than 3 hours dropped');
});
