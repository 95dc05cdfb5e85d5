// Group commit on the real database (PGlite by default, PostgreSQL with TEST_DATABASE_URL): many submits share few
// transactions, each caller gets its own result only after the commit, and a bad item fails alone.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import pg from 'pg';
import { sql, type Generated, type Kysely } from 'kysely';
import { testDatabase } from '../testing/database.ts';
import { openDatabase, type Database, type PlatformTables } from './index.ts';
import { createGroupCommitter } from './group-commit.ts';
import { AppError } from '../http/errors.ts';

interface GcItemTable {
  id: Generated<number>;
  key: string;
  txid: string;
}
// A type, not an interface: withTables wants an index signature.
type Tables = { gc_item: GcItemTable };
let database: Database;
let db: Kysely<PlatformTables & Tables>;

before(async () => {
  database = await testDatabase();
  db = database.db.withTables<Tables>();
  await sql`create table gc_item (id serial primary key, key text not null unique, txid text not null)`.execute(db);
});
after(() => database.close());

function committer(maxBatch = 50) {
  return createGroupCommitter({
    db,
    maxBatch,
    maxWaitMs: 5,
    run: async (trx, keys: string[]) => {
      const rows = await trx
        .insertInto('gc_item')
        .values(keys.map((key) => ({ key, txid: sql<string>`txid_current()::text` })))
        .returning(['id', 'key', 'txid'])
        .execute();
      return rows;
    },
  });
}

test('200 concurrent submits: far fewer transactions, each promise gets its own row', async () => {
  const gc = committer();
  const keys = Array.from({ length: 200 }, (_, i) => `many-${i}`);
  const rows = await Promise.all(keys.map((k) => gc.submit(k)));
  assert.deepEqual(
    rows.map((r) => r.key),
    keys,
    'every caller gets the row of its own item',
  );
  const txids = new Set(rows.map((r) => r.txid));
  assert.ok(txids.size <= 8, `200 items in ${txids.size} transactions`);
  assert.equal(gc.stats().commits, txids.size, 'one commit per transaction the database saw');
  const stored = await db.selectFrom('gc_item').select(sql<number>`count(distinct txid)::int`.as('n')).where('key', 'like', 'many-%').executeTakeFirstOrThrow();
  assert.equal(stored.n, txids.size);
});

test('one item violating a unique constraint fails alone; the others commit', async () => {
  await db.insertInto('gc_item').values({ key: 'taken', txid: '0' }).execute();
  const gc = committer();
  const keys = ['ok-1', 'ok-2', 'taken', 'ok-3', 'ok-4'];
  const settled = await Promise.allSettled(keys.map((k) => gc.submit(k)));
  const failed = settled.flatMap((s, i) => (s.status === 'rejected' ? [[keys[i], (s.reason as { code?: string }).code]] : []));
  assert.deepEqual(failed, [['taken', '23505']], 'only the duplicate fails, with its own unique-violation error');
  const stored = await db.selectFrom('gc_item').select('key').where('key', 'like', 'ok-%').orderBy('key').execute();
  assert.deepEqual(
    stored.map((r) => r.key),
    ['ok-1', 'ok-2', 'ok-3', 'ok-4'],
  );
  assert.equal(gc.stats().splits, 1);
});

test('a result is visible from another connection at the moment its promise resolves', async () => {
  const gc = committer(10);
  // On PostgreSQL a second client connects on its own; PGlite has one connection, and its pool serves the check.
  const other = database.url ? new pg.Client({ connectionString: database.url }) : null;
  await other?.connect();
  const look = async (key: string): Promise<number> => {
    const q = 'select count(*)::int as n from gc_item where key = $1';
    if (other) return (await other.query<{ n: number }>(q, [key])).rows[0]?.n ?? 0;
    return (await database.pool.query<{ n: number }>(q, [key])).rows[0]?.n ?? 0;
  };
  try {
    const seen = await Promise.all(Array.from({ length: 30 }, (_, i) => gc.submit(`seen-${i}`).then((r) => look(r.key))));
    assert.deepEqual(seen, Array(30).fill(1));
  } finally {
    await other?.end();
  }
});

test('database unreachable: every pending submit fails with DB_UNAVAILABLE (a "try again" answer)', async () => {
  const dead = await openDatabase({ url: 'postgres://postgres@127.0.0.1:1/nothing', poolSize: 2 });
  try {
    const gc = createGroupCommitter({ db: dead.db, maxWaitMs: 1, run: async (_trx, items: number[]) => items });
    const settled = await Promise.allSettled([1, 2, 3, 4, 5].map((n) => gc.submit(n)));
    for (const s of settled) {
      assert.equal(s.status, 'rejected');
      const e = (s as PromiseRejectedResult).reason as AppError;
      assert.ok(e instanceof AppError);
      assert.equal(e.code, 'DB_UNAVAILABLE');
      assert.equal(e.status, 503);
      assert.match(e.text.vi, /thử lại/);
    }
  } finally {
    await dead.close();
  }
});
