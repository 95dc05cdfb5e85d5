// Benchmark: the procedure catalogue on PGlite and on PostgreSQL. Imports the 2,642 shipped procedures (timed), then
// runs a mix of realistic searches (accents or not, typos, everyday words, English, filters, later pages) through the
// search service, one at a time as a single user would, and reports p50/p95/p99; also the same through the HTTP API
// (inject), and the PostgreSQL plans of the main statements. Writes bench/results/procedures-search-<date>.txt.
// Usage: node --import tsx bench/procedures-search.ts [--rounds 20] [--db pglite,postgres]
// PostgreSQL: BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test; a scratch database is made).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/platform/config.ts';
import { percentile } from '../src/platform/percentile.ts';
import { migrate, openDatabase, type Database } from '../src/platform/db/index.ts';
import { importCatalogue, readProcedureFile, searchProcedures, SHIPPED_PROCEDURES, type SearchParams } from '../src/modules/procedures/index.ts';
import { seedSynonyms } from '../src/modules/procedures/synonyms.ts';
import { loadEnglishNames, readShippedNames } from '../src/modules/procedures/names-en.ts';

const { values } = parseArgs({ options: { rounds: { type: 'string', default: '20' }, db: { type: 'string', default: 'pglite,postgres' } } });
const ROUNDS = Number(values.rounds);
const PG_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

const QUERIES: SearchParams[] = [
  { q: 'doi bang lai xe' },
  { q: 'đổi bằng lái xe' },
  { q: 'giay phep lai xe' },
  { q: 'cấp lại hộ chiếu' },
  { q: 'cap lai ho chieu' },
  { q: 'sổ đỏ' },
  { q: 'đăng ký khai sinh' },
  { q: 'khai sinh' },
  { q: 'kết hôn' },
  { q: 'nhập hộ khẩu' },
  { q: 'đăng ký thường trú' },
  { q: 'cccd' },
  { q: 'cấp đổi thẻ căn cước' },
  { q: 'sao y bản chính' },
  { q: 'giấy phép xây dựng' },
  { q: 'xin phép xây nhà' },
  { q: 'giấy pép lái xe' },
  { q: 'dang ky doanh nghiep' },
  { q: 'thue thu nhap ca nhan' },
  { q: 'lý lịch tư pháp' },
  { q: 'thủ tục hải quan hàng hóa xuất khẩu' },
  { q: 'thanh lap cong ty' },
  { q: 'driving license' },
  { q: 'birth registration' },
  { q: 'building permits' },
  { q: 'bằng lái xe máy' },
  { q: '1.001193' },
  { q: '3.00034' },
  { q: 'đăng ký', field: 'Hộ tịch' },
  { q: 'giấy phép', level: 'province', online: 'yes' },
  { q: 'giấy phép', offset: 40 },
  { field: 'Đất đai' },
  { agency: 'Bộ Công an', offset: 100 },
  { online: 'no', level: 'commune' },
];

const HTTP_URLS = ['/api/v1/procedures?q=doi%20bang%20lai%20xe', '/api/v1/procedures?q=s%E1%BB%95%20%C4%91%E1%BB%8F', '/api/v1/procedures?q=cap%20lai%20ho%20chieu&level=province'];

function stats(samples: number[]): string {
  const s = [...samples].sort((a, b) => a - b);
  const f = (n: number) => n.toFixed(1).padStart(6);
  return `n ${String(s.length).padStart(4)}  p50 ${f(percentile(s, 50))} ms  p95 ${f(percentile(s, 95))} ms  p99 ${f(percentile(s, 99))} ms  max ${f(s[s.length - 1] ?? NaN)} ms`;
}

/** Records the SQL and parameters of every statement, to EXPLAIN them afterwards. */
function captureStatements(database: Database): { sql: string; params: unknown[] }[] {
  const seen: { sql: string; params: unknown[] }[] = [];
  const connect = database.pool.connect.bind(database.pool);
  const wrapped = new WeakSet<object>();
  (database.pool as unknown as { connect: () => Promise<pg.PoolClient> }).connect = async () => {
    const client = await connect();
    if (wrapped.has(client)) return client;
    wrapped.add(client);
    const query = client.query.bind(client) as (sql: string, params?: unknown[]) => Promise<unknown>;
    (client as unknown as { query: typeof query }).query = (sql: string, params?: unknown[]) => {
      if (typeof sql === 'string' && /from "?procedures"?/.test(sql)) seen.push({ sql, params: params ?? [] });
      return query(sql, params);
    };
    return client;
  };
  return seen;
}

async function run(kind: 'pglite' | 'postgres'): Promise<string[]> {
  const out: string[] = [];
  let scratch: string | undefined;
  let database: Database;
  if (kind === 'postgres') {
    scratch = `egov_bench_proc_${process.pid}`;
    const admin = new pg.Client({ connectionString: PG_URL });
    await admin.connect();
    await admin.query(`drop database if exists ${scratch}`);
    await admin.query(`create database ${scratch}`);
    await admin.end();
    const u = new URL(PG_URL);
    u.pathname = `/${scratch}`;
    database = await openDatabase({ url: u.toString() });
  } else database = await openDatabase({ dataDir: 'memory://' });
  try {
    await migrate(database);
    await seedSynonyms(database.db);
    await loadEnglishNames(database.db, readShippedNames().names);
    const t0 = performance.now();
    const { records } = readProcedureFile(readFileSync(SHIPPED_PROCEDURES));
    const report = await importCatalogue(database.db, records, { effectiveFrom: '2026-07-01', source: 'import:bench', actor: { id: null, label: 'bench' } });
    const importMs = performance.now() - t0;
    const t1 = performance.now();
    const again = await importCatalogue(database.db, records, { effectiveFrom: '2026-07-02', source: 'import:bench', actor: { id: null, label: 'bench' } });
    out.push(`${kind}: import of ${report.total} procedures (new ${report.created}) ${(importMs / 1000).toFixed(1)} s; re-import (unchanged ${again.unchanged}) ${((performance.now() - t1) / 1000).toFixed(1)} s`);

    for (const q of QUERIES) await searchProcedures(database.db, q); // warm-up: caches, plans, JIT
    const samples: number[] = [];
    const perQuery = new Map<string, number[]>();
    for (let r = 0; r < ROUNDS; r++) {
      for (const q of QUERIES) {
        const t = performance.now();
        await searchProcedures(database.db, q);
        const ms = performance.now() - t;
        samples.push(ms);
        const key = JSON.stringify(q);
        perQuery.set(key, [...(perQuery.get(key) ?? []), ms]);
      }
    }
    out.push(`${kind}: search service, ${QUERIES.length} queries × ${ROUNDS} rounds, one at a time: ${stats(samples)}`);
    const slowest = [...perQuery].map(([k, v]) => [k, [...v].sort((a, b) => a - b)] as const).sort((a, b) => percentile(b[1], 50) - percentile(a[1], 50));
    for (const [k, v] of slowest.slice(0, 5)) out.push(`    slowest: ${k.padEnd(60)} p50 ${percentile(v, 50).toFixed(1)} ms  p95 ${percentile(v, 95).toFixed(1)} ms`);

    const config = loadConfig({ ...process.env, LOG_LEVEL: 'silent', EGOV_JOBS: 'off', EGOV_DEMO: 'off', EGOV_VAR_DIR: 'tmp/bench-var' });
    const app = await buildApp(config, { database, seed: false });
    const http: number[] = [];
    for (const url of HTTP_URLS) await app.server.inject({ url });
    for (let r = 0; r < ROUNDS * 3; r++) {
      for (const url of HTTP_URLS) {
        const t = performance.now();
        const res = await app.server.inject({ url });
        http.push(performance.now() - t);
        if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode}`);
      }
    }
    out.push(`${kind}: GET /api/v1/procedures?q=… through the HTTP stack (inject): ${stats(http)}`);
    await app.close();

    if (kind === 'postgres') {
      const statements = captureStatements(database);
      await searchProcedures(database.db, { q: 'đổi bằng lái xe' });
      await searchProcedures(database.db, { q: 'đăng ký', field: 'Hộ tịch' });
      await searchProcedures(database.db, { agency: 'Bộ Công an', level: 'province' });
      const client = await database.pool.connect();
      try {
        for (const s of statements.filter((x) => !/ts_stat|group by/.test(x.sql))) {
          const plan = await client.query(`explain (analyze, costs off, timing off, summary on) ${s.sql}`, s.params);
          out.push(`${kind}: plan of ${s.sql.replace(/\s+/g, ' ').slice(0, 90)}…`);
          for (const row of plan.rows as { 'QUERY PLAN': string }[]) out.push(`    ${row['QUERY PLAN']}`);
        }
      } finally {
        client.release();
      }
    }
  } finally {
    await database.close();
    if (scratch) {
      const admin = new pg.Client({ connectionString: PG_URL });
      await admin.connect();
      await admin.query(`drop database if exists ${scratch} with (force)`);
      await admin.end();
    }
  }
  return out;
}

const kinds = String(values.db).split(',') as ('pglite' | 'postgres')[];
const load = () => loadavg().map((l) => l.toFixed(1)).join(' ');
const lines = [`egov procedure search benchmark — ${new Date().toISOString()} — ${cpus().length} cores, Node ${process.version}, load average at start ${load()}`];
for (const k of kinds) {
  const result = await run(k);
  for (const l of result) console.log(l);
  lines.push(...result);
}
lines.push(`load average at end ${load()} (other processes on the machine slow every figure)`);
mkdirSync('bench/results', { recursive: true });
const file = `bench/results/procedures-search-${new Date().toISOString().slice(0, 10)}.txt`;
writeFileSync(file, `${lines.join('\n')}\n`);
console.log(`written to ${file}`);
