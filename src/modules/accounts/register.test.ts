import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { testApp, type TestApp } from '../../testing/app.ts';
import { citizen } from './testing.ts';

let app: TestApp;
before(async () => {
  app = await testApp();
});
after(async () => {
  await app.close();
});

async function countAccounts(): Promise<number> {
  const r = await sql<{ n: number }>`select count(*)::int as n from accounts`.execute(app.database.db);
  return Number(r.rows[0]?.n);
}

test('a citizen registers, is signed in, and sees the profile; the name is stored NFC', async () => {
  const c = app.client();
  const nfd = 'Nguyễn Thị Hoa'.normalize('NFD');
  assert.notEqual(nfd, 'Nguyễn Thị Hoa');
  const res = await c.submit('/dang-ky', citizen({ full_name: `  ${nfd}  ` }));
  assert.equal(res.statusCode, 303);
  assert.equal(res.headers.location, '/tai-khoan');
  const cookie = String(res.headers['set-cookie']);
  assert.match(cookie, /egov_sid=[^;]+;.*HttpOnly/i);
  assert.match(cookie, /SameSite=Lax/i);
  assert.match(cookie, /Path=\//);
  const page = await c.get('/tai-khoan');
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /Nguyễn Thị Hoa/);
  assert.match(page.body, /001190012345/);
  assert.match(page.body, /0983 123 456/);
  const row = await sql<{ full_name: string; phone: string; username: string; kind: string }>`select full_name, phone, username, kind from accounts where personal_id = '001190012345'`.execute(app.database.db);
  assert.deepEqual(row.rows[0], { full_name: 'Nguyễn Thị Hoa', phone: '+84983123456', username: '001190012345', kind: 'citizen' });
  const audit = await sql<{ action: string }>`select action from audit_log where entity = 'account' order by id`.execute(app.database.db);
  assert.deepEqual(audit.rows.map((r) => r.action), ['account.register', 'account.sign_in']);
});

test('empty form: an error summary and an error beside each field, in Vietnamese and in English', async () => {
  const before = await countAccounts();
  const c = app.client();
  const res = await c.submit('/dang-ky', { full_name: '', personal_id: '', phone: '', email: '', password: '', password_confirm: '' });
  assert.equal(res.statusCode, 400);
  assert.match(res.body, /class="error-summary"/);
  for (const field of ['full_name', 'personal_id', 'phone', 'password']) assert.match(res.body, new RegExp(`href="#${field}"`), field);
  assert.match(res.body, /Nhập họ và tên\./);
  assert.match(res.body, /id="personal_id-error"/);
  assert.match(res.body, /ít nhất một trong hai/);
  const en = await c.submit('/dang-ky?lang=en', { full_name: '', personal_id: '1', phone: '', email: '', password: 'x', password_confirm: 'y' });
  assert.equal(en.statusCode, 400);
  assert.match(en.body, /Enter your full name\./);
  assert.match(en.body, /exactly 12 digits/);
  assert.match(en.body, /at least 8 characters/);
  assert.match(en.body, /do not match/);
  assert.equal(await countAccounts(), before);
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
    const res = await c.submit('/dang-ky', citizen({ personal_id: '001095012346', phone: '0987 654 321', email: 'moi@example.vn', ...over }));
    assert.equal(res.statusCode, 400, JSON.stringify(over));
    assert.match(res.body, new RegExp(`id="${field}-error"`), JSON.stringify(over));
    assert.match(res.body, message, JSON.stringify(over));
    assert.doesNotMatch(res.body, /value="(abc12|abcdefgh|Khac12345|Matkhau2025)"/, 'passwords are never sent back');
  }
  assert.equal(await countAccounts(), before);
});

test('a phone number, e-mail or personal ID already registered is refused, whatever its spelling', async () => {
  const before = await countAccounts();
  const c = app.client();
  const phone = await c.submit('/dang-ky', citizen({ personal_id: '001095012347', phone: '+84 983.123.456', email: '' }));
  assert.equal(phone.statusCode, 409);
  assert.match(phone.body, /Số điện thoại này đã được dùng/);
  const email = await c.submit('/dang-ky', citizen({ personal_id: '001095012347', phone: '', email: 'HOA@example.vn' }));
  assert.equal(email.statusCode, 409);
  assert.match(email.body, /thư điện tử này đã được dùng/);
  const pid = await c.submit('/dang-ky', citizen({ phone: '0911111111', email: '' }));
  assert.equal(pid.statusCode, 409);
  assert.match(pid.body, /Số định danh cá nhân này đã được đăng ký/);
  assert.equal(await countAccounts(), before);
});

test('markup in a name is stored as typed and shown escaped', async () => {
  const c = app.client();
  const name = '<script>alert(1)</script> Trần "Lan" & <b>Bình</b>';
  const res = await c.submit('/dang-ky', citizen({ full_name: name, personal_id: '001095012348', phone: '', email: 'lan@example.vn' }));
  assert.equal(res.statusCode, 303);
  const page = await c.get('/tai-khoan');
  assert.doesNotMatch(page.body, /<script>alert/);
  assert.doesNotMatch(page.body, /<b>Bình/);
  assert.match(page.body, /<td>&lt;script>alert\(1\)&lt;\/script> Trần &#34;Lan&#34; &amp; &lt;b>Bình&lt;\/b><\/td>/);
  const r = await sql<{ full_name: string }>`select full_name from accounts where personal_id = '001095012348'`.execute(app.database.db);
  assert.equal(r.rows[0]?.full_name, name);
});

test('registration without a CSRF token is refused', async () => {
  const c = app.client();
  await c.get('/dang-ky');
  const res = await c.postForm('/dang-ky', citizen({ personal_id: '001095012349', phone: '', email: 'csrf@example.vn' }));
  assert.equal(res.statusCode, 403);
  assert.match(res.body, /Phiên biểu mẫu/);
});
