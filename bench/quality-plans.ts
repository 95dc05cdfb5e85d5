// The service-quality figures on whatever data the database holds: times qualityFigures (the dashboard's work) for
// the city and for one ward, and the city's table by agency, then prints EXPLAIN (ANALYZE, BUFFERS) of every statement
// they ran, so that the plans the 0010 indexes were made for can be checked on real volumes (1,000,000 dossiers).
// Last, the whole dashboard page (GET /quan-ly/chat-luong through the HTTP stack, charts included) for both.
// Usage: node --import tsx bench/quality-plans.ts [--ward 000.01.51.H26] [--from 2026-11-01 --to 2026-11-26] [--rounds 10]
// Database: DATABASE_URL (default postgres://postgres@127.0.0.1:5432/egov). Pending migrations are applied first, as the
// app does at start. The period defaults to the dashboard's: the current month up to today.
import { parseArgs } from 'node:util';
import type pg from 'pg';
import { buildApp } from '../src/app.ts';
import { createSession, SESSION_COOKIE } from '../src/platform/auth/sessions.ts';
import { loadConfig } from '../src/platform/config.ts';
import { migrate, openDatabase, type Database } from '../src/platform/db/index.ts';
import type { Platform } from '../src/platform/http/context.ts';
import type { SessionUser } from '../src/platform/auth/roles.ts';
import { agencyTable, currentMonth, parseQualityQuery, qualityFigures } from '../src/modules/quality/index.ts';

const { values } = parseArgs({ options: { ward: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, rounds: { type: 'string', default: '10' } } });
const URL_ = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/egov';
const ROUNDS = Number(values.rounds);
const period = { ...currentMonth(), ...(values.from ? { from: values.from } : {}), ...(values.to ? { to: values.to } : {}) };
const ADMIN: SessionUser = { id: 0, username: 'bench', displayName: 'bench', kind: 'staff', roles: ['admin'], agencyId: null, agencyName: null };

interface Statement {
  sql: string;
  params: unknown[];
}

/** Records every statement the pool's clients run (but BEGIN/COMMIT/SET), to EXPLAIN them afterwards. */
function capture(database: Database): { on: boolean; seen: Statement[] } {
  const state = { on: false, seen: [] as Statement[] };
  const pool = database.pool as unknown as { connect: (cb?: (err: Error | undefined, client?: pg.PoolClient, done?: () => void) => void) => unknown };
  const connect = pool.connect.bind(pool);
  const wrapped = new WeakSet<object>();
  const wrap = (client: pg.PoolClient): pg.PoolClient => {
    if (wrapped.has(client)) return client;
    wrapped.add(client);
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    (client as unknown as { query: typeof query }).query = (...args: unknown[]) => {
      const [sql, params] = args;
      if (state.on && typeof sql === 'string' && /^\s*select/i.test(sql)) state.seen.push({ sql, params: Array.isArray(params) ? params : [] });
      return query(...args);
    };
    return client;
  };
  // pg's Pool.query calls connect with a callback; Kysely calls it for a promise.
  pool.connect = (cb) => (cb ? connect((err, client, done) => cb(err, client && wrap(client), done)) : (connect() as Promise<pg.PoolClient>).then(wrap));
  return state;
}

function stats(samples: number[]): string {
  const s = [...samples].sort((a, b) => a - b);
  const p = (q: number) => s[Math.min(s.length - 1, Math.ceil((q / 100) * s.length) - 1)] ?? NaN;
  return `n ${s.length}  p50 ${p(50).toFixed(1)} ms  p95 ${p(95).toFixed(1)} ms  max ${(s[s.length - 1] ?? NaN).toFixed(1)} ms`;
}

async function measure(label: string, database: Database, cap: { on: boolean; seen: Statement[] }, run: () => Promise<unknown>): Promise<void> {
  await run(); // warm-up: caches, the calendar, plans
  const samples: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const t = performance.now();
    await run();
    samples.push(performance.now() - t);
  }
  console.log(`\n=== ${label}: ${stats(samples)}`);
  cap.seen = [];
  cap.on = true;
  await run();
  cap.on = false;
  for (const st of cap.seen) {
    const client = await database.pool.connect();
    try {
      await client.query('begin');
      await client.query('set local jit = off');
      const plan = await client.query(`explain (analyze, buffers) ${st.sql}`, st.params);
      await client.query('rollback');
      console.log(`\n--- ${st.sql.replace(/\s+/g, ' ').trim().slice(0, 160)}…`);
      console.log(`    params: ${JSON.stringify(st.params).slice(0, 200)}`);
      for (const row of plan.rows as { 'QUERY PLAN': string }[]) console.log(`    ${row['QUERY PLAN']}`);
    } finally {
      client.release();
    }
  }
}

async function main(): Promise<void> {
  const database = await openDatabase({ url: URL_, poolSize: 10 });
  await migrate(database);
  const config = loadConfig({ ...process.env, LOG_LEVEL: 'silent', EGOV_JOBS: 'off', EGOV_DEMO: 'off', DATABASE_URL: URL_ });
  // The figures need the database and the configuration only; mail and jobs are never touched.
  const platform = { config, database, demo: () => false } as unknown as Platform;
  const cap = capture(database);
  const counts = await database.pool.query<{ total: number; in_period: number }>(
    `select count(*)::int as total, count(*) filter (where received_at >= $1::date - interval '7 hours' and received_at < $2::date + interval '17 hours')::int as in_period from dossiers`,
    [period.from, period.to],
  );
  const wardCode =
    values.ward ??
    (
      await database.pool.query<{ code: string }>(
        `select a.code from agencies a join dossiers d on d.agency_id = a.id where a.kind = 'commune_committee' and d.received_at >= $1::date - interval '7 hours' group by a.code order by count(*) desc limit 1`,
        [period.from],
      )
    ).rows[0]?.code;
  console.log(`database: ${URL_.replace(/\/\/[^@]*@/, '//…@')}`);
  console.log(`dossiers: ${counts.rows[0]?.total ?? 0}, received ${period.from} – ${period.to}: ${counts.rows[0]?.in_period ?? 0}; ward: ${wardCode ?? '(none)'}`);

  const city = parseQualityQuery({ ...period });
  await measure('city: qualityFigures', database, cap, () => qualityFigures(platform, ADMIN, city));
  await measure('city: agencyTable', database, cap, () => agencyTable(platform, ADMIN, city));
  if (wardCode) {
    const ward = parseQualityQuery({ ...period, agency: wardCode });
    await measure(`ward ${wardCode}: qualityFigures`, database, cap, () => qualityFigures(platform, ADMIN, ward));
  }
  // The page as a browser gets it: both statements' sets, the charts, the HTML.
  const app = await buildApp(config, { database, seed: false });
  const qs = `from=${period.from}&to=${period.to}`;
  const pages: [string, SessionUser, string][] = [['city', ADMIN, `/quan-ly/chat-luong?${qs}`]];
  if (wardCode) {
    const ward = await database.pool.query<{ id: number }>('select id from agencies where code = $1', [wardCode]);
    pages.push([`ward ${wardCode}`, { ...ADMIN, roles: ['one_stop_officer'], agencyId: ward.rows[0]?.id ?? null }, `/quan-ly/chat-luong?${qs}`]);
  }
  for (const [label, user, url] of pages) {
    const { token } = await createSession(database.db, user);
    const get = async () => {
      const res = await app.server.inject({ url, headers: { cookie: `${SESSION_COOKIE}=${token}` } });
      if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode}`);
    };
    await get();
    const samples: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      const t = performance.now();
      await get();
      samples.push(performance.now() - t);
    }
    console.log(`\n=== ${label}: GET ${url} (HTTP, inject): ${stats(samples)}`);
  }
  await app.close();
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
