// Benchmark: online submission throughput, POST /api/v1/dossiers by the demo citizen's bearer token, every request a
// new dossier for ONE receiving agency (the per-agency daily sequence row is contended, as on admission day).
// On PostgreSQL it stands beside the database's own ceiling for that work, measured in the same run on the same
// scratch database: pgbench (../shared/tools/pg-ceiling) running the very statements one submission runs (session and
// procedure look-ups, then its transaction), in the same order.
// PGlite (embedded) is measured too; it has no ceiling to compare with.
// Usage: node --import tsx bench/submit.ts [--seconds 15] [--connections 50] [--db postgres,pglite] [--procedure 1.012501]
// PostgreSQL: BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test; a scratch database is made and dropped).
// A day's numbers of one agency stop at 9999 (dossier_sequences.last check), so a run stops at 9000 submissions.
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir, cpus } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import pg from 'pg';
import { pgCeilingTool } from './lib/ceiling.ts';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '15' },
    connections: { type: 'string', default: '50' },
    db: { type: 'string', default: 'postgres,pglite' },
    // City level, online, free, one required document ("Văn bản đề nghị …"): the generic e-form, one tiny PDF.
    procedure: { type: 'string', default: '1.012501' },
  },
});
const SECONDS = Number(values.seconds);
const CONNECTIONS = Number(values.connections);
const PROCEDURE = values.procedure;
const PG_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const MAX_REQUESTS = 9000;
const NOTIFY_JOB = 'dossier.notify-receipt';

const TINY_PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
    '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
  'latin1',
);
const BODY = JSON.stringify({
  procedure_code: PROCEDURE,
  form: {
    applicant: {
      fullName: 'Nguyễn Văn An',
      personalId: '001090012345',
      phone: '0912 345 678',
      email: 'demo.congdan@example.vn',
      address: { commune: '00070', street: '12 phố Hàng Bạc' },
    },
    details: 'Đề nghị trả lại giấy phép hành nghề khoan nước dưới đất.',
  },
  files: [{ doc_key: 'doc1', filename: 'van-ban-de-nghi.pdf', content_base64: TINY_PDF.toString('base64') }],
});

interface Figure {
  target: string;
  rps: number;
  p50: number;
  p99: number;
  requests: number;
  errors: number;
  non2xx: number;
  firstError?: string;
}

async function waitReady(base: string, child: ChildProcess): Promise<number> {
  const t0 = Date.now();
  for (let i = 0; i < 2400; i++) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      const r = await fetch(`${base}/readyz`);
      if (r.ok) return Date.now() - t0;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('server did not become ready');
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  await new Promise((r) => {
    child.once('exit', r);
    child.kill('SIGTERM');
  });
}

async function scratchDatabase(suffix: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `egov_bench_submit_${suffix}_${process.pid}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const u = new URL(PG_URL);
  u.pathname = `/${name}`;
  return {
    url: u.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: PG_URL });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

async function token(base: string): Promise<string> {
  const r = await fetch(`${base}/api/v1/auth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'demo.congdan', password: 'Demo@12345' }),
  });
  const body = (await r.json()) as { access_token?: string };
  if (!r.ok || !body.access_token) throw new Error(`token: ${r.status} ${JSON.stringify(body)}`);
  return body.access_token;
}

async function load(target: string, base: string, bearer: string): Promise<Figure> {
  let firstError: string | undefined;
  const r = await autocannon({
    url: base,
    connections: CONNECTIONS,
    duration: SECONDS,
    maxOverallRequests: MAX_REQUESTS,
    pipelining: 1,
    requests: [
      {
        method: 'POST',
        path: '/api/v1/dossiers',
        headers: { authorization: `Bearer ${bearer}`, 'content-type': 'application/json' },
        body: BODY,
        onResponse: (status: number, body: string) => {
          if ((status < 200 || status > 299) && firstError === undefined) firstError = `${status} ${body.slice(0, 600)}`;
        },
      },
    ],
  });
  return {
    target,
    rps: Math.round(r.requests.average),
    p50: r.latency.p50,
    p99: r.latency.p99,
    requests: r.requests.total,
    errors: r.errors,
    non2xx: r.non2xx,
    ...(firstError ? { firstError } : {}),
  };
}

const lit = (s: string): string => `'${s.replaceAll("'", "''")}'`;
const jsonLit = (v: unknown): string => `${lit(JSON.stringify(v ?? {}))}::jsonb`;

/** pg-boss 10's own `send` statement (plans.insertJob), its 19 parameters filled in as `send` fills them by default. */
function pgbossInsert(data: unknown): string {
  const require = createRequire(import.meta.url);
  const plans = require('pg-boss/src/plans.js') as { insertJob: (schema: string) => string };
  const params: Record<number, string> = {
    1: 'null::uuid', 2: lit(NOTIFY_JOB), 3: lit(JSON.stringify(data)), 4: 'null::int', 5: 'null::text', 6: 'null::text', 7: 'null::int', 8: 'null::int',
    9: 'null::text', 10: 'null::text', 11: 'null::text', 12: 'null::text', 13: 'null::text', 14: 'null::int', 15: '2', 16: 'null::int', 17: '0',
    18: 'null::bool', 19: 'false',
  };
  return plans.insertJob('pgboss').replace(/\$(\d+)/g, (_m, n: string) => params[Number(n)] ?? 'null').replace(/\s+/g, ' ').trim();
}

/**
 * The statements one submission runs (auth → submit.ts → repo.ts, audit, mailer, jobs), in its order, with a real
 * row's values: the session and procedure look-ups, then the transaction, whose agency number is taken LAST (one
 * statement bumps the sequence and sets the code) with only what needs the code after it (audit row, receipt e-mail).
 */
async function submissionScript(url: string): Promise<{ script: string; sample: Record<string, unknown> }> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const d = (await c.query(`select * from dossiers where channel = 'online' order by id desc limit 1`)).rows[0] as Record<string, unknown>;
    const f = (await c.query(`select * from dossier_files where dossier_id = $1`, [d.id])).rows as Record<string, unknown>[];
    const e = (await c.query(`select * from dossier_events where dossier_id = $1`, [d.id])).rows[0] as Record<string, unknown>;
    const a = (await c.query(`select * from audit_log where action = 'dossiers.submit' order by id desc limit 1`)).rows[0] as Record<string, unknown>;
    const m = (await c.query(`select * from outbox_mail order by id desc limit 1`)).rows[0] as Record<string, unknown> | undefined;
    const pay = (await c.query(`select count(*)::int n from payments where dossier_id = $1`, [d.id])).rows[0] as { n: number };
    const session = (await c.query(`select id from sessions order by created_at desc limit 1`)).rows[0] as { id: string } | undefined;
    // The ceiling run keeps one contended row too, on a day of its own; its numbers go past 9999, which the real
    // table refuses, so the scratch copy drops that one check.
    await c.query(`alter table dossier_sequences drop constraint if exists dossier_sequences_last_check`);
    const agency = String(d.agency_id);
    const account = d.applicant_account_id === null ? 'null' : String(d.applicant_account_id);
    const code = `'999.99.99.Z99-' || lpad((:last / 10000)::text, 6, '0') || '-' || lpad((:last % 10000)::text, 4, '0')`;
    const lines: string[] = [];
    if (session) lines.push(`select id, data, second_factor_pending, expires_at from sessions where id = ${lit(session.id)} and expires_at > now();`);
    lines.push(
      `select * from procedure_versions where code = ${lit(String(d.procedure_code))} and effective_from <= current_date order by effective_from desc, version desc;`,
      'BEGIN;',
      `insert into dossiers (code, agency_id, procedure_code, procedure_version, channel, applicant_account_id, applicant, form_data, status, received_at, due_at, due_date, deadline, fee_total_dong, payment_status, idempotency_key, workflow_code, online_level, clock_started_at) values (null, ${agency}, ${lit(String(d.procedure_code))}, ${Number(d.procedure_version)}, 'online', ${account}, ${jsonLit(d.applicant)}, ${jsonLit(d.form_data)}, 'received', now(), now() + interval '10 days', current_date + 10, ${d.deadline === null ? 'null' : jsonLit(d.deadline)}, ${Number(d.fee_total_dong)}, ${lit(String(d.payment_status))}, null, ${lit(String(d.workflow_code))}, ${d.online_level === null ? 'null' : lit(String(d.online_level))}, now()) on conflict (idempotency_key) do nothing returning id \\gset`,
    );
    if (f.length) {
      lines.push(`insert into stored_files (sha256, size, mime) values ${f.map((x) => `(${lit(String(x.sha256))}, ${Number(x.size)}, ${lit(String(x.mime))})`).join(', ')} on conflict (sha256) do nothing;`);
      lines.push(
        `insert into dossier_files (dossier_id, doc_key, original_name, mime, size, sha256) values ${f.map((x) => `(:id, ${lit(String(x.doc_key))}, ${lit(String(x.original_name))}, ${lit(String(x.mime))}, ${Number(x.size)}, ${lit(String(x.sha256))})`).join(', ')};`,
      );
    }
    lines.push(`insert into dossier_events (dossier_id, actor_id, actor, kind, note, at) values (:id, ${account}, ${lit(String(e.actor))}, 'received', ${jsonLit(e.note)}, now());`);
    if (pay.n > 0 || Number(d.fee_total_dong) > 0) lines.push(`insert into payments (dossier_id, amount_dong, method) values (:id, ${Number(d.fee_total_dong)}, 'vietqr') returning id;`);
    if (account !== 'null') lines.push(`delete from dossier_drafts where account_id = ${account} and procedure_code = ${lit(String(d.procedure_code))};`);
    lines.push(`${pgbossInsert({ dossierId: Number(d.id) })};`);
    // repo.assignCode: the number and the code in one statement; the sequence row stays locked from here to COMMIT.
    lines.push(
      `with s as (insert into dossier_sequences (agency_id, day, last) values (${agency}, '2000-01-01', 1) on conflict (agency_id, day) do update set last = dossier_sequences.last + 1 returning last) update dossiers set code = ${code.replaceAll(':last', 's.last')} from s where dossiers.id = :id returning dossiers.*, s.last \\gset`,
    );
    lines.push(
      `insert into audit_log (actor_id, actor_label, action, entity, entity_id, agency_id, ip, data) values (${account}, ${lit(String(a.actor_label))}, 'dossiers.submit', 'dossier', ${code}, ${agency}, '127.0.0.1', ${jsonLit(a.data)});`,
    );
    if (m) {
      lines.push(
        `insert into outbox_mail (to_address, subject, body_text, body_html) values (${lit(String(m.to_address))}, ${lit(String(m.subject))}, ${lit(String(m.body_text))}, ${m.body_html === null ? 'null' : lit(String(m.body_html))}) returning id;`,
      );
    }
    lines.push('COMMIT;');
    return { script: `${lines.join('\n')}\n`, sample: { dossier: d.code, files: f.length, payments: pay.n, outbox: Boolean(m), session: Boolean(session) } };
  } finally {
    await c.end();
  }
}

function pgbenchCeiling(url: string, script: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'egov-bench-'));
  const file = join(dir, 'submit.sql');
  writeFileSync(file, script);
  try {
    // pg-ceiling discards pgbench's stderr; a failing statement would read as "0 tps", so try one transaction first.
    const bin = execFileSync('bash', ['-c', 'ls -d /usr/lib/postgresql/*/bin | tail -1'], { encoding: 'utf8' }).trim();
    execFileSync(`${bin}/pgbench`, ['-n', '-c', '1', '-t', '1', '-f', file, url], { encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'] });
    return execFileSync('bash', [pgCeilingTool(), String(CONNECTIONS), String(SECONDS)], {
      env: { ...process.env, PGURL: url, SCRIPT: file },
      encoding: 'utf8',
    }).trim();
  } catch (err) {
    const e = err as { message: string; stderr?: string };
    return `pgbench failed: ${(e.stderr || e.message).split('\n').slice(0, 4).join(' | ')}`;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

interface Run {
  kind: string;
  figure?: Figure;
  startupMs: number;
  sample: string;
  pgbench?: string;
  script?: string;
  check?: Record<string, unknown>;
}

async function benchDatabase(kind: 'pglite' | 'postgres', port: number): Promise<Run> {
  const varDir = mkdtempSync(join(tmpdir(), 'egov-bench-var-'));
  const scratch = kind === 'postgres' ? await scratchDatabase('pg') : undefined;
  const env: Record<string, string> = { EGOV_VAR_DIR: varDir, EGOV_DEMO: 'on', ...(scratch ? { DATABASE_URL: scratch.url } : {}) };
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', 'serve'], {
    env: { ...process.env, PORT: String(port), LOG_LEVEL: 'warn', EGOV_JOBS: 'off', ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  try {
    const startupMs = await waitReady(base, child);
    const bearer = await token(base);
    const first = await fetch(`${base}/api/v1/dossiers`, { method: 'POST', headers: { authorization: `Bearer ${bearer}`, 'content-type': 'application/json' }, body: BODY });
    const sample = `${first.status} ${(await first.text()).slice(0, 600)}`;
    if (first.status !== 201) {
      console.error(`${kind}: sample submission answered ${sample}`);
      return { kind, startupMs, sample };
    }
    const figure = await load(`${kind}: POST /api/v1/dossiers`, base, bearer);
    if (figure.firstError) console.error(`${kind}: first error response: ${figure.firstError}`);
    const run: Run = { kind, figure, startupMs, sample };
    if (scratch) {
      const c = new pg.Client({ connectionString: scratch.url });
      await c.connect();
      const counts = await c.query(
        `select (select count(*)::int from dossiers where channel = 'online') dossiers, (select count(distinct agency_id)::int from dossiers where channel = 'online') agencies,
                (select max(last) from dossier_sequences) max_seq, (select count(*)::int from pgboss.job where name = $1) jobs`,
        [NOTIFY_JOB],
      );
      await c.end();
      run.check = counts.rows[0] as Record<string, unknown>;
      await stop(child);
      const s = await submissionScript(scratch.url);
      run.script = s.script;
      run.pgbench = pgbenchCeiling(scratch.url, s.script);
    }
    return run;
  } finally {
    await stop(child);
    rmSync(varDir, { recursive: true, force: true });
    if (scratch) await scratch.drop();
  }
}

async function main() {
  const kinds = values.db.split(',') as ('pglite' | 'postgres')[];
  const started = new Date();
  const runs: Run[] = [];
  let port = 3950;
  for (const kind of kinds) runs.push(await benchDatabase(kind, port++));
  const fmt = (f: Figure) =>
    `${f.target.padEnd(40)} ${String(f.rps).padStart(6)} req/s   p50 ${String(f.p50).padStart(4)} ms   p99 ${String(f.p99).padStart(4)} ms   requests ${f.requests}  errors ${f.errors}  non-2xx ${f.non2xx}`;
  const lines = [`egov submission benchmark — ${started.toISOString()} — ${cpus().length} cores, Node ${process.version}, ${CONNECTIONS} connections, ${SECONDS}s (≤ ${MAX_REQUESTS} requests), procedure ${PROCEDURE}, one agency`];
  const verdicts: string[] = [];
  for (const r of runs) {
    lines.push(r.figure ? fmt(r.figure) : `${r.kind}: no load run — sample answered ${r.sample}`);
    if (r.pgbench !== undefined) {
      lines.push(`${`ceiling: pgbench, one submission's SQL (${r.kind})`.padEnd(40)} ${r.pgbench}`);
      const tps = Number(r.pgbench.split(' ')[0]);
      if (r.figure && tps > 0) {
        const share = Math.round((100 * r.figure.rps) / tps);
        const ok = share >= 50 && r.figure.p99 < 100 && r.figure.non2xx === 0;
        verdicts.push(`target (≥ 50% of ceiling, p99 < 100 ms, 0 non-2xx) on ${r.kind}: ${share}% of ceiling, p99 ${r.figure.p99} ms → ${ok ? 'MET' : 'MISSED'}`);
      }
    }
    if (r.check) lines.push(`  ${r.kind} check: ${JSON.stringify(r.check)}; first start (demo seed) ${Math.round(r.startupMs / 1000)} s`);
    else lines.push(`  ${r.kind}: first start (demo seed) ${Math.round(r.startupMs / 1000)} s`);
  }
  lines.push(...verdicts);
  console.log(lines.join('\n'));
  mkdirSync('bench/results', { recursive: true });
  const file = `bench/results/submit-${started.toISOString().slice(0, 10)}.json`;
  writeFileSync(file, JSON.stringify({ started, cores: cpus().length, node: process.version, connections: CONNECTIONS, seconds: SECONDS, procedure: PROCEDURE, runs, verdicts }, null, 2));
  writeFileSync(file.replace(/\.json$/, '.txt'), `${lines.join('\n')}\n`);
  console.log(`written ${file} and ${file.replace(/\.json$/, '.txt')}`);
}

await main();
