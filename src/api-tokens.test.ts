// Issue 10: bearer tokens are for /api/* only, carry the scopes chosen when issued, are listed and revoked by their
// owner, and signing out everywhere revokes them. Every /api route declares its scope (the route table is walked).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { testApp, type TestApp } from './testing/app.ts';
import { apiTokenFor } from './testing/auth.ts';
import { apiRoutesOf, SCOPES } from './platform/auth/scopes.ts';
import { TEST_PASSWORD, agencyId, citizen, makeStaff, registerWithCode } from './modules/accounts/testing.ts';

let app: TestApp;
let adminId: number;
before(async () => {
  app = await testApp();
  adminId = await makeStaff(app.database.db, 'qt.token', ['admin']);
  assert.equal((await registerWithCode(app, app.client({ ip: '10.7.0.1' }), citizen())).statusCode, 303);
});
after(async () => {
  await app.close();
});

const admin = () => ({ id: adminId, username: 'qt.token', displayName: 'QT', kind: 'staff' as const, roles: ['admin' as const], agencyId: null, agencyName: null });
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

test('every /api route declares the scope a token needs', () => {
  const routes = apiRoutesOf(app.server);
  assert.ok(routes.length > 20, `the route table is walked (${routes.length} routes)`);
  const missing = routes.filter((r) => !r.scope || !(r.scope === 'public' || (SCOPES as readonly string[]).includes(r.scope)));
  assert.deepEqual(missing, [], 'routes without a scope');
});

test('a bearer token does nothing on the HTML pages: an admin token cannot create a staff account with a JSON post', async () => {
  const token = await apiTokenFor(app.database.db, admin());
  const res = await app.server.inject({
    method: 'POST',
    url: '/quan-tri/tai-khoan/tao-moi',
    headers: { ...bearer(token), 'content-type': 'application/json' },
    payload: JSON.stringify({ username: 'ke.gian', full_name: 'Kẻ gian', agency_id: String(await agencyId(app.database.db)), roles: 'admin', password: TEST_PASSWORD }),
  });
  assert.notEqual(res.statusCode, 303);
  const made = await sql<{ n: number }>`select count(*)::int as n from accounts where username = 'ke.gian'`.execute(app.database.db);
  assert.equal(made.rows[0]?.n, 0);
  const page = await app.server.inject({ url: '/quan-tri/tai-khoan', headers: bearer(token) });
  assert.equal(page.statusCode, 303, 'the page sends the visitor to sign in: the header counts for nothing');
});

test('a token can do what its scopes say and nothing more', async () => {
  const c = app.client({ ip: '10.7.0.2' });
  const readOnly = await c.json('POST', '/api/v1/auth/token', { username: '0983123456', password: TEST_PASSWORD, scopes: ['read'], label: 'xem' });
  assert.equal(readOnly.statusCode, 200);
  assert.equal(readOnly.json().scope, 'read');
  const token = readOnly.json().access_token as string;
  assert.equal((await app.server.inject({ url: '/api/v1/me', headers: bearer(token) })).statusCode, 200);
  const submit = await app.server.inject({ method: 'POST', url: '/api/v1/dossiers', headers: { ...bearer(token), 'content-type': 'application/json' }, payload: '{}' });
  assert.equal(submit.statusCode, 403);
  assert.equal(submit.json().error.details.required_scope, 'submit');
  const submitOnly = await apiTokenFor(app.database.db, admin(), ['submit']);
  assert.equal((await app.server.inject({ url: '/api/v1/me', headers: bearer(submitOnly) })).statusCode, 403);
  // A citizen cannot have an administrator's scope; the default is every scope the account may have.
  const tooMuch = await c.json('POST', '/api/v1/auth/token', { username: '0983123456', password: TEST_PASSWORD, scopes: ['admin'] });
  assert.equal(tooMuch.statusCode, 403);
  const all = await c.json('POST', '/api/v1/auth/token', { username: '0983123456', password: TEST_PASSWORD, expires_in_days: 7 });
  assert.equal(all.json().scope, 'read submit');
  assert.ok(all.json().expires_in > 6 * 86_400);
});

test('the owner lists and revokes tokens; signing out everywhere revokes them all', async () => {
  const c = app.client({ ip: '10.7.0.3' });
  const issue = async () => (await c.json('POST', '/api/v1/auth/token', { username: 'hoa@example.vn', password: TEST_PASSWORD, scopes: ['read'], label: 'máy chủ' })).json().access_token as string;
  const a = await issue();
  const b = await issue();
  const list = await app.server.inject({ url: '/api/v1/tokens', headers: bearer(a) });
  assert.equal(list.statusCode, 200);
  const tokens = list.json() as { id: string; label: string; scopes: string[] }[];
  assert.ok(tokens.length >= 2);
  assert.ok(tokens.every((t) => /^[0-9a-f]{16}$/.test(t.id) && !JSON.stringify(t).includes(a)), 'a handle, never the token');
  const victim = tokens[0]?.id ?? '';
  assert.equal((await app.server.inject({ method: 'DELETE', url: `/api/v1/tokens/${victim}`, headers: bearer(a) })).statusCode, 204);
  assert.equal((await app.server.inject({ method: 'DELETE', url: `/api/v1/tokens/${victim}`, headers: bearer(a) })).statusCode, 404);
  const stillOk = [a, b].filter((t) => t !== undefined);
  const statuses = await Promise.all(stillOk.map(async (t) => (await app.server.inject({ url: '/api/v1/me', headers: bearer(t) })).statusCode));
  assert.deepEqual(statuses.sort(), [200, 401], 'the newest token was revoked, the other works');
  const live = statuses[0] === 200 ? a : b;
  const me = (await app.server.inject({ url: '/api/v1/me', headers: bearer(live) })).json() as { id: number };
  // Another citizen's account is not theirs to sign out.
  assert.equal((await app.server.inject({ method: 'DELETE', url: `/api/v1/accounts/${adminId}/sessions`, headers: bearer(live) })).statusCode, 403);
  assert.equal((await app.server.inject({ method: 'DELETE', url: `/api/v1/accounts/${me.id}/sessions`, headers: bearer(live) })).statusCode, 204);
  assert.equal((await app.server.inject({ url: '/api/v1/me', headers: bearer(live) })).statusCode, 401);
});

test('the tokens page creates a token once shown, lists and revokes it; signing out everywhere ends the page session too', async () => {
  const c = app.client({ ip: '10.7.0.4' });
  assert.equal((await c.submit('/dang-nhap', { identifier: '0983123456', password: TEST_PASSWORD })).statusCode, 303);
  const none = await c.submit('/tai-khoan/ma-truy-cap', { label: 'x' });
  assert.equal(none.statusCode, 400, 'a scope must be chosen');
  const made = await c.submit('/tai-khoan/ma-truy-cap', { label: 'Phần mềm kế toán', scopes: 'read', days: '7' });
  assert.equal(made.statusCode, 200);
  assert.match(String(made.headers['cache-control']), /\bno-store\b/, 'the page that shows the token once is never cached');
  const token = /<code id="new-token">([^<]+)<\/code>/.exec(made.body)?.[1] ?? '';
  assert.equal((await app.server.inject({ url: '/api/v1/me', headers: bearer(token) })).statusCode, 200);
  const page = await c.get('/tai-khoan/ma-truy-cap');
  assert.match(page.body, /Phần mềm kế toán/);
  assert.doesNotMatch(page.body, new RegExp(token), 'the token is shown once only');
  const handle = /action="\/tai-khoan\/ma-truy-cap\/([0-9a-f]{16})\/thu-hoi"/.exec(page.body)?.[1] ?? '';
  assert.equal((await c.submit('/tai-khoan/ma-truy-cap', {}, `/tai-khoan/ma-truy-cap/${handle}/thu-hoi`)).statusCode, 303);
  assert.equal((await app.server.inject({ url: '/api/v1/me', headers: bearer(token) })).statusCode, 401);
  const again = /<code id="new-token">([^<]+)<\/code>/.exec((await c.submit('/tai-khoan/ma-truy-cap', { scopes: 'read' })).body)?.[1] ?? '';
  assert.equal((await c.submit('/tai-khoan/ma-truy-cap', {}, '/tai-khoan/dang-xuat-moi-noi')).statusCode, 303);
  assert.equal((await app.server.inject({ url: '/api/v1/me', headers: bearer(again) })).statusCode, 401);
  assert.equal((await c.get('/tai-khoan')).statusCode, 303, 'the browser session ended too');
});
