import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { testApp, type TestApp, type TestClient } from '../../testing/app.ts';
import { TEST_PASSWORD, citizen, registerWithCode, signInWithForm } from './testing.ts';

let app: TestApp;
let hoa: TestClient;
before(async () => {
  app = await testApp();
  hoa = app.client();
  assert.equal((await registerWithCode(app, hoa, citizen())).statusCode, 303);
  const other = app.client();
  assert.equal((await registerWithCode(app, other, citizen({ full_name: 'Lê Văn Nam', personal_id: '001090054321', phone: '0912 000 111', email: 'nam@example.vn' }))).statusCode, 303);
});
after(async () => {
  await app.close();
});

const row = async () =>
  (await sql<{ full_name: string; phone: string | null; email: string | null }>`select full_name, phone, email from accounts where personal_id = '001190012345'`.execute(app.database.db)).rows[0];
const save = (fields: Record<string, string>) => hoa.submit('/tai-khoan', fields, '/tai-khoan/thong-tin');

test('the citizen corrects the name without a password; the page, the session and the audit row follow', async () => {
  const page = await hoa.get('/tai-khoan');
  assert.match(page.body, /id="full_name"[^>]*value="Nguyễn Thị Hoa"/);
  const res = await save({ full_name: 'Nguyễn Thị Hòa', phone: '0983 123 456', email: 'hoa@example.vn', profile_password: '' });
  assert.equal(res.statusCode, 303, res.body.slice(0, 600));
  assert.equal(res.headers.location, '/tai-khoan?done=profile');
  const after = await hoa.get('/tai-khoan?done=profile');
  assert.match(after.body, /Đã lưu thông tin cá nhân\./);
  assert.equal((await row())?.full_name, 'Nguyễn Thị Hòa');
  const audit = await sql<{ changed: string[] }>`select data->'changed' as changed from audit_log where action = 'account.profile_change'`.execute(app.database.db);
  assert.deepEqual(audit.rows.map((r) => r.changed), [['full_name']]);
  // Saving again unchanged writes nothing.
  await save({ full_name: 'Nguyễn Thị Hòa', phone: '0983 123 456', email: 'hoa@example.vn', profile_password: '' });
  assert.equal((await sql<{ n: number }>`select count(*)::int as n from audit_log where action = 'account.profile_change'`.execute(app.database.db)).rows[0]?.n, 1);
});

test('a new phone or e-mail needs the current password; taken or malformed contacts are refused beside the field; nothing is saved', async () => {
  const noPassword = await save({ full_name: 'Nguyễn Thị Hòa', phone: '0983 999 888', email: 'hoa@example.vn', profile_password: '' });
  assert.equal(noPassword.statusCode, 400);
  assert.match(noPassword.body, /id="profile_password-error"[^>]*>Nhập mật khẩu hiện tại để đổi số điện thoại hoặc thư điện tử\./);
  assert.match(noPassword.body, /value="0983 999 888"/, 'what was typed is kept');
  const wrong = await save({ full_name: 'Nguyễn Thị Hòa', phone: '0983 999 888', email: 'hoa@example.vn', profile_password: 'Sai-mat-khau-1' });
  assert.equal(wrong.statusCode, 400);
  assert.match(wrong.body, /Mật khẩu hiện tại không đúng/);
  const taken = await save({ full_name: 'Nguyễn Thị Hòa', phone: '0912 000 111', email: 'nam@example.vn', profile_password: TEST_PASSWORD });
  assert.equal(taken.statusCode, 409);
  assert.match(taken.body, /id="phone-error"[^>]*>Số điện thoại này đã được dùng/);
  assert.match(taken.body, /id="email-error"[^>]*>Địa chỉ thư điện tử này đã được dùng/);
  const malformed = await save({ full_name: '', phone: '12', email: 'khong-phai-email', profile_password: TEST_PASSWORD });
  assert.equal(malformed.statusCode, 400);
  for (const f of ['full_name', 'phone', 'email']) assert.match(malformed.body, new RegExp(`id="${f}-error"`), f);
  const neither = await save({ full_name: 'Nguyễn Thị Hòa', phone: '', email: '', profile_password: TEST_PASSWORD });
  assert.equal(neither.statusCode, 400);
  assert.match(neither.body, /ít nhất một trong hai/);
  assert.deepEqual(await row(), { full_name: 'Nguyễn Thị Hòa', phone: '+84983123456', email: 'hoa@example.vn' });

  const ok = await save({ full_name: 'Nguyễn Thị Hòa', phone: '0983 999 888', email: '', profile_password: TEST_PASSWORD });
  assert.equal(ok.statusCode, 303, ok.body.slice(0, 600));
  assert.deepEqual(await row(), { full_name: 'Nguyễn Thị Hòa', phone: '+84983999888', email: null });
  // The new number signs in.
  assert.equal((await signInWithForm(app.client(), '0983999888')).statusCode, 303);
});
