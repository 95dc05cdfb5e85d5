import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ConfigError, loadConfig } from './config.ts';
import { resolve } from 'node:path';

test('defaults give the embedded database on port 3000', () => {
  const c = loadConfig({});
  assert.equal(c.port, 3000);
  assert.equal(c.databaseUrl, undefined);
  assert.equal(c.baseUrl, 'http://localhost:3000');
  assert.match(c.varDir, /var$/);
});

test('a wrong value stops the start with one line naming the variable and what is expected', () => {
  const cases: [Record<string, string>, RegExp][] = [
    [{ PORT: 'abc' }, /^PORT="abc" is not valid: expected a port number from 0 to 65535$/],
    [{ DATABASE_URL: 'mysql://x' }, /^DATABASE_URL="mysql:\/\/x" is not valid: expected a postgres:\/\/ URL/],
    [{ SMTP_URL: 'mail.example' }, /^SMTP_URL=.* expected an smtp:\/\//],
    [{ EGOV_BASE_URL: 'not a url' }, /^EGOV_BASE_URL=.* expected an absolute http\(s\) URL/],
    [{ EGOV_DEMO: 'yes' }, /^EGOV_DEMO="yes" .* one of auto, on, off$/],
  ];
  for (const [env, re] of cases) {
    assert.throws(
      () => loadConfig(env),
      (err: unknown) => err instanceof ConfigError && re.test(err.message) && !err.message.includes('\n'),
      JSON.stringify(env),
    );
  }
});

test('empty variables count as unset', () => {
  assert.equal(loadConfig({ DATABASE_URL: '', PORT: '' }).port, 3000);
});

test('EGOV_SECRET_KEY takes 32 bytes as hex or base64; a wrong one is refused without being repeated', () => {
  const hex = 'ab'.repeat(32);
  assert.deepEqual(loadConfig({ EGOV_SECRET_KEY: hex }).secretKey, Buffer.from(hex, 'hex'));
  assert.deepEqual(loadConfig({ EGOV_SECRET_KEY: Buffer.alloc(32, 7).toString('base64') }).secretKey, Buffer.alloc(32, 7));
  assert.equal(loadConfig({}).secretKey, undefined);
  for (const bad of ['tooshort-secret', Buffer.alloc(16, 1).toString('base64')]) {
    assert.throws(
      () => loadConfig({ EGOV_SECRET_KEY: bad }),
      (err: unknown) => err instanceof ConfigError && /^EGOV_SECRET_KEY .*expected 32 random bytes/.test(err.message) && !err.message.includes(bad),
    );
  }
  assert.throws(() => loadConfig({ EGOV_SECRET_KEY: hex, EGOV_SECRET_KEY_FILE: '/etc/egov/key' }), /EGOV_SECRET_KEY_FILE=.*\(not together with EGOV_SECRET_KEY/);
  assert.match(loadConfig({ EGOV_SECRET_KEY_FILE: 'keys/egov.key' }).secretKeyFile ?? '', /\/keys\/egov\.key$/);
});

test('in production a start without the secret key stops with a clear message', () => {
  assert.throws(() => loadConfig({ NODE_ENV: 'production' }), (err: unknown) => err instanceof ConfigError && /^EGOV_SECRET_KEY is not set: expected .*NODE_ENV=production/.test(err.message));
  assert.equal(loadConfig({ NODE_ENV: 'production', EGOV_SECRET_KEY_FILE: '/run/secrets/egov' }).production, true);
});

test('EGOV_2FA_ROLES: leader and admin unless set; empty means nobody; unknown roles are refused', () => {
  assert.deepEqual(loadConfig({}).twoStepRoles, ['leader', 'admin']);
  assert.deepEqual(loadConfig({ EGOV_2FA_ROLES: '' }).twoStepRoles, []);
  assert.deepEqual(loadConfig({ EGOV_2FA_ROLES: 'admin, specialist,admin' }).twoStepRoles, ['admin', 'specialist']);
  assert.throws(() => loadConfig({ EGOV_2FA_ROLES: 'leader,boss' }), /EGOV_2FA_ROLES="leader,boss" is not valid: expected role names/);
});

test('EGOV_DOCUMENT_EXCHANGE: off unless set; a folder or an http(s) relay with its token; the served agencies only with it', () => {
  assert.equal(loadConfig({}).documentExchange, undefined);
  assert.equal(loadConfig({}).documentExchangeAgencies, undefined);
  assert.deepEqual(loadConfig({ EGOV_DOCUMENT_EXCHANGE: 'var/axis' }).documentExchange, { transport: 'folder', folder: resolve('var/axis') });
  assert.deepEqual(loadConfig({ EGOV_DOCUMENT_EXCHANGE: 'https://lienthong.example.vn/edxml', EGOV_DOCUMENT_EXCHANGE_TOKEN: 't0k' }).documentExchange, {
    transport: 'http',
    url: 'https://lienthong.example.vn/edxml',
    token: 't0k',
  });
  assert.throws(() => loadConfig({ EGOV_DOCUMENT_EXCHANGE: 'https://lienthong.example.vn' }), (err: unknown) => err instanceof ConfigError && /^EGOV_DOCUMENT_EXCHANGE_TOKEN=/.test(err.message));
  assert.deepEqual(loadConfig({ EGOV_DOCUMENT_EXCHANGE: 'axis', EGOV_DOCUMENT_EXCHANGE_AGENCIES: '000.04.51.H26, 000.01.51.H26' }).documentExchangeAgencies, ['000.04.51.H26', '000.01.51.H26']);
  assert.throws(() => loadConfig({ EGOV_DOCUMENT_EXCHANGE: 'axis', EGOV_DOCUMENT_EXCHANGE_AGENCIES: 'UBND' }), (err: unknown) => err instanceof ConfigError && /^EGOV_DOCUMENT_EXCHANGE_AGENCIES=/.test(err.message));
  assert.throws(() => loadConfig({ EGOV_DOCUMENT_EXCHANGE_AGENCIES: '000.04.51.H26' }), (err: unknown) => err instanceof ConfigError && /^EGOV_DOCUMENT_EXCHANGE_AGENCIES=.*only with EGOV_DOCUMENT_EXCHANGE/.test(err.message));
});

test('EGOV_SIGNALS_BROKER: unset means the default (memory with the demo data); an MQTT URL, memory or off; the tile URL https only', () => {
  assert.equal(loadConfig({}).signalsBroker, undefined);
  assert.equal(loadConfig({ EGOV_SIGNALS_BROKER: '' }).signalsBroker, undefined);
  assert.equal(loadConfig({ EGOV_SIGNALS_BROKER: 'memory' }).signalsBroker, 'memory');
  assert.equal(loadConfig({ EGOV_SIGNALS_BROKER: 'off' }).signalsBroker, 'off');
  assert.equal(loadConfig({ EGOV_SIGNALS_BROKER: 'mqtt://127.0.0.1:1883' }).signalsBroker, 'mqtt://127.0.0.1:1883');
  assert.throws(() => loadConfig({ EGOV_SIGNALS_BROKER: 'http://broker:1883' }), (err: unknown) => err instanceof ConfigError && /^EGOV_SIGNALS_BROKER=.*expected an MQTT URL/.test(err.message));
  assert.equal(loadConfig({}).signalsTileUrl, undefined);
  assert.equal(loadConfig({ EGOV_SIGNALS_TILE_URL: 'https://tile.example.vn/{z}/{x}/{y}.png' }).signalsTileUrl, 'https://tile.example.vn/{z}/{x}/{y}.png');
  assert.throws(() => loadConfig({ EGOV_SIGNALS_TILE_URL: 'http://tile.example.vn/{z}/{x}/{y}.png' }), (err: unknown) => err instanceof ConfigError && /^EGOV_SIGNALS_TILE_URL=/.test(err.message));
});

test('EGOV_TRANSIT_BROKER: no fare centre unless set (empty too); an MQTT URL; lists every 60 s unless set', () => {
  assert.equal(loadConfig({}).transitBroker, undefined);
  assert.equal(loadConfig({ EGOV_TRANSIT_BROKER: '' }).transitBroker, undefined);
  assert.equal(loadConfig({ EGOV_TRANSIT_BROKER: 'mqtts://broker.hanoi.example:8883' }).transitBroker, 'mqtts://broker.hanoi.example:8883');
  assert.equal(loadConfig({}).transitListsSeconds, 60);
  assert.equal(loadConfig({ EGOV_TRANSIT_LISTS_SECONDS: '30' }).transitListsSeconds, 30);
  assert.throws(() => loadConfig({ EGOV_TRANSIT_BROKER: 'http://broker:1883' }), (err: unknown) => err instanceof ConfigError && /^EGOV_TRANSIT_BROKER=.*expected an MQTT URL/.test(err.message));
  assert.throws(() => loadConfig({ EGOV_TRANSIT_LISTS_SECONDS: '1' }), (err: unknown) => err instanceof ConfigError && /^EGOV_TRANSIT_LISTS_SECONDS=/.test(err.message));
  // The bank callback's key: off when unset; too short refused without repeating it.
  assert.equal(loadConfig({}).transitPaymentSecret, undefined);
  assert.equal(loadConfig({}).transitPaymentMinutes, 60);
  assert.equal(loadConfig({ EGOV_TRANSIT_PAYMENT_MINUTES: '15' }).transitPaymentMinutes, 15);
  assert.throws(() => loadConfig({ EGOV_TRANSIT_PAYMENT_SECRET: 'ngan-qua' }), (err: unknown) => err instanceof ConfigError && /value not shown/.test(err.message) && !err.message.includes('ngan-qua'));
  assert.throws(() => loadConfig({ EGOV_TRANSIT_PAYMENT_MINUTES: '1' }), (err: unknown) => err instanceof ConfigError && /^EGOV_TRANSIT_PAYMENT_MINUTES=/.test(err.message));
});
