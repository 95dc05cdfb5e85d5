// Two-step verification is mandatory for leaders and administrators (EGOV_2FA_ROLES), and TOTP secrets are stored
// sealed (issue 10).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { testApp, type TestApp, type TestClient } from '../../testing/app.ts';
import { apiTokenFor } from '../../testing/auth.ts';
import { loadSession } from '../../platform/auth/sessions.ts';
import { totpCode } from './totp.ts';
import { sealPlaintextTotpSecrets, sealTotpSecret } from './totp-secrets.ts';
import { createSealer } from '../../platform/auth/sealed.ts';
import { DEMO_PASSWORD, DEMO_TOTP_SECRET, presetDemoTotpOnOlderDemoData } from './demo.ts';
import { TEST_PASSWORD, makeStaff, signInWithForm } from './testing.ts';

let app: TestApp;
let secret = '';
const SETUP = '/tai-khoan/xac-thuc-hai-buoc';

before(async () => {
  app = await testApp({ env: { EGOV_2FA_ROLES: 'leader,admin' } });
  await makeStaff(app.database.db, 'cb.lanhdao', ['leader']);
  await makeStaff(app.database.db, 'cb.motcua', ['one_stop_officer']);
});
after(async () => {
  await app.close();
});

async function storedSecret(username: string): Promise<string | null> {
  const r = await sql<{ totp_secret: string | null }>`select totp_secret from accounts where username = ${username}`.execute(app.database.db);
  return r.rows[0]?.totp_secret ?? null;
}

async function apiError(c: TestClient, method: 'GET' | 'POST', url: string, payload?: unknown, headers: Record<string, string> = {}) {
  const res = await c.json(method, url, payload, headers);
  return { status: res.statusCode, error: (res.json() as { error?: { code: string; message: { vi: string; en: string } } }).error };
}

test('a leader without two-step verification is sent to its setup from every page; the API answers 403', async () => {
  const c = app.client();
  assert.equal((await signInWithForm(c, 'cb.lanhdao')).statusCode, 303);
  for (const page of ['/mot-cua', '/tai-khoan', '/', '/tai-khoan/ma-truy-cap']) {
    const res = await c.get(page);
    assert.equal(res.statusCode, 303, page);
    assert.equal(res.headers.location, SETUP, page);
  }
  // Static files stay open (the setup page needs its style sheet).
  assert.equal((await c.get('/static/style.css')).statusCode, 200);

  // The setup starts at once, and says why.
  const setup = await c.get(SETUP);
  assert.equal(setup.statusCode, 200);
  assert.match(setup.body, /Vai trò của bạn bắt buộc xác thực hai bước/);
  secret = /id="totp-secret">([A-Z2-7]+)</.exec(setup.body)?.[1] ?? '';
  assert.equal(secret.length, 32);

  // The column holds the secret sealed, never in plain text.
  const stored = (await storedSecret('cb.lanhdao')) ?? '';
  assert.match(stored, /^v1:[0-9a-f]{8}:/);
  assert.ok(!stored.includes(secret));

  // The API, by session or by a token issued earlier, refuses with a code and both languages.
  const bySession = await apiError(c, 'GET', '/api/v1/me');
  assert.equal(bySession.status, 403);
  assert.equal(bySession.error?.code, 'TWO_STEP_SETUP_REQUIRED');
  assert.match(bySession.error?.message.vi ?? '', /bắt buộc xác thực hai bước/);
  assert.match(bySession.error?.message.en ?? '', /require two-step verification/);
  const row = await loadSession(app.database.db, c.cookies.get('egov_sid') ?? '');
  assert.ok(row);
  const bearer = await apiTokenFor(app.database.db, row.user, ['read']);
  const byToken = await apiError(app.client(), 'GET', '/api/v1/me', undefined, { authorization: `Bearer ${bearer}` });
  assert.equal(byToken.status, 403);
  assert.equal(byToken.error?.code, 'TWO_STEP_SETUP_REQUIRED');
  // And no new token before the setup.
  const token = await apiError(app.client(), 'POST', '/api/v1/auth/token', { username: 'cb.lanhdao', password: TEST_PASSWORD });
  assert.equal(token.status, 403);
  assert.equal(token.error?.code, 'TWO_STEP_SETUP_REQUIRED');

  // A one-stop officer (not in EGOV_2FA_ROLES) is not asked.
  const officer = app.client();
  assert.equal((await signInWithForm(officer, 'cb.motcua')).headers.location, '/mot-cua');
  assert.equal((await officer.get('/mot-cua')).statusCode, 200);

  // Once set up, the same session goes on working.
  const ok = await c.submit(SETUP, { code: totpCode(secret) });
  assert.equal(ok.statusCode, 303);
  assert.equal(ok.headers.location, '/tai-khoan?done=totp');
  assert.match((await c.get('/tai-khoan?done=totp')).body, /Đã bật xác thực hai bước/);
  assert.equal((await c.get('/mot-cua')).statusCode, 200);
  assert.equal((await c.json('GET', '/api/v1/me')).statusCode, 200);
});

test('after the setup, signing in asks for the code (with no demo hint outside the demo)', async () => {
  const c = app.client();
  const first = await signInWithForm(c, 'cb.lanhdao');
  assert.equal(first.headers.location, '/dang-nhap/xac-thuc');
  const step = await c.get('/dang-nhap/xac-thuc');
  assert.match(step.body, /mã 6 chữ số/);
  assert.doesNotMatch(step.body, /id="demo-totp"/);
  const done = await c.submit('/dang-nhap/xac-thuc', { code: totpCode(secret, Date.now() + 30_000) });
  assert.equal(done.statusCode, 303);
  assert.equal(done.headers.location, '/mot-cua');
  assert.equal((await c.get('/mot-cua')).statusCode, 200);
});

test('a secret stored in plain text before sealing still works, and is sealed at the next start', async () => {
  const id = await makeStaff(app.database.db, 'cb.quantri', ['admin']);
  const plain = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
  await sql`update accounts set totp_secret = ${plain}, totp_enabled = true where id = ${id}`.execute(app.database.db);
  const c = app.client();
  assert.equal((await signInWithForm(c, 'cb.quantri')).headers.location, '/dang-nhap/xac-thuc');
  assert.equal((await c.submit('/dang-nhap/xac-thuc', { code: totpCode(plain) })).statusCode, 303);

  assert.equal(await sealPlaintextTotpSecrets(app.platform), 1);
  const stored = (await storedSecret('cb.quantri')) ?? '';
  assert.match(stored, /^v1:/);
  assert.ok(!stored.includes(plain));
  assert.equal(await sealPlaintextTotpSecrets(app.platform), 0, 'idempotent');
  const again = app.client();
  assert.equal((await signInWithForm(again, 'cb.quantri')).headers.location, '/dang-nhap/xac-thuc');
  assert.equal((await again.submit('/dang-nhap/xac-thuc', { code: totpCode(plain, Date.now() + 30_000) })).statusCode, 303);
  // Sealed under another key (a key lost or changed): the code is refused, nothing breaks.
  await sql`update accounts set totp_secret = ${sealTotpSecret(createSealer(Buffer.alloc(32, 9)), id, plain)}, totp_last_step = null where id = ${id}`.execute(app.database.db);
  const lost = app.client();
  assert.equal((await signInWithForm(lost, 'cb.quantri')).headers.location, '/dang-nhap/xac-thuc');
  const refused = await lost.submit('/dang-nhap/xac-thuc', { code: totpCode(plain) });
  assert.equal(refused.statusCode, 401);
  assert.match(refused.body, /Mã xác thực không đúng/);
  // No account is left with a plain secret.
  const left = await sql<{ n: number }>`select count(*)::int as n from accounts where totp_secret is not null and totp_secret not like 'v1:%'`.execute(app.database.db);
  assert.equal(left.rows[0]?.n, 0);
});

test('the demo: leaders and administrators start on the demo secret, and the second-step page shows its current code', async () => {
  const demo = await testApp({ demo: true, env: { EGOV_2FA_ROLES: 'leader,admin' } });
  try {
    const c = demo.client();
    assert.equal((await c.submit('/dang-nhap', { identifier: 'demo.lanhdao', password: DEMO_PASSWORD })).headers.location, '/dang-nhap/xac-thuc');
    const step = await c.get('/dang-nhap/xac-thuc');
    const shown = /id="demo-totp-code">(\d{6})</.exec(step.body)?.[1];
    assert.ok(shown, 'the demo hint shows a code');
    assert.ok(step.body.includes(DEMO_TOTP_SECRET));
    const done = await c.submit('/dang-nhap/xac-thuc', { code: shown });
    assert.equal(done.statusCode, 303);
    assert.equal((await c.get('/mot-cua')).statusCode, 200);
    // Other staff are not on it.
    const officer = demo.client();
    assert.equal((await officer.submit('/dang-nhap', { identifier: 'demo.motcua', password: DEMO_PASSWORD })).headers.location, '/mot-cua');
    // Demo data loaded before it was mandatory gets the demo secret at the next start (once).
    await sql`update accounts set totp_enabled = false, totp_secret = null where username = 'demo.admin'`.execute(demo.database.db);
    assert.equal(await presetDemoTotpOnOlderDemoData(demo.platform), 1);
    assert.equal(await presetDemoTotpOnOlderDemoData(demo.platform), 0);
    const admin = demo.client();
    assert.equal((await admin.submit('/dang-nhap', { identifier: 'demo.admin', password: DEMO_PASSWORD })).headers.location, '/dang-nhap/xac-thuc');
    assert.match((await admin.get('/dang-nhap/xac-thuc')).body, /id="demo-totp-code">\d{6}</);
  } finally {
    await demo.close();
  }
});
