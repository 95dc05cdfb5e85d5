import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { testDatabase } from '../testing/database.ts';
import type { Database } from '../db/index.ts';
import { ConfigError, loadConfig } from '../config.ts';
import { createSms, httpSmsProvider, logSmsProvider, smsNumber, smsProviderFrom, smsText, SMS_MAX_ATTEMPTS, type SmsProvider } from './sms.ts';

let database: Database;
before(async () => {
  database = await testDatabase();
});
after(async () => {
  await database.close();
});

/** A logger whose lines the test reads. */
function capturingLog() {
  const lines: Record<string, unknown>[] = [];
  const log = pino({ level: 'info' }, { write: (s: string) => void lines.push(JSON.parse(s) as Record<string, unknown>) });
  return { log, lines };
}

interface Received {
  body: unknown;
  authorization: string | undefined;
  contentType: string | undefined;
}

/** A loopback SMS gateway answering with the statuses given, one per request (the last one repeats). */
async function gateway(statuses: number[], delayMs = 0): Promise<{ url: string; received: Received[]; close(): Promise<void> }> {
  const received: Received[] = [];
  const server: Server = createServer((req: IncomingMessage, res) => {
    let data = '';
    req.on('data', (c: Buffer) => (data += c.toString()));
    req.on('end', () => {
      received.push({ body: JSON.parse(data), authorization: req.headers.authorization, contentType: req.headers['content-type'] });
      const status = statuses[Math.min(received.length - 1, statuses.length - 1)] ?? 200;
      setTimeout(() => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify({ ok: status < 300, error: status < 300 ? null : 'so thue bao khong hop le' })), delayMs);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/api/sms`, received, close: () => new Promise((r) => server.close(() => r())) };
}

async function outbox(id: number) {
  return database.db.selectFrom('outbox_sms').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

const minutesAfter = (m: number) => new Date(Date.now() + m * 60_000 + 1000);

test('numbers: Vietnamese mobiles in any usual writing become +84…; landlines and foreign numbers cannot get an SMS', () => {
  assert.equal(smsNumber('0912 345 678'), '+84912345678');
  assert.equal(smsNumber('+84 983.123.456'), '+84983123456');
  assert.equal(smsNumber('84-365-123-456'), '+84365123456');
  assert.equal(smsNumber('024 3825 3536'), null); // a Hà Nội landline
  assert.equal(smsNumber('+1 415 555 0100'), null);
  assert.equal(smsNumber('0912'), null);
});

test('text: accents folded, one line, printable ASCII, so a message fits 160 characters a segment', () => {
  assert.equal(smsText('Hồ sơ  đã được\ntiếp nhận – hẹn trả “27/02/2026”…'), 'Ho so da duoc tiep nhan - hen tra "27/02/2026"...');
  assert.equal(smsText('ĐƯỜNG Nguyễn Trãi 😀'), 'DUONG Nguyen Trai');
});

test('configuration: SMS_PROVIDER=http needs SMS_HTTP_URL; the default is the log', () => {
  assert.equal(loadConfig({}).smsProvider, 'log');
  assert.throws(() => loadConfig({ SMS_PROVIDER: 'http' }), (e: unknown) => e instanceof ConfigError && /^SMS_HTTP_URL="" is not valid: expected .*SMS gateway/.test(e.message));
  assert.throws(() => loadConfig({ SMS_PROVIDER: 'http', SMS_HTTP_URL: 'ftp://sms.example' }), /SMS_HTTP_URL="ftp:\/\/sms.example" is not valid/);
  assert.throws(() => loadConfig({ SMS_PROVIDER: 'viettel' }), /SMS_PROVIDER="viettel" is not valid: expected one of log, http/);
  const c = loadConfig({ SMS_PROVIDER: 'http', SMS_HTTP_URL: 'https://sms.example.vn/api/send', SMS_HTTP_TOKEN: 'bi-mat' });
  assert.deepEqual([c.smsProvider, c.smsHttpUrl, c.smsHttpToken], ['http', 'https://sms.example.vn/api/send', 'bi-mat']);
});

test('enqueue writes into the caller’s transaction: nothing is left when it rolls back; the stored body is unaccented', async () => {
  const sms = createSms({ provider: logSmsProvider(pino({ level: 'silent' })), log: pino({ level: 'silent' }) });
  await assert.rejects(
    database.db.transaction().execute(async (trx) => {
      await sms.enqueue(trx, { to: '0912 000 001', body: 'Hồ sơ bị huỷ' });
      throw new Error('rollback');
    }),
    /rollback/,
  );
  assert.equal((await database.db.selectFrom('outbox_sms').select('id').where('to_phone', '=', '+84912000001').execute()).length, 0);
  const id = await database.db.transaction().execute((trx) => sms.enqueue(trx, { to: '0912 000 002', body: 'Hồ sơ đã được tiếp nhận.' }));
  const row = await outbox(id);
  assert.deepEqual([row.to_phone, row.body, row.sent_at, row.attempts], ['+84912000002', 'Ho so da duoc tiep nhan.', null, 0]);
  await assert.rejects(sms.enqueue(database.db, { to: '024 3825 3536', body: 'x' }), /not a Vietnamese mobile number/);
  await sms.flush(database.db, { limit: 1000 });
});

test('the log provider writes the message to the log (never the console) and marks it sent; a second flush sends nothing', async () => {
  const { log, lines } = capturingLog();
  const sms = createSms({ provider: smsProviderFrom(loadConfig({}), log), log });
  const id = await sms.enqueue(database.db, { to: '0983 123 456', body: 'Hồ sơ 000.00.20.H26-260302-0001 đã có kết quả.' });
  assert.deepEqual(await sms.flush(database.db), { sent: 1, failed: 0 });
  const logged = lines.find((l) => (l.sms as { to?: string } | undefined)?.to === '+84983123456');
  assert.deepEqual(logged?.sms, { to: '+84983123456', body: 'Ho so 000.00.20.H26-260302-0001 da co ket qua.' });
  assert.ok((await outbox(id)).sent_at instanceof Date);
  assert.deepEqual(await sms.flush(database.db), { sent: 0, failed: 0 });
});

test('the http provider posts {to, text} as JSON with the bearer token to the gateway', async () => {
  const gw = await gateway([200]);
  try {
    const log = pino({ level: 'silent' });
    const sms = createSms({ provider: smsProviderFrom(loadConfig({ SMS_PROVIDER: 'http', SMS_HTTP_URL: gw.url, SMS_HTTP_TOKEN: 'tok-123' }), log), log });
    const id = await sms.enqueue(database.db, { to: '0912 345 678', body: 'Hồ sơ 000.04.51.H26-260302-0007: hẹn trả 09/03/2026.' });
    assert.deepEqual(await sms.flush(database.db), { sent: 1, failed: 0 });
    assert.deepEqual(gw.received, [
      { body: { to: '+84912345678', text: 'Ho so 000.04.51.H26-260302-0007: hen tra 09/03/2026.' }, authorization: 'Bearer tok-123', contentType: 'application/json' },
    ]);
    const row = await outbox(id);
    assert.deepEqual([row.attempts, row.last_error], [1, null]);
    assert.ok(row.sent_at);
    // Without a token, no Authorization header at all.
    await httpSmsProvider({ url: gw.url }).send('+84912345678', 'x');
    assert.equal(gw.received[1]?.authorization, undefined);
  } finally {
    await gw.close();
  }
});

test('a gateway outage: the error is recorded, the message waits (1 min, 5 min …) and goes out when the gateway is back', async () => {
  const gw = await gateway([503, 503, 200]);
  try {
    const log = pino({ level: 'silent' });
    const sms = createSms({ provider: httpSmsProvider({ url: gw.url }), log });
    const id = await sms.enqueue(database.db, { to: '0912 111 222', body: 'Thu lai' });
    assert.deepEqual(await sms.flush(database.db), { sent: 0, failed: 1 });
    let row = await outbox(id);
    assert.deepEqual([row.attempts, row.sent_at], [1, null]);
    assert.match(row.last_error ?? '', /SMS gateway answered 503: .*so thue bao/);
    // Too early for the second attempt.
    assert.deepEqual(await sms.flush(database.db, { now: new Date(Date.now() + 30_000) }), { sent: 0, failed: 0 });
    assert.deepEqual(await sms.flush(database.db, { now: minutesAfter(1) }), { sent: 0, failed: 1 });
    assert.deepEqual(await sms.flush(database.db, { now: minutesAfter(4) }), { sent: 0, failed: 0 });
    assert.deepEqual(await sms.flush(database.db, { now: minutesAfter(5) }), { sent: 1, failed: 0 });
    row = await outbox(id);
    assert.deepEqual([row.attempts, row.last_error, gw.received.length], [3, null, 3]);
    assert.ok(row.sent_at);
  } finally {
    await gw.close();
  }
});

test('a refused request (4xx) is not retried; an unreachable gateway is tried at most SMS_MAX_ATTEMPTS times', async () => {
  const gw = await gateway([400]);
  const log = pino({ level: 'silent' });
  try {
    const sms = createSms({ provider: httpSmsProvider({ url: gw.url }), log });
    const id = await sms.enqueue(database.db, { to: '0912 333 444', body: 'Sai' });
    assert.deepEqual(await sms.flush(database.db), { sent: 0, failed: 1 });
    assert.deepEqual(await sms.flush(database.db, { now: minutesAfter(24 * 60) }), { sent: 0, failed: 0 });
    const row = await outbox(id);
    assert.deepEqual([row.attempts, row.sent_at], [SMS_MAX_ATTEMPTS, null]);
    assert.match(row.last_error ?? '', /answered 400/);
  } finally {
    await gw.close();
  }
  // Nothing listens on the closed port now.
  const sms = createSms({ provider: httpSmsProvider({ url: gw.url, timeoutMs: 2000 }), log });
  const id = await sms.enqueue(database.db, { to: '0912 555 666', body: 'Mat ket noi' });
  for (let m = 0; m <= 24 * 60; m += 30) await sms.flush(database.db, { now: minutesAfter(m) });
  const row = await outbox(id);
  assert.deepEqual([row.attempts, row.sent_at], [SMS_MAX_ATTEMPTS, null]);
  assert.match(row.last_error ?? '', /SMS gateway unreachable/);
});

test('two flushes at the same moment send each message once', async () => {
  const sent: string[] = [];
  const slow: SmsProvider = { send: async (to) => void (await new Promise((r) => setTimeout(r, 20)), sent.push(to)) };
  const sms = createSms({ provider: slow, log: pino({ level: 'silent' }) });
  const numbers = ['0971 000 001', '0971 000 002', '0971 000 003', '0971 000 004'];
  for (const to of numbers) await sms.enqueue(database.db, { to, body: 'Mot lan' });
  const [a, b] = await Promise.all([sms.flush(database.db), sms.flush(database.db)]);
  assert.equal((a?.sent ?? 0) + (b?.sent ?? 0), 4);
  assert.deepEqual(sent.sort(), ['+84971000001', '+84971000002', '+84971000003', '+84971000004']);
});

test('a flush sends at most `limit` messages, the oldest first; the next flush takes the rest', async () => {
  const sent: string[] = [];
  const sms = createSms({ provider: { send: async (to) => void sent.push(to) }, log: pino({ level: 'silent' }) });
  for (let i = 1; i <= 5; i++) await sms.enqueue(database.db, { to: `0961 000 00${i}`, body: 'Theo lo' });
  assert.deepEqual(await sms.flush(database.db, { limit: 2 }), { sent: 2, failed: 0 });
  assert.deepEqual(sent, ['+84961000001', '+84961000002']);
  assert.deepEqual(await sms.flush(database.db, { limit: 10 }), { sent: 3, failed: 0 });
  assert.equal(sent.length, 5);
});
