// `egov seed --dossiers N` as an integrator relies on it: valid, unique codes numbered per agency and day with
// dossier_sequences in step (so real submissions continue the numbering), every state, due dates the calendar agrees
// with, and a year that reads like Hà Nội's (seasons, channels, outcomes).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { testApp, type TestApp } from '../../../testing/app.ts';
import { vietnamDateOf, vietnamInstant, vietnamMinuteOf, type DeadlineUnit } from '../../../platform/calendar/index.ts';
import { computeDeadline, getWorkCalendar } from '../../calendar/index.ts';
import { DOSSIER_CODE, submitDossier } from '../../dossiers/index.ts';
import { answersFor, prepareDossierTests, PROC, registerCitizen, TINY } from '../../dossiers/testing.ts';
import { loadContext } from './context.ts';
import { generate } from './generate.ts';
import { seedDossiers, STATUSES, type SeedReport } from './index.ts';
import type { DayGroup } from './rows.ts';
import { importSampleCatalogue } from './testing.ts';

// Friday 20 March 2026, 10:00 in Hà Nội: the year runs from 21 March 2025 and holds Tết 2026 (17 February).
const NOW = new Date('2026-03-20T03:00:00Z');
const COUNT = 2000;

let app: TestApp;
let report: SeedReport;
before(async () => {
  app = await testApp();
  await importSampleCatalogue(app.database.db);
  report = await seedDossiers(app.platform, { count: COUNT, seed: 11, now: NOW });
});
after(async () => {
  await app.close();
});

interface Row {
  id: number;
  code: string;
  agency_id: number;
  agency_code: string;
  agency_kind: string;
  handling_kind: string | null;
  status: string;
  channel: string;
  workflow_code: string;
  received_at: Date;
  clock_started_at: Date;
  due_at: Date | null;
  due_date: string | null;
  deadline: { amount: number; unit: DeadlineUnit } | null;
  apologized_at: Date | null;
  original_due_at: Date | null;
  outcome: string | null;
  fee_total_dong: number;
  payment_status: string;
  row_version: number;
}

async function dossiers(): Promise<Row[]> {
  const r = await sql<Row>`
    select d.*, a.code as agency_code, a.kind as agency_kind, h.kind as handling_kind
    from dossiers d join agencies a on a.id = d.agency_id left join agencies h on h.id = d.handling_agency_id
    order by d.id`.execute(app.database.db);
  return r.rows;
}

const count = async (q: ReturnType<typeof sql<{ n: number }>>): Promise<number> => Number((await q.execute(app.database.db)).rows[0]?.n);

test('codes are valid and unique, numbered 0001… per agency and Vietnam day, and dossier_sequences holds the last', async () => {
  const rows = await dossiers();
  assert.equal(rows.length, COUNT);
  assert.equal(report.dossiers, COUNT);
  assert.equal(new Set(rows.map((r) => r.code)).size, COUNT);
  const groups = new Map<string, number[]>();
  for (const r of rows) {
    const m = DOSSIER_CODE.exec(r.code);
    assert.ok(m, r.code);
    assert.equal(m[1], r.agency_code);
    assert.equal(m[2], vietnamDateOf(r.received_at).slice(2).replaceAll('-', ''));
    const key = `${r.agency_id}|${vietnamDateOf(r.received_at)}`;
    groups.set(key, [...(groups.get(key) ?? []), Number(m[3])]);
  }
  const sequences = await sql<{ agency_id: number; day: string; last: number }>`select agency_id, day, last from dossier_sequences`.execute(app.database.db);
  assert.equal(sequences.rows.length, groups.size);
  for (const s of sequences.rows) {
    const numbers = (groups.get(`${s.agency_id}|${s.day}`) ?? []).sort((a, b) => a - b);
    assert.deepEqual(numbers, Array.from({ length: numbers.length }, (_, i) => i + 1), `${s.agency_id} ${s.day}`);
    assert.equal(s.last, numbers.length);
  }
  // Within an agency's day, the numbers follow the time of receipt.
  const sorted = [...rows].sort((a, b) => a.received_at.getTime() - b.received_at.getTime());
  const seen = new Map<string, number>();
  for (const r of sorted) {
    const key = `${r.agency_id}|${vietnamDateOf(r.received_at)}`;
    const n = Number(r.code.slice(-4));
    assert.ok(n > (seen.get(key) ?? 0), r.code);
    seen.set(key, n);
  }
});

test('dossiers come in on working days, in office hours, busier before Tết than just after it', async () => {
  const cal = await getWorkCalendar(app.platform);
  const rows = await dossiers();
  const perDay = new Map<string, number>();
  for (const r of rows) {
    const day = vietnamDateOf(r.received_at);
    const minute = vietnamMinuteOf(r.received_at);
    assert.ok(cal.isWorkingDay(day), `${r.code} received on ${day}`);
    assert.ok((minute >= 480 && minute < 720) || (minute >= 780 && minute < 1020), `${r.code} at minute ${minute}`);
    perDay.set(day, (perDay.get(day) ?? 0) + 1);
  }
  assert.ok(!perDay.has('2026-02-17'), 'nothing on the first day of Tết');
  const average = (from: string, to: string) => {
    const days = [...perDay.keys()].filter((d) => d >= from && d <= to);
    return days.reduce((s, d) => s + (perDay.get(d) ?? 0), 0) / Math.max(1, days.length);
  };
  assert.ok(average('2026-01-26', '2026-02-13') > 1.5 * average('2026-02-23', '2026-02-27'), 'the weeks before Tết are busier than the first days back');
});

test('every state occurs, most of the year returned, recent dossiers still in progress', async () => {
  const rows = await dossiers();
  const by = (s: string) => rows.filter((r) => r.status === s).length;
  for (const s of STATUSES) assert.ok(by(s) > 0, `no dossier in ${s}`);
  assert.ok(by('returned') / COUNT > 0.85, `returned ${by('returned')}`);
  assert.ok(by('refused') / COUNT > 0.005 && by('refused') / COUNT < 0.05);
  const inProgress = rows.filter((r) => ['received', 'processing', 'consulting', 'approval', 'approved'].includes(r.status));
  assert.ok(inProgress.length / COUNT < 0.1);
  const recent = (r: Row) => NOW.getTime() - r.received_at.getTime() < 45 * 86_400_000;
  assert.ok(inProgress.every(recent) || inProgress.filter(recent).length / inProgress.length > 0.8, 'in progress are mostly recent');
  assert.ok(rows.every((r) => r.workflow_code === 'lien-thong' || r.status !== 'consulting'));
});

test('due dates fall on working days, as the calendar computes them from the clock start', async () => {
  const cal = await getWorkCalendar(app.platform);
  const rows = (await dossiers()).filter((r) => r.due_date !== null);
  assert.ok(rows.length > COUNT * 0.9);
  for (const r of rows) assert.ok(cal.isWorkingDay(r.due_date ?? ''), `${r.code} due ${r.due_date}`);
  const sample = rows.filter((r) => !r.apologized_at && r.deadline).filter((_, i) => i % 60 === 0);
  assert.ok(sample.length >= 25);
  for (const r of sample) {
    const d = await computeDeadline(app.platform, { received: r.clock_started_at, amount: r.deadline?.amount ?? 0, unit: r.deadline?.unit ?? 'working_days' });
    assert.equal(r.due_date, d.dueDate, r.code);
    assert.equal(r.due_at?.getTime(), d.dueAt.getTime(), r.code);
  }
  const apologized = rows.filter((r) => r.apologized_at);
  assert.ok(apologized.length > 0, 'a few apologies');
  for (const r of apologized) assert.ok(r.original_due_at && r.due_at && r.original_due_at < r.due_at && r.apologized_at && r.apologized_at < r.original_due_at, r.code);
});

test('channels, outcomes, ratings, payments and handling read like a one-stop year', async () => {
  const rows = await dossiers();
  const online = rows.filter((r) => r.channel === 'online').length / COUNT;
  assert.ok(online > 0.35 && online < 0.65, `online ${online}`);
  const resolved = rows.filter((r) => r.outcome);
  const onTime = resolved.filter((r) => r.outcome !== 'late').length / resolved.length;
  assert.ok(onTime > 0.85 && onTime < 0.99, `on time ${onTime}`);
  assert.ok(resolved.some((r) => r.outcome === 'early'));
  const returned = rows.filter((r) => r.status === 'returned').length;
  const rated = await count(sql<{ n: number }>`select count(*)::int as n from dossier_ratings`);
  assert.ok(rated / returned > 0.15 && rated / returned < 0.35, `rated ${rated} of ${returned}`);
  assert.ok((await count(sql<{ n: number }>`select count(*)::int as n from dossier_supplements`)) > 0);
  const consulted = await count(sql<{ n: number }>`select count(*)::int as n from dossier_consultations c join dossiers d on d.id = c.dossier_id where d.workflow_code <> 'lien-thong'`);
  assert.equal(consulted, 0);
  assert.ok((await count(sql<{ n: number }>`select count(*)::int as n from dossier_consultations`)) > 0);
  const paid = await count(sql<{ n: number }>`select count(*)::int as n from payments p join dossiers d on d.id = p.dossier_id where p.status = 'paid' and d.payment_status = 'paid'`);
  assert.equal(paid, rows.filter((r) => r.payment_status === 'paid').length);
  assert.ok(rows.filter((r) => r.fee_total_dong === 0).every((r) => r.payment_status === 'none'));
  // The service centre receives; a department (or the city police, the industrial zones board) handles.
  const centre = rows.filter((r) => r.agency_kind === 'service_centre' && r.handling_kind);
  assert.ok(centre.length > 0 && centre.every((r) => r.handling_kind === 'department' || r.handling_kind === 'other'));
  assert.ok(centre.filter((r) => r.handling_kind === 'department').length > centre.length / 2);
});

test('the history starts with the receipt and its transitions end in the current state', async () => {
  const events = await sql<{ dossier_id: number; kind: string; to_status: string | null; from_status: string | null }>`
    select dossier_id, kind, to_status, from_status from dossier_events order by dossier_id, at, id`.execute(app.database.db);
  const byDossier = new Map<number, typeof events.rows>();
  for (const e of events.rows) byDossier.set(e.dossier_id, [...(byDossier.get(e.dossier_id) ?? []), e]);
  const rows = await dossiers();
  assert.ok(events.rows.length / COUNT > 4, `${events.rows.length} events`);
  for (const r of rows) {
    const list = byDossier.get(r.id) ?? [];
    assert.equal(list[0]?.kind, 'received', r.code);
    const transitions = list.filter((e) => e.to_status !== null);
    assert.equal(transitions.at(-1)?.to_status, r.status, r.code);
    assert.equal(r.row_version, transitions.length, r.code);
    for (let i = 1; i < transitions.length; i++) assert.equal(transitions[i]?.from_status, transitions[i - 1]?.to_status, r.code);
  }
});

test('the same seed and day generate the same dossiers', async () => {
  const make = async () => {
    const ctx = await loadContext(app.platform, { seed: 5, now: NOW, from: '2026-03-01' });
    const first: DayGroup[] = generate(ctx, { count: 200, from: '2026-03-01', batchSize: 1000 }).next().value || [];
    return JSON.stringify(first.map((g) => g.dossiers.map((d) => [d.row, d.events])));
  };
  assert.equal(await make(), await make());
});

test('a real submission after seeding takes the next number of the agency and day', async () => {
  await prepareDossierTests(app);
  const hoa = await registerCitizen(app, 1);
  const last = (
    await sql<{ code: string; day: string; last: number }>`
      select a.code, s.day, s.last from dossier_sequences s join agencies a on a.id = s.agency_id
      where a.kind = 'commune_committee' order by s.day desc, s.last desc limit 1`.execute(app.database.db)
  ).rows[0];
  assert.ok(last && last.last >= 1);
  const { dossier } = await submitDossier(
    app.platform,
    hoa.user,
    { procedureCode: PROC.online.code, agencyCode: last.code, form: answersFor(hoa), files: [{ docKey: 'doc1', filename: 'to-khai.pdf', content: TINY.pdf }] },
    { via: 'web', now: vietnamInstant(last.day, 16 * 60 + 50) },
  );
  assert.equal(dossier.code, `${last.code}-${last.day.slice(2).replaceAll('-', '')}-${String(last.last + 1).padStart(4, '0')}`);
});
