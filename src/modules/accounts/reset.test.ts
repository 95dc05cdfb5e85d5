import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { sql } from 'kysely';
import { testApp, type TestApp } from '../../testing/app.ts';
import { TEST_PASSWORD, citizen, lastCodeSentTo, registerWithCode, signInWithForm } from './testing.ts';

interface Received {
  to: string[];
  raw: string;
}

const inbox: Received[] = [];
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
  app = await testApp({ env: { SMTP_URL: `smtp://127.0.0.1:${port}`, EGOV_BASE_URL: 'https://dichvucong.example.vn' } });
});
after(async () => {
  await app.close();
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
});

/** The text of a MIME message, whatever transfer encoding nodemailer chose for each part. */
function decodeMail(raw: string): string {
  const parts = raw.split(/\r?\n--[^\r\n]+\r?\n/);
  return parts
    .map((p) => {
      const [head = '', ...rest] = p.split(/\r?\n\r?\n/);
      const body = rest.join('\n\n');
      if (/content-transfer-encoding:\s*base64/i.test(head)) return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
      if (/content-transfer-encoding:\s*quoted-printable/i.test(head)) {
        const bytes = body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
        return Buffer.from(bytes, 'latin1').toString('utf8');
      }
      return body;
    })
    .join('\n');
}

async function waitForMail(count: number): Promise<Received> {
  for (let i = 0; i < 200 && inbox.length < count; i++) await new Promise((r) => setTimeout(r, 25));
  const mail = inbox[count - 1];
  assert.ok(mail, 'the mail arrived');
  return mail;
}

test('a forgotten password is reset through the e-mailed link; the link works once', async () => {
  const c = app.client();
  assert.equal((await registerWithCode(app, c, citizen())).statusCode, 303);
  // Another browser where the citizen is signed in: it will be signed out by the reset.
  const other = app.client();
  assert.equal((await signInWithForm(other, '0983123456')).statusCode, 303);

  const anon = app.client();
  const unknown = await anon.submit('/quen-mat-khau', { identifier: 'khongco@example.vn' });
  const known = await anon.submit('/quen-mat-khau', { identifier: 'HOA@example.vn' });
  assert.equal(unknown.statusCode, 200);
  assert.equal(known.statusCode, 200);
  const notice = (body: string): string => /<div class="notice success" role="status"><p>([^<]+)</.exec(body)?.[1] ?? '';
  assert.match(notice(known.body), /Nếu thông tin trên khớp/);
  assert.equal(notice(unknown.body), notice(known.body), 'the same answer whether or not the account exists');

  const mail = await waitForMail(1);
  assert.deepEqual(mail.to, ['hoa@example.vn']);
  assert.equal(inbox.length, 1, 'no mail for an unknown address');
  const text = decodeMail(mail.raw);
  assert.match(text, /Đặt lại mật khẩu|đặt lại mật khẩu/);
  const link = /https:\/\/dichvucong\.example\.vn\/dat-lai-mat-khau\?token=([\w-]+)/.exec(text);
  assert.ok(link, 'the mail carries the link');
  const path = `/dat-lai-mat-khau?token=${link[1]}`;
  const stored = await sql<{ token_hash: string }>`select token_hash from password_resets`.execute(app.database.db);
  assert.notEqual(stored.rows[0]?.token_hash, link[1], 'only a hash of the token is stored');

  const weak = await anon.submit(path, { token: link[1] ?? '', password: 'short', password_confirm: 'short' }, '/dat-lai-mat-khau');
  assert.equal(weak.statusCode, 400);
  assert.match(weak.body, /ít nhất 8 ký tự/);
  const done = await anon.submit(path, { token: link[1] ?? '', password: 'MatKhauMoi2025', password_confirm: 'MatKhauMoi2025' }, '/dat-lai-mat-khau');
  assert.equal(done.statusCode, 303);
  assert.equal(done.headers.location, '/dang-nhap?reset=1');
  assert.match((await anon.get('/dang-nhap?reset=1')).body, /Mật khẩu đã được đặt lại/);

  assert.equal((await other.get('/tai-khoan')).statusCode, 303, 'other sessions ended');
  assert.equal((await signInWithForm(app.client(), 'hoa@example.vn', TEST_PASSWORD)).statusCode, 401, 'the old password no longer works');
  assert.equal((await signInWithForm(app.client(), 'hoa@example.vn', 'MatKhauMoi2025')).statusCode, 303);

  const reuse = await anon.get(path);
  assert.equal(reuse.statusCode, 400);
  assert.match(reuse.body, /không hợp lệ, đã hết hạn hoặc đã được dùng/);
  const audit = await sql<{ action: string }>`select action from audit_log where action like 'account.password_reset%' order by id`.execute(app.database.db);
  assert.deepEqual(audit.rows.map((r) => r.action), ['account.password_reset_request', 'account.password_reset_request', 'account.password_reset']);
});

test('a link older than one hour no longer works', async () => {
  const c = app.client();
  await c.submit('/quen-mat-khau', { identifier: 'hoa@example.vn' });
  const mail = await waitForMail(2);
  const token = /token=([\w-]+)/.exec(decodeMail(mail.raw))?.[1] ?? '';
  await sql`update password_resets set expires_at = now() - interval '1 second' where used_at is null`.execute(app.database.db);
  assert.equal((await c.get(`/dat-lai-mat-khau?token=${token}`)).statusCode, 400);
  const post = await c.submit('/quen-mat-khau', { token, password: 'MatKhau3333', password_confirm: 'MatKhau3333' }, '/dat-lai-mat-khau');
  assert.equal(post.statusCode, 400);
  assert.match(post.body, /Yêu cầu liên kết mới/);
});

test('an account with only a phone number resets its password with a code by SMS; every identifier gets the same answer', async () => {
  assert.equal((await registerWithCode(app, app.client(), citizen({ full_name: 'Phạm Văn Tú', personal_id: '001095012360', phone: '0966 000 111', email: '' }))).statusCode, 303);
  const other = app.client();
  assert.equal((await signInWithForm(other, '0966000111')).statusCode, 303);
  // The registration's code went to that number a moment ago: let its minute pass.
  await sql`update account_codes set last_sent_at = last_sent_at - interval '2 minutes'`.execute(app.database.db);

  const main = (html: string): string => (/<main[^>]*>([\s\S]*)<\/main>/.exec(html)?.[1] ?? '').replace(/name="_csrf" value="[^"]*"/g, '');
  const answers = [];
  for (const identifier of ['0966 000 111', '0966 999 999', 'hoa@example.vn', 'khong.co.ai', '001095012360']) {
    const c = app.client();
    const res = await c.submit('/quen-mat-khau', { identifier });
    assert.equal(res.statusCode, 200, identifier);
    assert.ok(c.cookies.get('egov_flow'), `a flow cookie for ${identifier}`);
    answers.push({ c, body: main(res.body) });
  }
  for (const a of answers.slice(1)) assert.equal(a.body, answers[0]?.body, 'the same answer whatever was typed');
  assert.match(answers[0]?.body ?? '', /mã 6 chữ số qua tin nhắn/);
  assert.match(answers[0]?.body ?? '', /Nhận được mã qua tin nhắn\?/);

  const sms = await sql<{ to_phone: string }>`select to_phone from outbox_sms where body like '%dat lai mat khau%' order by id`.execute(app.database.db);
  // The ID of the same account a moment later: within the number's minute, so nothing more is sent (and nothing said).
  assert.deepEqual(sms.rows.map((r) => r.to_phone), ['+84966000111'], 'one code, to the account’s number; nothing to unknown numbers');
  const code = await lastCodeSentTo(app.database.db, '0966000111');
  const byId = answers[4]?.c;
  assert.ok(byId);
  const elsewhere = await byId.submit('/quen-mat-khau', { code, password: 'MatKhau4444', password_confirm: 'MatKhau4444' }, '/quen-mat-khau/ma');
  assert.equal(elsewhere.statusCode, 400, 'a code works only in the browser that asked for it');
  const c = answers[0]?.c;
  assert.ok(c);
  const weak = await c.submit('/quen-mat-khau', { code, password: 'short', password_confirm: 'short' }, '/quen-mat-khau/ma');
  assert.equal(weak.statusCode, 400);
  assert.match(weak.body, /ít nhất 8 ký tự/);
  const wrong = await c.submit('/quen-mat-khau', { code: code === '000000' ? '111111' : '000000', password: 'MatKhau4444', password_confirm: 'MatKhau4444' }, '/quen-mat-khau/ma');
  assert.equal(wrong.statusCode, 400);
  assert.match(wrong.body, /Mã xác minh không đúng/);
  const done = await c.submit('/quen-mat-khau', { code, password: 'MatKhau4444', password_confirm: 'MatKhau4444' }, '/quen-mat-khau/ma');
  assert.equal(done.statusCode, 303);
  assert.equal(done.headers.location, '/dang-nhap?reset=1');
  assert.equal((await other.get('/tai-khoan')).statusCode, 303, 'other sessions ended');
  assert.equal((await signInWithForm(app.client(), '0966000111', TEST_PASSWORD)).statusCode, 401, 'the old password no longer works');
  assert.equal((await signInWithForm(app.client(), '0966000111', 'MatKhau4444')).statusCode, 303);
  const again = await c.submit('/quen-mat-khau', { code, password: 'MatKhau5555', password_confirm: 'MatKhau5555' }, '/quen-mat-khau/ma');
  assert.equal(again.statusCode, 400, 'the code works once');
  const audit = await sql<{ via: string }>`select data->>'via' as via from audit_log where action = 'account.password_reset' order by id desc limit 1`.execute(app.database.db);
  assert.equal(audit.rows[0]?.via, 'sms');
});
