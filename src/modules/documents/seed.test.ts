// The demo documents and the scale generator on the real database: every state present, numbers and arrival numbers
// consecutive per agency, year and series and equal to the counters (the next issue follows), the demo clerk, leader
// and specialist each with work waiting in their inbox, nothing added by a second run; the generator's counters too.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { Role, type SessionUser } from '../../platform/auth/roles.ts';
import { testApp, type TestApp } from '../../testing/app.ts';
import { accountsModule, findStaffWithRole } from '../accounts/index.ts';
import { getWorkCalendar } from '../calendar/index.ts';
import { seedDocuments } from './generate.ts';
import { issueDocument } from './outgoing.ts';
import { documentInbox, incomingRegister, outgoingRegister, searchDocuments } from './queries.ts';
import { documentsDb } from './repo.ts';
import { DEMO_DOCUMENT_AGENCIES, seedDemoDocuments } from './seed.ts';
import { agencyIdOf, WARD } from './testing.ts';

let app: TestApp;
const NOW = new Date('2026-06-15T03:00:00Z');

before(async () => {
  app = await testApp();
  await accountsModule.seedDemo!(app.platform);
});
after(async () => app.close());

async function demoUser(username: string, role: Role): Promise<SessionUser & { agencyId: number }> {
  const agencyId = await agencyIdOf(app, WARD);
  const a = (await findStaffWithRole(app.database.db, agencyId, role)).find((x) => x.username === username);
  assert.ok(a, `no ${username}`);
  return { id: a.id, username, displayName: a.fullName, kind: 'staff', roles: [role], agencyId, agencyName: null };
}

/** Gaps or repeats in numbers per key, and keys whose counter differs from the highest number. */
async function numberingProblems(): Promise<string[]> {
  const rows = await sql<{ agency_id: number; year: number; series: string; n: number; lo: number; hi: number; distinct_n: number; counter: number | null }>`
    with numbered as (
      select agency_id, year, series, number from documents where direction = 'out' and number is not null
      union all select agency_id, year, 'incoming', arrival_number from documents where direction = 'in' and arrival_number is not null)
    select n.agency_id, n.year, n.series, count(*)::int as n, min(number) as lo, max(number) as hi, count(distinct number)::int as distinct_n, c.last_number as counter
    from numbered n left join document_counters c on c.agency_id = n.agency_id and c.year = n.year and c.series = n.series
    group by n.agency_id, n.year, n.series, c.last_number`.execute(app.database.db);
  const problems: string[] = [];
  for (const r of rows.rows) {
    if (r.distinct_n !== r.n || Number(r.lo) !== 1 || Number(r.hi) !== r.n) problems.push(`${r.agency_id}/${r.year}/${r.series}: ${r.n} numbers ${r.lo}…${r.hi}`);
    if (r.counter === null || Number(r.counter) !== Number(r.hi)) problems.push(`${r.agency_id}/${r.year}/${r.series}: counter ${r.counter} ≠ ${r.hi}`);
  }
  return problems;
}

test('demo documents: every state, consecutive numbers equal to the counters, inboxes with work, idempotent', async () => {
  const t0 = Date.now();
  await seedDemoDocuments(app.platform, NOW);
  const ms = Date.now() - t0;
  const db = documentsDb(app.database.db);
  const total = await db.selectFrom('documents').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  const expected = DEMO_DOCUMENT_AGENCIES.reduce((s, d) => s + d.incoming + d.outgoing, 0);
  assert.equal(Number(total.n), expected);
  assert.ok(expected >= 1500 && expected <= 3000);
  assert.ok(ms < 5000, `demo documents took ${ms} ms`);

  const states = new Map((await db.selectFrom('documents').select(['direction', 'state', (eb) => eb.fn.countAll<string>().as('n')]).groupBy(['direction', 'state']).execute()).map((r) => [`${r.direction}:${r.state}`, Number(r.n)]));
  for (const s of ['in:registered', 'in:assigned', 'in:handling', 'in:done', 'out:draft', 'out:review', 'out:approved', 'out:issued', 'out:recalled', 'out:cancelled']) assert.ok((states.get(s) ?? 0) > 0, `no ${s}`);
  assert.equal(states.get('out:recalled'), 1);
  assert.equal(states.get('out:cancelled'), 1);
  const cancelled = await db.selectFrom('document_cancelled_numbers').selectAll().execute();
  assert.equal(cancelled.length, 1);

  assert.deepEqual(await numberingProblems(), []);
  const today = '2026-06-15';
  const overdue = await db.selectFrom('documents').select('id').where('state', 'in', ['assigned', 'handling']).where('handling_deadline', '<', today).execute();
  assert.ok(overdue.length > 0, 'no overdue document');
  const late = await sql<{ n: number }>`select count(*)::int as n from documents where state = 'done' and (done_at at time zone 'Asia/Ho_Chi_Minh')::date > handling_deadline`.execute(app.database.db);
  assert.ok(late.rows[0]!.n > 0, 'none done late');
  assert.ok((await db.selectFrom('document_events').select('id').limit(1).execute()).length === 1);
  assert.ok((await db.selectFrom('work_file_documents').select('document_id').execute()).length > 0);
  // Dates in Vietnam time, never after "now"; deadlines on working days (no weekend).
  const after_ = await db.selectFrom('documents').select('id').where((eb) => eb.or([eb('arrived_on', '>', today), eb('document_date', '>', today), eb('created_at', '>', NOW)])).execute();
  assert.deepEqual(after_, []);
  const calendar = await getWorkCalendar(app.platform);
  const deadlines = await db.selectFrom('documents').select('handling_deadline').distinct().where('handling_deadline', 'is not', null).execute();
  assert.deepEqual(deadlines.map((d) => d.handling_deadline!).filter((d) => !calendar.isWorkingDay(d)), []);

  const clerk = await demoUser('demo.vanthu', Role.registryClerk);
  const leader = await demoUser('demo.lanhdao', Role.leader);
  const specialist = await demoUser('demo.chuyenvien', Role.specialist);
  assert.equal(clerk.agencyId, await agencyIdOf(app, WARD));
  const count = async (u: SessionUser, key: string) => (await documentInbox(app.platform, u, NOW)).lists.find((l) => l.key === key)?.rows.length ?? 0;
  assert.ok((await count(clerk, 'toRegister')) > 0 && (await count(clerk, 'toIssue')) > 0);
  assert.ok((await count(leader, 'toAssign')) > 0 && (await count(leader, 'toApprove')) > 0 && (await count(leader, 'overdue')) > 0);
  assert.ok((await count(specialist, 'mine')) > 0 && (await count(specialist, 'drafts')) > 0);
  assert.ok((await incomingRegister(app.platform, clerk, { from: '2026-05-01', to: '2026-05-31' })).length > 0);
  assert.ok((await outgoingRegister(app.platform, clerk, { from: '2026-05-01', to: '2026-05-31' })).length > 0);
  assert.ok((await searchDocuments(app.platform, clerk, 'cai cach hanh chinh')).length > 0);

  // The next number issued follows the seeded ones.
  const approved = await db.selectFrom('documents').selectAll().where('agency_id', '=', clerk.agencyId).where('state', '=', 'approved').orderBy('id').executeTakeFirstOrThrow();
  const counter = await db.selectFrom('document_counters').select('last_number').where('agency_id', '=', clerk.agencyId).where('year', '=', 2026).where('series', '=', approved.series).executeTakeFirst();
  const issued = await issueDocument(app.platform, clerk, approved.id, approved.version, { ip: null, now: NOW, publish: async () => async () => null, checkSignatures: null });
  assert.equal(issued.number, (counter?.last_number ?? 0) + 1);

  await seedDemoDocuments(app.platform, NOW);
  const again = await db.selectFrom('documents').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  assert.equal(Number(again.n), expected);
});

test('generator: 2,000 documents over the agencies and years, counters consistent with the demo ones before', async () => {
  const before_ = await documentsDb(app.database.db).selectFrom('documents').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  const r = await seedDocuments(app.platform, { count: 2000, seed: 3, now: NOW });
  assert.equal(r.documents, 2000);
  assert.ok(r.incoming > 1000 && r.incoming < 1400, `incoming ${r.incoming}`);
  assert.ok(r.assignments > 0);
  const db = documentsDb(app.database.db);
  const after_ = await db.selectFrom('documents').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  assert.equal(Number(after_.n) - Number(before_.n), 2000);
  const years = await db.selectFrom('documents').select('year').distinct().where('year', 'is not', null).execute();
  assert.ok(years.length >= 10);
  const agencies = await db.selectFrom('documents').select('agency_id').distinct().execute();
  assert.ok(agencies.length > 100, `${agencies.length} agencies`);
  assert.deepEqual(await numberingProblems(), []);
});
