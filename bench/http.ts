// Benchmark: the home page and GET /api/v1/units?parent=01 at 50 connections, on PGlite and on PostgreSQL,
// each beside the machine's own ceiling measured in the same run:
//  - home page: a bare node:http server sending the very same bytes (what Node can serve here at all);
//  - units: pgbench running the statement the endpoint runs, at the same concurrency (the database's ceiling).
// Usage: node --import tsx bench/http.ts [--seconds 10] [--connections 50] [--db pglite,postgres]
// PostgreSQL: BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test; a scratch database is made).
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir, cpus } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import pg from 'pg';

const { values } = parseArgs({
  options: { seconds: { type: 'string', default: '10' }, connections: { type: 'string', default: '50' }, db: { type: 'string', default: 'pglite,postgres' } },
});
const SECONDS = Number(values.seconds);
const CONNECTIONS = Number(values.connections);
const PG_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

interface Figure {
  target: string;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
}

async function load(target: string, url: string): Promise<Figure> {
  const r = await autocannon({ url, connections: CONNECTIONS, duration: SECONDS, pipelining: 1 });
  return { target, rps: Math.round(r.requests.average), p50: r.latency.p50, p99: r.latency.p99, errors: r.errors, non2xx: r.non2xx };
}

async function waitReady(base: string, child: ChildProcess): Promise<void> {
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      const r = await fetch(`${base}/readyz`);
      if (r.ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('server did not become ready');
}

async function startServer(env: Record<string, string>, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', 'serve'], {
    env: { ...process.env, PORT: String(port), LOG_LEVEL: 'warn', EGOV_JOBS: 'off', ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  await waitReady(`http://127.0.0.1:${port}`, child);
  return child;
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  await new Promise((r) => {
    child.once('exit', r);
    child.kill('SIGTERM');
  });
}

async function bareCeiling(bytes: Buffer, contentType: string): Promise<Figure> {
  const server = http.createServer((_req, res) => {
    res.writeHead(200, { 'content-type': contentType, 'content-length': bytes.length });
    res.end(bytes);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const port = (server.address() as { port: number }).port;
  const f = await load('ceiling: bare node:http, same bytes', `http://127.0.0.1:${port}/`);
  server.close();
  return f;
}

function pgbenchCeiling(url: string, sqlText: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'egov-bench-'));
  const script = join(dir, 'units.sql');
  writeFileSync(script, `${sqlText};\n`);
  try {
    return execFileSync('bash', ['../shared/tools/pg-ceiling', String(CONNECTIONS), String(SECONDS)], {
      env: { ...process.env, PGURL: url, SCRIPT: script },
      encoding: 'utf8',
    }).trim();
  } catch (err) {
    return `pgbench failed: ${(err as Error).message.split('\n')[0]}`;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// The statement GET /api/v1/units?parent=01 runs (see src/modules/units/repo.ts).
const UNITS_SQL = `select code, name, full_name, unit_type, name_en from units where parent_code = '01' order by code`;

async function benchDatabase(kind: 'pglite' | 'postgres', port: number) {
  let env: Record<string, string>;
  let cleanup = async () => undefined as void;
  let dbUrl = '';
  const varDir = mkdtempSync(join(tmpdir(), 'egov-bench-var-'));
  if (kind === 'pglite') {
    env = { EGOV_VAR_DIR: varDir, EGOV_DEMO: 'on' };
  } else {
    const name = `egov_bench_${process.pid}`;
    const admin = new pg.Client({ connectionString: PG_URL });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const u = new URL(PG_URL);
    u.pathname = `/${name}`;
    dbUrl = u.toString();
    env = { EGOV_VAR_DIR: varDir, DATABASE_URL: dbUrl, EGOV_DEMO: 'on' };
    cleanup = async () => {
      const c = new pg.Client({ connectionString: PG_URL });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    };
  }
  const child = await startServer(env, port);
  const base = `http://127.0.0.1:${port}`;
  try {
    const home = await fetch(`${base}/`);
    const homeBytes = Buffer.from(await home.arrayBuffer());
    const units = await fetch(`${base}/api/v1/units?parent=01`);
    const unitsBytes = Buffer.from(await units.arrayBuffer());
    const figures: Figure[] = [];
    figures.push(await load(`${kind}: GET /`, `${base}/`));
    figures.push(await load(`${kind}: GET /api/v1/units?parent=01`, `${base}/api/v1/units?parent=01`));
    return { kind, figures, homeBytes, unitsBytes, dbUrl };
  } finally {
    await stop(child);
    rmSync(varDir, { recursive: true, force: true });
    await cleanup();
  }
}

async function main() {
  const kinds = values.db.split(',') as ('pglite' | 'postgres')[];
  const started = new Date();
  const rows: Figure[] = [];
  let homeBytes: Buffer | undefined;
  let unitsBytes: Buffer | undefined;
  let port = 3900;
  for (const kind of kinds) {
    const r = await benchDatabase(kind, port++);
    rows.push(...r.figures);
    homeBytes = r.homeBytes;
    unitsBytes = r.unitsBytes;
  }
  if (homeBytes) rows.push({ ...(await bareCeiling(homeBytes, 'text/html; charset=utf-8')), target: 'ceiling: bare node:http, home page bytes' });
  if (unitsBytes) rows.push({ ...(await bareCeiling(unitsBytes, 'application/json')), target: 'ceiling: bare node:http, units JSON bytes' });
  let pgbench = '';
  if (kinds.includes('postgres')) {
    // seed a scratch copy with the 126 units so pgbench runs the real statement against real rows
    const name = `egov_bench_ceiling_${process.pid}`;
    const admin = new pg.Client({ connectionString: PG_URL });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const u = new URL(PG_URL);
    u.pathname = `/${name}`;
    execFileSync(process.execPath, ['--import', 'tsx', 'src/main.ts', 'migrate'], { env: { ...process.env, DATABASE_URL: u.toString(), LOG_LEVEL: 'warn' }, stdio: 'inherit' });
    pgbench = pgbenchCeiling(u.toString(), UNITS_SQL);
    const c = new pg.Client({ connectionString: PG_URL });
    await c.connect();
    await c.query(`drop database if exists ${name} with (force)`);
    await c.end();
  }
  const lines = [
    `egov HTTP benchmark — ${started.toISOString()} — ${cpus().length} cores, Node ${process.version}, ${CONNECTIONS} connections, ${SECONDS}s each`,
    ...rows.map((r) => `${r.target.padEnd(48)} ${String(r.rps).padStart(7)} req/s   p50 ${String(r.p50).padStart(4)} ms   p99 ${String(r.p99).padStart(4)} ms   errors ${r.errors}  non-2xx ${r.non2xx}`),
    ...(pgbench ? [`${'ceiling: pgbench, units statement (PostgreSQL)'.padEnd(48)} ${pgbench}`] : []),
  ];
  console.log(lines.join('\n'));
  mkdirSync('bench/results', { recursive: true });
  const file = `bench/results/http-${started.toISOString().slice(0, 10)}.json`;
  writeFileSync(file, JSON.stringify({ started, cores: cpus().length, node: process.version, connections: CONNECTIONS, seconds: SECONDS, rows, pgbench }, null, 2));
  writeFileSync(file.replace(/\.json$/, '.txt'), `${lines.join('\n')}\n`);
  console.log(`written ${file}`);
}

await main();
