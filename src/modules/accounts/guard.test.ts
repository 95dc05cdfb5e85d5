// Issue 10: a stranger cannot lock an account. Failures are throttled per source (waits, then a proof of work), the
// owner signing in from elsewhere is never refused, unknown and known accounts get the same answers, the owner is told
// of repeated failures, and the current-password checks count too.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { testApp, type TestApp } from '../../testing/app.ts';
import { createChallenge, encodeChallenge, WAIT_SECONDS } from '../../platform/auth/pow.ts';
import { TEST_PASSWORD, citizen, registerWithCode, signInWithForm } from './testing.ts';

let app: TestApp;
before(async () => {
  app = await testApp();
  assert.equal((await registerWithCode(app, app.client({ ip: '10.1.0.1' }), citizen())).statusCode, 303);
});
after(async () => {
  await app.close();
});

/** Lets the waits of a source pass, as time would. */
async function waitsPass(): Promise<void> {
  await sql`update auth_throttle set next_allowed_at = null`.execute(app.database.db);
}

test('a stranger guessing from one place cannot lock the account: the owner elsewhere signs in at once', async () => {
  const stranger = app.client({ ip: '10.2.0.1' });
  const statuses: number[] = [];
  for (let i = 0; i < 12; i++) {
    statuses.push((await signInWithForm(stranger, '0983123456', `Sai${i}123456`)).statusCode);
    await waitsPass();
  }
  assert.ok(statuses.every((s) => s === 401), `every guess is simply wrong: ${statuses.join(',')}`);
  const owner = app.client({ ip: '10.2.0.2' });
  const res = await signInWithForm(owner, '0983123456');
  assert.equal(res.statusCode, 303, 'the owner is not refused');
  assert.equal(res.headers.location, '/tai-khoan');
});

test('the guesser waits longer and longer, then must send a proof of work; without JavaScript, 30 seconds', async () => {
  const c = app.client({ ip: '10.3.0.1' });
  assert.equal((await signInWithForm(c, 'hoa@example.vn', 'Sai1234567')).statusCode, 401);
  assert.equal((await signInWithForm(c, 'hoa@example.vn', 'Sai1234567')).statusCode, 401);
  assert.equal((await signInWithForm(c, 'hoa@example.vn', 'Sai1234567')).statusCode, 401);
  const waiting = await signInWithForm(c, 'hoa@example.vn', TEST_PASSWORD);
  assert.equal(waiting.statusCode, 429, 'even the right password waits: nothing is checked while waiting');
  assert.match(waiting.body, /Vui lòng chờ \d+ giây/);
  const en = await c.submit('/dang-nhap?lang=en', { identifier: 'hoa@example.vn', password: TEST_PASSWORD });
  assert.match(en.body, /Please wait \d+ seconds/);
  const waits = await sql<{ s: number }>`select extract(epoch from next_allowed_at - now())::int as s from auth_throttle where key like 'pair:10.3.0.1:%'`.execute(app.database.db);
  assert.ok((waits.rows[0]?.s ?? 0) > 0);
  await waitsPass();
  // Three failures from this source: the form now carries a challenge, and a post without its proof is refused.
  const page = await c.get('/dang-nhap');
  assert.match(page.body, /name="altcha_challenge"/);
  assert.match(page.body, /src="\/static\/altcha.js"/);
  const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
  const noProof = await c.postForm('/dang-nhap', { _csrf: csrf, identifier: 'hoa@example.vn', password: TEST_PASSWORD });
  assert.equal(noProof.statusCode, 400);
  assert.match(noProof.body, /anti-guessing check/, 'in English: the language chosen above stays');
  // No JavaScript: the challenge, sent back unsolved after 30 seconds, is accepted once.
  const old = encodeChallenge(await createChallenge(app.database.db, new Date(Date.now() - (WAIT_SECONDS + 1) * 1000)));
  const fresh = encodeChallenge(await createChallenge(app.database.db));
  const tooSoon = await c.postForm('/dang-nhap', { _csrf: csrf, identifier: 'hoa@example.vn', password: TEST_PASSWORD, altcha_challenge: fresh, altcha_number: '' });
  assert.equal(tooSoon.statusCode, 400);
  const waited = await c.postForm('/dang-nhap', { _csrf: csrf, identifier: 'hoa@example.vn', password: TEST_PASSWORD, altcha_challenge: old, altcha_number: '' });
  assert.equal(waited.statusCode, 303);
  const c2 = app.client({ ip: '10.3.0.1' });
  const page2 = await c2.get('/dang-nhap');
  const csrf2 = /name="_csrf" value="([^"]+)"/.exec(page2.body)?.[1] ?? '';
  const replay = await c2.postForm('/dang-nhap', { _csrf: csrf2, identifier: 'hoa@example.vn', password: TEST_PASSWORD, altcha_challenge: old, altcha_number: '' });
  assert.equal(replay.statusCode, 400, 'a challenge counts once');
  // With JavaScript (the client solves it like /static/altcha.js): signed in.
  assert.equal((await signInWithForm(c2, 'hoa@example.vn')).statusCode, 303);
});

test('unknown and known accounts get the same answers, waits included', async () => {
  const run = async (ip: string, identifier: string) => {
    const c = app.client({ ip });
    const out: string[] = [];
    for (let i = 0; i < 4; i++) {
      const r = await signInWithForm(c, identifier, 'Sai1234567');
      out.push(`${r.statusCode} ${/<div class="error-summary"[\s\S]*?<\/div>/.exec(r.body)?.[0].replace(/\d+ giây/, 'N giây') ?? ''}`);
    }
    return out;
  };
  assert.deepEqual(await run('10.4.0.1', '0983123456'), await run('10.4.0.2', '0912000111'));
});

test('the owner is told once of repeated failures, by message; the account stays open', async () => {
  await sql`delete from auth_throttle`.execute(app.database.db);
  const sent = async () => (await sql<{ n: number }>`select count(*)::int as n from outbox_sms where to_phone = '+84983123456' and body like '%dang nhap sai%'`.execute(app.database.db)).rows[0]?.n;
  const before = await sent();
  for (let i = 0; i < 8; i++) await signInWithForm(app.client({ ip: `10.5.0.${i + 1}` }), '0983123456', 'Sai1234567');
  assert.equal(await sent(), (before ?? 0) + 1, 'one message for the window, however many failures');
  const audit = await sql<{ n: number }>`select count(*)::int as n from audit_log where action = 'account.failures_notice' and at > now() - interval '1 minute'`.execute(app.database.db);
  assert.ok((audit.rows[0]?.n ?? 0) >= 1);
  assert.equal((await signInWithForm(app.client({ ip: '10.5.1.1' }), '0983123456')).statusCode, 303);
});

test('a wrong current password on the password and profile forms counts as a failed guess', async () => {
  const c = app.client({ ip: '10.6.0.1' });
  assert.equal((await signInWithForm(c, '0983123456')).statusCode, 303);
  const change = (current: string) => c.submit('/tai-khoan', { current_password: current, password: 'Moi12345678', password_confirm: 'Moi12345678' }, '/tai-khoan/mat-khau');
  assert.equal((await change('Sai1')).statusCode, 400);
  assert.equal((await change('Sai2')).statusCode, 400);
  assert.equal((await change('Sai3')).statusCode, 400);
  const waiting = await change(TEST_PASSWORD);
  assert.equal(waiting.statusCode, 429);
  assert.match(waiting.body, /Vui lòng chờ \d+ giây/);
  await waitsPass();
  const contacts = await c.submit('/tai-khoan', { full_name: 'Nguyễn Thị Hoa', phone: '0983123456', email: 'moi@example.vn', profile_password: 'Sai9' }, '/tai-khoan/thong-tin');
  assert.equal(contacts.statusCode, 400);
  const r = await sql<{ n: number }>`select count(*)::int as n from audit_log where action = 'account.password_check_failed'`.execute(app.database.db);
  assert.equal(r.rows[0]?.n, 4);
});
