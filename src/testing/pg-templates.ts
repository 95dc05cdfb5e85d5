// Seeded PostgreSQL databases for tests, made once as templates and copied. testApp on PostgreSQL (TEST_DATABASE_URL)
// used to migrate and seed a fresh database for every test file: the reference data (2,642 procedures, units,
// agencies…) each time, and for `testApp({ demo: true })` the whole demo. Now the migrated and seeded database is
// built once per key — the same as the PGlite seeded directories (seeded.ts): this checkout, its source state, the
// configuration asked for (demo or not, the env given) and the hour — as the database `egov_tpl_<key>`, and each test
// file gets `create database egov_t_… template egov_tpl_<key>`, its own database as before, dropped when closed. The
// copy uses PostgreSQL 15's default strategy (WAL_LOG): for the 60 MB demo template 2.2–2.5 s against 3.9–5.1 s with
// STRATEGY FILE_COPY, whose two checkpoints cost more on a shared server (load 13 on 2 cores, 2026-12-05).
// - Concurrent builders: a session advisory lock per template name, so one test file builds and the others wait for
//   it and copy; the build itself runs under a temporary name (`egov_tplb_…`) and is renamed when complete, so an
//   interrupted build never leaves a half-seeded template.
// - PostgreSQL copies a template only when nothing is connected to it: the builder's pool is closed before the rename,
//   and the template is made `allow_connections false` so nothing can connect to it afterwards.
// - Stale templates: each carries a comment {repo, source, at}; when a template is built, this checkout's templates of
//   an older source state or hour are dropped, and any template or unfinished build older than 3 hours (other
//   checkouts' on a shared server included).
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { migrate, openDatabase, type Database } from '../platform/db/index.ts';
import { testDatabase } from '../platform/testing/database.ts';
import { REPO, seedKey, sourceStamp } from './seeded.ts';

const STALE_MS = 3 * 3_600_000;

interface Note {
  repo: string;
  source: string;
  at: number;
}

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/**
 * Waits until the server has ended every backend on `name` (a closed pool's connections leave a little after; on a
 * loaded machine longer than the 5 s that rename and copy wait for).
 */
async function unused(admin: pg.Client, name: string): Promise<void> {
  for (let waited = 0; ; waited += 100) {
    const { rows } = await admin.query<{ n: number }>('select count(*)::int as n from pg_stat_activity where datname = $1', [name]);
    if (rows[0]?.n === 0) return;
    if (waited > 60_000) throw new Error(`${name}: ${rows[0]?.n} connections still open after a minute`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function build(admin: pg.Client, url: string, template: string, note: Note, seed: (database: Database) => Promise<void>): Promise<void> {
  const temp = `egov_tplb_${process.pid}_${randomBytes(4).toString('hex')}`;
  await admin.query(`create database ${temp}`);
  try {
    await admin.query(`comment on database ${temp} is ${admin.escapeLiteral(JSON.stringify(note))}`);
    const maker = await openDatabase({ url: withDatabase(url, temp), poolSize: 10 });
    try {
      await migrate(maker);
      await seed(maker);
    } finally {
      await maker.close();
    }
    await admin.query(`alter database ${temp} with allow_connections false`);
    await unused(admin, temp);
    await admin.query(`alter database ${temp} rename to ${template}`);
  } catch (e) {
    await admin.query(`drop database if exists ${temp} with (force)`).catch(() => undefined);
    throw e;
  }
}

async function dropStale(admin: pg.Client, keep: string, source: string): Promise<void> {
  const { rows } = await admin.query<{ datname: string; note: string | null }>(
    `select datname, shobj_description(oid, 'pg_database') as note from pg_database where datname like 'egov\\_tpl%'`,
  );
  for (const { datname, note } of rows) {
    if (datname === keep || !/^\w+$/.test(datname)) continue;
    let n: Partial<Note> = {};
    try {
      n = JSON.parse(note ?? '{}') as Partial<Note>;
    } catch {
      // not one of ours: age unknown, left alone
    }
    const old = typeof n.at === 'number' && Date.now() - n.at > STALE_MS;
    const superseded = datname.startsWith('egov_tpl_') && n.repo === REPO && n.source !== source;
    if (!old && !superseded) continue;
    // Fails if another process is copying it at this moment: it is then left for the next build.
    await admin.query(`drop database if exists ${datname} with (force)`).catch(() => undefined);
  }
}

/**
 * A fresh PostgreSQL database (on `url`'s server) copied from the template that `seed` makes on a migrated database,
 * for this source state, `what` (the configuration that shapes the seeded data) and hour; dropped when closed.
 */
export async function seededPostgres(url: string, what: string, seed: (database: Database) => Promise<void>): Promise<Database> {
  const source = sourceStamp();
  const template = `egov_tpl_${seedKey(what, source)}`;
  for (let attempt = 1; ; attempt++) {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    try {
      await admin.query('select pg_advisory_lock(hashtext($1))', [template]);
      const found = await admin.query('select 1 from pg_database where datname = $1', [template]);
      if (found.rowCount === 0) {
        await build(admin, url, template, { repo: REPO, source, at: Date.now() }, seed);
        await dropStale(admin, template, source);
      }
    } finally {
      // Ending the session releases the lock.
      await admin.end();
    }
    try {
      return await testDatabase({ template });
    } catch (e) {
      // Dropped in between as stale (another checkout's build an hour on): build it again, once.
      if (attempt > 1 || (e as { code?: string }).code !== '3D000') throw e;
    }
  }
}
