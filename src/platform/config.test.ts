import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ConfigError, loadConfig } from './config.ts';

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
