// Benchmark: the back office on a year of Hà Nội (issue 4 "Scale"): an officer's inbox page, a ward dashboard and the
// city dashboard on PostgreSQL holding ~1,000,000 dossiers (`egov seed --demo && egov seed --dossiers 1000000`).
// Each page is requested by signed-in demo staff (bearer tokens), first one at a time (latency as one officer sees it),
// then 4 at a time; p50/p95/p99 over the requests. Beside each, in the same run, the database alone: pgbench running
// the inbox's own two statements (counts and the page of rows) at 1 client, as the floor the page stands on.
// Usage: node --import tsx bench/backoffice.ts [--requests 200] [--db postgres://…/egov_seed_1m] [--figures-max-age 60|0]
import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir, cpus } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { pgCeilingTool } from './lib/ceiling.ts';
import { startServer } from './lib/server.ts';
import { DEMO_TOTP_SECRET } from '../src/cli/demo-logins.ts';
import { totpCode } from '../src/modules/accounts/totp.ts';

const { values } = parseArgs({
  options: {
    requests: { type: 'string', default: '200' },
    db: { type: 'string', default: process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/egov_seed_1m' },
    // EGOV_FIGURES_MAX_AGE of the server: 60 (the default: figures computed once a minute per filter), 0 (every request).
    'figures-max-age': { type: 'string', default: '60' },
  },
});
const N = Number(values.requests);
const MAX_AGE = values['figures-max-age'];
const DB = values.db;
const PASSWORD = 'Demo@12345';
const WARD = '000.04.51.H26';

interface Figure {
  target: string;
  who: string;
  concurrency: number;
  requests: number;
  p50: number;
  p95: number;
  p99: number;
  status: number;
  bytes: number;
}

const pct = (sorted: number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
const round = (n: number): number => Math.round(n * 10) / 10;

async function token(base: string, username: string): Promise<string> {
  // The demo's leader and administrator have two-step verification on the demo secret (EGOV_2FA_ROLES); others ignore `totp`.
  const body0 = { username, password: PASSWORD, totp: totpCode(DEMO_TOTP_SECRET) };
  const r = await fetch(`${base}/api/v1/auth/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body0) });
  const body = (await r.json()) as { access_token?: string };
  if (!r.ok || !body.access_token) throw new Error(`token for ${username}: ${r.status} ${JSON.stringify(body)}`);
  return body.access_token;
}

async function measure(base: string, target: string, who: string, bearer: string, concurrency: number): Promise<Figure> {
  const times: number[] = [];
  let status = 0;
  let bytes = 0;
  let next = 0;
  // A few warm-up requests (caches, plans), not counted.
  for (let i = 0; i < 5; i++) await (await fetch(`${base}${target}`, { headers: { authorization: `Bearer ${bearer}` } })).arrayBuffer();
  const worker = async (): Promise<void> => {
    while (next < N) {
      next++;
      const t0 = performance.now();
      const r = await fetch(`${base}${target}`, { headers: { authorization: `Bearer ${bearer}` } });
      const body = await r.arrayBuffer();
      times.push(performance.now() - t0);
      status = r.status;
      bytes = body.byteLength;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  times.sort((a, b) => a - b);
  return { target, who, concurrency, requests: times.length, p50: round(pct(times, 50)), p95: round(pct(times, 95)), p99: round(pct(times, 99)), status, bytes };
}

/** The inbox's two statements for the demo ward's one-stop officer (src/modules/backoffice/workflow/repo-inbox.ts, on the table
 * itself: the view dossier_facts it reads is inlined by the planner), through pgbench. */
async function inboxCeiling(): Promise<string> {
  const c = new pg.Client({ connectionString: DB });
  await c.connect();
  const ids = await c.query<{ agency: string; officer: string }>(
    `select a.id as agency, (select id from accounts where username = 'demo.motcua') as officer from agencies a where a.code = $1`,
    [WARD],
  );
  await c.end();
  const agency = ids.rows[0]?.agency;
  const officer = ids.rows[0]?.officer ?? '0';
  if (!agency) return 'n/a (no demo ward)';
  const consulted = `exists (select 1 from dossier_consultations k where k.dossier_id = d.id and k.agency_id = ${agency} and k.replied_at is null)`;
  const mine = `(d.agency_id = ${agency} or d.handling_agency_id = ${agency})`;
  const inProgress = `d.result_at is null and d.status not in ('supplement', 'refused')`;
  const tabs = [
    `d.status = 'received' and d.agency_id = ${agency}`,
    `d.assignee_id = ${officer} and d.result_at is null`,
    `d.status in ('processing', 'consulting', 'approved') and coalesce(d.handling_agency_id, d.agency_id) = ${agency}`,
    `d.status = 'approval' and coalesce(d.handling_agency_id, d.agency_id) = ${agency}`,
    `${mine} and ${inProgress} and d.due_at >= now() and d.due_at <= now() + interval '1 day'`,
    `${mine} and ${inProgress} and d.due_at < now()`,
    `${mine} and d.status = 'supplement'`,
    `d.status = 'consulting' and ${consulted}`,
    `d.status = 'result_ready' and d.agency_id = ${agency}`,
  ];
  const visible = `(d.agency_id = ${agency} or d.handling_agency_id = ${agency} or d.assignee_id = ${officer} or (d.status = 'consulting' and ${consulted}))`;
  const script = [
    `select ${tabs.map((t, i) => `count(*) filter (where ${t})::int as t${i}`).join(', ')} from dossiers d where d.finished_at is null and ${visible};`,
    `select d.code, d.procedure_code, d.procedure_version, d.applicant->>'name' as name, d.channel, d.status, d.received_at, d.due_at, to_char(d.due_date, 'YYYY-MM-DD'), d.assignee_id from dossiers d where d.finished_at is null and ${visible} and ${tabs[0]} order by d.due_at asc nulls last, d.id asc limit 50 offset 0;`,
  ].join('\n');
  const dir = mkdtempSync(join(tmpdir(), 'egov-bench-'));
  const file = join(dir, 'inbox.sql');
  writeFileSync(file, `${script}\n`);
  try {
    const out = execFileSync('bash', [pgCeilingTool(), '1', '10'], { env: { ...process.env, PGURL: DB, SCRIPT: file }, encoding: 'utf8' }).trim();
    const tps = Number(out.split(' ')[0]);
    return `${out} → ${round(1000 / tps)} ms per inbox at the database alone`;
  } catch (err) {
    return `n/a (${(err as Error).message.split('\n')[0]})`;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const started = new Date();
  const c = new pg.Client({ connectionString: DB });
  await c.connect();
  const count = Number((await c.query<{ n: string }>('select count(*) as n from dossiers')).rows[0]?.n ?? 0);
  const open = Number((await c.query<{ n: string }>('select count(*) as n from dossiers where finished_at is null')).rows[0]?.n ?? 0);
  await c.end();
  const port = 3960;
  const child = await startServer({ DATABASE_URL: DB, EGOV_DEMO: 'off', EGOV_FIGURES_MAX_AGE: MAX_AGE }, port);
  const base = `http://127.0.0.1:${port}`;
  const figures: Figure[] = [];
  let ceiling = '';
  try {
    const officer = await token(base, 'demo.motcua');
    const specialist = await token(base, 'demo.chuyenvien');
    const leader = await token(base, 'demo.lanhdao');
    const admin = await token(base, 'demo.admin');
    const plan: [string, string, string][] = [
      ['/mot-cua', 'ward one-stop officer (new)', officer],
      ['/mot-cua?tab=overdue', 'ward one-stop officer (overdue)', officer],
      ['/mot-cua?tab=processing', 'ward specialist (processing)', specialist],
      ['/mot-cua?tab=due_soon&q=Nguy%E1%BB%85n', 'ward specialist (search a name)', specialist],
      ['/quan-ly/chat-luong', 'ward dashboard (ward leader)', leader],
      ['/quan-ly/chat-luong', 'city dashboard (administrator)', admin],
      [`/api/v1/stats?agency=${WARD}`, 'ward figures API', leader],
      ['/api/v1/stats', 'city figures API', admin],
    ];
    for (const concurrency of [1, 4]) {
      for (const [target, who, bearer] of plan) {
        const f = await measure(base, target, who, bearer, concurrency);
        figures.push(f);
        console.log(`${who.padEnd(34)} ${target.padEnd(40)} c=${concurrency}  p50 ${f.p50} ms  p95 ${f.p95} ms  p99 ${f.p99} ms  (${f.status}, ${f.bytes} B)`);
      }
    }
    ceiling = await inboxCeiling();
    console.log(`ceiling: pgbench, the inbox's two statements: ${ceiling}`);
  } finally {
    child.kill('SIGTERM');
  }
  const day = started.toISOString().slice(0, 10);
  const header = `egov back-office benchmark — ${started.toISOString()} — ${cpus().length} cores, Node ${process.version}, PostgreSQL, ${count.toLocaleString('en')} dossiers (${open.toLocaleString('en')} open), ${N} requests per target, EGOV_FIGURES_MAX_AGE=${MAX_AGE}`;
  const lines = [header, ...figures.map((f) => `${f.who.padEnd(34)} ${f.target.padEnd(40)} c=${f.concurrency}  p50 ${f.p50} ms  p95 ${f.p95} ms  p99 ${f.p99} ms  status ${f.status}`), `ceiling: pgbench, the inbox's two statements at 1 client: ${ceiling}`];
  mkdirSync('bench/results', { recursive: true });
  writeFileSync(`bench/results/backoffice-${day}-max-age-${MAX_AGE}.txt`, `${lines.join('\n')}\n`);
  writeFileSync(`bench/results/backoffice-${day}-max-age-${MAX_AGE}.json`, `${JSON.stringify({ started, figuresMaxAge: MAX_AGE, cores: cpus().length, node: process.version, dossiers: count, open, requests: N, figures, ceiling }, null, 2)}\n`);
}

await main();
