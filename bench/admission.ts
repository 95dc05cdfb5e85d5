// Benchmark: the grade-1 opening (issue 11 "Performance"). On the demo data (Hà Nội's 126 units, ~700 schools), a
// cohort of --children children with enrolment codes; the grade-1 round opens a few seconds after the load is ready;
// --clients concurrent clients arrive at the opening second and submit the whole cohort through
// POST /api/v1/admissions/applications, each child with its Idempotency-Key, honouring the waiting room (503 +
// Retry-After + ticket). Reported: applications/s, time to take the cohort, p50/p99 of accepted requests, waits,
// errors, server RSS high-water mark (VmHWM), and a SQL check that every acknowledged application is there exactly
// once. On PostgreSQL, beside it: pgbench running one application's statements (one per transaction) on the same
// database in the same run, at the same concurrency (capped by max_connections).
// Usage: node --import tsx bench/admission.ts [--children 155000] [--clients 500] [--db postgres,pglite] [--processes 1,2]
// PostgreSQL: BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test; a scratch database is made and dropped).
import { execFileSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir, cpus } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { startBalancer } from './lib/balancer.ts';
import { REPO, cpuSeconds } from './lib/ceiling.ts';
import { SERVER_FLAGS, scratchPostgres, startServer, stop } from './lib/server.ts';
import { generateOpening, openAt, pgbenchScript, type Query } from './lib/admission-data.ts';
import { percentile, runOpening, type LoadResult } from './lib/admission-load.ts';

const { values } = parseArgs({
  options: {
    children: { type: 'string', default: '155000' },
    clients: { type: 'string', default: '500' },
    db: { type: 'string', default: 'postgres,pglite' },
    processes: { type: 'string', default: '1,2' },
    'pgbench-seconds': { type: 'string', default: '10' },
  },
});
const N = Number(values.children);
const CLIENTS = Number(values.clients);
const PG_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** Peak resident memory of a process, MB (VmHWM). */
function peakRssMb(pid: number | undefined): number {
  const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Math.round(Number(m[1]) / 1024) : Number.NaN;
}

async function pgQuery(url: string): Promise<Query & { end(): Promise<void> }> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  return { query: (t) => c.query(t), end: () => c.end() };
}

async function pgliteQuery(dataDir: string): Promise<Query & { end(): Promise<void> }> {
  const { PGlite } = await import('@electric-sql/pglite');
  const { unaccent } = await import('@electric-sql/pglite/contrib/unaccent');
  const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm');
  const { pgcrypto } = await import('@electric-sql/pglite/contrib/pgcrypto');
  const db = await PGlite.create(dataDir, { extensions: { unaccent, pg_trgm, pgcrypto } });
  return { query: async (t) => ({ rows: (await db.query(t)).rows as Record<string, unknown>[] }), end: () => db.close() };
}

/** Every acknowledged application is in the database once, under its key, with the number the client was given. */
async function check(q: Query, roundId: number, acked: Map<string, string>) {
  const rows = (await q.query(`select idempotency_key, application_no, child_id from admission_applications where round_id = ${roundId} and idempotency_key like 'bench-%'`)).rows;
  const byKey = new Map(rows.map((r) => [String(r.idempotency_key), String(r.application_no)]));
  let missing = 0;
  let wrongNumber = 0;
  for (const [k, no] of acked) {
    const found = byKey.get(k);
    if (found === undefined) missing++;
    else if (found !== no) wrongNumber++;
  }
  const children = new Set(rows.map((r) => String(r.child_id))).size;
  return { rows: rows.length, acked: acked.size, missing, wrongNumber, duplicatedChildren: rows.length - children, unacknowledgedRows: rows.length - acked.size };
}

// Prepared statements (-M prepared), as the app runs its look-up (platform/db/prepared.ts).
function pgbench(url: string, script: string, clients: number, seconds: number): { clients: number; tps: number; line: string } {
  const dir = mkdtempSync(join(tmpdir(), 'egov-bench-'));
  const file = join(dir, 'script.sql');
  writeFileSync(file, script);
  try {
    const out = execFileSync('pgbench', ['-n', '-M', 'prepared', '-c', String(clients), '-j', '2', '-T', String(seconds), '-f', file, url], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    const tps = Number(/tps = ([\d.]+)/.exec(out)?.[1]);
    const lat = /latency average = ([\d.]+ ms)/.exec(out)?.[1];
    return { clients, tps: Math.round(tps), line: `${Math.round(tps)} tps, latency average ${lat}` };
  } catch (err) {
    const e = err as { message: string; stderr?: string };
    return { clients, tps: Number.NaN, line: `pgbench failed: ${(e.stderr || e.message).split('\n').slice(0, 3).join(' | ')}` };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

interface Run {
  target: string;
  children: number;
  clients: number;
  load: Omit<LoadResult, 'acked' | 'latencies' | 'waited'> & { perSecond: number; p50: number; p99: number; waitedChildren: number; waitedP50: number; waitedMax: number };
  rssMb: number[];
  /** CPU ms the server processes spent per accepted application. */
  cpuMsPerApplication: number;
  check: Awaited<ReturnType<typeof check>>;
  pgbench?: { clients: number; tps: number; line: string };
  generateMs: number;
}

function summarise(l: LoadResult) {
  const { acked: _a, latencies, waited, ...rest } = l;
  return {
    ...rest,
    perSecond: Math.round(l.accepted / (l.takenMs / 1000)),
    p50: Math.round(percentile(latencies, 50)),
    p99: Math.round(percentile(latencies, 99)),
    waitedChildren: waited.length,
    waitedP50: Math.round(percentile(waited, 50)),
    waitedMax: Math.round(waited.length ? Math.max(...waited) : 0),
  };
}

async function benchOne(kind: 'postgres' | 'pglite', processes: number, port: number): Promise<Run> {
  const varDir = mkdtempSync(join(tmpdir(), 'egov-bench-adm-'));
  const scratch = kind === 'postgres' ? await scratchPostgres(PG_URL, 'egov_bench_adm') : undefined;
  // The clients all come from 127.0.0.1, one address: the per-address limit is lifted for the run.
  const env: Record<string, string> = { EGOV_VAR_DIR: varDir, EGOV_DEMO: 'on', EGOV_ADMISSIONS_API_RATE: '1000000000', ...(scratch ? { DATABASE_URL: scratch.url } : {}) };
  const servers: ChildProcess[] = [];
  try {
    // First start: migrations and the demo seed, then stopped: the processes that take the rush start on the seeded
    // database, so their memory is the serving process's, not the one-off seed's (and PGlite belongs to its process).
    const t0 = Date.now();
    servers.push(await startServer(env, port));
    const startMs = Date.now() - t0;
    await stop(servers.pop() as ChildProcess);
    const q = kind === 'postgres' ? await pgQuery(scratch!.url) : await pgliteQuery(join(varDir, 'db'));
    const g0 = Date.now();
    const data = await generateOpening(q, N);
    const generateMs = Date.now() - g0;
    console.log(`${kind} ×${processes}: ${N} children, ${data.units} units, ${data.schools} grade-1 schools generated in ${generateMs} ms`);
    // The round opens a few seconds after every serving process is up (a start on the seeded database is quicker than the first).
    const opensAt = new Date(Date.now() + 5000 + processes * startMs);
    await openAt(q, data.roundId, opensAt);
    if (kind === 'pglite') await q.end();
    servers.push(await startServer(env, port));
    for (let i = servers.length; i < processes; i++) servers.push(await startServer(env, port + i));
    const balancer = processes > 1 ? await startBalancer(servers.map((_, i) => ({ host: '127.0.0.1', port: port + i }))) : undefined;
    if (Date.now() > opensAt.getTime()) console.log('warning: the servers were ready after the opening instant');
    const cpu0 = servers.map((s) => cpuSeconds(s.pid ?? -1));
    const load = await runOpening(balancer?.url ?? `http://127.0.0.1:${port}`, data.children, CLIENTS, opensAt);
    await balancer?.close();
    const cpuMs = servers.reduce((sum, s, i) => sum + (cpuSeconds(s.pid ?? -1) - (cpu0[i] ?? 0)) * 1000, 0);
    const rssMb = servers.map((s) => peakRssMb(s.pid));
    let result: Run['check'];
    let ceiling: Run['pgbench'];
    if (kind === 'postgres') {
      result = await check(q, data.roundId, load.acked);
      // As many clients as the app had, as far as the server's free connections allow (others may be connected).
      const max = Number((await q.query('show max_connections')).rows[0]?.max_connections);
      const used = Number((await q.query('select count(*)::int as n from pg_stat_activity')).rows[0]?.n);
      await q.end();
      ceiling = pgbench(scratch!.url, pgbenchScript(N, data.kinderRoundId), Math.max(1, Math.min(CLIENTS, max - used - 10)), Number(values['pgbench-seconds']));
    } else {
      for (const s of servers.splice(0)) await stop(s);
      const q2 = await pgliteQuery(join(varDir, 'db'));
      result = await check(q2, data.roundId, load.acked);
      await q2.end();
    }
    return { target: `${kind}, ${processes} process${processes > 1 ? 'es behind the balancer' : ''}`, children: N, clients: CLIENTS, load: summarise(load), rssMb, cpuMsPerApplication: Math.round((cpuMs / Math.max(1, load.accepted)) * 100) / 100, check: result, pgbench: ceiling, generateMs };
  } finally {
    for (const s of servers) await stop(s);
    rmSync(varDir, { recursive: true, force: true });
    await scratch?.drop();
  }
}

function report(r: Run): string[] {
  const l = r.load;
  return [
    `${r.target}: ${r.children} children, ${r.clients} clients (data generated in ${(r.generateMs / 1000).toFixed(1)} s)`,
    `  ${l.perSecond} applications/s sustained; whole cohort taken in ${(l.takenMs / 1000).toFixed(1)} s; accepted ${l.accepted}`,
    `  latency of accepted requests p50 ${l.p50} ms, p99 ${l.p99} ms`,
    `  waiting room: ${l.waits} waiting answers, ${l.waitedChildren} children waited (from first try to acceptance p50 ${l.waitedP50} ms, longest ${l.waitedMax} ms)`,
    `  errors ${l.errors}${l.errorSamples.length ? ` (e.g. ${l.errorSamples.join(' / ')})` : ''}`,
    `  server RSS high-water mark ${r.rssMb.map((m) => `${m} MB`).join(', ')}; server CPU ${r.cpuMsPerApplication} ms per application`,
    `  check: ${r.check.acked} acknowledged, ${r.check.rows} rows; missing ${r.check.missing}, wrong number ${r.check.wrongNumber}, children with two rows ${r.check.duplicatedChildren}, rows never acknowledged ${r.check.unacknowledgedRows}`,
    ...(r.pgbench ? [`  pgbench, one application per transaction (look-up, insert, audit row), ${r.pgbench.clients} clients: ${r.pgbench.line}`] : []),
  ];
}

async function main() {
  const started = new Date();
  const runs: Run[] = [];
  let port = 3950;
  for (const kind of values.db.split(',') as ('postgres' | 'pglite')[]) {
    for (const p of values.processes.split(',').map(Number)) {
      // PGlite is one process's embedded database: no second process can share it.
      if (kind === 'pglite' && p > 1) continue;
      const run = await benchOne(kind, p, port);
      port += 10;
      runs.push(run);
      console.log(report(run).join('\n'));
    }
  }
  const lines = [
    `egov admission benchmark — ${started.toISOString()} — ${cpus().length} cores, Node ${process.version}, EGOV_WAITING_ROOM_CAPACITY ${process.env.EGOV_WAITING_ROOM_CAPACITY ?? 'the module default (1000)'}, server started as npm start starts it: node ${SERVER_FLAGS.join(' ')}`,
    ...runs.flatMap(report),
  ];
  mkdirSync(join(REPO, 'bench/results'), { recursive: true });
  const file = join(REPO, `bench/results/admission-${started.toISOString().slice(0, 16).replace(':', '')}.json`);
  writeFileSync(file, JSON.stringify({ started, cores: cpus().length, node: process.version, runs }, null, 2));
  writeFileSync(file.replace(/\.json$/, '.txt'), `${lines.join('\n')}\n`);
  console.log(`written ${file}`);
}

await main();
