import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { testApp, type TestApp } from '../../../testing/app.ts';
import { vietnamDateOf } from '../../../platform/calendar/index.ts';
import type { TestCitizen } from '../../dossiers/testing.ts';
import { TINY } from '../../dossiers/testing.ts';
import { acting, AG, PDF_RESULT, prepareWorkflowTests, refused, row, submitted, type Staff } from './testing.ts';

let app: TestApp;
let s: Staff;
let citizen: TestCitizen;
before(async () => {
  app = await testApp();
  ({ staff: s, citizen } = await prepareWorkflowTests(app));
});
after(async () => {
  await app.close();
});

// Monday 2 March 2026, 09:00 in Hà Nội; the test procedure takes 5 working days.
const at = (day: string, hhmm = '09:00'): Date => new Date(`${day}T${hhmm}:00+07:00`);
const MON = '2026-03-02';

async function history(code: string): Promise<{ kind: string; from_status: string | null; to_status: string | null; comment: string | null }[]> {
  const r = await sql<{ kind: string; from_status: string | null; to_status: string | null; comment: string | null }>`
    select e.kind, e.from_status, e.to_status, e.comment from dossier_events e join dossiers d on d.id = e.dossier_id where d.code = ${code} order by e.at, e.id`.execute(app.database.db);
  return r.rows;
}

async function count(table: string, where = sql`true`): Promise<number> {
  const r = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)} where ${where}`.execute(app.database.db);
  return Number(r.rows[0]?.n);
}

test('standard workflow: receive → appraise → approve → result → returned, each step in the history, audit and mail', async () => {
  const code = await submitted(app, citizen, { now: at(MON) });
  const act = acting(app, at(MON, '10:00'));
  const mails = await count('outbox_mail');
  const r1 = await act(s.hkOfficer, code, { action: 'accept' });
  assert.deepEqual([r1.status, r1.form], ['processing', '01']);
  assert.equal((await row(app, code)).handling_agency_id, s.hkOfficer.agencyId);
  await act(s.hkSpecialist, code, { action: 'submit_for_approval', comment: 'Hồ sơ đủ điều kiện.' });
  await act(s.hkLeader, code, { action: 'approve' });
  const r4 = await acting(app, at('2026-03-04'))(s.hkSpecialist, code, { action: 'record_result', files: [PDF_RESULT] });
  assert.equal(r4.status, 'result_ready');
  const done = await acting(app, at('2026-03-05'))(s.hkOfficer, code, { action: 'return_result', returnMethod: 'online' });
  assert.equal(done.status, 'returned');
  const d = await row(app, code);
  assert.equal(d.outcome, 'early'); // result on Wed 4 March, due Mon 9 March
  assert.equal(d.decision, 'approved');
  assert.equal(d.return_method, 'online');
  assert.ok(d.finished_at instanceof Date);
  assert.deepEqual(
    (await history(code)).map((h) => `${h.kind}:${h.from_status ?? ''}>${h.to_status ?? ''}`),
    ['received:>', 'accept:received>processing', 'submit_for_approval:processing>approval', 'approve:approval>approved', 'record_result:approved>result_ready', 'return_result:result_ready>returned'],
  );
  assert.equal(await count('audit_log', sql`entity = 'dossier' and entity_id = ${code} and action like 'dossiers.%' and action <> 'dossiers.submit'`), 5);
  assert.equal(await count('dossier_files', sql`kind = 'result' and dossier_id = (select id from dossiers where code = ${code})`), 1);
  // Receipt, early result and return were told to the applicant.
  assert.ok((await count('outbox_mail')) - mails >= 3);
});

test('an action from the wrong state, by the wrong role or from another ward is refused and changes nothing', async () => {
  const code = await submitted(app, citizen, { now: at(MON) });
  const act = acting(app, at(MON, '10:00'));
  const before = await row(app, code);
  const wrongState = await refused(act(s.hkLeader, code, { action: 'approve' }));
  assert.deepEqual([wrongState.status, wrongState.code], [409, 'ILLEGAL_TRANSITION']);
  assert.match(wrongState.text.vi, /Phê duyệt.*Chờ tiếp nhận/);
  const wrongRole = await refused(act(s.hkSpecialist, code, { action: 'accept' }));
  assert.deepEqual([wrongRole.status, wrongRole.code], [403, 'NOT_ALLOWED']);
  const otherWard = await refused(act(s.cnOfficer, code, { action: 'accept' }));
  assert.deepEqual([otherWard.status, otherWard.code], [404, 'DOSSIER_NOT_FOUND']);
  const unknown = await refused(act(s.hkOfficer, code, { action: 'teleport' }));
  assert.equal(unknown.code, 'UNKNOWN_ACTION');
  const noReason = await refused(act(s.hkOfficer, code, { action: 'refuse', comment: '   ' }));
  assert.deepEqual([noReason.code, noReason.fields.map((f) => f.field)], ['INVALID_ACTION', ['comment']]);
  const after = await row(app, code);
  assert.deepEqual([after.status, after.row_version], [before.status, before.row_version]);
  assert.equal((await history(code)).length, 1);
});

test('two officers acting on what they saw: the first wins, the second is told someone acted', async () => {
  const code = await submitted(app, citizen, { now: at(MON) });
  const version = Number((await row(app, code)).row_version);
  const act = acting(app, at(MON, '10:00'));
  const results = await Promise.allSettled([
    act(s.hkOfficer, code, { action: 'accept', version }),
    act(s.hkOfficer, code, { action: 'refuse', version, comment: 'Không thuộc thẩm quyền.' }),
  ]);
  const ok = results.filter((r) => r.status === 'fulfilled');
  const bad = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
  assert.equal(ok.length, 1);
  assert.equal(bad.length, 1);
  assert.ok(['STALE', 'ILLEGAL_TRANSITION'].includes((bad[0]?.reason as { code: string }).code));
  assert.equal((await history(code)).length, 2);
});

test('supplement at receipt: all items at once, the clock stops, restarts from zero when the citizen completes it', async () => {
  const code = await submitted(app, citizen, { now: at(MON) });
  assert.equal((await row(app, code)).due, '2026-03-09');
  const r = await acting(app, at(MON, '10:00'))(s.hkOfficer, code, { action: 'request_supplement_receipt', items: [{ text: 'Bản sao giấy khai sinh' }, { text: 'Ảnh 4x6' }] });
  assert.deepEqual([r.status, r.form], ['supplement', '02']);
  assert.ok((await row(app, code)).paused_at instanceof Date);
  // The citizen completes it on Thursday 5 March: 5 working days from then is Thursday 12 March.
  const other = await refused(acting(app, at('2026-03-05'))(s.hkOfficer, code, { action: 'complete_supplement' }));
  assert.equal(other.code, 'INVALID_ACTION'); // the officer's counter action needs the files too
  const back = await acting(app, at('2026-03-05'))(citizen.user, code, { action: 'complete_supplement', files: [{ docKey: 'bs1', filename: 'khai-sinh.pdf', content: TINY.pdf }] });
  assert.equal(back.status, 'received');
  const d = await row(app, code);
  assert.equal(d.due, '2026-03-12');
  assert.equal(d.paused_at, null);
  // A second request at receipt is refused: everything had to be asked the first time.
  const again = await refused(acting(app, at('2026-03-05', '11:00'))(s.hkOfficer, code, { action: 'request_supplement_receipt', items: [{ text: 'Thêm giấy tờ' }] }));
  assert.equal(again.code, 'SUPPLEMENT_ONCE');
});

test('supplement during appraisal only within 3 working days of receipt', async () => {
  const code = await submitted(app, citizen, { now: at(MON) });
  await acting(app, at(MON, '10:00'))(s.hkOfficer, code, { action: 'accept' });
  const late = await refused(acting(app, at('2026-03-06'))(s.hkSpecialist, code, { action: 'request_supplement_appraisal', items: [{ text: 'Xác nhận nơi cư trú' }] }));
  assert.equal(late.code, 'SUPPLEMENT_TOO_LATE');
  const ok = await acting(app, at('2026-03-05'))(s.hkSpecialist, code, { action: 'request_supplement_appraisal', items: [{ text: 'Xác nhận nơi cư trú' }] });
  assert.equal(ok.status, 'supplement');
  const back = await acting(app, at('2026-03-06'))(citizen.user, code, { action: 'complete_supplement', files: [{ docKey: 'bs1', filename: 'xac-nhan.png', content: TINY.png }] });
  assert.equal(back.status, 'processing'); // back to the specialist, not to the counter
});

test('apology with a new date: at least 1 working day before the due date, and only once', async () => {
  const code = await submitted(app, citizen, { now: at(MON) }); // due Mon 9 March
  await acting(app, at(MON, '10:00'))(s.hkOfficer, code, { action: 'accept' });
  // Friday 6 March is the last working day before the due date: too late.
  const late = await refused(acting(app, at('2026-03-09'))(s.hkLeader, code, { action: 'apologize', comment: 'Cần xác minh thêm.', newDueDate: '2026-03-13' }));
  assert.equal(late.code, 'APOLOGY_TOO_LATE');
  const weekend = await refused(acting(app, at('2026-03-05'))(s.hkLeader, code, { action: 'apologize', comment: 'Cần xác minh thêm.', newDueDate: '2026-03-14' }));
  assert.deepEqual([weekend.code, weekend.fields[0]?.field], ['INVALID_ACTION', 'new_due_date']);
  const ok = await acting(app, at('2026-03-06'))(s.hkLeader, code, { action: 'apologize', comment: 'Cần xác minh thêm.', newDueDate: '2026-03-13' });
  assert.deepEqual([ok.status, ok.form], ['processing', '04']);
  const d = await row(app, code);
  assert.equal(d.due, '2026-03-13');
  assert.equal(vietnamDateOf(d.original_due_at as Date), '2026-03-09');
  const twice = await refused(acting(app, at('2026-03-10'))(s.hkLeader, code, { action: 'apologize', comment: 'Lần nữa.', newDueDate: '2026-03-20' }));
  assert.equal(twice.code, 'APOLOGY_ONCE');
});

test('liên thông: the lead agency consults two agencies in parallel, each with its own date; approval waits for both replies', async () => {
  const code = await submitted(app, citizen, { now: at(MON), workflow: 'lien-thong' });
  const act = acting(app, at(MON, '10:00'));
  await act(s.hkOfficer, code, { action: 'accept' });
  await act(s.hkSpecialist, code, { action: 'consult', comment: 'Đề nghị cho ý kiến về hồ sơ.', agencies: [{ code: AG.justice, dueDate: '2026-03-04' }, { code: AG.construction }] });
  const k = await sql<{ code: string; due: string }>`select a.code, to_char(k.due_at at time zone 'Asia/Ho_Chi_Minh', 'YYYY-MM-DD') as due from dossier_consultations k join agencies a on a.id = k.agency_id order by a.code`.execute(app.database.db);
  assert.equal(k.rows.find((x) => x.code === AG.justice)?.due, '2026-03-04');
  assert.ok(k.rows.some((x) => x.code === AG.construction));
  // The consulted department now sees the dossier; another ward still does not.
  const early = await refused(act(s.hkSpecialist, code, { action: 'submit_for_approval' }));
  assert.equal(early.code, 'ILLEGAL_TRANSITION');
  const one = await act(s.justiceSpecialist, code, { action: 'reply_consultation', comment: 'Thống nhất.' });
  assert.equal(one.status, 'consulting');
  const twice = await refused(act(s.justiceSpecialist, code, { action: 'reply_consultation', comment: 'Lần hai.' }));
  assert.equal(twice.code, 'CONSULTATION_NOT_OPEN');
  const two = await act(s.constructionSpecialist, code, { action: 'reply_consultation', comment: 'Không có ý kiến khác.' });
  assert.equal(two.status, 'processing');
  const sub = await act(s.hkSpecialist, code, { action: 'submit_for_approval' });
  assert.equal(sub.status, 'approval');
  const rej = await act(s.hkLeader, code, { action: 'reject', comment: 'Không đủ điều kiện theo quy định.' });
  assert.equal(rej.status, 'result_ready');
  assert.equal((await row(app, code)).decision, 'rejected');
});

test('the city service centre receives, the competent department handles', async () => {
  const code = await submitted(app, citizen, { now: at(MON), agency: AG.centre });
  await acting(app, at(MON, '10:00'))(s.centreOfficer, code, { action: 'accept' });
  const handling = Number((await row(app, code)).handling_agency_id);
  assert.notEqual(handling, s.centreOfficer.agencyId);
  const wrongDept = await refused(acting(app, at(MON, '11:00'))(s.hkSpecialist, code, { action: 'submit_for_approval' }));
  assert.equal(wrongDept.code, 'DOSSIER_NOT_FOUND');
});
