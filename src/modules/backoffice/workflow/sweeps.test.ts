import { test, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { testApp, type TestApp } from '../../../testing/app.ts';
import { endOfVietnamDay } from '../../../platform/calendar/index.ts';
import type { Role } from '../../../platform/auth/roles.ts';
import { createStaffAccount, findStaffWithRole } from '../../accounts/index.ts';
import { addDirectoryEntry, removeDirectoryEntries } from '../../directory/testing.ts';
import { findAgencyByCode, listAgencies } from '../../units/index.ts';
import { dossierTables } from '../../dossiers/testing.ts';
import { DEADLINE_SWEEP_JOB, SYSTEM_ACTOR, sweepDeadlines, sweepDueSoon } from './sweeps.ts';

let app: TestApp;
const agency = { hoanKiem: 0, cuaNam: 0, centre: 0, department: 0 };
const HK = '000.04.51.H26';
const CENTRE = '000.00.20.H26';

async function staff(username: string, agencyId: number, roles: Role[], email: string | null) {
  await createStaffAccount(
    app.database.db,
    { username, full_name: `Cán bộ ${username}`, email: email ?? '', phone: '', agency_id: agencyId, roles, password: 'Matkhau2025' },
    { id: null, label: 'test' },
  );
}

before(async () => {
  app = await testApp();
  const id = async (code: string) => (await findAgencyByCode(app.database.db, code))?.id ?? 0;
  agency.hoanKiem = await id(HK);
  agency.cuaNam = await id('000.05.51.H26');
  agency.centre = await id(CENTRE);
  agency.department = (await listAgencies(app.database.db, { kind: 'department' }))[0]?.id ?? 0;
  assert.ok(Object.values(agency).every((a) => a > 0));
  await staff('hk.chuyenvien', agency.hoanKiem, ['specialist'], 'chuyenvien@hoankiem.gov.vn');
  await staff('hk.lanhdao', agency.hoanKiem, ['leader'], 'lanhdao@hoankiem.gov.vn');
  await staff('hk.motcua', agency.hoanKiem, ['one_stop_officer'], 'motcua@hoankiem.gov.vn');
  await staff('hk.khongthu', agency.hoanKiem, ['specialist'], null);
  await staff('cn.chuyenvien', agency.cuaNam, ['specialist', 'leader'], 'chuyenvien@cuanam.gov.vn');
  await staff('so.lanhdao', agency.department, ['leader', 'specialist'], 'lanhdao@so.gov.vn');
});
after(async () => {
  await app.close();
});
beforeEach(async () => {
  const db = app.database.db;
  await sql`delete from dossier_events`.execute(db);
  await sql`delete from dossiers`.execute(db);
  await sql`delete from outbox_mail`.execute(db);
});

let seq = 0;
/** A dossier put directly into a known state: received in `receivedBy` and handled by `handledBy` (null: not yet accepted). */
async function dossier(o: {
  due: string | null;
  status?: string;
  receivedBy?: 'hk' | 'centre';
  handledBy?: number | null;
  resultAt?: Date;
  finishedAt?: Date;
  apologizedAt?: Date;
}): Promise<string> {
  const centre = o.receivedBy === 'centre';
  const code = `${centre ? CENTRE : HK}-260202-${String(++seq).padStart(4, '0')}`;
  await dossierTables(app.database.db)
    .insertInto('dossiers')
    .values({
      code,
      agency_id: centre ? agency.centre : agency.hoanKiem,
      handling_agency_id: o.handledBy === undefined ? (centre ? agency.department : agency.hoanKiem) : o.handledBy,
      procedure_code: '1.999001',
      procedure_version: 1,
      channel: 'online',
      applicant: JSON.stringify({ name: 'Nguyễn Thị Hoa', personal_id: '001190012345', phone: null, email: 'hoa@example.vn', address: '' }),
      form_data: '{}',
      status: o.status ?? 'processing',
      received_at: new Date('2026-02-02T02:00:00Z'),
      due_at: o.due ? endOfVietnamDay(o.due) : null,
      due_date: o.due,
      deadline: null,
      fee_total_dong: 0,
      payment_status: 'none',
      idempotency_key: null,
      result_at: o.resultAt ?? null,
      finished_at: o.finishedAt ?? null,
      apologized_at: o.apologizedAt ?? null,
    })
    .execute();
  return code;
}

async function flags(code: string) {
  return dossierTables(app.database.db).selectFrom('dossiers').select(['due_soon_at', 'overdue_at', 'row_version']).where('code', '=', code).executeTakeFirstOrThrow();
}

async function events(kind: string) {
  return dossierTables(app.database.db)
    .selectFrom('dossier_events')
    .innerJoin('dossiers', 'dossiers.id', 'dossier_events.dossier_id')
    .select(['dossiers.code', 'dossier_events.actor', 'dossier_events.actor_id', 'dossier_events.agency_id', 'dossier_events.at'])
    .where('dossier_events.kind', '=', kind)
    .orderBy('dossiers.code')
    .execute();
}

async function mailsTo(address: string) {
  return app.database.db.selectFrom('outbox_mail').select(['subject', 'body_text']).where('to_address', '=', address).orderBy('id').execute();
}

const at = (iso: string) => new Date(iso);
const sorted = (a: string[]) => [...a].sort();

test('before Tết: on Fri 13 Feb 2026 the dossiers due Mon 23 Feb (the next working day after the break) are due soon; staff are told once', async () => {
  const now = at('2026-02-13T03:00:00Z'); // Friday 10:00 in Hà Nội; 14–22 Feb is the Tết break
  const nextWorkingDay = await dossier({ due: '2026-02-23' });
  const today = await dossier({ due: '2026-02-13' });
  const dayAfter = await dossier({ due: '2026-02-24' });
  const yesterday = await dossier({ due: '2026-02-12' });
  const atCounter = await dossier({ due: '2026-02-23', status: 'received', handledBy: null });
  const atDepartment = await dossier({ due: '2026-02-23', receivedBy: 'centre' });
  const apologized = await dossier({ due: '2026-02-23', apologizedAt: at('2026-02-05T02:00:00Z') });
  const waiting = await dossier({ due: '2026-02-23', status: 'supplement' });
  const refused = await dossier({ due: '2026-02-12', status: 'refused' });
  const resolved = await dossier({ due: '2026-02-23', status: 'result_ready', resultAt: at('2026-02-12T02:00:00Z') });
  const returned = await dossier({ due: '2026-02-12', status: 'returned', resultAt: at('2026-02-10T02:00:00Z'), finishedAt: at('2026-02-11T02:00:00Z') });
  const noDeadline = await dossier({ due: null });

  const run = await sweepDeadlines(app.platform, { now });
  assert.deepEqual(sorted(run.dueSoon), sorted([today, nextWorkingDay, atCounter, atDepartment, apologized]));
  assert.deepEqual(run.overdue, [yesterday]);
  for (const code of [dayAfter, waiting, refused, resolved, returned, noDeadline]) assert.deepEqual(await flags(code), { due_soon_at: null, overdue_at: null, row_version: 1 }, code);
  const flagged = await flags(nextWorkingDay);
  assert.equal(flagged.due_soon_at?.getTime(), now.getTime());
  assert.equal(flagged.row_version, 1, 'a flag is not a transition');

  const history = await events('due_soon');
  assert.deepEqual(history.map((e) => e.code), sorted(run.dueSoon));
  assert.ok(history.every((e) => e.actor === SYSTEM_ACTOR && e.actor_id === null && e.at.getTime() === now.getTime()));
  assert.equal(history.find((e) => e.code === atDepartment)?.agency_id, agency.department);
  assert.equal(history.find((e) => e.code === atCounter)?.agency_id, agency.hoanKiem);
  assert.deepEqual((await events('overdue')).map((e) => e.code), [yesterday]);

  // The ward's specialist: one digest of the dossiers it handles, with the last day for the apology (Form 04): Fri 13 Feb,
  // since the working day before Mon 23 Feb is the Friday before Tết.
  const [specialistMail, ...more] = await mailsTo('chuyenvien@hoankiem.gov.vn');
  assert.equal(more.length, 0);
  assert.equal(specialistMail?.subject, 'Hồ sơ sắp đến hạn: 3 / Dossiers due soon: 3');
  const body = specialistMail?.body_text ?? '';
  assert.ok(body.startsWith('Kính gửi Cán bộ hk.chuyenvien,') && body.includes('Dear Cán bộ hk.chuyenvien,'));
  assert.ok(body.includes(`- ${nextWorkingDay} (thủ tục 1.999001): hẹn trả 23/02/2026; gửi Phiếu xin lỗi (Mẫu 04) chậm nhất ngày 13/02/2026.`), body);
  assert.ok(body.includes(`- ${today} (thủ tục 1.999001): hẹn trả 13/02/2026;`));
  assert.ok(body.includes(`- ${apologized} (thủ tục 1.999001): hẹn trả 23/02/2026; đã hẹn lại một lần, không được hẹn lại nữa.`));
  assert.ok(body.includes('apology (Form 04) by 13/02/2026 at the latest'));
  assert.ok(body.includes(`http://localhost:3000/mot-cua/ho-so/${nextWorkingDay}`));
  assert.ok(!body.includes(atCounter) && !body.includes(atDepartment) && !body.includes(dayAfter));
  // Not yet accepted: the one-stop officers and leaders of the receiving ward hear of it.
  assert.ok((await mailsTo('motcua@hoankiem.gov.vn')).every((m) => m.body_text.includes(atCounter) && !m.body_text.includes(nextWorkingDay)));
  assert.equal((await mailsTo('motcua@hoankiem.gov.vn')).length, 1);
  // The leader: the two due-soon digests and the overdue one.
  const leader = await mailsTo('lanhdao@hoankiem.gov.vn');
  assert.deepEqual(leader.map((m) => m.subject).sort(), ['Hồ sơ quá hạn: 1 / Overdue dossiers: 1', 'Hồ sơ sắp đến hạn: 1 / Dossiers due soon: 1', 'Hồ sơ sắp đến hạn: 3 / Dossiers due soon: 3']);
  assert.ok(leader.find((m) => m.subject.startsWith('Hồ sơ quá hạn'))?.body_text.includes(`- ${yesterday} (thủ tục 1.999001): hẹn trả 12/02/2026.`));
  // The department handling what the centre received; nobody at another ward.
  assert.ok((await mailsTo('lanhdao@so.gov.vn'))[0]?.body_text.includes(atDepartment));
  assert.equal((await mailsTo('chuyenvien@cuanam.gov.vn')).length, 0);
  const mails = (await app.database.db.selectFrom('outbox_mail').select('id').execute()).length;

  // A second run, and a run later the same day: nothing new.
  assert.deepEqual(await sweepDeadlines(app.platform, { now }), { dueSoon: [], overdue: [] });
  assert.deepEqual(await sweepDeadlines(app.platform, { now: at('2026-02-13T09:00:00Z') }), { dueSoon: [], overdue: [] });
  assert.equal((await events('due_soon')).length, 5);
  assert.equal((await app.database.db.selectFrom('outbox_mail').select('id').execute()).length, mails);

  // Tue 24 Feb, 08:00: everything due on Monday is now overdue (once), and the dossier due today is due soon.
  const after = await sweepDeadlines(app.platform, { now: at('2026-02-24T01:00:00Z') });
  assert.deepEqual(sorted(after.overdue), sorted([today, nextWorkingDay, atCounter, atDepartment, apologized]));
  assert.deepEqual(after.dueSoon, [dayAfter]);
  assert.deepEqual(await sweepDeadlines(app.platform, { now: at('2026-02-24T01:15:00Z') }), { dueSoon: [], overdue: [] });
});

test('over a weekend and a holiday: Thu 30 Apr and Fri 1 May 2026 are days off, so on Wed 29 Apr the dossiers due Mon 4 May are due soon', async () => {
  const monday = await dossier({ due: '2026-05-04' });
  const tuesday = await dossier({ due: '2026-05-05' });
  assert.deepEqual(await sweepDueSoon(app.platform, { now: at('2026-04-28T03:00:00Z') }), []); // Tue 28 Apr: Wed 29 is the next working day
  assert.deepEqual(await sweepDueSoon(app.platform, { now: at('2026-04-29T03:00:00Z') }), [monday]);
  // Warning two working days ahead, as an agency may configure.
  assert.deepEqual(await sweepDueSoon(app.platform, { now: at('2026-04-29T03:00:00Z'), leadWorkingDays: 2 }), [tuesday]);
});

test('a backlog is worked off in bounded batches, one transaction and one digest each, each dossier flagged once', async () => {
  const codes: string[] = [];
  for (let i = 0; i < 7; i++) codes.push(await dossier({ due: '2026-03-02' }));
  const now = at('2026-03-03T03:00:00Z');
  const first = await sweepDeadlines(app.platform, { now, batch: 3, maxBatches: 2 });
  assert.equal(first.overdue.length, 6);
  assert.equal((await sweepDeadlines(app.platform, { now, batch: 3 })).overdue.length, 1);
  assert.deepEqual((await events('overdue')).map((e) => e.code), codes);
  const subjects = (await mailsTo('lanhdao@hoankiem.gov.vn')).map((m) => m.subject);
  assert.deepEqual(subjects, ['Hồ sơ quá hạn: 3 / Overdue dossiers: 3', 'Hồ sơ quá hạn: 3 / Overdue dossiers: 3', 'Hồ sơ quá hạn: 1 / Overdue dossiers: 1']);
});

test('two sweeps at the same moment flag each dossier once', async () => {
  for (let i = 0; i < 6; i++) await dossier({ due: '2026-03-02' });
  const now = at('2026-03-03T03:00:00Z');
  const [a, b] = await Promise.all([sweepDeadlines(app.platform, { now, batch: 2 }), sweepDeadlines(app.platform, { now, batch: 2 })]);
  assert.equal(a.overdue.length + b.overdue.length, 6);
  assert.equal((await events('overdue')).length, 6);
});

test('the module registers the sweep job with the queue', async () => {
  const r = await sql<{ name: string }>`select name from pgboss.queue where name = ${DEADLINE_SWEEP_JOB}`.execute(app.database.db);
  assert.equal(r.rows.length, 1);
});

test('staff listed in the staff directory are told at their official address, even without an address on their account', async () => {
  const db = app.database.db;
  const lead = (await findStaffWithRole(db, agency.hoanKiem, 'leader')).find((s) => s.username === 'hk.lanhdao');
  const silent = (await findStaffWithRole(db, agency.hoanKiem, 'specialist')).find((s) => s.username === 'hk.khongthu');
  assert.ok(lead && silent);
  await addDirectoryEntry(db, { agencyId: agency.hoanKiem, accountId: lead.id, fullName: lead.fullName, email: 'lanhdao.hoankiem@hanoi.gov.vn' });
  await addDirectoryEntry(db, { agencyId: agency.hoanKiem, accountId: silent.id, fullName: silent.fullName, email: 'khongthu.hoankiem@hanoi.gov.vn' });
  try {
    await dossier({ due: '2026-02-23' });
    await sweepDueSoon(app.platform, { now: at('2026-02-13T03:00:00Z') });
    assert.equal((await mailsTo('lanhdao.hoankiem@hanoi.gov.vn')).length, 1);
    assert.equal((await mailsTo('lanhdao@hoankiem.gov.vn')).length, 0);
    assert.equal((await mailsTo('khongthu.hoankiem@hanoi.gov.vn')).length, 1);
    assert.equal((await mailsTo('chuyenvien@hoankiem.gov.vn')).length, 1, 'staff not in the directory keep their account address');
  } finally {
    await removeDirectoryEntries(db);
  }
});
