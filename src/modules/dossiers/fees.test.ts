// What a dossier of a real procedure is charged and when it is due, on receipt: the catalogue's fee rules evaluated
// for the day and channel (3.000347: 135.000 đồng, not 135.000 + 115.000), and the processing time the catalogue
// resolved (1.001193 "1": the same-day rule, counted by the calendar), on every paper that shows them.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { testApp, type TestApp } from '../../testing/app.ts';
import { importCatalogue } from '../procedures/index.ts';
import { recordsFor } from '../procedures/testing.ts';
import { SAMPLE_POSTS } from '../eforms/testing.ts';
import { registryLicence } from '../licences/testing.ts';
import { submitDossier } from './submit.ts';
import { prepareDossierTests, registerCitizen, TINY, type TestCitizen } from './testing.ts';

let app: TestApp;
let hoa: TestCitizen;
before(async () => {
  app = await testApp();
  await prepareDossierTests(app);
  const cases = {
    ma_thu_tuc: '1.999011',
    ten_thu_tuc: 'Cấp giấy phép thử nghiệm theo trường hợp',
    cap_thuc_hien: 'Cấp tỉnh',
    kenh_nop: 'Trực tuyến; Trực tiếp',
    co_nop_truc_tuyen: true,
    thoi_han_giai_quyet: '3 Ngày làm việc',
    phi_le_phi: 'Miễn phí(Lệ phí cấp mới 40.000đồng/lần; lệ phí cấp lại 20.000 đồng/lần.)',
    thanh_phan_ho_so: 'Đơn đề nghị1 bản chính',
  };
  const records = [...recordsFor(['3.000347', '1.001193']).map((r) => r.data), cases].map((data, i) => ({ line: i + 1, data }));
  await importCatalogue(app.database.db, records, { effectiveFrom: '2025-01-01', source: 'test', actor: { id: null, label: 'test' } });
  hoa = await registerCitizen(app, 7);
  // 3.000347 renews only a licence in the registry (Circular 12/2025/TT-BCA Art. 21): hoa holds the sample's.
  await registryLicence(app, { holderPin: hoa.personalId, number: SAMPLE_POSTS['3.000347']?.['licence.number'] as string, expiresOn: '2026-04-01' });
});
after(async () => {
  await app.close();
});

const submit = (procedureCode: string, form: Record<string, unknown>, files: { docKey: string; filename: string; content: Buffer }[], now: Date) =>
  submitDossier(app.platform, hoa.user, { procedureCode, form, files }, { via: 'web', now });

const licence = (now: Date) =>
  submit(
    '3.000347',
    { ...SAMPLE_POSTS['3.000347'], 'applicant.personalId': hoa.personalId },
    [
      { docKey: 'portrait', filename: 'anh.jpg', content: TINY.jpeg },
      { docKey: 'licenceCopy', filename: 'gplx.pdf', content: TINY.pdf },
    ],
    now,
  );
const birth = (now: Date) => submit('1.001193', SAMPLE_POSTS['1.001193'] ?? {}, [{ docKey: 'birthCertificate', filename: 'giay-chung-sinh.pdf', content: TINY.pdf }], now);

async function form01Text(code: string): Promise<string | undefined> {
  const pdf = await hoa.client.get(`/ho-so/${code}/mau-01.pdf`);
  assert.equal(pdf.statusCode, 200);
  if (!existsSync('/usr/bin/pdftotext')) return undefined;
  const dir = mkdtempSync(join(tmpdir(), 'egov-fees-'));
  writeFileSync(join(dir, 'f.pdf'), pdf.rawPayload);
  return execFileSync('pdftotext', ['-enc', 'UTF-8', join(dir, 'f.pdf'), '-'], { encoding: 'utf8' }).normalize('NFC').replace(/\s+/g, ' ');
}

const mailTo = async (code: string): Promise<string> =>
  (await sql<{ body_text: string }>`select body_text from outbox_mail where subject like ${`%${code}%`}`.execute(app.database.db)).rows[0]?.body_text ?? '';

test('driving-licence renewal 3.000347 online in 2026 is charged 135.000 đồng: on the dossier, the payment, the receipt, VietQR, Form 01 and the mail', async () => {
  const { dossier: d } = await licence(new Date('2026-03-10T03:00:00Z'));
  assert.deepEqual([d.feeTotalDong, d.paymentStatus], [135_000, 'unpaid']);
  const pay = await sql<{ amount_dong: string }>`select amount_dong::text from payments where dossier_id = ${d.id}`.execute(app.database.db);
  assert.deepEqual(pay.rows, [{ amount_dong: '135000' }]);
  const receipt = await hoa.client.get(`/ho-so/${d.code}/bien-nhan`);
  assert.match(receipt.body, /alt="Mã VietQR thanh toán 135\.000 đ cho hồ sơ /);
  assert.doesNotMatch(receipt.body, /250\.000 đ/);
  assert.match(await mailTo(d.code), /Phí, lệ phí: 135\.000 đ/);
  const text = await form01Text(d.code);
  if (text !== undefined) {
    assert.match(text, /6\. Phí, lệ phí: 135\.000 đ \(chưa thanh toán\)/);
    assert.match(text, /3\. Thời gian giải quyết hồ sơ theo quy định: 5 ngày làm việc/);
  }
});

test('the submission form shows the fee that applies, not the lines of the text added up', async () => {
  const page = await hoa.client.get('/dich-vu-cong/3.000347/nop');
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /<strong>135\.000 đ<\/strong>/);
  assert.doesNotMatch(page.body, /115\.000 đ|250\.000 đ/);
});

test('birth registration 1.001193 ("1" in the catalogue) is due the same working day, or the next one after 15:00', async () => {
  const morning = (await birth(new Date('2026-03-10T03:00:00Z'))).dossier; // Tue 10:00
  assert.equal(morning.dueDate, '2026-03-10');
  assert.equal(morning.deadline?.explanation.vi, 'Nhận hồ sơ lúc 10:00 Thứ Ba 10/03/2026; giải quyết trong ngày; hạn trả kết quả Thứ Ba 10/03/2026.');
  const late = (await birth(new Date('2026-03-10T09:30:00Z'))).dossier; // Tue 16:30
  assert.equal(late.dueDate, '2026-03-11');
  assert.match(late.deadline?.explanation.vi ?? '', /sau 15:00 nên chuyển sang ngày làm việc tiếp theo/);
  const saturday = (await birth(new Date('2026-03-14T03:00:00Z'))).dossier;
  assert.equal(saturday.dueDate, '2026-03-16');
  assert.deepEqual([morning.feeTotalDong, morning.paymentStatus], [0, 'none'], 'free');

  assert.match(await mailTo(morning.code), /Ngày hẹn trả kết quả: /);
  assert.doesNotMatch(await mailTo(morning.code), /theo thông báo của cơ quan tiếp nhận/);
  const page = await hoa.client.get(`/ho-so/${late.code}/bien-nhan`);
  assert.match(page.body, /<strong>11\/03\/2026<\/strong>/);
  assert.match(page.body, /sau 15:00 nên chuyển sang ngày làm việc tiếp theo/, 'how the date was counted');
  const text = await form01Text(late.code);
  if (text !== undefined) {
    assert.match(text, /hẹn trả\): ngày 11\/03\/2026/);
    assert.match(text, /Thời gian giải quyết hồ sơ theo quy định: Trong ngày làm việc; nhận hồ sơ sau 15 giờ thì trả kết quả trong ngày làm việc tiếp theo/);
    assert.doesNotMatch(text, /theo quy định: 1 /);
  }
});

test('a fee that depends on the case is not charged online: the receipt, Form 01 and the mail say the agency settles it', async () => {
  const form = { applicant: { fullName: hoa.name, personalId: hoa.personalId, phone: '0912 345 678', email: hoa.email, address: { commune: '00070', street: '12 phố Hàng Bạc' } }, details: 'Cấp mới.' };
  const { dossier: d } = await submit('1.999011', form, [{ docKey: 'doc1', filename: 'don.pdf', content: TINY.pdf }], new Date('2026-03-10T03:00:00Z'));
  assert.deepEqual([d.feeTotalDong, d.paymentStatus], [0, 'none']);
  const receipt = await hoa.client.get(`/ho-so/${d.code}/bien-nhan`);
  assert.match(receipt.body, /cơ quan tiếp nhận tính và thu khi giải quyết hồ sơ/);
  assert.doesNotMatch(receipt.body, /VietQR/);
  assert.match(await mailTo(d.code), /Phí, lệ phí: cơ quan tiếp nhận tính và thu khi giải quyết hồ sơ/);
  const text = await form01Text(d.code);
  if (text !== undefined) assert.match(text, /6\. Phí, lệ phí: cơ quan tiếp nhận tính và thu khi giải quyết hồ sơ/);
  const page = await hoa.client.get('/dich-vu-cong/1.999011/nop');
  assert.match(page.body, /Lệ phí cấp mới<\/span><\/td><td class="num">40\.000 đ\/lần/);
  assert.match(page.body, /<strong>Tính và thu tại cơ quan tiếp nhận<\/strong>/);
});
