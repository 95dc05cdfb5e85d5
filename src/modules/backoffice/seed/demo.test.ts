// The demo as a visitor finds it on first start: ~3,000 dossiers across Hà Nội, and the demo staff's own units with
// dossiers in every state, some overdue and some due within one working day of today; a second start adds nothing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { testApp, type TestApp } from '../../../testing/app.ts';
import { endOfVietnamDay, vietnamDateOf } from '../../../platform/calendar/index.ts';
import { seedDemo } from '../../../app.ts';
import { findStaffWithRole } from '../../accounts/index.ts';
import { getWorkCalendar } from '../../calendar/index.ts';
import { findAgencyByCode } from '../../units/index.ts';
import { DEMO_DOSSIERS } from './demo.ts';
import { STATUSES } from './rows.ts';

let app: TestApp;
before(async () => {
  app = await testApp({ demo: true });
});
after(async () => {
  await app.close();
});

const total = async () => Number((await sql<{ n: number }>`select count(*)::int as n from dossiers`.execute(app.database.db)).rows[0]?.n);

async function agencyId(code: string): Promise<number> {
  const a = await findAgencyByCode(app.database.db, code);
  assert.ok(a, code);
  return a.id;
}

interface Open {
  code: string;
  status: string;
  due_at: Date | null;
  due_date: string | null;
}

/** What an inbox of the agency shows: the dossiers it received or handles, not finished. */
async function inbox(id: number): Promise<Open[]> {
  const r = await sql<Open>`
    select code, status, due_at, due_date from dossiers
    where (agency_id = ${id} or handling_agency_id = ${id}) and finished_at is null and result_at is null and status not in ('supplement', 'refused')`.execute(app.database.db);
  return r.rows;
}

test('a year of about 3,000 dossiers across the city', async () => {
  const n = await total();
  assert.ok(n >= DEMO_DOSSIERS && n < DEMO_DOSSIERS * 1.05, `${n} dossiers`);
  const agencies = await sql<{ n: number }>`select count(distinct agency_id)::int as n from dossiers`.execute(app.database.db);
  assert.ok(Number(agencies.rows[0]?.n) > 100, 'most wards, communes and the city bodies have some');
  // Certified copies (2.000815) are counter-only in the catalogue: the demo holds many, none sent online (issue 9).
  const copies = await sql<{ channel: string; n: number }>`select channel, count(*)::int as n from dossiers where procedure_code = '2.000815' group by channel`.execute(app.database.db);
  assert.deepEqual(copies.rows.map((r) => r.channel), ['counter']);
});

test('phường Hoàn Kiếm has dossiers in every state, some overdue and some due within one working day', async () => {
  const id = await agencyId('000.04.51.H26');
  const states = await sql<{ status: string }>`select distinct status from dossiers where agency_id = ${id}`.execute(app.database.db);
  assert.deepEqual(states.rows.map((r) => r.status).sort(), [...STATUSES].sort());
  const now = new Date();
  const open = (await inbox(id)).filter((d) => d.due_at);
  assert.ok(open.filter((d) => (d.due_at as Date) < now).length >= 3, 'overdue');
  const cal = await getWorkCalendar(app.platform);
  const tomorrow = endOfVietnamDay(cal.nextWorkingDay(vietnamDateOf(now)));
  assert.ok(open.filter((d) => (d.due_at as Date) >= now && (d.due_at as Date) <= tomorrow).length >= 3, 'due within one working day');
});

test('the Department of Justice and phường Ba Đình have their demo staff and dossiers of their own', async () => {
  const justice = await agencyId('000.00.03.H26');
  const baDinh = await agencyId('000.01.51.H26');
  assert.deepEqual((await findStaffWithRole(app.database.db, justice, 'specialist')).map((s) => s.username), ['demo.stp.chuyenvien']);
  assert.deepEqual((await findStaffWithRole(app.database.db, justice, 'leader')).map((s) => s.username), ['demo.stp.lanhdao']);
  assert.deepEqual((await findStaffWithRole(app.database.db, baDinh, 'one_stop_officer')).map((s) => s.username), ['demo.badinh.motcua']);
  const handled = await inbox(justice);
  assert.ok(handled.some((d) => d.status === 'processing') && handled.some((d) => d.status === 'approval'));
  assert.ok((await inbox(baDinh)).some((d) => d.status === 'received'));
  // Their history names the real demo officers who acted.
  const acted = await sql<{ actor: string }>`
    select distinct e.actor from dossier_events e join dossiers d on d.id = e.dossier_id
    where d.handling_agency_id = ${justice} and e.kind = 'submit_for_approval'`.execute(app.database.db);
  assert.deepEqual(acted.rows.map((r) => r.actor), ['Ngô Thanh Hương']);
});

test('a second start seeds nothing more', async () => {
  const before = await total();
  const events = await sql<{ n: number }>`select count(*)::int as n from dossier_events`.execute(app.database.db);
  await seedDemo(app.platform);
  assert.equal(await total(), before);
  const after = await sql<{ n: number }>`select count(*)::int as n from dossier_events`.execute(app.database.db);
  assert.equal(after.rows[0]?.n, events.rows[0]?.n);
});
