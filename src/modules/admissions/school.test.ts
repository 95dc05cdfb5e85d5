// The school's side (issue 11 "Schools see and confirm their applicants"): an officer sees only their school's
// applicants, confirms an admitted one (audit row; the parent's page shows it), issues codes from a CSV file with every
// line shown back, and prints the letters.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { testApp, type TestApp, type TestClient } from '../../testing/app.ts';
import { makeStaff, signInWithForm } from '../accounts/testing.ts';
import { Role, type SessionUser } from '../../platform/auth/roles.ts';
import { DEMO_CHILDREN, type DemoChild } from './demo.ts';
import { seedAdmissionsDemo } from './seed.ts';
import { apply } from './service.ts';
import { attachOfficer, schoolApplicants } from './school.ts';

let app: TestApp;
let officer: TestClient;
let appNo = '';
const child = DEMO_CHILDREN[0] as DemoChild; // Nguyễn Minh An, Hoàn Kiếm: TH00070A's code, open grade-1 round
const schoolId = async (code: string): Promise<number> =>
  (await sql<{ id: number }>`select id from admission_schools where code = ${code}`.execute(app.database.db)).rows[0]?.id ?? 0;

before(async () => {
  app = await testApp();
  await seedAdmissionsDemo(app.platform);
  await attachOfficer(app.database.db, await makeStaff(app.database.db, 'truong.hk', [Role.schoolAdmissions]), await schoolId('TH00070A'));
  await attachOfficer(app.database.db, await makeStaff(app.database.db, 'truong.cg', [Role.schoolAdmissions]), await schoolId('TH00166A'));
  await makeStaff(app.database.db, 'motcua.x', [Role.oneStopOfficer]);
  appNo = (await apply(app.platform, { code: child.code, personalId: child.personalId, schoolCode: 'TH00070A', idempotencyKey: 'school-test-key-1' })).application.applicationNo;
  officer = app.client();
  await signInWithForm(officer, 'truong.hk');
});
after(async () => {
  await app.close();
});

test("the officer sees their school's applicants with count against places, filters and a CSV", async () => {
  const page = await officer.get('/truong/tuyen-sinh/TH00070A');
  assert.equal(page.statusCode, 200);
  assert.match(page.body, new RegExp(appNo));
  assert.match(page.body, /Nguyễn Minh An/);
  assert.match(page.body, /1 hồ sơ \/ \d+ chỉ tiêu/);
  assert.match(page.body, /class="cards-on-phone"/);
  assert.match(page.body, /data-label="Ngày sinh"/);
  const out = await officer.get('/truong/tuyen-sinh/TH00070A?catchment=out');
  assert.doesNotMatch(out.body, new RegExp(appNo));
  const admitted = await officer.get('/truong/tuyen-sinh/TH00070A?status=admitted');
  assert.doesNotMatch(admitted.body, new RegExp(appNo));
  const csv = await officer.get('/truong/tuyen-sinh/TH00070A/ho-so.csv');
  assert.equal(csv.headers['content-type'], 'text/csv; charset=utf-8');
  assert.match(csv.body, new RegExp(`${appNo},Nguyễn Minh An,2020-03-14,có,,Đã đăng ký,`));
  // The start page lists the officer's schools, and only theirs.
  const home = await officer.get('/truong/tuyen-sinh');
  assert.match(home.body, /href="\/truong\/tuyen-sinh\/TH00070A"/);
  assert.doesNotMatch(home.body, /TH00166A/);
  // The menu leads the officer to their pages, not to the one-stop office they may not open.
  assert.match(home.body, /<a href="\/truong\/tuyen-sinh"[^>]*>Tuyển sinh của trường<\/a>/);
  assert.doesNotMatch(home.body, /href="\/mot-cua"/);
});

test("another school's officer, other staff, a citizen and a visitor do not see the applicants", async () => {
  const other = app.client();
  await signInWithForm(other, 'truong.cg');
  assert.equal((await other.get('/truong/tuyen-sinh/TH00070A')).statusCode, 404);
  assert.equal((await other.get('/truong/tuyen-sinh/TH00070A/ho-so.csv')).statusCode, 404);
  assert.equal((await other.get('/truong/tuyen-sinh/TH00070A/giay-bao.pdf')).statusCode, 404);
  const own = await other.get('/truong/tuyen-sinh/TH00166A');
  assert.equal(own.statusCode, 200);
  assert.doesNotMatch(own.body, new RegExp(appNo));
  const clerk = app.client();
  await signInWithForm(clerk, 'motcua.x');
  assert.equal((await clerk.get('/truong/tuyen-sinh/TH00070A')).statusCode, 403);
  const citizen: SessionUser = { id: 1, username: 'x', displayName: 'x', kind: 'citizen', roles: [], agencyId: null, agencyName: null };
  await assert.rejects(schoolApplicants(app.platform, citizen, { schoolCode: 'TH00070A' }), /FORBIDDEN/);
  const visitor = await app.client().get('/truong/tuyen-sinh/TH00070A');
  assert.equal(visitor.statusCode, 303);
  assert.match(String(visitor.headers.location), /^\/dang-nhap/);
});

test('confirming: refused while registered, then admitted → confirmed with an audit row, and the parent sees it', async () => {
  const early = await officer.submit('/truong/tuyen-sinh/TH00070A', { application_no: appNo, confirm: 'yes' }, '/truong/tuyen-sinh/TH00070A/xac-nhan');
  assert.equal(early.statusCode, 409);
  assert.match(early.body, /Chỉ xác nhận nhập học được hồ sơ đã trúng tuyển/);
  // The office publishes the results (another page): the application is admitted.
  await sql`update admission_applications set status = 'admitted' where application_no = ${appNo}`.execute(app.database.db);
  const page = await officer.get('/truong/tuyen-sinh/TH00070A');
  assert.match(page.body, /Xác nhận nhập học/);
  const unticked = await officer.submit('/truong/tuyen-sinh/TH00070A', { application_no: appNo }, '/truong/tuyen-sinh/TH00070A/xac-nhan');
  assert.equal(unticked.statusCode, 400);
  assert.match(unticked.body, /Vui lòng đánh dấu ô xác nhận/);
  const other = app.client();
  await signInWithForm(other, 'truong.cg');
  const foreign = await other.submit('/truong/tuyen-sinh/TH00166A', { application_no: appNo, confirm: 'yes' }, '/truong/tuyen-sinh/TH00166A/xac-nhan');
  assert.equal(foreign.statusCode, 404);
  const ok = await officer.submit('/truong/tuyen-sinh/TH00070A', { application_no: appNo, confirm: 'yes' }, '/truong/tuyen-sinh/TH00070A/xac-nhan');
  assert.equal(ok.statusCode, 303);
  const after = await officer.get(String(ok.headers.location));
  assert.match(after.body, new RegExp(`Đã xác nhận nhập học hồ sơ ${appNo}`));
  const audit = await sql<{ actor_label: string; data: { before: string; after: string } }>`
    select actor_label, data from audit_log where action = 'admissions.confirm_enrolment'`.execute(app.database.db);
  assert.equal(audit.rows.length, 1);
  assert.equal(audit.rows[0]?.actor_label, 'truong.hk');
  assert.deepEqual([audit.rows[0]?.data.before, audit.rows[0]?.data.after], ['admitted', 'confirmed']);
  const parent = await app.client().submit('/tuyen-sinh/ho-so', { code: child.code, personal_id: child.personalId });
  assert.match(parent.body, /Đã xác nhận nhập học/);
  const again = await officer.submit('/truong/tuyen-sinh/TH00070A', { application_no: appNo, confirm: 'yes' }, '/truong/tuyen-sinh/TH00070A/xac-nhan');
  assert.equal(again.statusCode, 409);
});

function multipart(csrf: string, csv: string): { body: Buffer; type: string } {
  const b = 'egovboundary42';
  const body = [
    `--${b}\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${csrf}\r\n`,
    `--${b}\r\nContent-Disposition: form-data; name="files.csv"; filename="tre.csv"\r\nContent-Type: text/csv\r\n\r\n${csv}\r\n`,
    `--${b}--\r\n`,
  ].join('');
  return { body: Buffer.from(body, 'utf8'), type: `multipart/form-data; boundary=${b}` };
}

async function upload(c: TestClient, csv: string, lang = 'vi') {
  const url = '/truong/tuyen-sinh/TH00070A/ma-tuyen-sinh';
  const page = await c.get(url);
  const round = /giay-bao\.pdf\?round=(\d+)/.exec(page.body)?.[1] ?? '';
  const { body, type } = multipart(/name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? '', csv);
  const cookie = [...c.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  return app.server.inject({ method: 'POST', url: `${url}?round=${round}&lang=${lang}`, headers: { cookie, 'content-type': type }, payload: body });
}

const CSV = [
  'so_dinh_danh,ho_ten,ngay_sinh,ma_don_vi,khu_vuc',
  '001220009001,Hoàng Bảo Ngọc,2020-02-02,00070,Tổ 5',
  '001220009002,"Đặng Minh, Khôi",15/08/2020,00070,',
  '12345,Sai Số,2020-01-01,00070,',
  '001220009003,Quá Tuổi,2018-01-01,00070,',
  '001220009004,Sai Ngày,31/02/2020,00070,',
  '001220009005,Không Có Phường,2020-01-01,99999,',
  '001220009001,Trùng Dòng,2020-02-02,00070,',
  `${DEMO_CHILDREN[1]?.personalId},Trường Khác,2020-11-02,00166,`,
].join('\r\n');

test('codes from a CSV file: every line accepted or refused with its reason, idempotent, and the letters PDF', async () => {
  const first = await upload(officer, CSV);
  assert.equal(first.statusCode, 200);
  assert.match(first.body, /2 mã mới, 0 đã cấp trước, 6 dòng bị từ chối/);
  for (const reason of ['phải gồm 12 chữ số', 'không đúng độ tuổi', 'Ngày sinh không đúng', 'không có trong danh mục', 'đã có ở một dòng trước', 'trường khác cấp mã']) {
    assert.match(first.body, new RegExp(reason));
  }
  const codes = [...first.body.matchAll(/<code>(L1[A-Z0-9]{8})<\/code>/g)].map((m) => m[1]);
  assert.equal(codes.length, 2);
  const en = await upload(officer, CSV.replace(/\r\n0012200090(0[2-9])[^\r]*/g, ''));
  assert.equal(en.statusCode, 200);
  assert.match(en.body, /0 mã mới, 1 đã cấp trước/);
  assert.match(en.body, new RegExp(`<code>${codes[0]}</code>`));
  const english = await upload(officer, '12345,Sai Số,2020-01-01,00070,', 'en');
  assert.match(english.body, /0 new codes, 0 issued before, 1 lines refused/);
  assert.match(english.body, /Refused: The personal ID number must have 12 digits/);
  const n = await sql<{ n: number }>`select count(*)::int as n from admission_enrolment_codes e join admission_children c on c.id = e.child_id where c.personal_id like '0012200090%'`.execute(app.database.db);
  assert.equal(n.rows[0]?.n, 2);
  const audit = await sql<{ n: number }>`select count(*)::int as n from audit_log where action = 'admissions.issue_codes' and actor_label = 'truong.hk'`.execute(app.database.db);
  assert.equal(audit.rows[0]?.n, 1);

  const pdf = await officer.get('/truong/tuyen-sinh/TH00070A/giay-bao.pdf');
  assert.equal(pdf.headers['content-type'], 'application/pdf');
  if (!existsSync('/usr/bin/pdftotext')) return;
  const dir = mkdtempSync(join(tmpdir(), 'egov-letters-'));
  writeFileSync(join(dir, 'l.pdf'), pdf.rawPayload);
  const text = execFileSync('pdftotext', ['-enc', 'UTF-8', join(dir, 'l.pdf'), '-'], { encoding: 'utf8' }).normalize('NFC').replace(/\s+/g, ' ');
  for (const code of [...codes, child.code]) assert.ok(text.includes(code as string), `${code} in the letters`);
  assert.match(text, /GIẤY BÁO MÃ TUYỂN SINH/);
  assert.match(text, /Hoàng Bảo Ngọc/);
  assert.match(text, /Tuyển sinh lớp 1 năm học 2026–2027/);
  assert.match(text, /\/tuyen-sinh/);
  assert.doesNotMatch(text, /001220009001/, 'the full personal ID number is not printed');
});

test('a visitor cannot upload a file', async () => {
  const res = await upload(app.client(), CSV);
  assert.ok([401, 403, 303].includes(res.statusCode), String(res.statusCode));
});
