// Benchmark: pricing a service day of interoperable e-tickets (issue 15, TRANSPORT.md §2: the price is computed
// centrally, once a day) on PostgreSQL, against the target "price a service day for 1 million accounts in under 10
// minutes". A scratch database with the reference data and the demo transit network, then — bulk-inserted in SQL
// (insert … select from generate_series), not through the services — N citizens, their transit accounts each topped
// up with 100,000 đ (ledger rows through the balance trigger of migrations/0047), one operator card each and a day of
// four taps per account in transit_taps (bus 34 on at BUS-0016 and off at BUS-0024 on validator V-34-1, metro 2A in
// at gate G-2A-01-1 and out at G-2A-09-1; 24,000 đ a day), then priceServiceDay over that day, timed: chunks of
// accounts (--chunk, 500 by default), each one transaction: the chunk's taps, fare profiles and balances read
// set-based, the fare engine, then trips, charges, ledger rows and audit rows in multi-row statements; clearing.
// Beside it, in the same run, pgbench running the statements one account's pricing took when accounts were priced
// one at a time (the figure the chunks are compared with), the CPU used by this process and its PostgreSQL backends
// (an estimate of the rate on idle cores) and the load average (the machine is shared).
// Usage: node --import tsx bench/transit-pricing.ts [postgres-url] [--accounts 10000] [--chunk 500] [--pgbench-seconds 10]
//        (npm run bench:transit-pricing -- --accounts 10000)
// PostgreSQL: the URL argument, else TEST_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test); a scratch
// database is made on that server and dropped. Target: 1,000,000 accounts in under 10 minutes.
import { readdirSync, readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { seedReference } from '../src/app.ts';
import { getValidator, seedTransitNetwork } from '../src/modules/transit/network/index.ts';
import { CHUNK_ACCOUNTS, priceServiceDay } from '../src/modules/transit/taps/index.ts';
import { transitSystemActor } from '../src/modules/transit/index.ts';
import { cpuSeconds, pgCeiling } from './lib/ceiling.ts';
import { scratchApp } from './lib/scratch-app.ts';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { accounts: { type: 'string', default: '10000' }, chunk: { type: 'string', default: String(CHUNK_ACCOUNTS) }, 'pgbench-seconds': { type: 'string', default: '10' } } });
const N = Math.max(1, Math.floor(Number(values.accounts)));
const CHUNK = Math.max(1, Math.floor(Number(values.chunk)));
const PG_URL = positionals[0] ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const DAY = '2026-06-10';
const NOW = new Date('2026-06-20T00:00:00Z');
const TARGET_ACCOUNTS = 1_000_000;
const TARGET_MINUTES = 10;
const TOP_UP = 100_000;
const DAY_FARE = 24_000; // bus 34 over 27.3 km (12,000 đ) and metro 2A Cát Linh → Hà Đông (12,000 đ), as in taps/price.test.ts

if (!Number.isFinite(N)) throw new Error('--accounts must be a number');

/**
 * The CPU seconds PostgreSQL's backends serving database `name` use, sampled from /proc (Linux): each backend's CPU
 * from when it is first seen (0 if it starts after) to its last sample, so pool connections that come and go count.
 */
function backendCpu(name: string): { sample(): void; seconds(): number } {
  const seen = new Map<number, { first: number; last: number }>();
  const sample = () => {
    for (const d of readdirSync('/proc')) {
      if (!/^\d+$/.test(d)) continue;
      let cmd: string;
      try {
        cmd = readFileSync(`/proc/${d}/cmdline`, 'utf8');
      } catch {
        continue;
      }
      if (!cmd.startsWith('postgres:') || !cmd.includes(` ${name} `)) continue;
      const pid = Number(d);
      const now = cpuSeconds(pid);
      if (!Number.isFinite(now)) continue;
      const s = seen.get(pid);
      if (s) s.last = now;
      else seen.set(pid, { first: now, last: now });
    }
  };
  return { sample, seconds: () => [...seen.values()].reduce((t, s) => t + s.last - s.first, 0) };
}

async function main() {
  const started = new Date();
  const scratch = await scratchApp(PG_URL, 'egov_bench_transit_pricing', 10);
  const { say } = scratch;
  try {
    const p = scratch.app.platform;
    const db = p.database.db;
    await seedReference(p);
    await seedTransitNetwork(db, p.secrets);
    say(`egov transit pricing benchmark — ${started.toISOString()} — ${cpus().length} cores, Node ${process.version}, PostgreSQL, priceServiceDay in this process`);

    // The validators' operators as the network has them (ingest stores validator.operator as the tap's operator_code).
    const bus = await getValidator(db, 'V-34-1');
    const gateIn = await getValidator(db, 'G-2A-01-1');
    const gateOut = await getValidator(db, 'G-2A-09-1');
    let t0 = performance.now();
    await sql`insert into accounts (kind, username, personal_id, full_name, password_hash)
      select 'citizen', 'bench.rider.' || g, '09' || lpad(g::text, 10, '0'), 'Hành khách ' || g, 'bench-no-sign-in'
      from generate_series(1, ${N}::int) g`.execute(db);
    await sql`insert into transit_accounts (citizen_account_id) select id from accounts where username like 'bench.rider.%' order by id`.execute(db);
    // One row per account in one statement: the trigger still runs per row, locks the account and computes balance_after.
    await sql`insert into transit_ledger (account_id, kind, amount, reference) select id, 'top_up', ${TOP_UP}::bigint, 'bench top-up' from transit_accounts order by id`.execute(db);
    await sql`insert into transit_media (account_id, kind, media_key) select id, 'operator_card', 'BE' || upper(lpad(to_hex(id), 12, '0')) from transit_accounts order by id`.execute(db);
    // Four taps per card, the day's start spread over two hours of the morning peak (Vietnam time).
    await sql`insert into transit_taps (tap_id, validator_id, operator_code, medium_kind, medium_key, tapped_at, received_at, direction, route_id, stop_id, decision, signature_ok)
      select 'bench-' || m.id || '-' || v.n, v.validator, v.operator, 'operator_card', m.media_key,
             ${`${DAY}T07:00:00+07:00`}::timestamptz + make_interval(mins => (m.id % 120)::int + v.after_min), ${NOW}::timestamptz,
             v.direction, v.route, v.stop, 'admit', true
      from transit_media m cross join (values
        (1, ${bus.id}::text, ${bus.operator}::text, 0, 'on', ${bus.routeId}::text, 'BUS-0016'),
        (2, ${bus.id}::text, ${bus.operator}::text, 40, 'off', ${bus.routeId}::text, 'BUS-0024'),
        (3, ${gateIn.id}::text, ${gateIn.operator}::text, 60, 'on', null, ${gateIn.stationId}::text),
        (4, ${gateOut.id}::text, ${gateOut.operator}::text, 80, 'off', null, ${gateOut.stationId}::text)
      ) as v(n, validator, operator, after_min, direction, route, stop)`.execute(db);
    await sql`analyze`.execute(db);
    const seeded = (await sql<{ a: number; t: number; b: string }>`select (select count(*)::int from transit_accounts) as a, (select count(*)::int from transit_taps) as t, (select sum(balance_after)::text from transit_ledger) as b`.execute(db)).rows[0]!;
    say(`seeded (bulk SQL): ${seeded.a} accounts with an operator card and ${TOP_UP.toLocaleString('en')} đ each (ledger total ${Number(seeded.b).toLocaleString('en')} đ), ${seeded.t} taps on ${DAY}, in ${Math.round(performance.now() - t0)} ms`);

    const actor = await transitSystemActor(p);
    let rssPeak = process.memoryUsage().rss;
    const dbName = new URL(scratch.url).pathname.slice(1);
    const dbCpu = backendCpu(dbName);
    dbCpu.sample();
    const load0 = loadavg();
    const sampler = setInterval(() => {
      rssPeak = Math.max(rssPeak, process.memoryUsage().rss);
      dbCpu.sample();
    }, 100);
    const cpu0 = process.cpuUsage();
    t0 = performance.now();
    const run = await priceServiceDay(p, actor, DAY, { now: NOW, chunkAccounts: CHUNK });
    const seconds = (performance.now() - t0) / 1000;
    const cpu = process.cpuUsage(cpu0);
    dbCpu.sample();
    clearInterval(sampler);
    const load1 = loadavg();
    rssPeak = Math.max(rssPeak, process.memoryUsage().rss);
    const rate = run.accounts / seconds;
    const minutes = TARGET_ACCOUNTS / rate / 60;
    say(`priceServiceDay(${DAY}) in chunks of ${CHUNK} accounts: ${run.accounts} accounts, ${run.taps} taps, ${run.unmatchedTaps} unmatched, total ${run.total.toLocaleString('en')} đ in ${seconds.toFixed(2)} s — ${rate.toFixed(0)} accounts/s`);
    say(`${N >= TARGET_ACCOUNTS ? 'at this rate (measured on' : 'extrapolated to'} ${TARGET_ACCOUNTS.toLocaleString('en')} accounts${N >= TARGET_ACCOUNTS ? ')' : ' (linear)'}: ${minutes.toFixed(1)} min against the ${TARGET_MINUTES}-minute target${minutes < TARGET_MINUTES ? ' — within' : ' — OVER the target'}`);
    const cpuS = (cpu.user + cpu.system) / 1e6;
    say(`this process while pricing: CPU ${cpuS.toFixed(2)} s (user ${(cpu.user / 1e6).toFixed(2)} s, system ${(cpu.system / 1e6).toFixed(2)} s, ${Math.round((cpuS / seconds) * 100)} % of one core), RSS peak ${Math.round(rssPeak / 2 ** 20)} MiB (process max RSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MiB)`);
    // On a busy machine the wall time mostly measures the other processes; the CPU the pricing itself used (this
    // process and its PostgreSQL backends) bounds what the same work would reach on idle cores (WAL writer and
    // checkpointer not counted, nor disk waits).
    const dbS = dbCpu.seconds();
    const perAccountMs = ((cpuS + dbS) / run.accounts) * 1000;
    const cpuBound = (cpus().length * 1000) / perAccountMs;
    say(`PostgreSQL backends of this database while pricing: CPU ${dbS.toFixed(2)} s; together with this process ${perAccountMs.toFixed(3)} ms of CPU per account`);
    say(`load average (1, 5, 15 min) before pricing ${load0.map((x) => x.toFixed(2)).join(', ')}, after ${load1.map((x) => x.toFixed(2)).join(', ')} on ${cpus().length} cores shared with other work`);
    say(`estimated (CPU-bound, ${cpus().length} idle cores, not measured): ${cpuBound.toFixed(0)} accounts/s, ${(TARGET_ACCOUNTS / cpuBound / 60).toFixed(1)} min for ${TARGET_ACCOUNTS.toLocaleString('en')} accounts`);

    // What the database holds afterwards: one charge per account, two trips each, every balance charged once.
    const check = (await sql<{ trips: number; charges: number; paid: number; charged: string; ledger: number; clearing: number }>`select
        (select count(*)::int from transit_trips where service_day = ${DAY}) as trips,
        (select count(*)::int from transit_charges where service_day = ${DAY}) as charges,
        (select count(*)::int from transit_charges where service_day = ${DAY} and status = 'paid') as paid,
        (select coalesce(-sum(amount), 0)::text from transit_ledger where kind = 'charge') as charged,
        (select count(*)::int from transit_ledger where kind = 'charge') as ledger,
        (select count(*)::int from transit_clearing where service_day = ${DAY}) as clearing`.execute(db)).rows[0]!;
    const ok = check.trips === 2 * N && check.charges === N && check.paid === N && Number(check.charged) === N * DAY_FARE && run.total === N * DAY_FARE;
    say(`in the database: ${check.trips} trips, ${check.charges} charges (${check.paid} paid), ${check.ledger} ledger charges for ${Number(check.charged).toLocaleString('en')} đ, ${check.clearing} clearing rows — ${ok ? `as expected for ${N} accounts (2 trips, 1 paid charge of ${DAY_FARE.toLocaleString('en')} đ each)` : 'NOT what N accounts should give'}`);

    // pgbench: the statements one account's pricing runs (taps/price.ts, riders/clearing.ts, taps/charges.ts) — the
    // medium and account lookups, the fare profile's reads, two trip rows and the charge row, the balance charge (the
    // account's row lock, the last balance, a ledger row through the trigger, its audit row), the charge marked paid
    // with its audit row. Random accounts on fake service days (day runs made for it, so the charge's unique key holds;
    // a 1 đ top-up instead of a charge so no balance runs out). The app writes all the day's trips and charges in one
    // transaction, so this counts one commit per account more than the app; the day's bulk read of the taps is left out.
    const ids = (await sql<{ lo: number; hi: number }>`select min(id)::int as lo, max(id)::int as hi from transit_accounts`.execute(db)).rows[0]!;
    const trip = (await sql<{ operator_code: string; network_id: string; route_id: string | null; rule_id: string; amount: number; explanation_vi: string; explanation_en: string }>`select operator_code, network_id, route_id, rule_id, amount::int as amount, explanation_vi, explanation_en from transit_trips order by id limit 1`.execute(db)).rows[0]!;
    await sql`insert into transit_day_runs (service_day, status, taps, accounts, unmatched_taps, total) select date '2000-01-01' + g, 'done', 0, 0, 0, 0 from generate_series(0, 4999) g`.execute(db);
    const q = (s: string | null) => (s === null ? 'null' : `'${s.replace(/'/g, "''")}'`);
    const tripInsert = `insert into transit_trips (service_day, account_id, operator_code, network_id, route_id, rule_id, amount, explanation_vi, explanation_en, tap_ids) values (date '2000-01-01' + :d, :a, ${q(trip.operator_code)}, ${q(trip.network_id)}, ${q(trip.route_id)}, ${q(trip.rule_id)}, ${trip.amount}, ${q(trip.explanation_vi)}, ${q(trip.explanation_en)}, array['bench-x-1', 'bench-x-2']);`;
    const audit = (action: string) => `insert into audit_log (actor_id, actor_label, action, entity, entity_id, data) values (${actor.id}, 'hethong.vedientu', '${action}', 'bench', :a, '{"amount": 24000}');`;
    const script = [
      `\\set a random(${ids.lo}, ${ids.hi})`,
      '\\set d random(0, 4999)',
      "select id, account_id, status from transit_media where kind = 'operator_card' and media_key = 'BE' || upper(lpad(to_hex(:a), 12, '0'));",
      'select id, status, rider_category from transit_accounts where id = :a;',
      'select id, status, rider_category from transit_accounts where id = :a;',
      'select category from transit_concessions where account_id = :a and revoked_at is null;',
      "select product_id, valid_from, valid_to, route_id from transit_passes where account_id = :a and status = 'active';",
      'select id, kind, media_key, status from transit_media where account_id = :a;',
      'begin;',
      tripInsert,
      tripInsert,
      "insert into transit_charges (service_day, account_id, method, amount, status, attempts, next_attempt_at) values (date '2000-01-01' + :d, :a, 'balance', 24000, 'pending', 0, now()) on conflict (account_id, service_day) do nothing;",
      'commit;',
      'begin;',
      'select id from transit_accounts where id = :a for update;',
      'select balance_after from transit_ledger where account_id = :a order by id desc limit 1;',
      "insert into transit_ledger (account_id, kind, amount, reference) values (:a, 'top_up', 1, 'bench ceiling');",
      audit('transit.balance.charge'),
      'commit;',
      'begin;',
      "update transit_charges set status = 'paid', attempts = 1, paid_at = now(), next_attempt_at = null where account_id = :a and service_day = date '2000-01-01' + :d;",
      audit('transit.charge.paid'),
      'commit;',
    ].join('\n');
    const secs = Number(values['pgbench-seconds']);
    const one = pgCeiling(scratch.url, script, 1, secs);
    say(`pgbench ceiling of one account's pricing statements (6 reads, 3 commits: 2 trips + the charge [one commit for the whole day in the app]; the ledger row with its trigger + audit; the charge paid + audit), 1 client: ${one.line}`);
    if (Number.isFinite(one.tps)) say(`  → ${one.tps.toFixed(0)} accounts/s priced one account at a time on one connection: ${(TARGET_ACCOUNTS / one.tps / 60).toFixed(1)} min for ${TARGET_ACCOUNTS.toLocaleString('en')} accounts; the app in chunks reached ${(rate / one.tps).toFixed(1)}× that`);
    const many = pgCeiling(scratch.url, script, 4, secs);
    say(`the same with 4 clients (priceServiceDay prices 4 chunks at once on PostgreSQL, each one transaction for all its accounts): ${many.line}`);
    if (Number.isFinite(many.tps)) say(`  → ${many.tps.toFixed(0)} accounts/s one account at a time on 4 connections: ${(TARGET_ACCOUNTS / many.tps / 60).toFixed(1)} min for ${TARGET_ACCOUNTS.toLocaleString('en')} accounts; the app in chunks reached ${(rate / many.tps).toFixed(1)}× that`);
    scratch.write('transit-pricing');
  } finally {
    await scratch.close();
  }
}

await main();
