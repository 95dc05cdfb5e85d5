import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { testApp, type TestApp } from '../../testing/app.ts';
import { createUserFromArgs, parseUserArgs } from '../../cli/user-create.ts';
import { AGENCY, TEST_PASSWORD, citizen, registerWithCode, makeStaff } from './testing.ts';

let app: TestApp;
before(async () => {
  app = await testApp();
  await makeStaff(app.database.db, 'cb.lanhdao', ['leader'], { email: 'lanhdao@example.vn' });
  assert.equal((await registerWithCode(app, app.client(), citizen())).statusCode, 303);
});
after(async () => {
  await app.close();
});

test('an integrator gets a bearer token and reads /api/v1/me with it', async () => {
  const c = app.client();
  const res = await c.json('POST', '/api/v1/auth/token', { username: 'CB.LanhDao', password: TEST_PASSWORD });
  assert.equal(res.statusCode, 200);
  const body = res.json();
  assert.equal(body.token_type, 'Bearer');
  assert.equal(body.expires_in, 86_400);
  assert.match(body.access_token, /^[\w-]{40,}$/);
  const me = await app.server.inject({ url: '/api/v1/me', headers: { authorization: `Bearer ${body.access_token}` } });
  assert.equal(me.statusCode, 200);
  const profile = me.json() as Record<string, unknown>;
  assert.match(String(profile.email_verified_at), /^\d{4}-\d\d-\d\dT/, 'an administrator vouches for a staff member’s e-mail');
  assert.deepEqual(
    { ...profile, id: 0, email_verified_at: '' },
    {
      id: 0,
      username: 'cb.lanhdao',
      full_name: 'Cán bộ cb.lanhdao',
      kind: 'staff',
      roles: ['leader'],
      agency_id: profile.agency_id,
      agency_name: AGENCY.hoanKiem.name,
      email: 'lanhdao@example.vn',
      phone: null,
      totp_enabled: false,
      phone_verified_at: null,
      email_verified_at: '',
      can_submit: true,
    },
  );
  // A bearer token is not a browser session, and a citizen signs in by e-mail too.
  const asCookie = await app.server.inject({ url: '/api/v1/me', headers: { cookie: `egov_sid=${body.access_token}` } });
  assert.equal(asCookie.statusCode, 401);
  const citizenToken = await c.json('POST', '/api/v1/auth/token', { username: 'hoa@example.vn', password: TEST_PASSWORD });
  const cme = await app.server.inject({ url: '/api/v1/me', headers: { authorization: `Bearer ${citizenToken.json().access_token}` } });
  assert.equal(cme.json().kind, 'citizen');
  assert.deepEqual(cme.json().roles, []);
  // Registered with the code sent to the phone: the phone is proven, the e-mail not yet.
  assert.equal(cme.json().email_verified_at, null);
  assert.match(String(cme.json().phone_verified_at), /^\d{4}-/);
  assert.equal(cme.json().can_submit, true);
});

test('API errors are JSON in Vietnamese and English', async () => {
  const anon = await app.server.inject({ url: '/api/v1/me' });
  assert.equal(anon.statusCode, 401);
  assert.equal(anon.json().error.code, 'UNAUTHENTICATED');
  const bad = await app.client().json('POST', '/api/v1/auth/token', { username: 'cb.lanhdao', password: 'Sai123456' });
  assert.equal(bad.statusCode, 401);
  assert.equal(bad.json().error.code, 'INVALID_CREDENTIALS');
  assert.match(bad.json().error.message.vi, /mật khẩu không đúng/);
  assert.match(bad.json().error.message.en, /password is not correct/);
  const missing = await app.client().json('POST', '/api/v1/auth/token', { username: 'cb.lanhdao' });
  assert.equal(missing.statusCode, 400);
  assert.equal(missing.json().error.code, 'VALIDATION');
  const forged = await app.server.inject({ url: '/api/v1/me', headers: { authorization: 'Bearer not-a-token' } });
  assert.equal(forged.statusCode, 401);
});

test('the OpenAPI document lists the auth routes, /me with the bearer scheme', async () => {
  const doc = app.server.swagger() as { paths: Record<string, Record<string, { tags?: string[]; security?: unknown[] }>> };
  assert.deepEqual(doc.paths['/api/v1/auth/token']?.post?.tags, ['auth']);
  assert.deepEqual(doc.paths['/api/v1/me']?.get?.tags, ['auth']);
  assert.deepEqual(doc.paths['/api/v1/me']?.get?.security, [{ bearer: [] }]);
});

test('egov user create makes an audited staff account and explains refusals in one line', async () => {
  const code = AGENCY.centre.code;
  const args = (over: Record<string, string> = {}): string[] =>
    Object.entries({ username: 'cli.admin', password: 'Quantri2025', name: 'Đỗ Đức Mạnh', agency: code, roles: 'admin,leader', ...over }).flatMap(([k, v]) => [`--${k}`, v]);
  assert.deepEqual(parseUserArgs(['--username', 'x']), { ok: false, message: 'missing --password, --name, --agency, --roles' });
  assert.equal(parseUserArgs(['--bogus=1']).ok, false);
  const refusals: [Record<string, string>, RegExp][] = [
    [{ agency: 'X00.00.00.H00' }, /^--agency: no agency with code 'X00\.00\.00\.H00'$/],
    [{ roles: 'admin,boss' }, /^--roles: Unknown role: boss$/],
    [{ password: 'short' }, /^--password: The password must be at least 8 characters/],
    [{ username: 'cb.lanhdao' }, /^--username: This username is already taken\.$/],
  ];
  for (const [over, message] of refusals) {
    const r = await createUserFromArgs(app.database, args(over));
    assert.equal(r.ok, false);
    assert.match(r.message, message);
    assert.doesNotMatch(r.message, /\n/);
  }
  const ok = await createUserFromArgs(app.database, args());
  assert.equal(ok.ok, true, ok.message);
  assert.match(ok.message, /created staff account cli\.admin/);
  const token = await app.client().json('POST', '/api/v1/auth/token', { username: 'cli.admin', password: 'Quantri2025' });
  const me = await app.server.inject({ url: '/api/v1/me', headers: { authorization: `Bearer ${token.json().access_token}` } });
  assert.deepEqual(me.json().roles, ['admin', 'leader']);
  assert.equal(me.json().agency_name, AGENCY.centre.name);
  const audit = await sql<{ actor_label: string }>`select actor_label from audit_log where action = 'account.create' and entity_id = ${String(me.json().id)}`.execute(app.database.db);
  assert.deepEqual(audit.rows, [{ actor_label: 'cli' }]);
});
