import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { testApp, type TestApp } from '../../testing/app.ts';
import { totpCode } from './totp.ts';
import { TEST_PASSWORD, makeStaff, signInWithForm } from './testing.ts';

let app: TestApp;
let secret = '';
let enrolledAt = 0;
before(async () => {
  app = await testApp();
  await makeStaff(app.database.db, 'cb.motcua', ['one_stop_officer']);
});
after(async () => {
  await app.close();
});

test('a staff member turns on two-step verification with a code from the app', async () => {
  const c = app.client();
  assert.equal((await signInWithForm(c, 'cb.motcua')).headers.location, '/mot-cua', 'an officer lands on the inbox');
  const profile = await c.get('/tai-khoan');
  assert.match(profile.body, /Bật xác thực hai bước/);
  const start = await c.submit('/tai-khoan', {}, '/tai-khoan/xac-thuc-hai-buoc/bat-dau');
  assert.equal(start.headers.location, '/tai-khoan/xac-thuc-hai-buoc');
  const page = await c.get('/tai-khoan/xac-thuc-hai-buoc');
  assert.equal(page.statusCode, 200);
  secret = /id="totp-secret">([A-Z2-7]+)</.exec(page.body)?.[1] ?? '';
  assert.equal(secret.length, 32);
  assert.match(page.body, new RegExp(`otpauth://totp/[^<]*cb\\.motcua\\?[^<]*secret=${secret}[^<]*algorithm=SHA1&amp;digits=6&amp;period=30`));
  assert.match(page.body, /<img src="data:image\/svg\+xml;base64,[A-Za-z0-9+/=]+" alt="Mã QR/);

  const wrong = await c.submit('/tai-khoan/xac-thuc-hai-buoc', { code: '000000' === totpCode(secret) ? '111111' : '000000' });
  assert.equal(wrong.statusCode, 401);
  assert.match(wrong.body, /Mã xác thực không đúng/);
  enrolledAt = Date.now();
  const ok = await c.submit('/tai-khoan/xac-thuc-hai-buoc', { code: totpCode(secret, enrolledAt) });
  assert.equal(ok.statusCode, 303);
  assert.match((await c.get('/tai-khoan?done=totp')).body, /Đã bật xác thực hai bước/);
  const audit = await sql<{ data: { after: { totp_enabled: boolean } } }>`select data from audit_log where action = 'account.totp_enable'`.execute(app.database.db);
  assert.equal(audit.rows[0]?.data.after.totp_enabled, true);
});

test('signing in then needs the code; a replayed code is refused, a fresh one accepted', async () => {
  const c = app.client();
  const first = await signInWithForm(c, 'cb.motcua');
  assert.equal(first.statusCode, 303);
  assert.equal(first.headers.location, '/dang-nhap/xac-thuc');
  // The password alone is not a session.
  const profile = await c.get('/tai-khoan');
  assert.equal(profile.statusCode, 303);
  const step = await c.get('/dang-nhap/xac-thuc');
  assert.equal(step.statusCode, 200);
  assert.match(step.body, /mã 6 chữ số/);

  const replay = await c.submit('/dang-nhap/xac-thuc', { code: totpCode(secret, enrolledAt) });
  assert.equal(replay.statusCode, 401);
  assert.match(replay.body, /đã được dùng/);
  const fresh = await c.submit('/dang-nhap/xac-thuc', { code: totpCode(secret, enrolledAt + 30_000) });
  assert.equal(fresh.statusCode, 303);
  assert.equal(fresh.headers.location, '/mot-cua');
  assert.equal((await c.get('/tai-khoan')).statusCode, 200);
  const rows = await sql<{ action: string; reason: string | null }>`select action, data->>'reason' as reason from audit_log where action like 'account.sign_in%' order by id desc limit 2`.execute(app.database.db);
  assert.deepEqual(rows.rows, [
    { action: 'account.sign_in', reason: null },
    { action: 'account.sign_in_failed', reason: 'replayed_totp' },
  ]);
  // Same code again, even within its window: refused.
  const again = app.client();
  await signInWithForm(again, 'cb.motcua');
  assert.equal((await again.submit('/dang-nhap/xac-thuc', { code: totpCode(secret, enrolledAt + 30_000) })).statusCode, 401);
});

test('the API token needs the code too', async () => {
  const c = app.client({ ip: '10.9.0.1' });
  const missing = await c.json('POST', '/api/v1/auth/token', { username: 'cb.motcua', password: TEST_PASSWORD });
  assert.equal(missing.statusCode, 401);
  assert.equal(missing.json().error.code, 'TOTP_REQUIRED');
  const replay = await c.json('POST', '/api/v1/auth/token', { username: 'cb.motcua', password: TEST_PASSWORD, totp: totpCode(secret, enrolledAt + 30_000) });
  assert.equal(replay.statusCode, 401);
  assert.equal(replay.json().error.code, 'TOTP_INVALID');
  // Time moves on: the next step's code is accepted.
  await sql`update accounts set totp_last_step = totp_last_step - 5 where username = 'cb.motcua'`.execute(app.database.db);
  const ok = await c.json('POST', '/api/v1/auth/token', { username: 'cb.motcua', password: TEST_PASSWORD, totp: totpCode(secret) });
  assert.equal(ok.statusCode, 200);
  assert.equal(ok.json().token_type, 'Bearer');
});

test('wrong codes bring growing waits for that source, never a lock: the owner elsewhere still signs in', async () => {
  const c = app.client({ ip: '10.9.0.2' });
  await signInWithForm(c, 'cb.motcua');
  const statuses: number[] = [];
  for (let i = 0; i < 4; i++) statuses.push((await c.submit('/dang-nhap/xac-thuc', { code: '000001' })).statusCode);
  assert.deepEqual(statuses, [401, 401, 401, 429], 'two free tries, then a wait before the next one');
  const waiting = await c.submit('/dang-nhap/xac-thuc', { code: '000001' });
  assert.equal(waiting.statusCode, 429);
  assert.match(waiting.body, /Vui lòng chờ \d+ giây/);
  // The owner, from elsewhere, with the right code:
  await sql`update accounts set totp_last_step = totp_last_step - 10 where username = 'cb.motcua'`.execute(app.database.db);
  const owner = app.client({ ip: '10.9.0.3' });
  await signInWithForm(owner, 'cb.motcua');
  assert.equal((await owner.submit('/dang-nhap/xac-thuc', { code: totpCode(secret) })).statusCode, 303);
});

test('an administrator turns off two-step verification for a lost phone: the sessions end, the password alone signs in, it is audited', async () => {
  await makeStaff(app.database.db, 'qt.admin', ['admin']);
  const admin = app.client();
  assert.equal((await signInWithForm(admin, 'qt.admin')).statusCode, 303);
  const acc = await sql<{ id: number; agency_id: number }>`select id, agency_id from accounts where username = 'cb.motcua'`.execute(app.database.db);
  const { id, agency_id } = acc.rows[0] ?? { id: 0, agency_id: 0 };
  const sessions = async () => (await sql<{ n: number }>`select count(*)::int as n from sessions where user_id = ${id}`.execute(app.database.db)).rows[0]?.n;
  assert.ok(((await sessions()) ?? 0) > 0, 'the staff member has an open session');
  const page = await admin.get(`/quan-tri/tai-khoan/${id}`);
  assert.match(page.body, /Tắt xác thực hai bước \(mất điện thoại\)/);
  const res = await admin.submit(`/quan-tri/tai-khoan/${id}`, { agency_id: String(agency_id), roles: 'one_stop_officer', reset_totp: '1' });
  assert.equal(res.statusCode, 303, res.body.slice(0, 500));
  assert.equal(await sessions(), 0, 'every session of the account ended');
  const row = await sql<{ totp_enabled: boolean; totp_secret: string | null }>`select totp_enabled, totp_secret from accounts where id = ${id}`.execute(app.database.db);
  assert.deepEqual(row.rows[0], { totp_enabled: false, totp_secret: null });
  const audit = await sql<{ changed: string[] }>`select data->'changed' as changed from audit_log where action = 'account.update' and entity_id = ${String(id)} order by id desc limit 1`.execute(app.database.db);
  assert.deepEqual(audit.rows[0]?.changed, ['totp']);
  // The password alone now signs in, and the profile offers to turn it on again.
  const c = app.client();
  const signedIn = await signInWithForm(c, 'cb.motcua');
  assert.equal(signedIn.headers.location, '/mot-cua');
  assert.match((await c.get('/tai-khoan')).body, /Bật xác thực hai bước/);
  assert.doesNotMatch((await admin.get(`/quan-tri/tai-khoan/${id}`)).body, /reset_totp/, 'nothing left to turn off');
});
