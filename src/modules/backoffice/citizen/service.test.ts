import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { testApp, type TestApp } from '../../../testing/app.ts';
import type { TestCitizen } from '../../dossiers/testing.ts';
import { acting, PDF_RESULT, prepareWorkflowTests, refused, submitted, type Staff } from '../workflow/testing.ts';
import { getCaseView } from '../workflow/view.ts';
import { answerFeedback, FEEDBACK_PER_DAY, rateDossier, sendFeedback } from './service.ts';

let app: TestApp;
let s: Staff;
let citizen: TestCitizen;
let other: TestCitizen;
before(async () => {
  app = await testApp();
  ({ staff: s, citizen, other } = await prepareWorkflowTests(app));
});
after(async () => {
  await app.close();
});

const at = (day: string, hhmm = '09:00'): Date => new Date(`${day}T${hhmm}:00+07:00`);
const ALL_GOOD = { time: 3, contacts: 3, attitude: 2, openness: 3, lawful: 3 };

async function audits(code: string, action: string): Promise<number> {
  const r = await sql<{ n: number }>`select count(*)::int as n from audit_log where entity = 'dossier' and entity_id = ${code} and action = ${action}`.execute(app.database.db);
  return Number(r.rows[0]?.n);
}

/** A dossier taken through to its result on Wednesday 4 March 2026. */
async function withResult(): Promise<string> {
  const code = await submitted(app, citizen, { now: at('2026-03-02') });
  const act = acting(app, at('2026-03-02', '10:00'));
  await act(s.hkOfficer, code, { action: 'accept' });
  await act(s.hkSpecialist, code, { action: 'submit_for_approval' });
  await act(s.hkLeader, code, { action: 'approve' });
  await acting(app, at('2026-03-04'))(s.hkSpecialist, code, { action: 'record_result', files: [PDF_RESULT] });
  return code;
}

test('the applicant rates only once the result is ready, every criterion 1–3, and only once', async () => {
  const code = await submitted(app, citizen, { now: at('2026-03-02') });
  const early = await refused(rateDossier(app.platform, citizen.user, code, { overall: 3, criteria: ALL_GOOD }));
  assert.deepEqual([early.status, early.code], [409, 'RATING_NOT_YET']);

  const done = await withResult();
  const incomplete = await refused(rateDossier(app.platform, citizen.user, done, { overall: 4, criteria: { time: 2, attitude: 0, speed: 3 } }));
  assert.equal(incomplete.code, 'INVALID_RATING');
  assert.deepEqual(incomplete.fields.map((f) => f.field).sort(), ['criteria.attitude', 'criteria.contacts', 'criteria.lawful', 'criteria.openness', 'criteria.speed', 'overall']);
  assert.match(incomplete.fields.find((f) => f.field === 'criteria.contacts')?.message.vi ?? '', /Số lần phải liên hệ/);

  const rating = await rateDossier(app.platform, citizen.user, done, { overall: 3, criteria: ALL_GOOD, comment: '  Cán bộ hướng dẫn tận tình.  ' });
  assert.deepEqual([rating.overall, rating.criteria, rating.comment], [3, ALL_GOOD, 'Cán bộ hướng dẫn tận tình.']);
  const twice = await refused(rateDossier(app.platform, citizen.user, done, { overall: 1, criteria: ALL_GOOD }));
  assert.deepEqual([twice.status, twice.code], [409, 'ALREADY_RATED']);
  assert.equal((await getCaseView(app.platform, citizen.user, done)).rating?.overall, 3);
  assert.equal(await audits(done, 'dossiers.rate'), 1);

  // Only the applicant rates: another citizen does not even learn the dossier exists; an officer may not rate.
  assert.equal((await refused(rateDossier(app.platform, other.user, done, { overall: 3, criteria: ALL_GOOD }))).code, 'DOSSIER_NOT_FOUND');
  assert.equal((await refused(rateDossier(app.platform, s.hkOfficer, done, { overall: 3, criteria: ALL_GOOD }))).code, 'APPLICANT_ONLY');
});

test('a refused dossier can be rated too', async () => {
  const code = await submitted(app, citizen, { now: at('2026-03-02') });
  await acting(app, at('2026-03-02', '10:00'))(s.hkOfficer, code, { action: 'refuse', comment: 'Không thuộc thẩm quyền.' });
  const r = await rateDossier(app.platform, citizen.user, code, { overall: 1, criteria: { time: 2, contacts: 2, attitude: 1, openness: 1, lawful: 1 } });
  assert.equal(r.overall, 1);
});

test('feedback: stored at any time, at most 5 a day per dossier, answered once by the receiving or handling agency', async () => {
  const code = await submitted(app, citizen, { now: at('2026-03-02') });
  const day = at('2026-03-03', '08:00');
  const empty = await refused(sendFeedback(app.platform, citizen.user, code, '   ', { now: day }));
  assert.deepEqual([empty.code, empty.fields.map((f) => f.field)], ['INVALID_FEEDBACK', ['message']]);
  const first = await sendFeedback(app.platform, citizen.user, code, 'Khi nào hồ sơ được tiếp nhận?', { now: day });
  for (let i = 1; i < FEEDBACK_PER_DAY; i++) await sendFeedback(app.platform, citizen.user, code, `Câu hỏi ${i}`, { now: day });
  const flood = await refused(sendFeedback(app.platform, citizen.user, code, 'Thêm một câu', { now: at('2026-03-03', '23:30') }));
  assert.deepEqual([flood.status, flood.code], [429, 'FEEDBACK_LIMIT']);
  // The next day (in Hà Nội) counts afresh.
  await sendFeedback(app.platform, citizen.user, code, 'Hôm sau hỏi tiếp', { now: at('2026-03-04', '00:30') });
  assert.equal(await audits(code, 'dossiers.feedback'), FEEDBACK_PER_DAY + 1);
  assert.equal((await refused(sendFeedback(app.platform, other.user, code, 'Xin chào'))).code, 'DOSSIER_NOT_FOUND');
  assert.equal((await refused(sendFeedback(app.platform, s.hkOfficer, code, 'Xin chào'))).code, 'APPLICANT_ONLY');

  // Answers: the receiving agency's staff answer; another ward cannot see the dossier; the applicant cannot answer.
  assert.equal((await refused(answerFeedback(app.platform, s.cnOfficer, code, first.id, 'Trả lời'))).code, 'DOSSIER_NOT_FOUND');
  assert.equal((await refused(answerFeedback(app.platform, citizen.user, code, first.id, 'Trả lời'))).code, 'STAFF_ONLY');
  assert.equal((await refused(answerFeedback(app.platform, s.hkOfficer, code, first.id, ' '))).code, 'INVALID_FEEDBACK');
  const otherDossier = await submitted(app, other, { now: at('2026-03-02') });
  assert.equal((await refused(answerFeedback(app.platform, s.hkOfficer, otherDossier, first.id, 'Nhầm hồ sơ'))).code, 'FEEDBACK_NOT_FOUND');
  const mails = () => app.database.db.selectFrom('outbox_mail').select(['subject', 'body_text']).where('to_address', '=', citizen.email).where('subject', 'like', 'Trả lời phản ánh%').execute();
  const texts = () => app.database.db.selectFrom('outbox_sms').select('body').where('body', 'like', `%${code}: co quan da tra loi phan anh%`).execute();
  assert.equal((await mails()).length, 0, 'the refused answers told nobody anything');
  await answerFeedback(app.platform, s.hkOfficer, code, first.id, 'Hồ sơ sẽ được tiếp nhận trong ngày.');
  // The applicant is told, by e-mail with the answer itself and by SMS to the number on the dossier.
  const told = await mails();
  assert.equal(told.length, 1);
  assert.equal(told[0]?.subject, `Trả lời phản ánh về hồ sơ ${code} / Dossier ${code}: answer to your feedback`);
  assert.match(told[0]?.body_text ?? '', /Hồ sơ sẽ được tiếp nhận trong ngày\./);
  assert.match(told[0]?.body_text ?? '', new RegExp(`/ho-so-cua-toi/${code}`));
  assert.equal((await texts()).length, 1);
  assert.equal((await refused(answerFeedback(app.platform, s.hkSpecialist, code, first.id, 'Lần hai'))).code, 'FEEDBACK_ANSWERED');
  assert.equal((await mails()).length, 1, 'a second answer is refused and sends nothing');
  const view = await getCaseView(app.platform, citizen.user, code);
  const answered = view.feedback.find((f) => f.id === first.id);
  assert.equal(answered?.answer, 'Hồ sơ sẽ được tiếp nhận trong ngày.');
  assert.ok(answered?.answeredAt instanceof Date);
  assert.equal(view.feedback.length, FEEDBACK_PER_DAY + 1);
  assert.equal(await audits(code, 'dossiers.feedback_answer'), 1);
});
