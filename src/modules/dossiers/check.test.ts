// Issue 9: "check your answers" before submitting — the form posts to the draft (files kept with it), the check page
// shows every answer with a change link, the files, the fee and the expected date, and submits; Form 01 prints the
// answers and where the result is to be received.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { testApp, type TestApp } from '../../testing/app.ts';
import { SAMPLE_POSTS } from '../eforms/testing.ts';
import { importCatalogue } from '../procedures/index.ts';
import { recordsFor } from '../procedures/testing.ts';
import { registryLicence } from '../licences/testing.ts';
import { submitDossier } from './submit.ts';
import { postMultipart, prepareDossierTests, PROC, registerCitizen, TINY, type Part, type TestCitizen } from './testing.ts';

let app: TestApp;
let hoa: TestCitizen;
before(async () => {
  app = await testApp();
  await prepareDossierTests(app);
  const records = recordsFor(['3.000347']).map((r, i) => ({ line: i + 1, data: r.data }));
  await importCatalogue(app.database.db, records, { effectiveFrom: '2025-01-01', source: 'test', actor: { id: null, label: 'test' } });
  hoa = await registerCitizen(app, 31);
  // 3.000347 renews only a licence in the registry (Circular 12/2025/TT-BCA Art. 21): hoa holds the sample's.
  await registryLicence(app, { holderPin: hoa.personalId, number: SAMPLE_POSTS['3.000347']?.['licence.number'] as string, expiresOn: '2026-04-01' });
});
after(async () => {
  await app.close();
});

const FORM = `/dich-vu-cong/${PROC.online.code}/nop`;
const CHECK = `${FORM}/kiem-tra`;
const decoded = (html: string): string => html.replaceAll('&#39;', "'").replaceAll('&quot;', '"').replaceAll('&amp;', '&');

function tokens(html: string): { csrf: string; token: string } {
  const csrf = /name="_csrf" value="([^"]+)"/.exec(html)?.[1];
  const token = /name="_token" value="([^"]+)"/.exec(html)?.[1];
  assert.ok(csrf && token);
  return { csrf, token };
}

function parts(values: Record<string, string>): Part[] {
  return Object.entries(values).map(([name, value]) => ({ name, value }));
}

function answers(c: TestCitizen, over: Record<string, string> = {}): Record<string, string> {
  return {
    agency_code: '000.00.20.H26',
    'applicant.fullName': c.name,
    'applicant.personalId': c.personalId,
    'applicant.phone': '0912345678',
    'applicant.email': c.email,
    'applicant.address.commune': '00070',
    'applicant.address.street': '12 phố Hàng Bạc',
    details: 'Đề nghị cấp giấy xác nhận',
    ...over,
  };
}

const pdfFile: Part = { name: 'files.doc1', file: { filename: 'tờ-khai.pdf', content: TINY.pdf, type: 'application/pdf' } };

async function dossierCount(): Promise<number> {
  return (await sql<{ n: number }>`select count(*)::int as n from dossiers`.execute(app.database.db)).rows[0]?.n ?? 0;
}

async function pdfText(body: Buffer): Promise<string | undefined> {
  if (!existsSync('/usr/bin/pdftotext')) return undefined;
  const dir = mkdtempSync(join(tmpdir(), 'egov-check-'));
  writeFileSync(join(dir, 'f.pdf'), body);
  return execFileSync('pdftotext', ['-enc', 'UTF-8', join(dir, 'f.pdf'), '-'], { encoding: 'utf8' }).normalize('NFC').replace(/\s+/g, ' ');
}

test('"Tiếp tục" keeps the answers and the file with the draft and shows every answer with a change link, the file, the fee and the date; submitting from there files the dossier', async () => {
  const before = await dossierCount();
  const page = await hoa.client.get(FORM);
  assert.match(page.body, /<button type="submit" name="_action" value="check">Tiếp tục<\/button>/);
  const t = tokens(page.body);
  const res = await postMultipart(app, hoa.client, FORM, [...parts({ _csrf: t.csrf, _token: t.token, _action: 'check', ...answers(hoa) }), pdfFile]);
  assert.equal(res.statusCode, 303, res.body.slice(0, 2000));
  assert.equal(res.headers.location, CHECK);
  assert.equal(await dossierCount(), before, 'nothing is submitted yet');

  const check = await hoa.client.get(CHECK);
  assert.equal(check.statusCode, 200);
  const html = decoded(check.body);
  assert.match(html, /<h1>Kiểm tra lại thông tin hồ sơ<\/h1>/);
  assert.match(html, /<dt>Nội dung đề nghị<\/dt><dd><span>Đề nghị cấp giấy xác nhận<\/span> <a href="\/dich-vu-cong\/1\.999001\/nop#f-details"><span>Thay đổi<\/span>/);
  assert.match(html, /12 phố Hàng Bạc, Phường Hoàn Kiếm, Thành phố Hà Nội/);
  assert.match(html, /href="\/dich-vu-cong\/1\.999001\/nop#f-agency"/, 'the agency can be changed too');
  assert.match(html, /tờ-khai\.pdf/, 'the file kept with the draft');
  assert.match(html, /href="\/dich-vu-cong\/1\.999001\/nop#f-files-doc1"/);
  assert.match(html, /<strong>50\.000 đ<\/strong>/, 'the fee');
  assert.match(html, /Ngày hẹn trả kết quả dự kiến \(nếu nộp bây giờ\)<\/dt><dd><strong>\d{2}\/\d{2}\/\d{4}<\/strong>/, 'the expected date');

  // "Change" goes back to the form with the answers and the kept file listed.
  const back = decoded((await hoa.client.get(FORM)).body);
  assert.match(back, /value="Đề nghị cấp giấy xác nhận"|>Đề nghị cấp giấy xác nhận</);
  assert.match(back, /Tệp đã tải lên[^<]*<\/p><ul><li>[^<]*tờ-khai\.pdf/);

  const c = tokens(check.body);
  const sent = await hoa.client.postForm(CHECK, { _csrf: c.csrf, _token: c.token });
  assert.equal(sent.statusCode, 303, sent.body.slice(0, 2000));
  const code = decodeURIComponent(/^\/ho-so\/([^/]+)\/bien-nhan$/.exec(String(sent.headers.location))?.[1] ?? '');
  assert.ok(code);
  const row = await sql<{ form_data: { details: string }; n: number }>`
    select d.form_data, (select count(*)::int from dossier_files f where f.dossier_id = d.id) as n from dossiers d where d.code = ${code}`.execute(app.database.db);
  assert.equal(row.rows[0]?.form_data.details, 'Đề nghị cấp giấy xác nhận');
  assert.equal(row.rows[0]?.n, 1, 'the kept file is the dossier’s');
  const left = await sql<{ n: number }>`select count(*)::int as n from dossier_draft_files where account_id = ${hoa.user.id}`.execute(app.database.db);
  assert.equal(left.rows[0]?.n, 0, 'the draft and its files are gone');
  // A second click finds the same dossier.
  const again = await hoa.client.postForm(CHECK, { _csrf: c.csrf, _token: c.token });
  assert.equal(again.headers.location, sent.headers.location);

  const text = await pdfText((await hoa.client.get(`/ho-so/${code}/mau-01.pdf`)).rawPayload);
  if (text !== undefined) {
    assert.match(text, /Đăng ký nhận kết quả tại: Cổng dịch vụ công \(trực tuyến\)/);
    assert.match(text, /PHỤ LỤC: NỘI DUNG TỜ KHAI/);
    assert.match(text, /Nội dung đề nghị: Đề nghị cấp giấy xác nhận/);
  }
});

test('a missing answer or document stops at the form with the errors, never at the check page', async () => {
  await sql`delete from dossier_drafts where account_id = ${hoa.user.id}`.execute(app.database.db);
  await sql`delete from dossier_draft_files where account_id = ${hoa.user.id}`.execute(app.database.db);
  const t = tokens((await hoa.client.get(FORM)).body);
  const res = await postMultipart(app, hoa.client, FORM, parts({ _csrf: t.csrf, _token: t.token, _action: 'check', ...answers(hoa, { 'applicant.personalId': '' }) }));
  assert.equal(res.statusCode, 400);
  assert.match(res.body, /class="error-summary"/);
  assert.match(res.body, /href="#f-applicant-personalId"/);
  assert.match(res.body, /href="#f-files-doc1"/);
  // The check page sends back to the form while the draft is not complete.
  const check = await hoa.client.get(CHECK);
  assert.equal(check.statusCode, 400);
  assert.match(check.body, /href="#f-applicant-personalId"/);
});

test('Form 01 prints the result delivery chosen on the e-form: by post with the address, or at the counter', async () => {
  const submit = async (delivery: Record<string, string>) => {
    const { dossier } = await submitDossier(
      app.platform,
      hoa.user,
      { procedureCode: '3.000347', form: { ...SAMPLE_POSTS['3.000347'], 'applicant.personalId': hoa.personalId, ...delivery }, files: [{ docKey: 'portrait', filename: 'anh.jpg', content: TINY.jpeg }, { docKey: 'licenceCopy', filename: 'gplx.pdf', content: TINY.pdf }] },
      { via: 'web', now: new Date('2026-03-10T03:00:00Z') },
    );
    return pdfText((await hoa.client.get(`/ho-so/${dossier.code}/mau-01.pdf`)).rawPayload);
  };
  const post = await submit({ delivery: 'post', 'postalAddress.commune': '00004', 'postalAddress.street': '8 phố Quán Thánh' });
  if (post !== undefined) assert.match(post, /Đăng ký nhận kết quả tại: Dịch vụ bưu chính công ích, gửi đến địa chỉ: 8 phố Quán Thánh, Phường Ba Đình, Thành phố Hà Nội/);
  const counter = await submit({ delivery: 'counter' });
  if (counter !== undefined) {
    assert.match(counter, /Đăng ký nhận kết quả tại: Bộ phận Tiếp nhận và Trả kết quả/);
    assert.match(counter, /Cách nhận giấy phép lái xe mới: Nhận tại nơi nộp hồ sơ/, 'the annex');
  }
});
