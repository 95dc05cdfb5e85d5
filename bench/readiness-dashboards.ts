// Benchmark: the IT-readiness results pages (issue 14), on PostgreSQL, through the app's HTTP handler (inject: routing,
// session, access, queries and server-side rendering with ECharts SVG; no socket). A scratch database with the
// reference data, then: the illustrative 2016–2024 history of every commune and department (seedDemoHistory, timed),
// the 2025 cycles of both peer groups with a submitted form for each of the 126 communes and ~30 departments (values
// from a seeded PRNG, bulk-inserted), both published (timed: scoring, ranking, storing and the 2025 history rows) —
// ten years of history — then p50/p95/p99 over --samples requests (default 240, ≥ 200) each of: the communes' ranking,
// a commune's scorecard (with its ten-year trend; the commune changes each request), the overview with the trends, the
// DTI view and the 2025 plan; a few of the workbook and the PDF. Beside it the machine's ceiling from pg-ceiling.
// Usage: node --import tsx bench/readiness-dashboards.ts [postgres-url] [--samples 240]   (npm run bench:readiness-dashboards)
// PostgreSQL: the URL argument, else TEST_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test); a scratch
// database is made on that server and dropped. Target: p95 < 200 ms per page.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { buildApp, seedReference, type App } from '../src/app.ts';
import { Role, type SessionUser } from '../src/platform/auth/roles.ts';
import { insertJsonRows } from '../src/platform/db/bulk.ts';
import { seededRandom } from '../src/platform/seeded-random.ts';
import { migrate, openDatabase } from '../src/platform/db/index.ts';
import { createStaffAccount } from '../src/modules/accounts/index.ts';
import { findAgencyByCode, listAgencies } from '../src/modules/units/index.ts';
import { openCycle, publish } from '../src/modules/readiness/cycle.ts';
import { AGENCY_KIND } from '../src/modules/readiness/form.ts';
import { seedDemoHistory } from '../src/modules/readiness/history-seed.ts';
import { inputsOf, loadShippedSet } from '../src/modules/readiness/sets.ts';
import { testConfig, TestClient } from '../src/testing/app.ts';
import { signInAs } from '../src/testing/auth.ts';
import { pgCeiling, REPO } from './lib/ceiling.ts';
import { scratchPostgres } from './lib/server.ts';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { samples: { type: 'string', default: '240' }, 'pgbench-seconds': { type: 'string', default: '10' } } });
const SAMPLES = Math.max(200, Number(values.samples));
const PG_URL = positionals[0] ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const CITY = '000.00.00.H26';

const pct = (xs: number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return Math.round((s[Math.min(s.length - 1, Math.floor(p * s.length))] ?? Number.NaN) * 10) / 10;
};
const fig = (xs: number[]) => `p50 ${pct(xs, 0.5)} ms, p95 ${pct(xs, 0.95)} ms, p99 ${pct(xs, 0.99)} ms, max ${pct(xs, 1)} ms (${xs.length} requests)${pct(xs, 0.95) < 200 ? '' : '  ← p95 over the 200 ms target'}`;

async function timed(n: number, f: (i: number) => Promise<unknown>): Promise<number[]> {
  for (let i = 0; i < Math.min(20, n); i++) await f(i);
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await f(i);
    times.push(performance.now() - t0);
  }
  return times;
}

/** A unit's values: wholes 50–150, each part of a "part ≤ whole" rule a random share of its whole, shares 40–100 %. */
function unitValues(setId: string, rand: () => number): Record<string, unknown> {
  const loaded = loadShippedSet(setId);
  const v: Record<string, unknown> = {};
  for (const f of inputsOf(loaded)) v[f.code] = f.type === 'number' ? Math.round(50 + rand() * 100) : f.type === 'boolean' ? rand() < 0.7 : f.categories![Math.floor(rand() * f.categories!.length)];
  for (const rule of loaded.set.validations) {
    if (rule.op === '≤' && /^[A-Za-z_]\w*$/.test(rule.left) && /^[A-Za-z_]\w*$/.test(rule.right) && typeof v[rule.right] === 'number') v[rule.left] = Math.floor((v[rule.right] as number) * rand());
  }
  for (const c of ['DG1', 'DG2', 'DG4']) v[c] = Math.round(40 + rand() * 60);
  v.tasksOverdue = 0;
  return v;
}

async function main() {
  const started = new Date();
  const scratch = await scratchPostgres(PG_URL, 'egov_bench_readiness');
  const varDir = mkdtempSync(join(tmpdir(), 'egov-bench-readiness-'));
  const database = await openDatabase({ url: scratch.url, poolSize: 10 });
  let app: App | undefined;
  const lines: string[] = [];
  const say = (l: string) => {
    lines.push(l);
    console.log(l);
  };
  try {
    await migrate(database);
    app = await buildApp(await testConfig({ EGOV_VAR_DIR: varDir }), { database, seed: false });
    const p = app.platform;
    await seedReference(p);
    say(`egov readiness dashboards benchmark — ${started.toISOString()} — ${cpus().length} cores, Node ${process.version}, PostgreSQL, pages through the app's handler (inject)`);
    let t0 = performance.now();
    const seeded = await seedDemoHistory(p);
    say(`illustrative history 2016–2024 (seedDemoHistory): ${seeded.rows} rows in ${Math.round(performance.now() - t0)} ms`);

    const city = (await findAgencyByCode(p.database.db, CITY))!;
    const id = await createStaffAccount(p.database.db, { username: 'bench.rd.office', full_name: 'Văn phòng thẩm định', email: '', phone: '', agency_id: city.id, roles: [Role.readinessReviewer], password: 'Matkhau2025' }, { id: null, label: 'bench' });
    const office: SessionUser = { id, username: 'bench.rd.office', displayName: 'Văn phòng thẩm định', kind: 'staff', roles: [Role.readinessReviewer], agencyId: city.id, agencyName: city.name };
    const rand = seededRandom(2025);
    const cycles: Record<string, number> = {};
    let communes: number[] = [];
    for (const [setId, group] of [['2025-communes', 'commune'], ['2025-departments', 'department']] as const) {
      const c = await openCycle(p, office, { setId, deadline: '2099-12-31' });
      cycles[group] = c.id;
      const agencies = await listAgencies(p.database.db, { kind: AGENCY_KIND[group] });
      if (group === 'commune') communes = agencies.map((a) => a.id);
      const rows = agencies.map((a) => ({ cycle_id: c.id, agency_id: a.id, state: 'submitted', form_values: unitValues(setId, rand), submitted_at: new Date().toISOString() }));
      await insertJsonRows(p.database.db, 'readiness_forms', [['cycle_id', 'bigint'], ['agency_id', 'bigint'], ['state', 'text'], ['form_values', 'jsonb'], ['submitted_at', 'timestamptz']], rows);
      t0 = performance.now();
      await publish(p, office, c.id);
      say(`${setId}: ${rows.length} forms submitted, published (scored, ranked, stored, history rows written) in ${Math.round(performance.now() - t0)} ms`);
    }
    await sql`analyze`.execute(p.database.db);
    const years = await sql<{ n: number; y: number }>`select count(*)::int as n, count(distinct year)::int as y from readiness_history`.execute(p.database.db);
    say(`history: ${years.rows[0]!.n} rows over ${years.rows[0]!.y} years`);

    const client = new TestClient(app);
    await signInAs(p.database.db, client, office);
    const get = async (url: string) => {
      const res = await client.get(url);
      if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode}`);
      return res.body.length;
    };
    const pages: [string, (i: number) => string][] = [
      ['ranking of the 126 communes (/chuyen-doi-so/ket-qua/:cycle)', () => `/chuyen-doi-so/ket-qua/${cycles.commune}`],
      ['a commune’s scorecard with its ten-year trend (…/don-vi/:id), a different commune each time', (i) => `/chuyen-doi-so/ket-qua/${cycles.commune}/don-vi/${communes[i % communes.length]}`],
      ['overview with the peer groups’ trends (/chuyen-doi-so/ket-qua)', () => '/chuyen-doi-so/ket-qua'],
      ['DTI view (/chuyen-doi-so/dti)', () => '/chuyen-doi-so/dti'],
      ['2025 plan against the published forms (/chuyen-doi-so/ke-hoach/2025)', () => '/chuyen-doi-so/ke-hoach/2025'],
    ];
    for (const [name, url] of pages) {
      const sizes: number[] = [];
      say(`${name}: ${fig(await timed(SAMPLES, async (i) => sizes.push(await get(url(i)))))}, ${Math.round(sizes[0]! / 1024)} KiB`);
    }
    say(`results workbook (ket-qua.xlsx, communes): ${fig(await timed(20, () => get(`/chuyen-doi-so/ket-qua/${cycles.commune}/ket-qua.xlsx`)))}`);
    say(`printed report with a scorecard (bao-cao.pdf, communes): ${fig(await timed(20, (i) => get(`/chuyen-doi-so/ket-qua/${cycles.commune}/bao-cao.pdf?don-vi=${communes[i % communes.length]}`)))}`);
    const secs = Number(values['pgbench-seconds']);
    say(`pgbench ceiling of the ranking's main read (the cycle's published forms with their scorecards, 1 client): ${pgCeiling(scratch.url, `select id, agency_id, score, total, rank from readiness_forms where cycle_id = ${cycles.commune} order by id;`, 1, secs).line}`);
    say(`machine's pgbench ceiling (one-row INSERT, pg-ceiling): ${pgCeiling(scratch.url, "insert into audit_log (action, entity) values ('bench', 'bench');", 16, secs).line}`);
    mkdirSync(join(REPO, 'bench/results'), { recursive: true });
    const file = join(REPO, `bench/results/readiness-dashboards-${started.toISOString().slice(0, 16).replace(':', '')}.txt`);
    writeFileSync(file, `${lines.join('\n')}\n`);
    console.log(`written: ${file}`);
  } finally {
    await app?.close();
    await database.close();
    await scratch.drop();
    rmSync(varDir, { recursive: true, force: true });
  }
}

await main();
