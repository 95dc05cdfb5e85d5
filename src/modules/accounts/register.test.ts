import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { sql } from 'kysely';
import { testApp, type TestApp } from '../../testing/app.ts';
import { SESSION_COOKIE } from '../../platform/auth/sessions.ts';
import { TEST_PASSWORD, citizen, lastCodeSentTo, registerWithCode } from './testing.ts';
import { PRIVACY_NOTICE } from './messages-privacy.ts';

// A real SMTP peer on loopback: the e-mailed codes are read from what it received.
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
before(async () => {
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  const { port } = smtp.server.address() as AddressInfo;
  app = await testApp({ env: { SMTP_URL: `smtp://127.0.0.1:${port}` } });
});
after(async () => {
  await app.close();
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
});

async function countAccounts(): Promise<number> {
  const r = await sql<{ n: number }>`select count(*)::int as n from accounts`.execute(app.database.db);
  return Number(r.rows[0]?.n);
}

async function smsTo(phone: string): Promise<string[]> {
  const r = await sql<{ body: string }>`select body from outbox_sms where to_phone = ${phone} order by id`.execute(app.database.db);
  return r.rows.map((x) => x.body);
}

/** Lets the minute's cool-down of every address pass (the codes' clock, not a wait). */
async function coolDown(): Promise<void> {
  await sql`update account_codes set last_sent_at = last_sent_at - interval '2 minutes'`.execute(app.database.db);
}

/** The text of the main content, for comparing two answers. */
const main = (html: string): string => (/<main[^>]*>([\s\S]*)<\/main>/.exec(html)?.[1] ?? '').replace(/name="_csrf" value="[^"]*"/g, '');

test('a citizen registers with the code sent by SMS: nothing exists until the code comes back; then signed in, phone verified, consent stored', async () => {
  const c = app.client();
  const nfd = 'Nguyễn Thị Hoa'.normalize('NFD');
  const before = await countAccounts();
  const res = await c.submit('/dang-ky', { ...citizen({ full_name: `  ${nfd}  ` }), consent: '1' });
  assert.equal(res.statusCode, 303);
  assert.equal(res.headers.location, '/dang-ky/xac-minh');
  assert.match(String(res.headers['set-cookie']), /egov_flow=[^;]+;.*HttpOnly/i);
  assert.equal(c.cookies.get(SESSION_COOKIE), undefined, 'not signed in before the code');
  assert.equal(await countAccounts(), before, 'no account before the code');

  const page = await c.get('/dang-ky/xac-minh');
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /Chúng tôi đã gửi mã 6 chữ số đến 0983 123 456\. Mã có hiệu lực 10 phút\./);
  const [sms] = await smsTo('+84983123456');
  assert.match(sms ?? '', /^Cong DVC Ha Noi: ma dang ky tai khoan cua ban la \d{6}, hieu luc 10 phut\./, 'the SMS, unaccented');
  const code = await lastCodeSentTo(app.database.db, '0983123456');
  const stored = await sql<{ row: string }>`select row_to_json(account_codes)::text as row from account_codes`.execute(app.database.db);
  assert.doesNotMatch(stored.rows.map((r) => r.row).join(), new RegExp(`${code}|${TEST_PASSWORD}`), 'neither the code nor the password is stored as typed');

  const wrong = await c.submit('/dang-ky/xac-minh', { code: code === '000000' ? '111111' : '000000' });
  assert.equal(wrong.statusCode, 400);
  assert.match(wrong.body, /Mã xác minh không đúng, đã hết hạn hoặc đã nhập sai quá nhiều lần/);
  assert.match(wrong.body, /id="code-error"/);
  assert.equal(await countAccounts(), before);

  const done = await c.submit('/dang-ky/xac-minh', { code: ` ${code.slice(0, 3)} ${code.slice(3)} ` });
  assert.equal(done.statusCode, 303);
  assert.equal(done.headers.location, '/tai-khoan?done=registered');
  const cookie = String(done.headers['set-cookie']);
  assert.match(cookie, /egov_sid=[^;]+;.*HttpOnly/i);
  assert.match(cookie, /SameSite=Lax/i);
  const account = await c.get('/tai-khoan?done=registered');
  assert.match(account.body, /Đăng ký thành công\. Số điện thoại 0983 123 456 đã được xác minh, bạn có thể nộp hồ sơ trực tuyến\./);
  assert.match(account.body, /001190012345/);
  assert.doesNotMatch(account.body, /id="unverified-banner"/);

  const row = await sql<{ id: number; full_name: string; phone: string; username: string; kind: string; phone_ok: boolean; email_ok: boolean }>`
    select id, full_name, phone, username, kind, phone_verified_at is not null as phone_ok, email_verified_at is not null as email_ok
    from accounts where personal_id = '001190012345'`.execute(app.database.db);
  const { id, ...a } = row.rows[0] ?? { id: 0 };
  assert.deepEqual(a, { full_name: 'Nguyễn Thị Hoa', phone: '+84983123456', username: '001190012345', kind: 'citizen', phone_ok: true, email_ok: false });
  const consent = await sql<{ document: string; version: string; recent: boolean }>`
    select document, version, given_at > now() - interval '1 minute' as recent from account_consents where account_id = ${id}`.execute(app.database.db);
  assert.deepEqual(consent.rows, [{ document: 'privacy_notice', version: PRIVACY_NOTICE.version, recent: true }]);
  const audit = await sql<{ action: string }>`select action from audit_log where entity = 'account' order by id`.execute(app.database.db);
  assert.deepEqual(audit.rows.map((r) => r.action), ['account.register_code', 'account.register', 'account.sign_in']);

  // The code is used up: the journey is over.
  const again = await app.client().get('/dang-ky/xac-minh');
  assert.equal(again.headers.location, '/dang-ky');
});

test('with an e-mail address only, the code arrives by e-mail and proves the address', async () => {
  const c = app.client();
  const res = await c.submit('/dang-ky', { ...citizen({ personal_id: '001095012350', phone: '', email: 'Lan.Tran@Example.vn' }), consent: '1' });
  assert.equal(res.statusCode, 303);
  assert.match((await c.get('/dang-ky/xac-minh')).body, /đến lan\.tran@example\.vn/);
  for (let i = 0; i < 200 && !inbox.some((m) => m.to.includes('lan.tran@example.vn')); i++) await new Promise((r) => setTimeout(r, 25));
  const mail = inbox.find((m) => m.to.includes('lan.tran@example.vn'));
  assert.ok(mail, 'the mail arrived at the SMTP server');
  const code = /\b(\d{6})\b/.exec(mail.raw.replace(/=\r?\n/g, ''))?.[1];
  assert.ok(code, 'the mail carries the code');
  const done = await c.submit('/dang-ky/xac-minh', { code });
  assert.equal(done.statusCode, 303);
  const r = await sql<{ email_ok: boolean; phone: string | null }>`select email_verified_at is not null as email_ok, phone from accounts where personal_id = '001095012350'`.execute(app.database.db);
  assert.deepEqual(r.rows[0], { email_ok: true, phone: null });
  assert.match((await c.get('/tai-khoan?done=registered')).body, /Thư điện tử lan\.tran@example\.vn đã được xác minh/);
});

test('five wrong tries use a code up; a new one comes after a minute, the old one then fails, an expired one fails', async () => {
  const c = app.client();
  assert.equal((await c.submit('/dang-ky', { ...citizen({ personal_id: '001095012351', phone: '0977 000 001', email: '' }), consent: '1' })).statusCode, 303);
  const first = await lastCodeSentTo(app.database.db, '0977000001');
  const wrong = first === '999999' ? '999998' : '999999';
  for (let i = 0; i < 5; i++) assert.equal((await c.submit('/dang-ky/xac-minh', { code: wrong })).statusCode, 400);
  assert.equal((await c.submit('/dang-ky/xac-minh', { code: first })).statusCode, 400, 'the right code after five wrong ones');
  assert.equal((await c.submit('/dang-ky/xac-minh', { code: '12ab' })).statusCode, 400);

  const soon = await c.submit('/dang-ky/xac-minh', {}, '/dang-ky/gui-lai');
  assert.equal(soon.statusCode, 429);
  assert.match(soon.body, /Vui lòng chờ một phút/);
  await coolDown();
  const resent = await c.submit('/dang-ky/xac-minh', {}, '/dang-ky/gui-lai');
  assert.equal(resent.headers.location, '/dang-ky/xac-minh?gui-lai=1');
  assert.match((await c.get('/dang-ky/xac-minh?gui-lai=1')).body, /Đã gửi mã mới đến 0977 000 001/);
  const second = await lastCodeSentTo(app.database.db, '0977000001');
  if (second !== first) assert.equal((await c.submit('/dang-ky/xac-minh', { code: first })).statusCode, 400, 'the old code no longer works');

  await sql`update account_codes set expires_at = now() - interval '1 second' where used_at is null`.execute(app.database.db);
  assert.equal((await c.submit('/dang-ky/xac-minh', { code: second })).statusCode, 400, 'an expired code');
  await coolDown();
  await c.submit('/dang-ky/xac-minh', {}, '/dang-ky/gui-lai');
  const done = await c.submit('/dang-ky/xac-minh', { code: await lastCodeSentTo(app.database.db, '0977000001') });
  assert.equal(done.statusCode, 303);
});

test('details that belong to an account get the same answer as new ones; no code is sent, the owner is told by message', async () => {
  const before = await countAccounts();
  const fresh = app.client();
  const freshRes = await fresh.submit('/dang-ky', { ...citizen({ personal_id: '001095012352', phone: '0977 000 002', email: '' }), consent: '1' });
  const freshPage = await fresh.get('/dang-ky/xac-minh');

  // Hoa's phone number (test 1), with a new personal ID.
  const byPhone = app.client();
  const phoneRes = await byPhone.submit('/dang-ky', { ...citizen({ personal_id: '001095012353', phone: '+84 983.123.456', email: '' }), consent: '1' });
  const phonePage = await byPhone.get('/dang-ky/xac-minh');
  for (const [res, page] of [[phoneRes, phonePage]] as const) {
    assert.equal(res.statusCode, freshRes.statusCode);
    assert.equal(res.headers.location, freshRes.headers.location);
    assert.equal(page.statusCode, freshPage.statusCode);
    assert.equal(main(page.body).replace('0983 123 456', 'X'), main(freshPage.body).replace('0977 000 002', 'X'), 'the same page');
  }
  const toHoa = (await smsTo('+84983123456')).at(-1) ?? '';
  assert.match(toHoa, /co nguoi vua dung so dien thoai cua ban de dang ky tai khoan moi/);
  assert.doesNotMatch(toHoa, /\b\d{6}\b/, 'no code to the owner');
  const wrong = await byPhone.submit('/dang-ky/xac-minh', { code: '123456' });
  assert.equal(wrong.statusCode, 400);
  assert.match(wrong.body, /Mã xác minh không đúng/);

  // Hoa's personal ID with a phone nobody has: that phone is told the registration could not go ahead, Hoa by e-mail.
  const byId = app.client();
  const idRes = await byId.submit('/dang-ky', { ...citizen({ phone: '0911 111 111', email: '' }), consent: '1' });
  assert.equal(idRes.headers.location, freshRes.headers.location);
  assert.match((await byId.get('/dang-ky/xac-minh')).body, /đến 0911 111 111/);
  const toNewPhone = (await smsTo('+84911111111')).join(' ');
  assert.match(toNewPhone, /chua the dang ky/);
  assert.doesNotMatch(toNewPhone, /\b\d{6}\b/);
  const mail = await sql<{ subject: string; body_text: string }>`select subject, body_text from outbox_mail where to_address = 'hoa@example.vn' order by id desc limit 1`.execute(app.database.db);
  assert.match(mail.rows[0]?.subject ?? '', /Có người đăng ký bằng thông tin của bạn/);
  assert.match(mail.rows[0]?.body_text ?? '', /số định danh cá nhân của bạn/);

  assert.equal(await countAccounts(), before, 'no account was made');
  const owners = await sql<{ n: number }>`select count(*)::int as n from audit_log where action = 'account.register_existing'`.execute(app.database.db);
  assert.equal(Number(owners.rows[0]?.n), 2, 'each attempt is in the owner’s history');
});

test('consent is required, a landline alone cannot get a code, and every field error shows at once (vi and en)', async () => {
  const c = app.client();
  const sent = async (): Promise<number> => Number((await sql<{ n: number }>`select count(*)::int as n from outbox_sms`.execute(app.database.db)).rows[0]?.n);
  const smsBefore = await sent();
  const noConsent = await c.submit('/dang-ky', citizen({ personal_id: '001095012354', phone: '0977 000 003' }));
  assert.equal(noConsent.statusCode, 400);
  assert.match(noConsent.body, /id="consent-error"/);
  assert.match(noConsent.body, /Đánh dấu đồng ý với Chính sách bảo vệ dữ liệu cá nhân/);
  assert.match(noConsent.body, /href="\/chinh-sach-bao-mat"/);
  const landline = await c.submit('/dang-ky', { ...citizen({ personal_id: '001095012354', phone: '024 3825 3536', email: '' }), consent: '1' });
  assert.equal(landline.statusCode, 400);
  assert.match(landline.body, /số cố định/);
  assert.equal(await sent(), smsBefore, 'nothing was sent');

  const empty = await c.submit('/dang-ky', { full_name: '', personal_id: '', phone: '', email: '', password: '', password_confirm: '' });
  assert.equal(empty.statusCode, 400);
  for (const field of ['full_name', 'personal_id', 'phone', 'password', 'consent']) assert.match(empty.body, new RegExp(`href="#${field}"`), field);
  assert.match(empty.body, /ít nhất một trong hai/);
  const en = await c.submit('/dang-ky?lang=en', { full_name: '', personal_id: '1', phone: '', email: '', password: 'x', password_confirm: 'y' });
  assert.equal(en.statusCode, 400);
  assert.match(en.body, /Enter your full name\./);
  assert.match(empty.body, /<title>Lỗi: /);
  assert.match(en.body, /<title>Error: /);
  assert.match(en.body, /class="error-summary" role="alert" tabindex="-1" autofocus/, 'the summary takes the focus');
  assert.match(en.body, /exactly 12 digits/);
  assert.match(en.body, /do not match/);
  assert.match(en.body, /Tick the box to consent/);
});

test('each kind of bad input is refused with its own message and nothing is saved', async () => {
  const before = await countAccounts();
  const cases: [Record<string, string>, string, RegExp][] = [
    [{ personal_id: '00119001234' }, 'personal_id', /đúng 12 chữ số/],
    [{ personal_id: '999190012345' }, 'personal_id', /mã tỉnh/],
    [{ personal_id: '001999012345' }, 'personal_id', /tương lai/],
    [{ phone: '12345', email: '' }, 'phone', /Số điện thoại không hợp lệ/],
    [{ email: 'hoa@', phone: '' }, 'email', /thư điện tử không hợp lệ/],
    [{ password: 'abcdefgh', password_confirm: 'abcdefgh' }, 'password', /cả chữ cái và chữ số/],
    [{ password: 'abc12', password_confirm: 'abc12' }, 'password', /ít nhất 8 ký tự/],
    [{ password_confirm: 'Khac12345' }, 'password_confirm', /không khớp/],
    [{ full_name: '   \u0007  ' }, 'full_name', /Nhập họ và tên/],
  ];
  const c = app.client();
  for (const [over, field, message] of cases) {
    const res = await c.submit('/dang-ky', { ...citizen({ personal_id: '001095012346', phone: '0987 654 321', email: 'moi@example.vn', ...over }), consent: '1' });
    assert.equal(res.statusCode, 400, JSON.stringify(over));
    assert.match(res.body, new RegExp(`id="${field}-error"`), JSON.stringify(over));
    assert.match(res.body, message, JSON.stringify(over));
    assert.doesNotMatch(res.body, /value="(abc12|abcdefgh|Khac12345|Matkhau2025)"/, 'passwords are never sent back');
    assert.match(res.body, /id="consent"[^>]*checked/, 'the consent stays ticked');
  }
  assert.equal(await countAccounts(), before);
});

test('markup in a name is stored as typed and shown escaped', async () => {
  const c = app.client();
  const name = '<script>alert(1)</script> Trần "Lan" & <b>Bình</b>';
  const res = await registerWithCode(app, c, citizen({ full_name: name, personal_id: '001095012348', phone: '', email: 'lan@example.vn' }));
  assert.equal(res.statusCode, 303);
  const page = await c.get('/tai-khoan');
  assert.doesNotMatch(page.body, /<script>alert/);
  assert.doesNotMatch(page.body, /<b>Bình/);
  assert.match(page.body, /<td>&lt;script>alert\(1\)&lt;\/script> Trần &#34;Lan&#34; &amp; &lt;b>Bình&lt;\/b><\/td>/);
  const r = await sql<{ full_name: string }>`select full_name from accounts where personal_id = '001095012348'`.execute(app.database.db);
  assert.equal(r.rows[0]?.full_name, name);
});

test('the privacy notice states its version, the decree, purposes, retention, rights and contact, in both languages', async () => {
  const vi = await app.client().get('/chinh-sach-bao-mat');
  assert.equal(vi.statusCode, 200);
  assert.match(vi.body, new RegExp(`Phiên bản ${PRIVACY_NOTICE.version.replace('.', '\\.')}, áp dụng từ ngày 01/12/2026`));
  for (const s of [/Nghị định 13\/2023\/NĐ-CP/, /Mục đích xử lý/, /Thời gian lưu trữ/, /Quyền của bạn/, /Liên hệ/, /\/tai-khoan\/du-lieu-cua-toi/]) assert.match(vi.body, s);
  const en = await app.client().get('/chinh-sach-bao-mat?lang=en');
  assert.match(en.body, /Privacy notice/);
  assert.match(en.body, /Your rights/);
});

test('registration without a CSRF token is refused', async () => {
  const c = app.client();
  await c.get('/dang-ky');
  const res = await c.postForm('/dang-ky', { ...citizen({ personal_id: '001095012349', phone: '', email: 'csrf@example.vn' }), consent: '1' });
  assert.equal(res.statusCode, 403);
  assert.match(res.body, /Phiên biểu mẫu/);
});
