// Benchmark: the official documents' registry (issue 13), on PostgreSQL, calling the module's functions in-process.
// A scratch database with the reference and demo data (the demo documents' seed timed), then
// (a) numbering: --issues approved documents of one ward issued by --clients concurrent clients through issueDocument
//     (publish: a no-op), then checked: as many distinct numbers, consecutive, no gap, the counter at the last one;
//     issues/s, p50/p99; beside it pgbench running the numbering statements (the counter upsert, the document
//     update, the event and the audit row in one transaction) at the same concurrency, in the same run;
// (b) scale: BENCH_DOCUMENTS (default 1,000,000) documents generated (`egov seed --documents`, rate reported), then
//     p50/p95/p99 of a clerk's inbox (documentInbox), the incoming and outgoing registers of one month and full-text
//     search (22 queries, two with the last word half typed), --samples each, for the demo clerk of a ward and a clerk of the city committee (the
//     largest books); and the machine's pgbench ceiling (one-row INSERT).
// Usage: node --import tsx bench/documents.ts [--issues 10000] [--clients 50] [--samples 240]   (npm run bench:documents)
// PostgreSQL: BENCH_DATABASE_URL or DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test; a scratch database is
// made on that server and dropped).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { buildApp, seedReference, type App } from '../src/app.ts';
import { Role, type SessionUser } from '../src/platform/auth/roles.ts';
import { vietnamDateOf } from '../src/platform/calendar/index.ts';
import { insertJsonRows } from '../src/platform/db/bulk.ts';
import { migrate, openDatabase } from '../src/platform/db/index.ts';
import { modules } from '../src/modules/index.ts';
import { createStaffAccount, findStaffWithRole } from '../src/modules/accounts/index.ts';
import { findAgencyByCode } from '../src/modules/units/index.ts';
import { seedDocuments } from '../src/modules/documents/generate.ts';
import { issueDocument } from '../src/modules/documents/outgoing.ts';
import { documentInbox, incomingRegister, outgoingRegister, searchDocuments } from '../src/modules/documents/queries.ts';
import { testConfig } from '../src/testing/app.ts';
import { pgCeiling, REPO } from './lib/ceiling.ts';
import { scratchPostgres } from './lib/server.ts';

const { values } = parseArgs({
  options: {
    issues: { type: 'string', default: '10000' },
    clients: { type: 'string', default: '50' },
    samples: { type: 'string', default: '240' },
    'pgbench-seconds': { type: 'string', default: '10' },
  },
});
const ISSUES = Number(values.issues);
const CLIENTS = Number(values.clients);
const SAMPLES = Number(values.samples);
const DOCUMENTS = Number((process.env.BENCH_DOCUMENTS ?? '1000000').replaceAll('_', ''));
const PG_URL = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const WARD = '000.04.51.H26';
const CITY = '000.00.00.H26';
const OTHER_WARD = '000.01.51.H26';

/** Everyday searches of a registry: subjects, authors, notations, accents left out, a prefix being typed. */
const QUERIES = [
  'cải cách hành chính', 'cai cach hanh chinh', 'phòng cháy chữa cháy', 'Sở Tư pháp', 'Bộ Nội vụ', 'UBND-VP', 'kế hoạch năm 2024', 'giải phóng mặt bằng',
  'an toan thuc pham', 'tiếp công dân khiếu nại', 'chuyển đổi số Đề án 06', 'tuyển sinh đầu cấp', 'quyết toán vốn đầu tư', 'mời dự hội nghị', 'báo cáo quý II',
  'phường Hoàn Kiếm', 'trật tự xây dựng', 'bảo vệ bí mật nhà nước', 'thanh toan khong dung tien mat', 'lấy ý kiến nhân dân dự thảo luật',
  // Still being typed: the last word is a prefix.
  'phường Hoàn Ki', 'quyết toán vốn đầ',
];

const pct = (xs: number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return Math.round((s[Math.min(s.length - 1, Math.floor(p * s.length))] ?? Number.NaN) * 10) / 10;
};
const fig = (xs: number[]) => `p50 ${pct(xs, 0.5)} ms, p95 ${pct(xs, 0.95)} ms, p99 ${pct(xs, 0.99)} ms, max ${pct(xs, 1)} ms (${xs.length} samples)`;

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

async function user(app: App, code: string, role: Role, username?: string): Promise<SessionUser & { agencyId: number }> {
  const agency = (await findAgencyByCode(app.platform.database.db, code))!;
  let staff = (await findStaffWithRole(app.platform.database.db, agency.id, role)).find((s) => !username || s.username === username);
  if (!staff) {
    const id = await createStaffAccount(app.platform.database.db, { username: `bench.${role}.${agency.id}`, full_name: 'Văn thư thử tải', email: '', phone: '', agency_id: agency.id, roles: [role], password: 'Matkhau2025' }, { id: null, label: 'bench' });
    staff = { id, username: `bench.${role}.${agency.id}`, fullName: 'Văn thư thử tải', agencyId: agency.id, email: null };
  }
  return { id: staff.id, username: staff.username, displayName: staff.fullName, kind: 'staff', roles: [role], agencyId: agency.id, agencyName: agency.name };
}

/** `n` approved documents of the clerk's agency, ready to be issued (version 1). */
async function approved(app: App, agencyId: number, drafter: number, leader: number, n: number, tag: string): Promise<number[]> {
  const db = app.platform.database.db;
  const now = new Date().toISOString();
  const rows = Array.from({ length: n }, (_, i) => ({
    agency_id: agencyId, direction: 'out', state: 'approved', type_code: 'TB', summary: `Thông báo ${tag} số ${i + 1} về lịch tiếp công dân`, drafting_unit: 'VP',
    signer_name: 'Phạm Quốc Dũng', drafted_by: drafter, approved_by: leader, approved_at: now, created_at: now, updated_at: now,
  }));
  const cols = [['agency_id', 'bigint'], ['direction', 'text'], ['state', 'text'], ['type_code', 'text'], ['summary', 'text'], ['drafting_unit', 'text'], ['signer_name', 'text'], ['drafted_by', 'bigint'], ['approved_by', 'bigint'], ['approved_at', 'timestamptz'], ['created_at', 'timestamptz'], ['updated_at', 'timestamptz']] as const;
  for (let i = 0; i < rows.length; i += 2000) await insertJsonRows(db, 'documents', cols, rows.slice(i, i + 2000));
  const r = await sql<{ id: string }>`select id from documents where summary like ${`Thông báo ${tag} số %`} order by id`.execute(db);
  return r.rows.map((x) => Number(x.id));
}

async function main() {
  const started = new Date();
  const scratch = await scratchPostgres(PG_URL, 'egov_bench_documents');
  const varDir = mkdtempSync(join(tmpdir(), 'egov-bench-documents-'));
  const database = await openDatabase({ url: scratch.url, poolSize: CLIENTS + 10 });
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
    let demoMs = 0;
    for (const m of modules) {
      const t0 = performance.now();
      await m.seedDemo?.(p);
      if (m.name === 'documents') demoMs = performance.now() - t0;
    }
    const demoCount = await sql<{ n: number }>`select count(*)::int as n from documents`.execute(database.db);
    say(`egov documents benchmark — ${started.toISOString()} — ${cpus().length} cores, Node ${process.version}, PostgreSQL (in-process calls, pool ${CLIENTS + 10})`);
    say(`demo documents seed: ${demoCount.rows[0]!.n} documents in ${Math.round(demoMs)} ms`);

    // (a) numbering
    const clerk = await user(app, WARD, Role.registryClerk, 'demo.vanthu');
    const specialist = await user(app, WARD, Role.specialist, 'demo.chuyenvien');
    const leader = await user(app, WARD, Role.leader, 'demo.lanhdao');
    const year = Number(vietnamDateOf(new Date()).slice(0, 4));
    const counter = async (agencyId: number) => Number((await sql<{ n: number }>`select coalesce(max(last_number), 0) as n from document_counters where agency_id = ${agencyId} and year = ${year} and series = 'admin'`.execute(database.db)).rows[0]!.n);
    const ids = await approved(app, clerk.agencyId, specialist.id, leader.id, ISSUES, 'bench');
    const before = await counter(clerk.agencyId);
    const latencies: number[] = [];
    const queue = [...ids];
    let errors = 0;
    const t0 = performance.now();
    await Promise.all(
      Array.from({ length: CLIENTS }, async () => {
        for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
          const s = performance.now();
          try {
            await issueDocument(p, clerk, id, 1, { ip: '127.0.0.1', publish: async () => async () => null, checkSignatures: null });
          } catch {
            errors++;
          }
          latencies.push(performance.now() - s);
        }
      }),
    );
    const seconds = (performance.now() - t0) / 1000;
    const nums = (await sql<{ number: number }>`select number from documents where id = any(${ids}::bigint[]) and state = 'issued' order by number`.execute(database.db)).rows.map((r) => Number(r.number));
    const after = await counter(clerk.agencyId);
    const distinct = new Set(nums).size;
    const consecutive = nums.length === ISSUES && distinct === ISSUES && nums[0] === before + 1 && nums[nums.length - 1] === before + ISSUES && after === before + ISSUES;
    say(`numbering: ${ISSUES} approved documents issued by ${CLIENTS} concurrent clients through issueDocument in ${seconds.toFixed(1)} s: ${Math.round(ISSUES / seconds)} issues/s, ${fig(latencies)}, errors ${errors}`);
    say(`  check: ${nums.length} issued, ${distinct} distinct numbers ${nums[0]}…${nums[nums.length - 1]} after ${before}, counter ${after}: ${consecutive ? 'consecutive, no gap, counter at the last' : 'NOT CONSECUTIVE'}`);

    // The same statements in pgbench, on other documents (another ward, year 2099), at the same concurrency.
    const other = await user(app, OTHER_WARD, Role.registryClerk);
    const otherIds = await approved(app, other.agencyId, other.id, other.id, 10_000, 'pgbench');
    const script = `\\set id random(${otherIds[0]}, ${otherIds[otherIds.length - 1]})
BEGIN;
insert into document_counters (agency_id, year, series, last_number) values (${other.agencyId}, 2099, 'admin', 1) on conflict (agency_id, year, series) do update set last_number = document_counters.last_number + 1 returning last_number \\gset
update documents set state = 'issued', year = 2099, number = :last_number, notation = 'TB-UBND', document_date = current_date, issued_by = ${other.id}, issued_at = now(), file_copy_holder = 'VT', updated_at = now(), version = version + 1 where id = :id;
insert into document_events (document_id, kind, note, actor_id, actor_label, at) values (:id, 'issued', :last_number || '/TB-UBND', ${other.id}, 'Văn thư', now());
insert into audit_log (actor_id, actor_label, action, entity, entity_id, agency_id, ip, data) values (${other.id}, 'bench', 'document.issued', 'document', :id, ${other.agencyId}, '127.0.0.1', '{"number": "01/TB-UBND", "series": "admin"}');
COMMIT;`;
    const ceiling = pgCeiling(scratch.url, script, CLIENTS, Number(values['pgbench-seconds']));
    say(`  pgbench ceiling of the numbering transaction (counter upsert + document update + event + audit, one counter row): ${ceiling.line}; issueDocument reaches ${Math.round((100 * ISSUES) / seconds / ceiling.tps)}% of it`);

    // (b) scale
    const g = await seedDocuments(p, { count: DOCUMENTS, seed: 1 });
    say(`generated: ${g.documents.toLocaleString('en')} documents (${g.incoming.toLocaleString('en')} in, ${g.outgoing.toLocaleString('en')} out, ${g.assignments.toLocaleString('en')} assignments) over ${g.agencies} agencies and ${g.years} years in ${(g.ms / 1000).toFixed(1)} s: ${Math.round(g.documents / (g.ms / 1000)).toLocaleString('en')} documents/s`);
    await sql`analyze`.execute(database.db);
    const total = await sql<{ n: number }>`select count(*)::int as n from documents`.execute(database.db);
    const cityClerk = await user(app, CITY, Role.registryClerk);
    const months = Array.from({ length: 24 }, (_, i) => {
      const d = new Date(Date.UTC(year, new Date().getUTCMonth() - 1 - i, 1));
      const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0));
      return { from: d.toISOString().slice(0, 10), to: last.toISOString().slice(0, 10) };
    });
    for (const [name, u] of [['ward clerk (demo.vanthu, UBND phường Hoàn Kiếm)', clerk], ['city committee clerk (UBND Thành phố, the largest books)', cityClerk]] as const) {
      const counts = await sql<{ n: number }>`select count(*)::int as n from documents where agency_id = ${u.agencyId}`.execute(database.db);
      say(`${name}: ${counts.rows[0]!.n.toLocaleString('en')} documents in the agency's books (${total.rows[0]!.n.toLocaleString('en')} in all)`);
      const inboxRows: number[] = [];
      say(`  inbox (documentInbox): ${fig(await timed(SAMPLES, async () => inboxRows.push((await documentInbox(p, u)).lists.reduce((s, l) => s + l.rows.length, 0))))}, ${inboxRows[0]} rows listed`);
      const inRows: number[] = [];
      say(`  incoming register of one month (24 months in turn): ${fig(await timed(SAMPLES, async (i) => inRows.push((await incomingRegister(p, u, months[i % months.length]!)).length)))}, ${Math.round(inRows.reduce((a, b) => a + b, 0) / inRows.length)} rows on average`);
      const outRows: number[] = [];
      say(`  outgoing register of one month (24 months in turn): ${fig(await timed(SAMPLES, async (i) => outRows.push((await outgoingRegister(p, u, months[i % months.length]!)).length)))}, ${Math.round(outRows.reduce((a, b) => a + b, 0) / outRows.length)} rows on average`);
      const hits: number[] = [];
      say(`  search (searchDocuments, ${QUERIES.length} queries in turn): ${fig(await timed(SAMPLES, async (i) => hits.push((await searchDocuments(p, u, QUERIES[i % QUERIES.length]!)).length)))}, ${Math.round(hits.reduce((a, b) => a + b, 0) / hits.length)} hits on average (limit 50)`);
    }
    say(`machine's pgbench ceiling (one-row INSERT, pg-ceiling): ${pgCeiling(scratch.url, "insert into audit_log (action, entity) values ('bench', 'bench');", 16, Number(values['pgbench-seconds'])).line}`);
    mkdirSync(join(REPO, 'bench/results'), { recursive: true });
    const file = join(REPO, `bench/results/documents-${started.toISOString().slice(0, 16).replace(':', '')}${DOCUMENTS === 1_000_000 ? '' : `-${DOCUMENTS}`}.txt`);
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
