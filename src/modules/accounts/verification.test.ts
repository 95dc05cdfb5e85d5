// A citizen whose contacts are no longer proven cannot submit until one is verified again; then what the platform holds
// about them, on the "my data" page and in its JSON download. Uses the dossiers module's fixtures for the submission.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { testApp, type TestApp } from '../../testing/app.ts';
import { apiTokenFor } from '../../testing/auth.ts';
import { AppError } from '../../platform/http/errors.ts';
import { submitDossier } from '../dossiers/index.ts';
import { answersFor, postMultipart, prepareDossierTests, PROC, registerCitizen, TINY, type Part, type TestCitizen } from '../dossiers/testing.ts';
import { TEST_PASSWORD, lastCodeSentTo } from './testing.ts';
import { PRIVACY_NOTICE } from './messages-privacy.ts';

const FORM = `/dich-vu-cong/${PROC.online.code}/nop`;

let app: TestApp;
let hoa: TestCitizen;
before(async () => {
  app = await testApp();
  await prepareDossierTests(app);
  hoa = await registerCitizen(app, 71);
});
after(async () => {
  await app.close();
});

async function dossiers(): Promise<number> {
  return Number((await sql<{ n: number }>`select count(*)::int as n from dossiers`.execute(app.database.db)).rows[0]?.n);
}

/** Posts the e-form page as a browser would: its tokens, the answers and the declaration form's file. */
async function submitPage(c: TestCitizen) {
  const page = await c.client.get(FORM);
  const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
  const token = /name="_token" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
  const values: Record<string, string> = {
    _csrf: csrf,
    _token: token,
    agency_code: '000.00.20.H26',
    'applicant.fullName': c.name,
    'applicant.personalId': c.personalId,
    'applicant.phone': '0912345678',
    'applicant.email': c.email,
    'applicant.address.commune': '00070',
    'applicant.address.street': '12 phố Hàng Bạc',
    details: 'Đề nghị cấp giấy xác nhận',
  };
  const parts: Part[] = [...Object.entries(values).map(([name, value]) => ({ name, value })), { name: 'files.doc1', file: { filename: 'to-khai.pdf', content: TINY.pdf, type: 'application/pdf' } }];
  return postMultipart(app, c.client, FORM, parts);
}

test('a citizen whose phone and e-mail changed cannot submit until one is verified again', async () => {
  const changed = await hoa.client.submit('/tai-khoan', { full_name: hoa.name, phone: '0977 555 001', email: 'hoa.moi@example.vn', profile_password: TEST_PASSWORD }, '/tai-khoan/thong-tin');
  assert.equal(changed.statusCode, 303);
  const account = await hoa.client.get('/tai-khoan');
  assert.match(account.body, /id="unverified-banner"/);
  assert.match(account.body, /chưa nộp được hồ sơ trực tuyến/);
  assert.match(account.body, /href="\/tai-khoan\/xac-minh"/);

  const before = await dossiers();
  const page = await submitPage(hoa);
  assert.equal(page.statusCode, 403);
  assert.match(page.body, /Tài khoản chưa xác minh số điện thoại hoặc thư điện tử nên chưa nộp được hồ sơ/);
  assert.match(page.body, /<a href="\/tai-khoan\/xac-minh">Xác minh số điện thoại hoặc thư điện tử<\/a>/);
  const bearer = await apiTokenFor(app.database.db, hoa.user);
  const api = await app.server.inject({
    method: 'POST',
    url: '/api/v1/dossiers',
    headers: { authorization: `Bearer ${bearer}`, 'content-type': 'application/json' },
    payload: JSON.stringify({ procedure_code: PROC.online.code, form: answersFor(hoa) }),
  });
  assert.equal(api.statusCode, 403);
  const error = (api.json() as { error: { code: string; details: { link: { href: string } } } }).error;
  assert.equal(error.code, 'ACCOUNT_UNVERIFIED');
  assert.equal(error.details.link.href, '/tai-khoan/xac-minh');
  await assert.rejects(
    submitDossier(app.platform, hoa.user, { procedureCode: PROC.online.code, form: answersFor(hoa), files: [] }, { via: 'web' }),
    (err) => err instanceof AppError && err.code === 'ACCOUNT_UNVERIFIED',
  );
  assert.equal(await dossiers(), before, 'nothing was submitted');

  // The verification page: both contacts unproven, a button for each; a code to the new phone proves it.
  const verify = await hoa.client.get('/tai-khoan/xac-minh');
  assert.equal(verify.statusCode, 200);
  assert.equal((verify.body.match(/Chưa xác minh/g) ?? []).length, 2);
  const send = await hoa.client.submit('/tai-khoan/xac-minh', { contact: 'phone' }, '/tai-khoan/xac-minh/gui');
  assert.equal(send.statusCode, 303);
  assert.match((await hoa.client.get('/tai-khoan/xac-minh')).body, /Chúng tôi đã gửi mã 6 chữ số đến 0977 555 001/);
  const again = await hoa.client.submit('/tai-khoan/xac-minh', { contact: 'phone' }, '/tai-khoan/xac-minh/gui');
  assert.equal(again.statusCode, 429, 'a minute between two codes to one number');
  assert.match(again.body, /Vui lòng chờ một phút/);
  const code = await lastCodeSentTo(app.database.db, '0977555001');
  const wrong = await hoa.client.submit('/tai-khoan/xac-minh', { code: code === '000000' ? '111111' : '000000' });
  assert.equal(wrong.statusCode, 400);
  const ok = await hoa.client.submit('/tai-khoan/xac-minh', { code });
  assert.equal(ok.statusCode, 303);
  assert.equal(ok.headers.location, '/tai-khoan/xac-minh?xong=phone');
  const done = await hoa.client.get('/tai-khoan/xac-minh?xong=phone');
  assert.match(done.body, /Đã xác minh Số điện thoại\./);
  assert.doesNotMatch(done.body, /id="unverified-banner"/, 'the open session learnt it');

  const submitted = await submitPage(hoa);
  assert.equal(submitted.statusCode, 303, submitted.body.slice(0, 1000));
  assert.equal(await dossiers(), before + 1);
});

test('a citizen sees what the platform holds about them, and downloads it as JSON without secrets', async () => {
  const page = await hoa.client.get('/tai-khoan/du-lieu-cua-toi');
  assert.equal(page.statusCode, 200);
  const code = (await sql<{ code: string }>`select code from dossiers where applicant_account_id = ${hoa.user.id}`.execute(app.database.db)).rows[0]?.code ?? '';
  for (const s of [hoa.personalId, '0977 555 001', 'hoa.moi@example.vn', 'Chưa xác minh', 'Chính sách bảo vệ dữ liệu cá nhân', PRIVACY_NOTICE.version, code, 'Đăng ký tài khoản', 'Xác minh liên hệ', 'Sửa thông tin cá nhân', 'Nộp hồ sơ', '(phiên này)']) {
    assert.ok(page.body.includes(s), `the page shows ${s}`);
  }
  const download = await hoa.client.get('/tai-khoan/du-lieu-cua-toi.json');
  assert.equal(download.statusCode, 200);
  assert.match(String(download.headers['content-disposition']), /attachment; filename="du-lieu-cua-toi\.json"/);
  const data = download.json() as {
    account: { personal_id: string };
    contacts: { phone: string; phone_verified_at: string | null; email_verified_at: string | null };
    consents: { version: string; given_at: string }[];
    sessions: { current: boolean }[];
    dossiers: { code: string; files: { name: string }[] }[];
    audit: { action: string }[];
  };
  assert.equal(data.account.personal_id, hoa.personalId);
  assert.equal(data.contacts.phone, '+84977555001');
  assert.ok(data.contacts.phone_verified_at);
  assert.equal(data.contacts.email_verified_at, null);
  assert.deepEqual(data.consents.map((c) => c.version), [PRIVACY_NOTICE.version]);
  assert.ok(data.sessions.some((s) => s.current));
  assert.deepEqual(data.dossiers.map((d) => d.code), [code]);
  assert.deepEqual(data.dossiers[0]?.files.map((f) => f.name), ['to-khai.pdf']);
  assert.ok(data.audit.some((a) => a.action === 'account.contact_verified'));
  assert.doesNotMatch(download.body, /argon2|password_hash|totp_secret/, 'no secret in the download');
  assert.equal((await app.client().get('/tai-khoan/du-lieu-cua-toi.json')).statusCode, 401, 'only for the signed-in person');
});
