import { test } from 'node:test';
import assert from 'node:assert/strict';
import Fastify from 'fastify';
import { AppError } from './errors.ts';
import { registerErrorHandling } from './error-handler.tsx';
import { checkJsonDepth, cleanInput, safeLocation } from './input.ts';
import { withBounds } from './schema-bounds.ts';
import { registerUploadGate, uploadSlotsFrom } from './uploads.ts';

const codeOf = (fn: () => unknown): string | undefined => {
  try {
    fn();
  } catch (err) {
    return err instanceof AppError ? err.code : 'other';
  }
  return undefined;
};

test('request text: NUL and lone surrogates are refused, depth is limited, legacy text becomes Unicode NFC', () => {
  assert.equal(codeOf(() => cleanInput({ q: 'a\0b' })), 'NUL_CHARACTER');
  assert.equal(codeOf(() => cleanInput({ ['k\0']: 'x' })), 'NUL_CHARACTER');
  assert.equal(codeOf(() => cleanInput({ q: ['x\uD800'] })), 'BAD_UTF8');
  assert.equal(codeOf(() => cleanInput({ q: '🙂' })), undefined);
  let deep: unknown = 'x';
  for (let i = 0; i < 40; i++) deep = { a: deep };
  assert.equal(codeOf(() => cleanInput(deep)), 'TOO_DEEP');
  assert.deepEqual(cleanInput({ q: 'Vie\u0323\u0302t Nam', vni: 'Haø Noäi', tcvn: 'Hµ Néi' }), { q: 'Việt Nam', vni: 'Hà Nội', tcvn: 'Hà Nội' });
  assert.deepEqual(cleanInput({ password: 'Haø Noäi' }), { password: 'Haø Noäi' }, 'secrets are not re-encoded');
  const out = cleanInput(JSON.parse('{"__proto__":{"admin":true}}') as Record<string, unknown>);
  assert.deepEqual(Object.keys(out), ['__proto__']);
  assert.equal(({} as Record<string, unknown>).admin, undefined);
});

test('JSON depth is measured before parsing, strings skipped', () => {
  assert.equal(codeOf(() => checkJsonDepth('['.repeat(5000) + ']'.repeat(5000))), 'TOO_DEEP');
  assert.equal(codeOf(() => checkJsonDepth(`{"a":"${'['.repeat(100)}\\"["}`)), undefined);
  assert.equal(codeOf(() => checkJsonDepth('{"a":[[[1]]]}')), undefined);
});

test('a Location header is visible ASCII', () => {
  assert.equal(safeLocation('/dang-nhap?next=%2F'), '/dang-nhap?next=%2F');
  assert.equal(safeLocation('/hồ sơ'), '/h%E1%BB%93%20s%C6%A1');
});

test('request schemas get int32 bounds and 1900–2100 dates where they state none', () => {
  const s = withBounds({ type: 'object', properties: { v: { type: 'integer', minimum: 1 }, d: { type: 'string', format: 'date' }, n: { type: ['integer', 'null'] } } }) as {
    properties: Record<string, Record<string, unknown>>;
  };
  assert.deepEqual(s.properties.v, { type: 'integer', minimum: 1, maximum: 2147483647 });
  assert.equal(s.properties.d?.pattern, '^(19\\d\\d|20\\d\\d|2100)-');
  assert.equal(s.properties.n?.minimum, -2147483648);
});

test('uploads: anonymous is refused before the body is read; beyond the cap a 503 with Retry-After', async () => {
  assert.equal(uploadSlotsFrom({}), 4);
  assert.throws(() => uploadSlotsFrom({ EGOV_MAX_CONCURRENT_UPLOADS: 'many' }), /EGOV_MAX_CONCURRENT_UPLOADS="many"/);
  const app = Fastify();
  app.decorateRequest('user', null);
  app.decorateRequest('lang', 'vi');
  app.addHook('onRequest', async (req) => {
    if (req.headers['x-user']) req.user = { id: 1, username: 'u', displayName: 'U', kind: 'citizen', roles: [], agencyId: null, agencyName: null };
  });
  registerErrorHandling(app);
  registerUploadGate(app, 1);
  let release: () => void = () => undefined;
  const held = new Promise<void>((r) => (release = r));
  let entered: () => void = () => undefined;
  const inHandler = new Promise<void>((r) => (entered = r));
  let bodiesRead = 0;
  app.addContentTypeParser('multipart/form-data', (_req, payload, done) => {
    bodiesRead++;
    payload.resume();
    payload.on('end', () => done(null, {}));
  });
  app.post('/up', async () => {
    entered();
    await held;
    return { ok: true };
  });
  await app.ready();
  const post = (user: boolean) =>
    app.inject({ method: 'POST', url: '/up', headers: { 'content-type': 'multipart/form-data; boundary=x', accept: 'application/json', ...(user ? { 'x-user': '1' } : {}) }, payload: '--x--' });
  const anon = await post(false);
  assert.equal(anon.statusCode, 401);
  assert.equal(bodiesRead, 0);
  const first = post(true);
  await inHandler;
  const second = await post(true);
  assert.equal(second.statusCode, 503);
  assert.equal(second.headers['retry-after'], '2');
  release();
  assert.equal((await first).statusCode, 200);
  assert.equal((await post(true)).statusCode, 200, 'the slot is free again');
  await app.close();
});
