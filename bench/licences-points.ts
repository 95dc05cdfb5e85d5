// Benchmark: the nightly recompute of every licence's cached points (issue 16; recomputePoints in
// src/modules/licences/recompute.ts) on PostgreSQL, against the target "1 million licences in under a minute".
// A scratch database with the migrations, then — bulk-inserted in SQL (insert … select from generate_series), not
// through the services — N Hà Nội licences and their points events: every 10th licence a 4-point deduction 400 days
// before the day (restored to 12 by time, its cache still saying 8), every 10th + 1 a 6-point deduction 100 days before
// (cache stale at 12: becomes 6), every 50th + 2 two deductions of 10 and 4 (becomes 0); the rest have no event.
// recomputePoints(asOf) is timed, the points checked, and beside it pgbench runs the statements of one chunk (the
// reset UPDATE, the events' SELECT, an UPDATE of the chunk's licences with events) on one connection, as the app does.
// Usage: node --import tsx bench/licences-points.ts [postgres-url] [--licences 100000] [--chunk 50000] [--pgbench-seconds 10]
//        (npm run bench:licences-points -- --licences 100000)
// PostgreSQL: the URL argument, else TEST_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test); a scratch
// database is made on that server and dropped.
import { cpus } from 'node:os';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { recomputePoints, RECOMPUTE_CHUNK } from '../src/modules/licences/index.ts';
import { pgCeiling } from './lib/ceiling.ts';
import { scratchApp } from './lib/scratch-app.ts';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { licences: { type: 'string', default: '100000' }, chunk: { type: 'string', default: String(RECOMPUTE_CHUNK) }, 'pgbench-seconds': { type: 'string', default: '10' } } });
const N = Math.max(1, Math.floor(Number(values.licences)));
const CHUNK = Math.max(1, Math.floor(Number(values.chunk)));
const PG_URL = positionals[0] ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const AS_OF = '2026-12-05';
const TARGET = 1_000_000;
const TARGET_SECONDS = 60;
if (!Number.isFinite(N) || !Number.isFinite(CHUNK)) throw new Error('--licences and --chunk must be numbers');

async function main() {
  const started = new Date();
  const scratch = await scratchApp(PG_URL, 'egov_bench_licences_points', 4);
  const { say } = scratch;
  try {
    const p = scratch.app.platform;
    const db = p.database.db;
    say(`egov licence points recompute benchmark — ${started.toISOString()} — ${cpus().length} cores, Node ${process.version}, PostgreSQL, recomputePoints in this process, chunks of ${CHUNK.toLocaleString('en')} ids`);
    let t0 = performance.now();
    await sql`insert into licences (number, holder_pin, full_name, birth_date, licence_class, issued_on, expires_on, province_code, points, points_as_of, verify_token)
      select '01' || lpad(g::text, 10, '0'), '0010' || lpad((g % 100)::text, 2, '0') || lpad(g::text, 6, '0'), 'Người lái xe ' || g, date '1970-01-01' + (g % 12000),
             'B', date '2020-01-01' + (g % 1500), date '2030-01-01' + (g % 1500), '01', case when g % 10 = 0 then 8 else 12 end, ${AS_OF}::date - 1, md5(g::text)
      from generate_series(1, ${N}::int) g`.execute(db);
    await sql`insert into licence_points_events (licence_id, kind, effective_on, points, decision)
      select id, 'deduction', ${AS_OF}::date - 400, 4, 'QĐ ' || id || '/A' from licences where id % 10 = 0
      union all select id, 'deduction', ${AS_OF}::date - 100, 6, 'QĐ ' || id || '/B' from licences where id % 10 = 1
      union all select id, 'deduction', ${AS_OF}::date - 200, 10, 'QĐ ' || id || '/C' from licences where id % 50 = 2
      union all select id, 'deduction', ${AS_OF}::date - 150, 4, 'QĐ ' || id || '/D' from licences where id % 50 = 2`.execute(db);
    await sql`analyze`.execute(db);
    const seeded = (await sql<{ l: number; e: number }>`select (select count(*)::int from licences) as l, (select count(*)::int from licence_points_events) as e`.execute(db)).rows[0]!;
    say(`seeded (bulk SQL): ${seeded.l.toLocaleString('en')} licences, ${seeded.e.toLocaleString('en')} points events, in ${Math.round(performance.now() - t0)} ms`);

    const cpu0 = process.cpuUsage();
    t0 = performance.now();
    const r = await recomputePoints(p, AS_OF, { chunk: CHUNK });
    const seconds = (performance.now() - t0) / 1000;
    const cpu = process.cpuUsage(cpu0);
    const rate = r.licences / seconds;
    const projected = TARGET / rate;
    say(`recomputePoints(${AS_OF}): ${r.licences.toLocaleString('en')} licences (${r.withEvents.toLocaleString('en')} with events, ${r.changed.toLocaleString('en')} changed) in ${r.chunks} chunks, ${seconds.toFixed(2)} s — ${Math.round(rate).toLocaleString('en')} licences/s`);
    say(`extrapolated to ${TARGET.toLocaleString('en')} licences (linear): ${projected.toFixed(1)} s against the ${TARGET_SECONDS}-second target${projected < TARGET_SECONDS ? ' — within' : ' — OVER the target'}`);
    say(`this process while recomputing: CPU ${((cpu.user + cpu.system) / 1e6).toFixed(2)} s (${Math.round(((cpu.user + cpu.system) / 1e6 / seconds) * 100)} % of one core); the rest is the database`);
    const check = (await sql<{ twelve: number; six: number; zero: number }>`select count(*) filter (where points = 12)::int as twelve, count(*) filter (where points = 6)::int as six, count(*) filter (where points = 0)::int as zero from licences`.execute(db)).rows[0]!;
    // Ids run 1..N: id % 10 = 1 ends at 6, id % 50 = 2 at 0, every other licence at 12.
    const want = { six: Math.floor((N - 1) / 10) + 1, zero: N >= 2 ? Math.floor((N - 2) / 50) + 1 : 0 };
    const ok = check.six === want.six && check.zero === want.zero && check.twelve === N - want.six - want.zero;
    say(`in the database: ${check.twelve.toLocaleString('en')} at 12, ${check.six.toLocaleString('en')} at 6, ${check.zero.toLocaleString('en')} at 0 — ${ok ? 'as expected' : 'NOT as expected'}`);
    const again = await recomputePoints(p, AS_OF, { chunk: CHUNK });
    say(`a second run the same day: ${again.changed} changed (nothing to write) in the same ${again.chunks} chunks`);

    // pgbench: one chunk's statements on one connection (the app runs its chunks one after another). The last UPDATE
    // writes every licence with events in the chunk (the app writes only those whose points changed).
    // pg-ceiling prints whole transactions/s: a chunk of 50,000 takes seconds, so the script runs the same statements on
    // 1,000 ids at a time and the ceiling is scaled by 1,000.
    const PG_CHUNK = Math.min(CHUNK, N, 1_000);
    const hiStart = Math.max(1, N - PG_CHUNK + 1);
    const script = [
      `\\set lo random(1, ${hiStart})`,
      'begin;',
      `update licences l set points = 12 where l.id between :lo and :lo + ${PG_CHUNK - 1} and l.points <> 12 and not exists (select 1 from licence_points_events e where e.licence_id = l.id and e.effective_on <= date '${AS_OF}');`,
      `select e.id, e.licence_id, e.kind, to_char(e.effective_on, 'YYYY-MM-DD'), e.points, e.decision, l.points from licence_points_events e join licences l on l.id = e.licence_id where e.licence_id between :lo and :lo + ${PG_CHUNK - 1} and e.effective_on <= date '${AS_OF}' order by e.licence_id, e.effective_on, e.id;`,
      `update licences l set points = l.points where l.id in (select licence_id from licence_points_events where licence_id between :lo and :lo + ${PG_CHUNK - 1});`,
      'commit;',
    ].join('\n');
    const secs = Number(values['pgbench-seconds']);
    const one = pgCeiling(scratch.url, script, 1, secs);
    say(`pgbench ceiling of one chunk's statements on ${PG_CHUNK.toLocaleString('en')} ids, 1 client: ${one.line}`);
    if (Number.isFinite(one.tps)) {
      const ceiling = one.tps * PG_CHUNK;
      say(`  → ${Math.round(ceiling).toLocaleString('en')} licences/s at most on one connection: ${(TARGET / ceiling).toFixed(1)} s for ${TARGET.toLocaleString('en')}; the app reached ${Math.round((rate / ceiling) * 100)} % of it`);
    }
    scratch.write('licences-points');
  } finally {
    await scratch.close();
  }
}

await main();
