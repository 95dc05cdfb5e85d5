// Benchmark: validators' taps through the broker into PostgreSQL (issue 15, TRANSPORT.md §2), against the target
// "ingest 2 million taps in one simulated hour from 1,000 validators through the broker (peak ≥ 600 taps/s, bursts
// of 5×) with zero lost and zero duplicated after the broker and the server are each killed and restarted mid-run;
// validator decision p99 < 50 ms in the simulator".
// A scratch database with the reference data, the demo network and N validators registered on its bus routes (real
// sealed secrets); its own Mosquitto with persistence on a free loopback port; the centre is the app itself
// (`egov serve` with EGOV_TRANSIT_BROKER, its own process, tap ingest into transit_taps); the validators are the real
// Validator class in this process (persistent sessions, outbox, signed batches, offline decisions), tapping along a
// Hà Nội morning peak hour (7:00–8:00: rising to 7:30 and falling, and every simulated minute a crowd at a stop —
// 2.4 s at 5× the rate), with offline stretches, batches published twice and taps shuffled, as the simulator does.
// The hour is compressed into --seconds. At 30 % of the run Mosquitto is killed (SIGKILL: only its last autosave
// survives) and started again 3 s later; at 60 % the centre is killed (SIGKILL) and started again. At the end every
// validator's outbox must drain; then the database is counted against every tap id the validators made: lost,
// duplicated (GROUP BY, impossible by the key), unexpected. Beside it, in the same run, pgbench runs the statements
// one batch's ingest runs (pg-ceiling) at 1 client and at the centre's concurrency.
// Usage: node --import tsx bench/transit-ingest.ts [postgres-url] [--taps 2000000] [--seconds 3600] [--validators 1000]
//        [--offline-share 0.05] [--duplicates 0.01] [--drain-seconds 600] [--pgbench-seconds 10]
//        (npm run bench:transit-ingest -- --taps 300000 --seconds 480 for a run of about 10 minutes)
// PostgreSQL: the URL argument, else TEST_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test); a scratch
// database is made on that server and dropped.
import type { ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { buildApp, seedReference, type App } from '../src/app.ts';
import { mapLimit } from '../src/platform/async/map-limit.ts';
import { migrate, openDatabase } from '../src/platform/db/index.ts';
import { listRoutes, registerValidator, routeStops, seedTransitNetwork } from '../src/modules/transit/network/index.ts';
import { quantile } from '../src/modules/transit/validators/cache.ts';
import type { ListEntry } from '../src/modules/transit/validators/protocol.ts';
import { startMosquitto, mosquittoMissing } from '../src/modules/transit/validators/testing.ts';
import { Validator } from '../src/modules/transit/validators/validator.ts';
import { TEST_SECRET_KEY, testConfig } from '../src/testing/app.ts';
import { cpuSeconds, pgCeiling, REPO } from './lib/ceiling.ts';
import { scratchPostgres, startServer } from './lib/server.ts';
import { seededRandom } from '../src/platform/seeded-random.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    taps: { type: 'string', default: '2000000' },
    seconds: { type: 'string', default: '3600' },
    validators: { type: 'string', default: '1000' },
    'offline-share': { type: 'string', default: '0.05' },
    duplicates: { type: 'string', default: '0.01' },
    'drain-seconds': { type: 'string', default: '600' },
    'pgbench-seconds': { type: 'string', default: '10' },
  },
});
const TAPS = Math.floor(Number(values.taps));
const SECONDS = Number(values.seconds);
const VALIDATORS = Math.floor(Number(values.validators));
const OFFLINE_SHARE = Number(values['offline-share']);
const DUPLICATES = Number(values.duplicates);
const DRAIN_MS = Number(values['drain-seconds']) * 1000;
const PG_URL = positionals[0] ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const TARGET = { taps: 2_000_000, seconds: 3600, peak: 600, decisionP99Ms: 50 };
const BURST = { factor: 5, share: 0.04 }; // every simulated minute, 4 % of it (2.4 s) at 5×
const TICK_MS = 50;
for (const [k, v] of Object.entries({ taps: TAPS, seconds: SECONDS, validators: VALIDATORS })) if (!(v > 0)) throw new Error(`--${k} must be a positive number`);

/** The hour's shape at fraction f (0..1): 0.6 at 7:00 rising to 1.4 at 7:30 and back, times 5 in each minute's crowd. */
const shape = (f: number) => (0.6 + 0.8 * Math.sin(Math.PI * f)) * ((f * 60) % 1 < BURST.share ? BURST.factor : 1);
const SHAPE_MEAN = (() => {
  let s = 0;
  const n = 360_000;
  for (let i = 0; i < n; i++) s += shape((i + 0.5) / n);
  return s / n;
})();
/** Taps per real second at fraction f of the run. */
const rateAt = (f: number) => (TAPS / SECONDS) * (shape(f) / SHAPE_MEAN);
const plannedPeak = (TAPS / SECONDS) * (1.4 / SHAPE_MEAN);

const MEDIA = 20_000;
const medium = (n: number): ListEntry => ({ kind: n % 5 === 0 ? 'bank_card' : 'operator_card', key: `BENCH${String(n).padStart(6, '0')}` });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));


function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      s.close(() => resolve(typeof a === 'object' && a ? a.port : 0));
    });
  });
}

const load = () => loadavg().map((x) => x.toFixed(2)).join(' ');

async function main() {
  const missing = mosquittoMissing();
  if (missing) throw new Error(missing);
  const started = new Date();
  const lines: string[] = [];
  const say = (l: string) => {
    lines.push(l);
    console.log(l);
  };
  const scratch = await scratchPostgres(PG_URL, 'egov_bench_transit_ingest');
  const varDir = mkdtempSync(join(tmpdir(), 'egov-bench-ingest-'));
  const database = await openDatabase({ url: scratch.url, poolSize: 4 });
  const broker = await startMosquitto();
  let app: App | undefined;
  let centre: ChildProcess | undefined;
  const validators: Validator[] = [];
  const fleet: { id: string; secret: string; routeId: string; stops: string[] }[] = [];
  try {
    await migrate(database);
    app = await buildApp(await testConfig({ EGOV_VAR_DIR: varDir }), { database, seed: false });
    const p = app.platform;
    const db = p.database.db;
    await seedReference(p);
    await seedTransitNetwork(db, p.secrets);
    say(`egov transit ingest benchmark — ${started.toISOString()} — ${cpus().length} cores, Node ${process.version}, PostgreSQL, load average ${load()} at the start`);
    say(`plan: ${TAPS.toLocaleString('en')} taps from ${VALIDATORS} validators in ${SECONDS} s (a Hà Nội peak hour compressed ${(3600 / SECONDS).toFixed(2)}×): mean ${(TAPS / SECONDS).toFixed(0)} taps/s, peak ${plannedPeak.toFixed(0)} taps/s, crowds at 5× (${(plannedPeak * BURST.factor).toFixed(0)} taps/s) for ${(BURST.share * SECONDS / 60).toFixed(2)} s every ${(SECONDS / 60).toFixed(1)} s; offline share ${OFFLINE_SHARE}, batches sent twice ${DUPLICATES}, taps shuffled`);

    // N bus validators over the demo network's bus routes, each with its real secret (sealed in the database).
    let t0 = performance.now();
    const routes = (await listRoutes(db)).filter((r) => r.network !== 'metro');
    const stopsOf = new Map<string, string[]>();
    for (const r of routes) stopsOf.set(r.id, (await routeStops(db, r.id)).map((s) => s.stopId));
    const system = { id: null, label: 'bench' };
    const wanted = Array.from({ length: VALIDATORS }, (_, i) => ({ i, r: routes[i % routes.length]! }));
    fleet.push(...(await mapLimit(wanted, 4, async ({ i, r }) => {
      const id = `V-${r.id}-B${i + 1}`;
      const reg = await registerValidator(db, p.secrets, { id, kind: 'vehicle', operator: r.operator, routeId: r.id, vehicle: `29B-B${i + 1}` }, system);
      return { id, secret: reg.secret ?? '', routeId: r.id, stops: stopsOf.get(r.id) ?? [] };
    })));
    say(`registered ${fleet.length} validators on ${routes.length} bus routes in ${Math.round(performance.now() - t0)} ms`);

    // The centre: the app itself, in its own process, connected to the broker.
    const port = await freePort();
    const env = { DATABASE_URL: scratch.url, EGOV_VAR_DIR: varDir, EGOV_DEMO: 'off', EGOV_SECRET_KEY: Buffer.from(TEST_SECRET_KEY).toString('base64'), EGOV_TRANSIT_BROKER: broker.url, LOG_LEVEL: 'error' };
    let centreCpu = 0;
    const startCentre = async () => {
      const t = performance.now();
      centre = await startServer(env, port);
      return Math.round(performance.now() - t);
    };
    say(`centre (egov serve, pid ${(await startCentre(), centre?.pid)}) up; Mosquitto at ${broker.url} with persistence (autosave every second)`);

    const random = seededRandom(15);
    t0 = performance.now();
    for (const f of fleet) {
      const v = new Validator({ id: f.id, secret: f.secret, url: broker.url, routeId: f.routeId, flushMs: 1000, resendMs: 10_000, reconnectMs: 1000, chaos: { duplicateShare: DUPLICATES, reorder: true, random } });
      validators.push(v);
    }
    for (let i = 0; i < validators.length; i += 50) await Promise.all(validators.slice(i, i + 50).map((v) => v.connect()));
    await Promise.all(validators.map((v) => v.until(() => v.cache.fares !== null, 30_000)));
    say(`${validators.length} validators connected with persistent sessions and the fares in ${Math.round(performance.now() - t0)} ms`);

    // The run: one tick every 50 ms makes the taps due, each on a random validator (online or not: the outbox keeps them).
    const events: string[] = [];
    const kills: { broker?: Date; centre?: Date } = {};
    const offlineUntil = new Map<Validator, number>();
    const stretch = () => SECONDS / 60 * (3 + random() * 7); // 3–10 simulated minutes
    const startChance = OFFLINE_SHARE > 0 ? Math.min(1, OFFLINE_SHARE / (6.5 * (1 - Math.min(OFFLINE_SHARE, 0.9)))) : 0;
    let made = 0;
    let carry = 0;
    let nextMinute = 0;
    let brokerDown: Promise<void> | null = null;
    let centreDown: Promise<void> | null = null;
    const runStart = performance.now();
    const runLoad: number[] = [];
    for (;;) {
      const elapsed = (performance.now() - runStart) / 1000;
      const f = elapsed / SECONDS;
      if (f >= 1) break;
      if (f >= nextMinute / 60) {
        // Once a simulated minute: some validators go offline for a stretch, some come back.
        nextMinute++;
        runLoad.push(loadavg()[0] ?? 0);
        for (const v of validators) {
          const until = offlineUntil.get(v);
          if (until !== undefined && elapsed >= until) {
            offlineUntil.delete(v);
            void v.connect().catch(() => undefined);
          } else if (until === undefined && random() < startChance) {
            offlineUntil.set(v, elapsed + stretch());
            void v.disconnect();
          }
        }
      }
      if (!brokerDown && f >= 0.3) {
        brokerDown = (async () => {
          kills.broker = new Date();
          await broker.kill();
          events.push(`${elapsed.toFixed(1)} s: Mosquitto killed (SIGKILL)`);
          await sleep(3000);
          await broker.start();
          events.push(`${((performance.now() - runStart) / 1000).toFixed(1)} s: Mosquitto started again from its persistence file`);
        })();
      }
      if (!centreDown && f >= 0.6) {
        centreDown = (async () => {
          const c = centre!;
          centreCpu += cpuSeconds(c.pid ?? -1);
          kills.centre = new Date();
          await new Promise((r) => {
            c.once('exit', r);
            c.kill('SIGKILL');
          });
          events.push(`${elapsed.toFixed(1)} s: centre killed (SIGKILL)`);
          const ms = await startCentre();
          events.push(`${((performance.now() - runStart) / 1000).toFixed(1)} s: centre started again (pid ${centre?.pid}, ready in ${ms} ms)`);
        })();
      }
      const want = rateAt(f) * (TICK_MS / 1000) + carry;
      const n = Math.floor(want);
      carry = want - n;
      const at = new Date();
      for (let k = 0; k < n && made < TAPS; k++, made++) {
        const i = Math.floor(random() * validators.length);
        const stops = fleet[i]!.stops;
        validators[i]!.tap(medium(Math.floor(random() * MEDIA)), { at, direction: random() < 0.5 ? 'on' : 'off', stopId: stops[Math.floor(random() * stops.length)]! });
      }
      const next = runStart + (elapsed * 1000 - ((elapsed * 1000) % TICK_MS)) + TICK_MS;
      await sleep(Math.max(0, next - performance.now()));
    }
    await brokerDown;
    await centreDown;
    const runSeconds = (performance.now() - runStart) / 1000;
    for (const v of offlineUntil.keys()) void v.connect().catch(() => undefined);
    say(`made ${made.toLocaleString('en')} taps in ${runSeconds.toFixed(1)} s (${(made / runSeconds).toFixed(0)} taps/s made); load average during the run ${Math.min(...runLoad).toFixed(2)}–${Math.max(...runLoad).toFixed(2)} (1 min)`);
    for (const e of events) say(`  ${e}`);

    // Drain: every outbox empty means every tap was acknowledged, so stored.
    t0 = performance.now();
    const left = () => validators.reduce((s, v) => s + v.outbox.size(), 0);
    say(`outboxes at the end of the run: ${left().toLocaleString('en')} taps not yet acknowledged`);
    const drained = await Promise.allSettled(validators.map((v) => v.drained(DRAIN_MS)));
    const stuck = drained.filter((d) => d.status === 'rejected').length;
    say(`drained in ${((performance.now() - t0) / 1000).toFixed(1)} s: ${stuck === 0 ? 'every outbox empty' : `${stuck} validators still hold ${left()} taps after ${DRAIN_MS / 1000} s`}`);
    const total = (performance.now() - runStart) / 1000;
    centreCpu += cpuSeconds(centre?.pid ?? -1);

    // Counting in the database: every id made (<validator>-1 … <validator>-n) against what is stored.
    await sql`create temporary table bench_expected (tap_id text primary key)`.execute(db);
    const made_ = validators.map((v) => ({ id: v.id, n: v.decisionMs.length }));
    await sql`insert into bench_expected select e.id || '-' || g from jsonb_to_recordset(${JSON.stringify(made_)}::jsonb) as e(id text, n int), generate_series(1, e.n) g`.execute(db);
    const c = (await sql<{ expected: number; stored: number; lost: number; unexpected: number; duplicated: number }>`select
        (select count(*)::int from bench_expected) as expected,
        (select count(*)::int from transit_taps) as stored,
        (select count(*)::int from bench_expected e where not exists (select 1 from transit_taps t where t.tap_id = e.tap_id)) as lost,
        (select count(*)::int from transit_taps t where not exists (select 1 from bench_expected e where e.tap_id = t.tap_id)) as unexpected,
        (select count(*)::int from (select tap_id from transit_taps group by tap_id having count(*) > 1) d) as duplicated`.execute(db)).rows[0]!;
    const parked = validators.reduce((s, v) => s + v.parked.length, 0);
    const published = validators.reduce((s, v) => s + v.published, 0);
    say(`in the database: expected ${c.expected.toLocaleString('en')} tap ids, stored ${c.stored.toLocaleString('en')}: lost ${c.lost}, duplicated ${c.duplicated}, unexpected ${c.unexpected}; refused and parked by validators ${parked}; taps published ${published.toLocaleString('en')} (${(published / Math.max(1, made) - 1).toFixed(3)} × resent or sent twice)`);

    // Throughput as the database saw it (received_at is when the centre's ingest took the batch), and the lag.
    const s = (await sql<{ first: Date; last: Date; peak: number; p50s: number; p99_lag: number; p50_lag: number; max_lag: number; batches: number }>`select
        min(received_at) as first, max(received_at) as last,
        (select max(n)::int from (select count(*) as n from transit_taps group by date_trunc('second', received_at)) x) as peak,
        (select percentile_cont(0.5) within group (order by n)::float from (select count(*) as n from transit_taps group by date_trunc('second', received_at)) x) as p50s,
        percentile_cont(0.5) within group (order by extract(epoch from received_at - tapped_at))::float as p50_lag,
        percentile_cont(0.99) within group (order by extract(epoch from received_at - tapped_at))::float as p99_lag,
        max(extract(epoch from received_at - tapped_at))::float as max_lag,
        count(distinct received_at)::int as batches
      from transit_taps`.execute(db)).rows[0]!;
    const span = (new Date(s.last).getTime() - new Date(s.first).getTime()) / 1000;
    const batches = validators.reduce((n, v) => n + v.publishedBatches, 0);
    const perBatch = published / Math.max(1, batches);
    say(`validators published ${batches.toLocaleString('en')} batches of ${perBatch.toFixed(1)} taps on average (flush every second)`);
    say(`centre ingest: ${c.stored.toLocaleString('en')} taps in ${s.batches.toLocaleString('en')} transactions (batches stored together: ${(c.stored / s.batches).toFixed(1)} new taps a transaction) over ${span.toFixed(1)} s — mean ${(c.stored / span).toFixed(0)} taps/s, peak ${s.peak} taps/s in one second (median second ${s.p50s.toFixed(0)}); run + drain ${total.toFixed(1)} s`);
    say(`ingest lag (tap made → stored): p50 ${s.p50_lag.toFixed(2)} s, p99 ${s.p99_lag.toFixed(2)} s, max ${s.max_lag.toFixed(1)} s (includes the 1 s flush, offline stretches, the broker and centre restarts)`);
    if (kills.broker) {
      const q = (await sql<{ n: number; p50: number; p99: number; max: number }>`select count(*)::int as n,
          percentile_cont(0.5) within group (order by extract(epoch from received_at - tapped_at))::float as p50,
          percentile_cont(0.99) within group (order by extract(epoch from received_at - tapped_at))::float as p99,
          max(extract(epoch from received_at - tapped_at))::float as max
        from transit_taps where tapped_at < ${kills.broker}::timestamptz - interval '5 seconds'`.execute(db)).rows[0]!;
      if (q.n > 0) say(`  before the broker was killed (${q.n.toLocaleString('en')} taps made up to 5 s before it): p50 ${q.p50.toFixed(2)} s, p99 ${q.p99.toFixed(2)} s, max ${q.max.toFixed(1)} s`);
    }
    say(`centre process CPU: ${centreCpu.toFixed(1)} s over ${total.toFixed(0)} s (${Math.round((centreCpu / total) * 100)} % of one core); load average at the end ${load()}`);
    const decisions = Float64Array.from(validators.flatMap((v) => v.decisionMs));
    const p50 = quantile(decisions as unknown as number[], 0.5);
    const p99 = quantile(decisions as unknown as number[], 0.99);
    say(`validator decision over ${decisions.length.toLocaleString('en')} taps on ${validators.length} validators: p50 ${(p50 * 1000).toFixed(1)} µs, p99 ${(p99 * 1000).toFixed(1)} µs, max ${(decisions.reduce((m, x) => Math.max(m, x), 0) * 1000).toFixed(0)} µs — target p99 < ${TARGET.decisionP99Ms} ms`);
    const ok = c.lost === 0 && c.duplicated === 0 && c.unexpected === 0 && parked === 0 && stuck === 0;
    say(`verdict: ${ok ? 'zero lost, zero duplicated' : 'TAPS LOST OR DUPLICATED'}; peak ${s.peak} taps/s stored against ≥ ${TARGET.peak}${s.peak >= TARGET.peak ? ' — reached' : ' — NOT reached'}; ${made.toLocaleString('en')} taps${made >= TARGET.taps ? '' : ` (the target is ${TARGET.taps.toLocaleString('en')} in ${TARGET.seconds} s)`}`);

    // pgbench: the statements one group's ingest runs (taps/ingest.ts, ingestTapBatches) at the mean sizes seen: a read of
    // each batch's validator, then one transaction: the group's taps in one insert, each validator's last-seen update.
    const k = Math.max(1, Math.round(c.stored / s.batches));
    const b = Math.max(1, Math.round(k / perBatch));
    const v = fleet[0]!;
    const rows = Array.from({ length: k }, (_, i) => `('pgb-' || :c || '-${i}', '${v.id}', 'OP', 'operator_card', 'BENCH000001', now(), now(), 'on', '${v.routeId}', '${v.stops[0]}', 'admit', true, '{}')`).join(', ');
    const script = [
      '\\set c random(1, 2000000000)',
      `\\set n random(1, ${VALIDATORS})`,
      ...Array.from({ length: b }, () => `select * from transit_validators where id = 'V-${v.routeId}-B' || :n;`),
      'begin;',
      `insert into transit_taps (tap_id, validator_id, operator_code, medium_kind, medium_key, tapped_at, received_at, direction, route_id, stop_id, decision, signature_ok, flags) values ${rows} on conflict (tap_id) do nothing returning tap_id;`,
      ...Array.from({ length: b }, () => `update transit_validators set last_seen_at = now(), clock_skew_ms = 0 where id = 'V-${v.routeId}-B' || :n;`),
      'commit;',
    ].join('\n');
    const secs = Number(values['pgbench-seconds']);
    for (const clients of [1, 4]) {
      const ceiling = pgCeiling(scratch.url, script, clients, secs);
      say(`pgbench ceiling of one group's ingest (${b} validator reads; one transaction: a ${k}-row insert … on conflict do nothing, ${b} last-seen updates), ${clients} client${clients > 1 ? 's' : ''}: ${ceiling.line}${Number.isFinite(ceiling.tps) ? ` → ${(ceiling.tps * k).toFixed(0)} taps/s at ${k} a transaction` : ''}`);
    }
    say(`load average at the end: ${load()}`);
    mkdirSync(join(REPO, 'bench/results'), { recursive: true });
    const file = join(REPO, `bench/results/transit-ingest-${started.toISOString().slice(0, 16).replace(':', '')}.txt`);
    writeFileSync(file, `${lines.join('\n')}\n`);
    console.log(`written: ${file}`);
  } finally {
    await Promise.allSettled(validators.map((v) => v.disconnect()));
    const c = centre;
    if (c && c.exitCode === null) await new Promise((r) => {
      c.once('exit', r);
      c.kill('SIGTERM');
    });
    await broker.remove();
    await app?.close();
    await database.close();
    await scratch.drop();
    rmSync(varDir, { recursive: true, force: true });
  }
}

await main();
