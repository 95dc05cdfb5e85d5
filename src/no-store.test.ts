// Issue 10 "Headers and caching": every page and API answer that carries personal data says `Cache-Control: no-store`
// (one hook, src/platform/http/no-store.ts), errors included; public pages stay cacheable.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { testApp, type TestApp } from './testing/app.ts';
import { apiTokenFor, signInAs } from './testing/auth.ts';
import { submitDossier } from './modules/dossiers/index.ts';
import { answersFor, prepareDossierTests, PROC, registerCitizen, TINY, type TestCitizen } from './modules/dossiers/testing.ts';
import { findAgencyByCode } from './modules/units/index.ts';

let app: TestApp;
let hoa: TestCitizen;
let code: string;
before(async () => {
  app = await testApp();
  await prepareDossierTests(app);
  hoa = await registerCitizen(app, 71);
  const { dossier } = await submitDossier(app.platform, hoa.user, { procedureCode: PROC.online.code, form: answersFor(hoa), files: [{ docKey: 'doc1', filename: 'a.pdf', content: TINY.pdf }] }, { via: 'web' });
  code = dossier.code;
});
after(async () => {
  await app.close();
});

const noStore = (h: unknown): boolean => typeof h === 'string' && /\bno-store\b/.test(h);

test('the account, receipts, dossier pages and the dossiers API are never stored; public pages may be', async () => {
  for (const url of ['/tai-khoan', '/ho-so-cua-toi', `/ho-so/${code}`, `/ho-so/${code}/bien-nhan`, `/ho-so/${code}/mau-01.pdf`, `/ho-so-cua-toi/${code}`, `/dich-vu-cong/${PROC.online.code}/nop`, '/api/v1/me', `/api/v1/dossiers/${code}`]) {
    const res = await hoa.client.get(url);
    assert.ok(res.statusCode < 400, `${url}: ${res.statusCode}`);
    assert.ok(noStore(res.headers['cache-control']), `${url}: ${String(res.headers['cache-control'])}`);
  }
  // A refusal on a personal route is not stored either.
  const missing = await hoa.client.get('/ho-so/000.00.20.H26-250101-9999');
  assert.equal(missing.statusCode, 404);
  assert.ok(noStore(missing.headers['cache-control']));

  const centre = await findAgencyByCode(app.database.db, '000.00.20.H26');
  const admin = app.client();
  await signInAs(app.database.db, admin, { id: 7100, roles: ['admin'], agencyId: centre?.id ?? null });
  for (const url of ['/quan-tri', '/quan-tri/tai-khoan']) {
    const res = await admin.get(url);
    assert.equal(res.statusCode, 200, url);
    assert.ok(noStore(res.headers['cache-control']), url);
  }
  const officer = app.client();
  await signInAs(app.database.db, officer, { id: 7101, roles: ['one_stop_officer'], agencyId: centre?.id ?? null });
  assert.ok(noStore((await officer.get(`/mot-cua/ho-so/${code}`)).headers['cache-control']));
  const bearer = await apiTokenFor(app.database.db, { id: 7101, username: 'o', displayName: 'O', kind: 'staff', roles: ['one_stop_officer'], agencyId: centre?.id ?? null, agencyName: null });
  const api = await app.server.inject({ url: `/api/v1/dossiers/${code}`, headers: { authorization: `Bearer ${bearer}` } });
  assert.equal(api.statusCode, 200);
  assert.ok(noStore(api.headers['cache-control']));

  for (const url of ['/', '/thu-tuc']) assert.ok(!noStore((await hoa.client.get(url)).headers['cache-control']), url);
});
