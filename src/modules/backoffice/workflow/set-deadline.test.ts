// A procedure whose catalogue entry states no usable processing time ("1" with no unit the procedure's text or the
// reviewed table gives): it is not offered online (NO_TIME_LIMIT); the counter takes its dossiers without a return
// date, and the receiving officer sets the working days on acceptance.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { testApp, type TestApp } from '../../../testing/app.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { vietnamDateOf } from '../../../platform/calendar/index.ts';
import { getWorkCalendar } from '../../calendar/index.ts';
import { importCatalogue } from '../../procedures/index.ts';
import { submitDossier } from '../../dossiers/index.ts';
import { answersFor, TINY, type TestCitizen } from '../../dossiers/testing.ts';
import { casePage, csrfOn, officerClient, versionOn, actionUrl } from '../office/testing.ts';
import { AG, acting, prepareWorkflowTests, refused, row, submitted, type Staff } from './testing.ts';

const NO_TIME = '1.999009';
let app: TestApp;
let s: Staff;
let citizen: TestCitizen;
before(async () => {
  app = await testApp();
  ({ staff: s, citizen } = await prepareWorkflowTests(app));
  const report = await importCatalogue(
    app.database.db,
    [
      {
        line: 1,
        data: {
          ma_thu_tuc: NO_TIME,
          ten_thu_tuc: 'Thủ tục thử nghiệm chưa ghi thời hạn',
          co_quan_ban_hanh: 'Ủy ban nhân dân Thành phố Hà Nội',
          linh_vuc: 'Thử nghiệm',
          cap_thuc_hien: 'Cấp xã',
          kenh_nop: 'Trực tiếp; Trực tuyến',
          co_nop_truc_tuyen: true,
          thoi_han_giai_quyet: '1',
          phi_le_phi: 'Không',
          thanh_phan_ho_so: 'Đơn đề nghị1 bản chính',
        },
      },
    ],
    { effectiveFrom: '2025-01-01', source: 'test', actor: { id: null, label: 'test' } },
  );
  assert.equal(report.failed.length, 0);
});
after(async () => {
  await app.close();
});

async function submittedNoTime(now: Date): Promise<string> {
  const { dossier } = await submitDossier(
    app.platform,
    s.hkOfficer,
    { procedureCode: NO_TIME, form: answersFor(citizen), files: [{ docKey: 'doc1', filename: 'don.pdf', content: TINY.pdf }] },
    { via: 'web', channel: 'counter', now },
  );
  return dossier.code;
}

test('a procedure with an online channel but no time limit is not offered online: NO_TIME_LIMIT, in both languages', async () => {
  const err = await submitDossier(
    app.platform,
    citizen.user,
    { procedureCode: NO_TIME, agencyCode: AG.hoanKiem, form: answersFor(citizen), files: [{ docKey: 'doc1', filename: 'don.pdf', content: TINY.pdf }] },
    { via: 'web' },
  ).catch((e: unknown) => e);
  assert.ok(err instanceof AppError);
  assert.equal(err.code, 'NO_TIME_LIMIT');
  assert.match(err.text.vi, /nộp trực tiếp/);
  assert.match(err.text.en, /in person/);
});

test('accepting a dossier whose procedure states no processing time asks for the working days, then counts the return date on the calendar', async () => {
  const received = new Date('2026-03-02T02:00:00Z'); // Monday 09:00 in Hà Nội
  const code = await submittedNoTime(received);
  assert.equal((await row(app, code)).due_date, null, 'no return date at submission');
  const act = acting(app, new Date('2026-03-02T03:00:00Z'));
  const missing = await refused(act(s.hkOfficer, code, { action: 'accept' }));
  assert.equal(missing.code, 'INVALID_ACTION');
  assert.deepEqual(missing.fields.map((f) => f.field), ['processing_days']);
  assert.match(missing.fields[0]?.message.vi ?? '', /số ngày làm việc/);
  for (const bad of [0, 1.5, 251, Number.NaN]) {
    assert.equal((await refused(act(s.hkOfficer, code, { action: 'accept', processingDays: bad }))).code, 'INVALID_ACTION', String(bad));
  }
  assert.equal((await row(app, code)).status, 'received', 'nothing changed');

  await act(s.hkOfficer, code, { action: 'accept', processingDays: 7 });
  const d = await row(app, code);
  const cal = await getWorkCalendar(app.platform);
  assert.equal(d.status, 'processing');
  assert.equal(d.due, cal.addWorkingDays(vietnamDateOf(received), 7), 'seven working days from receipt');
  assert.match(JSON.stringify(d.deadline), /working_days/);
  // The receipt mail gives the date.
  const mail = await app.database.db.selectFrom('outbox_mail').select('body_text').where('to_address', '=', citizen.email).where('subject', 'like', `Tiếp nhận hồ sơ ${code}%`).executeTakeFirst();
  assert.ok(mail, 'the receipt mail is queued');
  assert.doesNotMatch(mail.body_text, /theo thông báo của cơ quan giải quyết/);
});

test('the officer’s accept form shows the working-days field only where the procedure states no time, with its error beside it', async () => {
  const code = await submittedNoTime(new Date());
  const officer = await officerClient(app, s.hkOfficer);
  const page = await officer.get(casePage(code));
  assert.match(page.body, /id="accept-processing_days"/);
  const bad = await officer.postForm(actionUrl(code, 'accept'), { _csrf: csrfOn(page.body), version: versionOn(page.body), processing_days: 'năm' });
  assert.equal(bad.statusCode, 400);
  assert.match(bad.body, /id="accept-processing_days-error"/);
  assert.ok(bad.body.includes('value="năm"'), 'what was typed is kept');
  const ok = await officer.postForm(actionUrl(code, 'accept'), { _csrf: csrfOn(bad.body), version: versionOn(bad.body), processing_days: '3' });
  assert.equal(ok.statusCode, 303, ok.body.slice(0, 600));
  assert.notEqual((await row(app, code)).due_date, null);
  // A procedure with a processing time (5 working days) has its date already: no such field.
  const usual = await submitted(app, citizen);
  const usualPage = await officer.get(casePage(usual));
  assert.ok(usualPage.body.includes(`action="${actionUrl(usual, 'accept')}"`));
  assert.doesNotMatch(usualPage.body, /processing_days/);
});

test('after a supplement during appraisal, the clock restarts with the working days the officer set', async () => {
  const received = new Date('2026-03-02T02:00:00Z'); // Monday 09:00 in Hà Nội
  const code = await submittedNoTime(received);
  await acting(app, new Date('2026-03-02T03:00:00Z'))(s.hkOfficer, code, { action: 'accept', processingDays: 4 });
  assert.equal((await row(app, code)).due, '2026-03-06');
  await acting(app, new Date('2026-03-03T02:00:00Z'))(s.hkSpecialist, code, { action: 'request_supplement_appraisal', items: [{ text: 'Xác nhận nơi cư trú' }] });
  // Completed at the counter on Wednesday 4 March: four working days from then is Tuesday 10 March.
  const back = await acting(app, new Date('2026-03-04T02:00:00Z'))(s.hkOfficer, code, { action: 'complete_supplement_counter', files: [{ docKey: 'bs1', filename: 'xac-nhan.pdf', content: TINY.pdf }] });
  assert.equal(back.status, 'processing');
  assert.equal((await row(app, code)).due, '2026-03-10');
});
