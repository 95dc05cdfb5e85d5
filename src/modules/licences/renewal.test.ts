// Penalty cases, revoke/replace, the online renewal 3.000347 fed by the registry (the form prefilled, a licence with an
// open case refused with nothing saved, the back office's approval issuing the renewed licence and the applicant's
// page showing the e-licence with its QR code; a number the registry does not hold refused at submission and at
// approval), and the notice a month before expiry through a real SMTP server on
// loopback. PGlite, or PostgreSQL with TEST_DATABASE_URL.
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { SMTPServer } from 'smtp-server';
import { listAudit } from '../../platform/audit/index.ts';
import { addDays, vietnamDateOf } from '../../platform/calendar/dates.ts';
import type { Role, SessionUser } from '../../platform/auth/roles.ts';
import { AppError } from '../../platform/http/errors.ts';
import { type TestApp, type TestClient, testApp } from '../../testing/app.ts';
import { createStaffAccount } from '../accounts/index.ts';
import { takeAction } from '../backoffice/index.ts';
import { seedWorkflows } from '../backoffice/testing.ts';
import { SAMPLE_POSTS } from '../eforms/testing.ts';
import { submitDossier } from '../dossiers/index.ts';
import { prepareDossierTests, registerCitizen, TINY, type TestCitizen } from '../dossiers/testing.ts';
import { importCatalogue } from '../procedures/index.ts';
import { recordsFor } from '../procedures/testing.ts';
import { staff, Role as R } from '../documents/testing.ts';
import { closeCase, importLicences, licencesOfCitizen, openCase, sendExpiryNotices } from './index.ts';
import { fails } from './testing.ts';

const HEADER = 'so,so_dinh_danh,ho_ten,ngay_sinh,hang,hang_cu,ngay_cap,ngay_het_han,han_che';
const TODAY = vietnamDateOf(new Date());
const SOON = addDays(TODAY, 20);
const inbox: { to: string[]; raw: string }[] = [];
const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS', 'AUTH'],
  logger: false,
  onData(stream, session, callback) {
    const chunks: Buffer[] = [];
    stream.on('data', (c: Buffer) => chunks.push(c));
    stream.on('end', () => {
      inbox.push({ to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString('utf8') });
      callback();
    });
  },
});

let app: TestApp;
let officer: SessionUser;
let officerClient: TestClient;
let an: TestCitizen;

before(async () => {
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  const { port } = smtp.server.address() as AddressInfo;
  app = await testApp({ env: { SMTP_URL: `smtp://127.0.0.1:${port}`, EGOV_BASE_URL: 'https://dichvucong.example.vn' } });
  await prepareDossierTests(app);
  await importCatalogue(app.database.db, recordsFor(['3.000347']).map((r, i) => ({ line: i + 1, data: r.data })), { effectiveFrom: '2025-01-01', source: 'test', actor: { id: null, label: 'test' } });
  await seedWorkflows(app.database.db);
  const o = await staff(app, 'gplx.doi', [R.licenceOfficer], '000.00.16.H26');
  officer = o.user;
  officerClient = o.client;
  an = await registerCitizen(app, 61, 'Nguyễn Văn An');
  const csv = [
    HEADER,
    `010100099001,${an.personalId},Nguyễn Văn An,1990-05-12,B,,2016-12-25,${SOON},`,
    `010100099002,${an.personalId},Nguyễn Văn An,1990-05-12,B2,x,2015-01-01,${addDays(TODAY, -100)},`,
    `010100099003,${an.personalId},Nguyễn Văn An,1990-05-12,A1,,2016-01-01,,`,
    `010100099004,001090077777,Phạm Bình,1980-01-01,C,,2022-01-01,${addDays(TODAY, 25)},`,
  ].join('\n');
  const r = await importLicences(app.platform, officer, csv, { today: TODAY });
  assert.ok(r.ok, JSON.stringify(r));
});
after(async () => {
  await app?.close();
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
});

const dossierCount = async () => Number((await sql<{ n: string }>`select count(*)::text as n from dossiers`.execute(app.database.db)).rows[0]?.n);
const statusOf = async (n: string) => (await sql<{ status: string; status_reason: string | null }>`select status, status_reason from licences where number = ${n}`.execute(app.database.db)).rows[0];

function renewalPost(number: string, changes: Record<string, string> = {}): Record<string, string> {
  return { ...SAMPLE_POSTS['3.000347'], 'applicant.fullName': an.name, 'applicant.personalId': an.personalId, 'applicant.phone': an.phone, 'licence.number': number, healthCheckDate: addDays(TODAY, -10), ...changes };
}
const FILES = [
  { docKey: 'portrait', filename: 'anh.jpg', content: TINY.jpeg },
  { docKey: 'licenceCopy', filename: 'gplx.pdf', content: TINY.pdf },
];
const submitRenewal = (form: Record<string, string>) => submitDossier(app.platform, an.user, { procedureCode: '3.000347', form, files: FILES }, { via: 'web' });

async function rejects(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected a refusal');
}

test('a penalty case opened by the licence officer makes the licence "violation being processed"; closing it lifts that; both audited', async () => {
  await openCase(app.platform, officer, '010100099002', { caseDecision: 'BB 0457/CSGT', openedOn: TODAY });
  await assert.rejects(openCase(app.platform, officer, '010100099002', { caseDecision: 'BB 0457/CSGT', openedOn: TODAY }), fails('DUPLICATE_CASE'));
  await assert.rejects(openCase(app.platform, an.user, '010100099002', { caseDecision: 'BB 1', openedOn: TODAY }), fails('FORBIDDEN'));
  const bad = await rejects(openCase(app.platform, officer, '010100099002', { caseDecision: '', openedOn: addDays(TODAY, 1) }));
  assert.deepEqual(bad.fields.map((f) => f.field), ['caseDecision', 'openedOn']);
  let held = await licencesOfCitizen(app.platform, an.user.id);
  const b2 = held.find((l) => l.number === '010100099002')!;
  assert.equal(b2.violationPending, true);
  assert.ok(!b2.renewal.ok && b2.renewal.code === 'VIOLATION_PENDING');
  const caseId = (await sql<{ id: number }>`select id from licence_cases where decision = 'BB 0457/CSGT'`.execute(app.database.db)).rows[0]!.id;
  await closeCase(app.platform, officer, '010100099002', String(caseId), { outcome: 'Đã nộp phạt', closedOn: TODAY });
  await assert.rejects(closeCase(app.platform, officer, '010100099002', String(caseId), { outcome: 'x', closedOn: TODAY }), fails('CASE_CLOSED'));
  held = await licencesOfCitizen(app.platform, an.user.id);
  const after = held.find((l) => l.number === '010100099002')!;
  assert.equal(after.violationPending, false);
  assert.ok(after.renewal.ok && after.renewal.to === 'B' && after.renewal.test === 'theory', 'B2 → B; expired < 1 year: the theory test');
  const actions = (await listAudit(app.database.db, { entity: 'licence' })).map((a) => a.action);
  assert.ok(actions.includes('licences.case-opened') && actions.includes('licences.case-closed'));
});

test('the officer records and closes a case, and revokes a licence, from its page: errors shown back, a confirmation step, audited', async () => {
  const page = '/quan-ly/gplx/010100099004';
  const bad = await officerClient.submit(page, { caseDecision: '', openedOn: TODAY }, `${page}/vu-viec`);
  assert.equal(bad.statusCode, 400);
  assert.match(bad.body, /Số biên bản hoặc quyết định: cần 1 đến 60 ký tự/);
  assert.equal((await officerClient.submit(page, { caseDecision: 'QĐ 12/XPHC', openedOn: TODAY }, `${page}/vu-viec`)).statusCode, 303);
  const shown = await officerClient.get(page);
  assert.match(shown.body, /QĐ 12\/XPHC/);
  assert.match(shown.body, /Đang có vụ việc vi phạm chưa xử lý xong/);
  const caseId = /<option value="(\d+)"/.exec(shown.body)?.[1] ?? '';
  assert.equal((await officerClient.submit(page, { caseId, outcome: 'Quyết định bị hủy', closedOn: TODAY }, `${page}/vu-viec/dong`)).statusCode, 303);
  const noReason = await officerClient.submit(page, { kind: 'revoked', reason: ' ' }, `${page}/thu-hoi`);
  assert.equal(noReason.statusCode, 400);
  const confirm = await officerClient.submit(page, { kind: 'revoked', reason: 'Giấy phép cấp sai <đối tượng> & điều kiện' }, `${page}/thu-hoi`);
  assert.equal(confirm.statusCode, 200);
  assert.match(confirm.body, /Xác nhận thu hồi giấy phép 010100099004/);
  assert.equal((await statusOf('010100099004'))?.status, 'valid', 'nothing changed before the confirmation');
  const done = await officerClient.submit(page, { kind: 'revoked', reason: 'Giấy phép cấp sai <đối tượng> & điều kiện', confirm: '1' }, `${page}/thu-hoi`);
  assert.equal(done.statusCode, 303);
  assert.deepEqual(await statusOf('010100099004'), { status: 'revoked', status_reason: 'Giấy phép cấp sai <đối tượng> & điều kiện' });
  const again = await officerClient.submit(page, { kind: 'replaced', reason: 'x', confirm: '1' }, `${page}/thu-hoi`);
  assert.equal(again.statusCode, 409);
  assert.ok((await listAudit(app.database.db, { entity: 'licence' })).some((a) => a.action === 'licences.revoked'));
});

test('the renewal form is prefilled from the registry: the licences in force to pick from, what each renewal needs', async () => {
  const page = await an.client.get('/dich-vu-cong/3.000347/nop');
  assert.equal(page.statusCode, 200);
  const radios = page.body.slice(page.body.indexOf('name="licence.number"') - 300, page.body.indexOf('licence.class') + 10);
  assert.match(radios, /value="010100099002" checked/, "the one due soonest is picked first");
  assert.match(page.body, /010100099001 — hạng B, có giá trị đến [^:]+: đổi sang hạng B; cần giấy khám sức khỏe; không phải sát hạch lại/);
  assert.match(page.body, /010100099002 — hạng B2 \(hạng cũ\)[^:]+: đổi sang hạng B; cần giấy khám sức khỏe; hết hạn dưới 1 năm: phải sát hạch lại lý thuyết/);
  assert.match(page.body, /010100099003 — hạng A1, không thời hạn: Không đổi được:/);
  assert.match(page.body, /name="applicant\.birthDate"[^>]*value="12\/05\/1990"|value="1990-05-12"/);
});

test('a licence with an open case is refused at submission with the reason and nothing is saved; the form shows back what was typed', async () => {
  await openCase(app.platform, officer, '010100099001', { caseDecision: 'BB 9/2026', openedOn: TODAY });
  const before = await dossierCount();
  const e = await rejects(submitRenewal(renewalPost('010100099001')));
  assert.equal(e.code, 'INVALID_DOSSIER');
  assert.match(e.fields.find((f) => f.field === 'licence.number')?.message.en ?? '', /violation on this licence is still being processed/);
  assert.equal(await dossierCount(), before);
  const page = await an.client.submit('/dich-vu-cong/3.000347/nop', { ...renewalPost('010100099001'), 'applicant.residence.street': '7 phố Hàng Đào' }, '/dich-vu-cong/3.000347/nop');
  assert.equal(page.statusCode, 400);
  assert.match(page.body, /Giấy phép đang có vi phạm chưa xử lý xong/);
  assert.match(page.body, /7 phố Hàng Đào/);
  const other = await rejects(submitRenewal(renewalPost('010100099004')));
  assert.match(other.fields[0]?.message.en ?? '', /not the applicant’s/);
  const noHealth = await rejects(submitRenewal(renewalPost('010100099002', { healthCheckDate: addDays(TODAY, -400) })));
  assert.ok(noHealth.fields.some((f) => f.field === 'healthCheckDate'));
  const caseId = (await sql<{ id: number }>`select id from licence_cases where decision = 'BB 9/2026'`.execute(app.database.db)).rows[0]!.id;
  await closeCase(app.platform, officer, '010100099001', String(caseId), { outcome: 'Đã nộp phạt', closedOn: TODAY });
});

async function staffAt(agencyId: number, role: Role, n: string): Promise<SessionUser> {
  const username = `gplx.${n}`;
  const id = await createStaffAccount(app.database.db, { username, full_name: `Cán bộ ${n}`, email: `${username}@example.vn`, phone: '', agency_id: agencyId, roles: [role], password: 'Matkhau2025' }, { id: null, label: 'test' });
  return { id, username, displayName: `Cán bộ ${n}`, kind: 'staff', roles: [role], agencyId, agencyName: '' };
}

test('submitted, then approved in the back office: the registry issues the renewed licence, the old one replaced; the applicant sees the e-licence and its QR verifies', async () => {
  const { dossier } = await submitRenewal(renewalPost('010100099001', { 'licence.class': 'A', 'licence.expiryDate': '2030-01-01' }));
  assert.equal(dossier.feeTotalDong, 135_000);
  assert.deepEqual(dossier.formData.licence, { number: '010100099001', class: 'B', expiryDate: SOON }, 'the class and expiry stored are the registry’s');
  const act = (u: SessionUser, action: string) => takeAction(app.platform, u, dossier.code, { action }, { via: 'web' });
  await act(await staffAt(dossier.agencyId, R.oneStopOfficer, 'motcua'), 'accept');
  const handling = Number((await sql<{ h: string }>`select coalesce(handling_agency_id, agency_id)::text as h from dossiers where code = ${dossier.code}`.execute(app.database.db)).rows[0]?.h);
  await act(await staffAt(handling, R.specialist, 'chuyenvien'), 'submit_for_approval');
  await act(await staffAt(handling, R.leader, 'lanhdao'), 'approve');
  assert.equal((await statusOf('010100099001'))?.status, 'replaced');
  const fresh = (await sql<{ number: string; licence_class: string; expires_on: string; verify_token: string; old: boolean }>`
    select number, licence_class, to_char(expires_on, 'YYYY-MM-DD') as expires_on, verify_token, old from licences where dossier_code = ${dossier.code}`.execute(app.database.db)).rows[0];
  assert.ok(fresh);
  assert.equal(fresh.licence_class, 'B');
  assert.equal(fresh.expires_on, `${Number(TODAY.slice(0, 4)) + 10}${TODAY.slice(4)}`.replace(/-02-29$/, '-02-28'), 'class B: ten years');
  assert.ok((await listAudit(app.database.db, { entity: 'licence' })).some((a) => a.action === 'licences.renewed'));
  const mine = await an.client.get(`/ho-so-cua-toi/${dossier.code}`);
  assert.equal(mine.statusCode, 200);
  assert.match(mine.body, /Giấy phép lái xe điện tử đã cấp/);
  assert.match(mine.body, /src="data:image\/svg\+xml;base64,/);
  assert.ok(mine.body.includes(`https://dichvucong.example.vn/xac-minh-gplx/${fresh.verify_token}`));
  const verify = await app.client().get(`/xac-minh-gplx/${fresh.verify_token}`);
  assert.equal(verify.statusCode, 200);
  assert.match(verify.body, /Còn hiệu lực/);
  assert.ok(!verify.body.includes(an.name) && !verify.body.includes(an.personalId), 'no personal data');
  const old = (await sql<{ verify_token: string }>`select verify_token from licences where number = '010100099001'`.execute(app.database.db)).rows[0]!;
  assert.match((await app.client().get(`/xac-minh-gplx/${old.verify_token}`)).body, /Đã được thay bằng giấy phép khác/);
});

const UNKNOWN = '010100088888';
const notInRegistry = (e: AppError) => e.fields.find((f) => f.field === 'licence.number')?.message;

test('a number the registry does not hold is refused beside the field on every channel, nothing saved; the form says plainly when the citizen holds none', async () => {
  const before = await dossierCount();
  const web = await rejects(submitRenewal(renewalPost(UNKNOWN)));
  assert.equal(web.code, 'INVALID_DOSSIER');
  assert.equal(notInRegistry(web)?.vi, `Giấy phép lái xe số ${UNKNOWN} không có trong cơ sở dữ liệu giấy phép lái xe; không thể đổi trực tuyến. Vui lòng liên hệ cơ quan Công an.`);
  assert.match(notInRegistry(web)?.en ?? '', new RegExp(`Driving licence number ${UNKNOWN} is not in the driving licence registry`));
  // At the counter the officer applies for the form's applicant: the same refusal.
  const centre = Number((await sql<{ id: string }>`select id::text from agencies where code = '000.00.20.H26'`.execute(app.database.db)).rows[0]?.id);
  const desk = await staffAt(centre, R.oneStopOfficer, 'quay');
  const counter = await rejects(submitDossier(app.platform, desk, { procedureCode: '3.000347', form: renewalPost(UNKNOWN), files: FILES }, { via: 'web', channel: 'counter' }));
  assert.ok(notInRegistry(counter)?.vi.includes(UNKNOWN), JSON.stringify(counter.fields));
  assert.equal(await dossierCount(), before, 'nothing saved');
  // A citizen the registry holds no licence for: the form says so above it; the number stays a text field, and a
  // number typed anyway is refused beside it with what was typed.
  const binh = await registerCitizen(app, 62, 'Phạm Văn Bình');
  const form = await binh.client.get('/dich-vu-cong/3.000347/nop');
  assert.equal(form.statusCode, 200);
  assert.match(form.body, /id="procedure-notice" role="note">\s*<p>Cơ sở dữ liệu giấy phép lái xe không có giấy phép nào còn hiệu lực mang số định danh cá nhân của bạn/);
  assert.ok(form.body.indexOf('procedure-notice') < form.body.indexOf('action="/dich-vu-cong/3.000347/nop"'), 'above the form');
  assert.match(form.body, /<input[^>]*name="licence\.number"[^>]*type="text"|<input[^>]*type="text"[^>]*name="licence\.number"/);
  const typed = { ...renewalPost(UNKNOWN), 'applicant.fullName': binh.name, 'applicant.personalId': binh.personalId, 'applicant.phone': binh.phone };
  const page = await binh.client.submit('/dich-vu-cong/3.000347/nop', typed, '/dich-vu-cong/3.000347/nop');
  assert.equal(page.statusCode, 400);
  assert.match(page.body, new RegExp(`Giấy phép lái xe số ${UNKNOWN} không có trong cơ sở dữ liệu giấy phép lái xe`));
  assert.match(page.body, new RegExp(`name="licence\\.number"[^>]*value="${UNKNOWN}"|value="${UNKNOWN}"[^>]*name="licence\\.number"`));
  assert.equal(await dossierCount(), before, 'nothing saved');
  assert.doesNotMatch((await an.client.get('/dich-vu-cong/3.000347/nop')).body, /procedure-notice/, 'not shown to a holder');
});

test('the approval of a dossier whose licence the registry does not hold (one from before the rule) is refused and changes nothing', async () => {
  const { dossier } = await submitRenewal(renewalPost('010100099002'));
  await sql`update dossiers set form_data = jsonb_set(form_data, '{licence,number}', ${JSON.stringify(UNKNOWN)}::jsonb) where code = ${dossier.code}`.execute(app.database.db);
  const act = (u: SessionUser, action: string) => takeAction(app.platform, u, dossier.code, { action }, { via: 'web' });
  await act(await staffAt(dossier.agencyId, R.oneStopOfficer, 'motcua2'), 'accept');
  const handling = Number((await sql<{ h: string }>`select coalesce(handling_agency_id, agency_id)::text as h from dossiers where code = ${dossier.code}`.execute(app.database.db)).rows[0]?.h);
  await act(await staffAt(handling, R.specialist, 'chuyenvien2'), 'submit_for_approval');
  const statusBefore = (await sql<{ status: string }>`select status from dossiers where code = ${dossier.code}`.execute(app.database.db)).rows[0]?.status;
  await assert.rejects(act(await staffAt(handling, R.leader, 'lanhdao2'), 'approve'), fails('NOT_IN_REGISTRY'));
  assert.equal((await sql<{ status: string }>`select status from dossiers where code = ${dossier.code}`.execute(app.database.db)).rows[0]?.status, statusBefore);
  assert.equal((await sql`select 1 from licences where dossier_code = ${dossier.code}`.execute(app.database.db)).rows.length, 0, 'nothing issued');
  assert.equal((await statusOf('010100099002'))?.status, 'valid');
});

test('the notice a month before expiry is mailed once per licence and expiry, to the holder’s proven address, through SMTP', async () => {
  await sql`insert into licences (number, holder_pin, full_name, birth_date, licence_class, issued_on, expires_on, province_code, verify_token)
    values ('010100099009', ${an.personalId}, 'Nguyễn Văn An', '1990-05-12', 'C', '2022-01-01', ${addDays(TODAY, 30)}, '01', 'tok_notice_0123456789abcdef')`.execute(app.database.db);
  const first = await sendExpiryNotices(app.platform);
  assert.ok(first.noticed >= 1 && first.mailed >= 1);
  assert.deepEqual(await sendExpiryNotices(app.platform), { noticed: 0, mailed: 0 }, 'never twice');
  await app.platform.mailer.flush(app.database.db);
  for (let i = 0; i < 200 && !inbox.some((m) => m.raw.includes('010100099009')); i++) await new Promise((r) => setTimeout(r, 25));
  const mail = inbox.find((m) => m.raw.includes('010100099009'));
  assert.ok(mail, 'the notice arrived');
  assert.deepEqual(mail.to, [an.email]);
  assert.ok((await listAudit(app.database.db, { entity: 'licence' })).some((a) => a.action === 'licences.expiry-notice'));
});
