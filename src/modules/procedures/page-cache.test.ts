import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { testApp, type TestApp } from '../../testing/app.ts';
import { signInAs } from '../../testing/auth.ts';
import { prepareDossierTests, PROC } from '../dossiers/testing.ts';

let app: TestApp;
before(async () => {
  app = await testApp({ env: { EGOV_PAGE_CACHE: '60' } });
  await prepareDossierTests(app);
});
after(async () => {
  await app.close();
});

const PAGE = `/thu-tuc/${PROC.free.code}`;
const rename = (name: string) => sql`update procedure_versions set name = ${name} where code = ${PROC.free.code}`.execute(app.database.db);

test('an anonymous procedure page is served from memory for a minute; a signed-in visitor sees it fresh', async () => {
  const first = await app.client().get(PAGE);
  assert.equal(first.statusCode, 200);
  assert.match(first.body, new RegExp(PROC.free.name));
  assert.ok(!first.headers['set-cookie'], 'a page without forms sets no cookie');
  await rename('Tên mới của thủ tục');
  try {
    const again = await app.client().get(PAGE);
    assert.equal(again.body, first.body);
    const signedIn = app.client();
    await signInAs(app.database.db, signedIn, { id: 970, kind: 'citizen' });
    const fresh = await signedIn.get(PAGE);
    assert.match(fresh.body, /Tên mới của thủ tục/);
    assert.match(fresh.body, /name="_csrf"/); // the sign-out form
    // Each language is its own page.
    assert.match((await app.client().get(`${PAGE}?lang=en`)).body, /<html lang="en">/);
  } finally {
    await rename(PROC.free.name);
  }
});

test('the anonymous home page is the same bytes for everyone and sets no cookie', async () => {
  const a = await app.client().get('/');
  const b = await app.client().get('/');
  assert.equal(a.statusCode, 200);
  assert.equal(a.body, b.body);
  assert.ok(!a.headers['set-cookie']);
});

test('a kept page answered at the front door carries the same headers as a rendered one, and ?lang still sets the language', async () => {
  const rendered = await app.client().get(`${PAGE}?lang=en&v=headers`);
  const kept = await app.client().get(`${PAGE}?lang=en&v=headers`);
  assert.equal(kept.body, rendered.body);
  for (const h of ['content-type', 'content-security-policy', 'x-content-type-options', 'referrer-policy']) {
    assert.equal(kept.headers[h], rendered.headers[h], h);
    assert.ok(kept.headers[h], `${h} is set`);
  }
  assert.match(String(kept.headers['set-cookie']), /lang=en/, 'choosing English is remembered even from a kept page');
});

test('over a real socket, an anonymous GET of a kept page is answered before Fastify with the same headers, and counted', async () => {
  const address = await app.server.listen({ port: 0, host: '127.0.0.1' });
  const url = `${address}${PAGE}`;
  const strip = (h: Headers) => Object.fromEntries([...h].filter(([k]) => !['date', 'connection', 'keep-alive'].includes(k)));
  const count = async () => Number(/http_request_duration_seconds_count\{method="GET",route="\/thu-tuc\/:code",status="200"\} (\d+)/.exec(await (await fetch(`${address}/metrics`)).text())?.[1] ?? 0);
  const before = await count();
  // The first GET of this language and URL is rendered by the route and kept; the next is answered at the front door.
  const rendered = await fetch(url, { headers: { cookie: 'lang=en' } });
  const renderedBody = await rendered.text();
  const kept = await fetch(url, { headers: { cookie: 'lang=en' } });
  assert.equal(kept.status, 200);
  assert.equal(await kept.text(), renderedBody);
  assert.match(renderedBody, /<html lang="en">/, 'the language cookie picks the kept page');
  assert.deepEqual(strip(kept.headers), strip(rendered.headers));
  assert.ok(kept.headers.get('content-security-policy') && kept.headers.get('x-frame-options'), 'security headers are sent');
  assert.equal(await count(), before + 2, 'both answers are counted under the route');
  // A visitor with a session is never given the anonymous page.
  const signedIn = app.client();
  await signInAs(app.database.db, signedIn, { id: 971, kind: 'citizen' });
  const session = [...signedIn.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  const own = await (await fetch(url, { headers: { cookie: `lang=en; ${session}` } })).text();
  assert.notEqual(own, renderedBody);
  assert.match(own, /name="_csrf"/, 'the signed-in page carries the sign-out form');
});
