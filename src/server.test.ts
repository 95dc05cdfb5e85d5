import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { testApp, type TestApp } from './testing/app.ts';

let app: TestApp;
before(async () => {
  app = await testApp();
});
after(async () => {
  await app.close();
});

test('the home page is Vietnamese by default and switches to English', async () => {
  const c = app.client();
  const vi = await c.get('/');
  assert.equal(vi.statusCode, 200);
  assert.match(vi.body, /<html lang="vi">/);
  assert.match(vi.body, /Dịch vụ công trực tuyến/);
  const en = await c.get('/?lang=en');
  assert.match(en.body, /<html lang="en">/);
  // the choice sticks through the cookie
  const again = await c.get('/');
  assert.match(again.body, /Online public services/);
});

test('unknown routes answer 404 in Vietnamese and English, as JSON for the API', async () => {
  const res = await app.server.inject({ url: '/api/v1/khong-co' });
  assert.equal(res.statusCode, 404);
  const body = res.json();
  assert.equal(body.error.code, 'NOT_FOUND');
  assert.match(body.error.message.vi, /Không tìm thấy/);
  assert.match(body.error.message.en, /not found/);
  const page = await app.server.inject({ url: '/khong-co-trang-nay' });
  assert.equal(page.statusCode, 404);
  assert.match(String(page.headers['content-type']), /text\/html/);
  assert.match(page.body, /Không tìm thấy/);
});

test('malformed JSON, invalid UTF-8, wrong content type and oversize bodies get clear errors', async () => {
  const bad = await app.server.inject({ method: 'POST', url: '/api/v1/auth/token', headers: { 'content-type': 'application/json' }, payload: '{"a":' });
  assert.equal(bad.statusCode, 400);
  assert.equal(bad.json().error.code, 'BAD_JSON');
  const utf = await app.server.inject({
    method: 'POST',
    url: '/api/v1/auth/token',
    headers: { 'content-type': 'application/json' },
    payload: Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xc3, 0x28, 0x22, 0x7d]),
  });
  assert.equal(utf.statusCode, 400);
  assert.equal(utf.json().error.code, 'BAD_UTF8');
  const xml = await app.server.inject({ method: 'POST', url: '/api/v1/auth/token', headers: { 'content-type': 'application/xml' }, payload: '<a/>' });
  assert.equal(xml.statusCode, 415);
  assert.equal(xml.json().error.code, 'UNSUPPORTED_MEDIA_TYPE');
  const big = await app.server.inject({
    method: 'POST',
    url: '/api/v1/auth/token',
    headers: { 'content-type': 'application/json' },
    payload: JSON.stringify({ x: 'a'.repeat(2_000_000) }),
  });
  assert.equal(big.statusCode, 413);
  assert.match(big.json().error.message.vi, /vượt quá/);
  // and the server keeps serving
  assert.equal((await app.server.inject({ url: '/healthz' })).statusCode, 200);
});

test('a form post without a valid CSRF token is refused', async () => {
  const res = await app.server.inject({
    method: 'POST',
    url: '/dang-xuat',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: '_csrf=forged',
  });
  assert.equal(res.statusCode, 403);
  assert.match(res.body, /Phiên biểu mẫu/);
});

test('security headers are set and /readyz reports the database', async () => {
  const res = await app.server.inject({ url: '/' });
  assert.match(String(res.headers['content-security-policy']), /default-src 'self'/);
  assert.equal(res.headers['x-content-type-options'], 'nosniff');
  const ready = await app.server.inject({ url: '/readyz' });
  assert.equal(ready.statusCode, 200);
  assert.equal(ready.json().status, 'ready');
  for (const url of ['/static/style.css', '/api/v1/units?parent=01', '/khong-co-trang-nay']) {
    assert.equal((await app.server.inject({ url })).headers['x-frame-options'], 'SAMEORIGIN', url);
  }
  assert.equal(res.headers['strict-transport-security'], undefined); // only with an https EGOV_BASE_URL
  const metrics = await app.server.inject({ url: '/metrics' });
  assert.match(metrics.body, /http_request_duration_seconds/);
});

test('/metrics labels the requests of every route, the modules’ too', async () => {
  await app.server.inject({ url: '/' });
  await app.server.inject({ url: '/api/v1/units?parent=01' });
  await app.server.inject({ url: '/khong-co-trang-nay' });
  const metrics = (await app.server.inject({ url: '/metrics' })).body;
  assert.match(metrics, /http_request_duration_seconds_count\{method="GET",route="\/",status="200"\} \d+/);
  assert.match(metrics, /http_request_duration_seconds_count\{method="GET",route="\/api\/v1\/units",status="200"\} \d+/);
  assert.match(metrics, /http_request_duration_seconds_count\{method="GET",route="unmatched",status="404"\} \d+/);
});

test('pages with a form get a CSRF cookie and token; pages without, static files and the JSON API do not', async () => {
  const page = await app.server.inject({ url: '/dang-nhap' });
  assert.ok(page.cookies.some((c) => c.name === 'egov_csrf'));
  assert.match(page.body, /name="_csrf" value="[^"]+"/);
  for (const url of ['/', '/static/style.css', '/api/v1/units?parent=01', '/healthz']) {
    const res = await app.server.inject({ url });
    assert.equal(res.statusCode, 200, url);
    assert.ok(!res.cookies.some((c) => c.name === 'egov_csrf'), `${url} sets no CSRF cookie`);
  }
});
