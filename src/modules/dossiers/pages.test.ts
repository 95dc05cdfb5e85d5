import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { testApp, type TestApp } from '../../testing/app.ts';
import { signInAs } from '../../testing/auth.ts';
import { findAgencyByCode } from '../units/index.ts';
import { formTokens, postMultipart, prepareDossierTests, PROC, registerCitizen, submissionFields, TINY, type Part, type TestCitizen } from './testing.ts';

let app: TestApp;
let hoa: TestCitizen;
let lan: TestCitizen;
before(async () => {
  app = await testApp({ env: { PAYMENTS_PROVIDER: 'simulated' } });
  await prepareDossierTests(app);
  hoa = await registerCitizen(app, 11);
  lan = await registerCitizen(app, 12, 'Trần Văn Lân');
});
after(async () => {
  await app.close();
});

const FORM = `/dich-vu-cong/${PROC.online.code}/nop`;

const pdfFile: Part = { name: 'files.doc1', file: { filename: 'tờ-khai.pdf', content: TINY.pdf, type: 'application/pdf' } };
const blankFile: Part = { name: 'files.doc2', file: { filename: '', content: Buffer.alloc(0) } };

async function submitted(c: TestCitizen, over: Record<string, string> = {}): Promise<string> {
  const page = await c.client.get(FORM);
  const res = await postMultipart(app, c.client, FORM, [...submissionFields(c, formTokens(page.body), over), pdfFile, blankFile]);
  assert.equal(res.statusCode, 303, res.body.slice(0, 2000));
  const code = /^\/ho-so\/([^/]+)\/bien-nhan$/.exec(String(res.headers.location))?.[1];
  assert.ok(code);
  return decodeURIComponent(code);
}

test('the form needs signing in, then shows the procedure, its fees, the prefilled e-form and a file input per document', async () => {
  const anonymous = await app.client().get(FORM);
  assert.equal(anonymous.statusCode, 303);
  assert.equal(anonymous.headers.location, `/dang-nhap?next=${encodeURIComponent(FORM)}`);
  const page = await hoa.client.get(FORM);
  assert.equal(page.statusCode, 200);
  const html = page.body;
  assert.match(html, new RegExp(PROC.online.name));
  assert.match(html, /50\.000 đ/);
  assert.match(html, /enctype="multipart\/form-data"/);
  assert.match(html, /name="applicant\.fullName"[^>]*value="Nguyễn Thị Hoa"|value="Nguyễn Thị Hoa"[^>]*name="applicant\.fullName"/);
  assert.match(html, new RegExp(`value="${hoa.personalId}"`));
  assert.match(html, new RegExp(`value="${hoa.email}"`));
  assert.match(html, /type="file"[^>]*name="files\.doc1"|name="files\.doc1"[^>]*type="file"/);
  assert.match(html, /name="files\.doc2"/);
  assert.match(html, /<option value="000\.00\.20\.H26" selected/);
  assert.match(html, /name="_action" value="draft"/);
  const en = await hoa.client.get(`${FORM}?lang=en`);
  assert.match(en.body, /Apply online/);
  assert.match(en.body, /Save draft/);
  await hoa.client.get('/?lang=vi');
});

test('errors: a summary at the top, each error beside its field, what was typed kept, nothing saved', async () => {
  const before = await sql<{ n: number }>`select count(*)::int as n from dossiers`.execute(app.database.db);
  const page = await hoa.client.get(FORM);
  const exe: Part = { name: 'files.doc1', file: { filename: 'to-khai.pdf', content: TINY.exe, type: 'application/pdf' } };
  const res = await postMultipart(app, hoa.client, FORM, [...submissionFields(hoa, formTokens(page.body), { 'applicant.personalId': '12345', details: 'Giữ lại nội dung này' }), exe, blankFile]);
  assert.equal(res.statusCode, 400);
  assert.match(res.body, /class="error-summary"/);
  assert.match(res.body, /<title>Lỗi: /, 'the title says the form was refused');
  assert.match(res.body, /class="error-summary" role="alert" tabindex="-1" autofocus/, 'the summary takes the focus');
  assert.match(res.body, /href="#f-applicant-personalId"/);
  assert.match(res.body, /href="#f-files-doc1"/);
  assert.match(res.body, /id="f-files-doc1-error"/);
  assert.match(res.body, /Tờ khai đề nghị cấp giấy xác nhận: /);
  assert.match(res.body, /Giữ lại nội dung này/);
  const after = await sql<{ n: number }>`select count(*)::int as n from dossiers`.execute(app.database.db);
  assert.deepEqual(after.rows, before.rows);
});

test('submit with a file → 303 to the receipt, with code, due date, fees, VietQR and Form 01 as an A5 PDF', async () => {
  const nfdStreet = '12 phố Hàng Bạc'.normalize('NFD');
  const code = await submitted(hoa, { 'applicant.address.street': nfdStreet, details: 'Xin cấp giấy'.normalize('NFD') });
  assert.match(code, /^000\.00\.20\.H26-\d{6}-\d{4}$/);
  const stored = await sql<{ applicant: { address: string }; form_data: { details: string } }>`select applicant, form_data from dossiers where code = ${code}`.execute(app.database.db);
  assert.equal(stored.rows[0]?.applicant.address, '12 phố Hàng Bạc, Phường Hoàn Kiếm, Thành phố Hà Nội');
  assert.equal(stored.rows[0]?.form_data.details, 'Xin cấp giấy');
  const receipt = await hoa.client.get(`/ho-so/${code}/bien-nhan`);
  assert.equal(receipt.statusCode, 200);
  const html = receipt.body;
  assert.match(html, new RegExp(code.replaceAll('.', '\\.')));
  assert.match(html, /Ngày hẹn trả kết quả/);
  assert.match(html, /<strong>\d{2}\/\d{2}\/\d{4}<\/strong>/);
  assert.match(html, /5 ngày làm việc/);
  assert.match(html, /50\.000 đ/);
  assert.match(html, /<img src="data:image\/svg\+xml;base64,[^"]+" alt="Mã VietQR thanh toán 50\.000 đ cho hồ sơ /);
  assert.match(html, /Nội dung chuyển khoản/);
  assert.match(html, /Thanh toán \(cổng giả lập\)/);

  const pdf = await hoa.client.get(`/ho-so/${code}/mau-01.pdf`);
  assert.equal(pdf.statusCode, 200);
  assert.equal(pdf.headers['content-type'], 'application/pdf');
  const bytes = pdf.rawPayload;
  assert.match(bytes.toString('latin1'), /\/MediaBox \[0 0 419\.53 595\.28\]/);
  if (existsSync('/usr/bin/pdftotext')) {
    const dir = mkdtempSync(join(tmpdir(), 'egov-form01-'));
    writeFileSync(join(dir, 'f.pdf'), bytes);
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', join(dir, 'f.pdf'), '-'], { encoding: 'utf8' }).normalize('NFC').replace(/\s+/g, ' ');
    assert.match(text, /GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ/);
    assert.ok(text.includes(code), text);
    assert.ok(text.includes(PROC.online.name), text);
    assert.ok(text.includes('tờ-khai.pdf'), text);
    assert.match(text, /CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM/);
  }
});

test('a multipart post without the CSRF token is refused before anything is saved', async () => {
  const page = await hoa.client.get(FORM);
  const t = formTokens(page.body);
  const res = await postMultipart(app, hoa.client, FORM, [...submissionFields(hoa, { ...t, csrf: 'forged-token-value' }), pdfFile]);
  assert.equal(res.statusCode, 403);
  const saved = await sql<{ n: number }>`select count(*)::int as n from dossiers where idempotency_key like ${`%:${t.token}`}`.execute(app.database.db);
  assert.equal(saved.rows[0]?.n, 0);
});

test('the same form token posted twice gives one dossier', async () => {
  const page = await hoa.client.get(FORM);
  const t = formTokens(page.body);
  const first = await postMultipart(app, hoa.client, FORM, [...submissionFields(hoa, t), pdfFile]);
  const second = await postMultipart(app, hoa.client, FORM, [...submissionFields(hoa, t), pdfFile]);
  assert.equal(first.statusCode, 303);
  assert.equal(second.headers.location, first.headers.location);
});

test('the public lookup shows the status, procedure, agency and due date but nothing personal, to whoever also gives the phone’s last 4 digits; the API likewise', async () => {
  const code = await submitted(hoa);
  const anonymous = app.client();
  const last4 = hoa.phone.replace(/\D/g, '').slice(-4);
  // The code alone, or with wrong digits, answers as an unknown code: consecutive codes cannot be counted through.
  for (const so of ['', '0000', 'abcd']) {
    const refused = await anonymous.get(`/tra-cuu-ho-so?ma=${encodeURIComponent(code)}&so=${so}`);
    assert.equal(refused.statusCode, 404, so);
    assert.match(refused.body, /Không tìm thấy hồ sơ/);
    assert.doesNotMatch(refused.body, /Chờ tiếp nhận/);
  }
  assert.equal((await anonymous.get(`/tra-cuu-ho-so?ma=${encodeURIComponent(code)}`)).statusCode, 404);
  const res = await anonymous.get(`/tra-cuu-ho-so?ma=${encodeURIComponent(code)}&so=${last4}`);
  assert.equal(res.statusCode, 200);
  assert.match(res.body, /Chờ tiếp nhận/);
  assert.ok(res.body.includes(code));
  for (const label of ['Thủ tục', 'Cơ quan tiếp nhận', 'Ngày hẹn trả kết quả']) assert.ok(res.body.includes(`<dt>${label}</dt>`), label);
  assert.ok(res.body.includes(PROC.online.name));
  assert.doesNotMatch(res.body, /Nguyễn Thị Hoa|Hàng Bạc|001190/);
  const missing = await anonymous.get('/tra-cuu-ho-so?ma=000.00.20.H26-200101-9999');
  assert.equal(missing.statusCode, 404);
  assert.match(missing.body, /Không tìm thấy hồ sơ/);
  assert.equal((await anonymous.get('/tra-cuu-ho-so?ma=abc')).statusCode, 400);
  assert.equal((await anonymous.get('/tra-cuu-ho-so')).statusCode, 200);
  const api = await anonymous.get(`/api/v1/dossiers/${encodeURIComponent(code)}/status?phone_last4=${last4}`);
  const a = api.json() as { code: string; status: string; status_label: { vi: string } };
  assert.deepEqual([a.code, a.status, a.status_label.vi], [code, 'received', 'Chờ tiếp nhận']);
  assert.equal((await anonymous.get(`/api/v1/dossiers/${encodeURIComponent(code)}/status`)).statusCode, 404);
});

test('my dossiers lists it with files and timeline; only the applicant gets the detail, the receipt and the files', async () => {
  const code = await submitted(hoa);
  const mine = await hoa.client.get('/ho-so-cua-toi');
  assert.equal(mine.statusCode, 200);
  assert.ok(mine.body.includes(code));
  assert.match(mine.body, /Tiếp nhận hồ sơ trực tuyến/);
  const fileHref = new RegExp(`href="(/ho-so/${code.replaceAll('.', '\\.')}/tep/\\d+)"`).exec(mine.body)?.[1];
  assert.ok(fileHref);
  const file = await hoa.client.get(fileHref);
  assert.equal(file.statusCode, 200);
  assert.equal(file.headers['content-type'], 'application/pdf');
  assert.match(String(file.headers['content-disposition']), /^attachment; .*filename\*=UTF-8''t%E1%BB%9D-khai\.pdf/);
  assert.deepEqual(file.rawPayload, TINY.pdf);
  assert.equal((await hoa.client.get(`/ho-so/${code}`)).statusCode, 200);

  for (const url of [`/ho-so/${code}`, `/ho-so/${code}/bien-nhan`, `/ho-so/${code}/mau-01.pdf`, fileHref]) {
    const other = await lan.client.get(url);
    assert.ok(other.statusCode === 404 || other.statusCode === 403, `${url}: ${other.statusCode}`);
    assert.doesNotMatch(other.body, /Nguyễn Thị Hoa/);
    const anonymous = await app.client().get(url);
    assert.equal(anonymous.statusCode, 303, url);
  }
  const theirs = await lan.client.get('/ho-so-cua-toi');
  assert.doesNotMatch(theirs.body, new RegExp(code.replaceAll('.', '\\.')));
});

test('staff of the receiving agency see the dossier and its files; staff of another agency do not', async () => {
  const code = await submitted(hoa);
  const agencyOf = async (c: string): Promise<number> => (await findAgencyByCode(app.database.db, c))?.id ?? 0;
  const officer = app.client();
  await signInAs(app.database.db, officer, { id: 900, kind: 'staff', roles: ['one_stop_officer'], agencyId: await agencyOf('000.00.20.H26') });
  const detail = await officer.get(`/ho-so/${code}`);
  assert.equal(detail.statusCode, 200);
  const fileHref = new RegExp(`href="(/ho-so/${code.replaceAll('.', '\\.')}/tep/\\d+)"`).exec(detail.body)?.[1];
  assert.ok(fileHref);
  assert.equal((await officer.get(fileHref)).statusCode, 200);
  assert.equal((await officer.get(`/ho-so/${code}/mau-01.pdf`)).statusCode, 200);
  const elsewhere = app.client();
  await signInAs(app.database.db, elsewhere, { id: 901, kind: 'staff', roles: ['one_stop_officer'], agencyId: await agencyOf('000.04.51.H26') });
  assert.equal((await elsewhere.get(`/ho-so/${code}`)).statusCode, 404);
  assert.equal((await elsewhere.get(fileHref)).statusCode, 404);
  // Staff do not submit on the citizens' form.
  assert.equal((await officer.get(FORM)).statusCode, 403);
});

test('a draft is saved on the server and comes back on another device', async () => {
  const page = await lan.client.get(FORM);
  const res = await postMultipart(app, lan.client, FORM, [...submissionFields(lan, formTokens(page.body), { _action: 'draft', details: 'Bản nháp của Lân' })]);
  assert.equal(res.statusCode, 303);
  assert.equal(res.headers.location, `${FORM}?nhap=da-luu`);
  const back = await lan.client.get(String(res.headers.location));
  assert.match(back.body, /Đã lưu bản nháp/);
  assert.match(back.body, /Bản nháp của Lân/);
  // Another device: a fresh sign-in of the same person.
  const other = app.client();
  const signIn = await other.submit('/dang-nhap', { identifier: lan.personalId, password: 'Matkhau2025' });
  assert.equal(signIn.statusCode, 303);
  const resumed = await other.get(FORM);
  assert.match(resumed.body, /Đã nạp bản nháp/);
  assert.match(resumed.body, /Bản nháp của Lân/);
  // Submitting clears the draft.
  await submitted(lan);
  assert.doesNotMatch((await lan.client.get(FORM)).body, /Bản nháp của Lân/);
});

test('paying through the simulated gateway marks the dossier paid, with a timeline event and an audit row', async () => {
  const code = await submitted(hoa);
  const receipt = await hoa.client.get(`/ho-so/${code}/bien-nhan`);
  const csrf = /name="_csrf" value="([^"]+)"/.exec(receipt.body)?.[1] ?? '';
  const intruder = await lan.client.postForm(`/ho-so/${code}/thanh-toan`, { _csrf: csrf });
  assert.ok(intruder.statusCode === 403 || intruder.statusCode === 404);
  const paid = await hoa.client.submit(`/ho-so/${code}/bien-nhan`, {}, `/ho-so/${code}/thanh-toan`);
  assert.equal(paid.statusCode, 303);
  assert.equal(paid.headers.location, `/ho-so/${code}/bien-nhan?paid=1`);
  const after = await hoa.client.get(String(paid.headers.location));
  assert.match(after.body, /Đã ghi nhận thanh toán/);
  assert.match(after.body, /Đã thanh toán/);
  assert.doesNotMatch(after.body, /data:image\/svg/);
  const rows = await sql<{ status: string; payment_status: string }>`select p.status, d.payment_status from payments p join dossiers d on d.id = p.dossier_id where d.code = ${code}`.execute(app.database.db);
  assert.deepEqual(rows.rows, [{ status: 'paid', payment_status: 'paid' }]);
  const again = await hoa.client.submit(`/ho-so/${code}/bien-nhan`, {}, `/ho-so/${code}/thanh-toan`);
  assert.equal(again.statusCode, 409);
});

test('a procedure without an online channel shows why, in Vietnamese and English', async () => {
  const res = await hoa.client.get(`/dich-vu-cong/${PROC.counterOnly.code}/nop`);
  assert.equal(res.statusCode, 400);
  assert.match(res.body, /không được nộp trực tuyến/);
  const en = await hoa.client.get(`/dich-vu-cong/${PROC.counterOnly.code}/nop?lang=en`);
  assert.match(en.body, /cannot be submitted online/);
  await hoa.client.get('/?lang=vi');
  assert.equal((await hoa.client.get('/dich-vu-cong/9.999999/nop')).statusCode, 404);
});
