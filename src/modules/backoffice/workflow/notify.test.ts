import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import pino from 'pino';
import { testDatabase } from '../../../platform/testing/database.ts';
import type { Database } from '../../../platform/db/index.ts';
import { createMailer } from '../../../platform/notify/mailer.ts';
import { createSms, logSmsProvider } from '../../../platform/notify/sms.ts';
import { notifyApplicant, type ApplicantEventKind, type ApplicantNotice } from './notify.ts';

let database: Database;
const log = pino({ level: 'silent' });
const platform = { mailer: createMailer({ from: 'test@egov.local', log }), sms: createSms({ provider: logSmsProvider(log), log }) };
before(async () => {
  database = await testDatabase();
});
after(async () => {
  await database.close();
});

const CODE = '000.04.51.H26-260302-0007';
const URL = `http://localhost:3000/ho-so-cua-toi/${CODE}`;

function notice(kind: ApplicantEventKind, over: Partial<ApplicantNotice> = {}): ApplicantNotice {
  return {
    kind,
    code: CODE,
    procedureName: 'Cấp giấy xác nhận thử nghiệm cho công dân',
    applicant: { name: 'Nguyễn Thị Hoa', email: 'hoa@example.vn', phone: '+84912345678' },
    agencyName: 'Ủy ban nhân dân phường Hoàn Kiếm',
    dueDate: '2026-03-09',
    url: URL,
    ...over,
  };
}

/** Queues the notice in a transaction (through the dossiers module's widened database, as the engine does) and reads back what was queued. */
async function queued(n: ApplicantNotice) {
  const ids = await database.db.transaction().execute((trx) => notifyApplicant(trx, platform, n));
  const mail = ids.mailId === null ? undefined : await database.db.selectFrom('outbox_mail').selectAll().where('id', '=', ids.mailId).executeTakeFirstOrThrow();
  const sms = ids.smsId === null ? undefined : await database.db.selectFrom('outbox_sms').selectAll().where('id', '=', ids.smsId).executeTakeFirstOrThrow();
  return { mail, sms };
}

/** The mail is Vietnamese first, then English; the SMS is one unaccented segment naming the dossier. */
function checkShape(q: Awaited<ReturnType<typeof queued>>) {
  assert.ok(q.mail && q.sms);
  assert.equal(q.mail.to_address, 'hoa@example.vn');
  assert.ok(q.mail.subject.includes(CODE));
  const vi = q.mail.body_text.indexOf('Kính gửi Nguyễn Thị Hoa,');
  const en = q.mail.body_text.indexOf('Dear Nguyễn Thị Hoa,');
  assert.ok(vi === 0 && en > vi, q.mail.body_text);
  assert.equal(q.sms.to_phone, '+84912345678');
  assert.ok(q.sms.body.includes(CODE));
  assert.match(q.sms.body, /^[\x20-\x7e]+$/);
  assert.ok(q.sms.body.length <= 160, `${q.sms.body.length}: ${q.sms.body}`);
  return { mail: q.mail.body_text, subject: q.mail.subject, sms: q.sms.body };
}

test('receipt (Form 01): the return date in both languages, in the mail and the SMS', async () => {
  const q = checkShape(await queued(notice('receipt')));
  assert.match(q.subject, /^Tiếp nhận hồ sơ .* \/ Dossier .* accepted$/);
  assert.ok(q.mail.includes('Ngày hẹn trả kết quả: 09/03/2026'));
  assert.ok(q.mail.includes('Results due: 09/03/2026'));
  assert.ok(q.mail.includes('Mẫu 01') && q.mail.includes(URL));
  assert.equal(q.sms, `Ho so ${CODE} da duoc tiep nhan. Hen tra ket qua: 09/03/2026. Xem: ${URL}`);
});

test('supplement (Form 02): every missing item listed in the mail; the SMS counts them', async () => {
  const items = ['Bản sao Giấy khai sinh', { text: 'Tờ khai có chữ ký của người yêu cầu' }];
  const q = checkShape(await queued(notice('supplement', { items, reason: 'Thiếu giấy tờ chứng minh' })));
  assert.ok(q.mail.includes('Mẫu 02'));
  assert.ok(q.mail.includes('- Bản sao Giấy khai sinh\n- Tờ khai có chữ ký của người yêu cầu'));
  assert.ok(q.mail.includes('Lý do: Thiếu giấy tờ chứng minh') && q.mail.includes('Reason: Thiếu giấy tờ chứng minh'));
  assert.ok(q.mail.includes('tính lại từ đầu') && q.mail.includes('starts again'));
  assert.match(q.sms, /chua day du, can bo sung 2 noi dung/);
});

test('refusal (Form 03) and rejection: the reason reaches the applicant by mail and by SMS', async () => {
  const refusal = checkShape(await queued(notice('refusal', { reason: 'Hồ sơ không thuộc thẩm quyền của phường' })));
  assert.ok(refusal.mail.includes('Mẫu 03') && refusal.mail.includes('Lý do: Hồ sơ không thuộc thẩm quyền của phường'));
  assert.match(refusal.sms, /khong duoc tiep nhan\. Ly do: Ho so khong thuoc tham quyen cua phuong\.( Xem: http\S+)?$/);
  const rejected = checkShape(await queued(notice('rejected', { reason: 'Không đủ điều kiện theo quy định' })));
  assert.match(rejected.subject, /không được giải quyết \/ .*not granted$/);
  assert.ok(rejected.mail.includes('Reason: Không đủ điều kiện theo quy định'));
  assert.match(rejected.sms, /khong duoc giai quyet\. Ly do: Khong du dieu kien theo quy dinh/);
});

test('apology (Form 04): the former and the new return date', async () => {
  const q = checkShape(await queued(notice('apology', { newDueDate: '2026-03-16', reason: 'Cần xác minh thêm' })));
  assert.ok(q.mail.includes('Mẫu 04'));
  assert.ok(q.mail.includes('Ngày hẹn cũ: 09/03/2026') && q.mail.includes('Ngày hẹn trả kết quả mới: 16/03/2026'));
  assert.ok(q.mail.includes('Former date: 09/03/2026') && q.mail.includes('New return date: 16/03/2026'));
  assert.match(q.sms, /Ngay hen tra moi: 16\/03\/2026\. Ly do: Can xac minh them\.$/);
});

test('results: early (before the due date), ready, returned (with the link to rate the service)', async () => {
  const early = checkShape(await queued(notice('early_result')));
  assert.ok(early.mail.includes('sớm hơn ngày hẹn 09/03/2026') && early.mail.includes('ahead of the date due, 09/03/2026'));
  assert.match(early.sms, /da co ket qua truoc ngay hen 09\/03\/2026/);
  const ready = checkShape(await queued(notice('result')));
  assert.match(ready.subject, /đã có kết quả \/ .*result ready$/);
  assert.match(ready.sms, /da co ket qua\. Moi Ong\/Ba nhan ket qua\./);
  const returned = checkShape(await queued(notice('returned')));
  assert.ok(returned.mail.includes(`đánh giá mức độ hài lòng: ${URL}`));
  assert.match(returned.sms, /da tra ket qua/);
});

test('a long reason is shortened so the SMS stays one segment; the mail keeps all of it', async () => {
  const reason = 'Thành phần hồ sơ không đúng quy định tại Nghị định số 118/2025/NĐ-CP, đề nghị liên hệ Bộ phận Một cửa để được hướng dẫn chi tiết về các giấy tờ cần nộp';
  const q = checkShape(await queued(notice('refusal', { reason })));
  assert.ok(q.mail.includes(reason));
  assert.ok(q.sms.endsWith('...') && !q.sms.includes('Xem:'), q.sms);
  assert.equal(q.sms.length <= 160, true);
});

test('nothing by mail without an address, nothing by SMS without a mobile number (a landline cannot get one)', async () => {
  const noEmail = await queued(notice('result', { applicant: { name: 'Trần Văn Nam', email: null, phone: '0983 123 456' } }));
  assert.equal(noEmail.mail, undefined);
  assert.equal(noEmail.sms?.to_phone, '+84983123456');
  const landline = await queued(notice('result', { applicant: { name: 'Trần Văn Nam', email: 'nam@example.vn', phone: '024 3825 3536' } }));
  assert.equal(landline.sms, undefined);
  assert.equal(landline.mail?.to_address, 'nam@example.vn');
  const none = await database.db.transaction().execute((trx) => notifyApplicant(trx, platform, notice('receipt', { applicant: { name: 'Lê Văn Ba', email: null, phone: null } })));
  assert.deepEqual(none, { mailId: null, smsId: null });
});

test('a transaction that rolls back leaves nothing to send', async () => {
  const before = await database.db.selectFrom('outbox_sms').select('id').execute();
  await assert.rejects(
    database.db.transaction().execute(async (trx) => {
      await notifyApplicant(trx, platform, notice('receipt', { applicant: { name: 'Phạm Thu', email: 'thu@example.vn', phone: '0971 222 333' } }));
      throw new Error('the action failed');
    }),
    /the action failed/,
  );
  assert.equal((await database.db.selectFrom('outbox_sms').select('id').execute()).length, before.length);
  assert.equal((await database.db.selectFrom('outbox_mail').select('id').where('to_address', '=', 'thu@example.vn').execute()).length, 0);
});
