// The input controls as a client sees them (docs/security-input.md): hostile text is a 400 in Vietnamese and
// English, legacy-encoded text is read as Unicode, uploads are checked by their bytes before anything is kept,
// refused uploads leave no file, downloads are attachments named after their real type.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { testApp, type TestApp } from '../testing/app.ts';
import { apiTokenFor, signInAs } from '../testing/auth.ts';
import { encodeLegacy } from '../platform/text/index.ts';
import { localDiskStore, sha256Of, type FileStore } from '../platform/files/index.ts';
import { configureAttachments, sweepOrphanFiles } from '../modules/dossiers/index.ts';
import { postMultipart, PROC, TINY, type TestCitizen } from '../modules/dossiers/testing.ts';
import { acting, prepareWorkflowTests, refused, submitted, type Staff } from '../modules/backoffice/workflow/testing.ts';

let app: TestApp;
let s: Staff;
let citizen: TestCitizen;
let store: FileStore;
before(async () => {
  app = await testApp();
  ({ staff: s, citizen } = await prepareWorkflowTests(app));
  store = localDiskStore(mkdtempSync(join(tmpdir(), 'egov-input-')));
  configureAttachments(app.platform, { store });
});
after(async () => {
  await app?.close();
});

const json = (res: { body: string }): { error: { code: string; message: { vi: string; en: string } } } => JSON.parse(res.body);

test('a NUL byte or a lone surrogate anywhere is a 400 with a Vietnamese and English message, never a 500', async () => {
  for (const url of ['/api/v1/procedures?q=a%00b', '/api/v1/units/history?old=x%00', '/thu-tuc?q=%00']) {
    const res = await app.server.inject({ method: 'GET', url });
    assert.equal(res.statusCode, 400, url);
  }
  const nul = json(await app.server.inject({ method: 'GET', url: '/api/v1/procedures?q=a%00b' }));
  assert.equal(nul.error.code, 'NUL_CHARACTER');
  assert.match(nul.error.message.vi, /ký tự không hợp lệ/);
  const page = await app.server.inject({ method: 'GET', url: '/thu-tuc?q=a%00b' });
  assert.equal(page.statusCode, 400);
  assert.match(page.headers['content-type'] as string, /text\/html/);
  assert.match(page.body, /ký tự không hợp lệ/);
  const surrogate = await app.server.inject({
    method: 'POST',
    url: '/api/v1/auth/token',
    headers: { 'content-type': 'application/json' },
    payload: '{"username":"\\ud800","password":"x"}',
  });
  assert.equal(surrogate.statusCode, 400);
  assert.equal(json(surrogate).error.code, 'BAD_UTF8');
});

test('JSON nested 5,000 deep is refused before it is parsed; an int32 overflow or a date in 2200 is a 400', async () => {
  const token = await apiTokenFor(app.database.db, s.hkOfficer);
  const code = await submitted(app, citizen);
  const post = (payload: string) =>
    app.server.inject({
      method: 'POST',
      url: `/api/v1/dossiers/${code}/actions`,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      payload,
    });
  const deep = await post(`{"action":"accept","comment":${'['.repeat(5000)}${']'.repeat(5000)}}`);
  assert.equal(deep.statusCode, 400);
  assert.equal(json(deep).error.code, 'TOO_DEEP');
  assert.equal((await post('{"action":"accept","version":2147483648}')).statusCode, 400);
  const late = await post('{"action":"apologize","new_due_date":"2200-01-01","comment":"x"}');
  assert.ok(late.statusCode >= 400 && late.statusCode < 500, `${late.statusCode} ${late.body}`);
});

test('text typed in VNI or TCVN3 is read as Unicode: a search in VNI finds what the Unicode search finds', async () => {
  const word = PROC.online.name.split(' ').slice(0, 2).join(' ');
  const unicode = (await app.server.inject({ method: 'GET', url: `/api/v1/procedures?q=${encodeURIComponent(word)}` })).json() as { total: number };
  assert.ok(unicode.total > 0, `the Unicode search for "${word}" finds something`);
  for (const enc of ['vni', 'tcvn3'] as const) {
    const legacy = encodeLegacy(word, enc);
    assert.notEqual(legacy, word);
    const res = (await app.server.inject({ method: 'GET', url: `/api/v1/procedures?q=${encodeURIComponent(legacy)}` })).json() as { total: number };
    assert.equal(res.total, unicode.total, enc);
  }
});

test('a redirect to a Vietnamese path, a malformed multipart body and /static/.. are client errors, not 500s', async () => {
  const anon = app.client();
  const res = await anon.get('/ho-so-cua-toi/hồ-sơ');
  assert.ok(res.statusCode < 500, String(res.statusCode));
  if (res.headers.location) assert.match(String(res.headers.location), /^[\x21-\x7e]+$/);
  for (const url of ['/static/../package.json', '/static/%2e%2e/%2e%2e/package.json']) {
    const st = await app.server.inject({ method: 'GET', url });
    assert.equal(st.statusCode, 404, url);
  }
  const officer = app.client();
  await signInAs(app.database.db, officer, s.hkOfficer);
  const broken = await app.server.inject({
    method: 'POST',
    url: `/mot-cua/tiep-nhan/${PROC.online.code}`,
    headers: { cookie: [...officer.cookies].map(([k, v]) => `${k}=${v}`).join('; '), 'content-type': 'multipart/form-data; boundary=xyz' },
    payload: '--xyz\r\nContent-Disposition: form-data; name="a"\r\n\r\nhalf',
  });
  assert.equal(broken.statusCode, 400, broken.body.slice(0, 300));
});

test('an upload is refused before its body is read: anonymous, or to a dossier the officer may not touch', async () => {
  const code = await submitted(app, citizen);
  const file = Buffer.concat([TINY.pdf, Buffer.from(`% gate ${Date.now()}\n`)]);
  const parts = [{ name: 'comment', value: 'x' }, { name: 'files.supplement', file: { filename: 'a.pdf', content: file } }];
  const anon = await postMultipart(app, app.client(), `/mot-cua/ho-so/${code}/thao-tac/accept`, parts);
  assert.equal(anon.statusCode, 401);
  const elsewhere = app.client();
  await signInAs(app.database.db, elsewhere, s.cnOfficer);
  const other = await postMultipart(app, elsewhere, `/mot-cua/ho-so/${code}/thao-tac/accept`, parts);
  assert.ok(other.statusCode === 404 || other.statusCode === 403, String(other.statusCode));
  assert.equal(await store.has(sha256Of(file)), false);
});

test('an action refused inside its transaction leaves no file in the store; the sweep removes old orphans', async () => {
  const code = await submitted(app, citizen);
  const content = Buffer.concat([TINY.pdf, Buffer.from(`% refused ${Date.now()}\n`)]);
  const err = await refused(acting(app)(s.hkOfficer, code, { action: 'accept', version: 999_999, files: [{ docKey: 'supplement', filename: 'x.pdf', content }] }));
  assert.equal(err.code, 'STALE');
  assert.equal(await store.has(sha256Of(content)), false, 'the staged file was deleted');

  const orphan = Buffer.concat([TINY.pdf, Buffer.from(`% orphan ${Date.now()}\n`)]);
  await store.put(orphan);
  assert.equal(await sweepOrphanFiles(app.platform, new Date()), 0, 'a fresh file may belong to a submission in progress');
  const kept = await submitted(app, citizen);
  assert.ok(kept);
  assert.ok((await sweepOrphanFiles(app.platform, new Date(Date.now() + 2 * 86_400_000))) >= 1);
  assert.equal(await store.has(sha256Of(orphan)), false);
  assert.equal(await store.has(sha256Of(TINY.pdf)), true, 'a referenced file stays');
});

test('a "PDF" that is an HTA is refused with a clear message; a real one is kept under its detected type, sent as a download', async () => {
  const hta = Buffer.from('%PDF-1.4\n<html><hta:application/><script>alert(1)</script></html>\n%%EOF\n', 'latin1');
  const page = `/dich-vu-cong/${PROC.online.code}/nop`;
  const form = await citizen.client.get(page);
  const csrf = /name="_csrf" value="([^"]+)"/.exec(form.body)?.[1] ?? '';
  const names = [...form.body.matchAll(/name="(form\.[^"]+|agency_code|_token)" value="([^"]*)"/g)].map((m) => ({ name: m[1] ?? '', value: m[2] ?? '' }));
  const res = await postMultipart(app, citizen.client, page, [{ name: '_csrf', value: csrf }, ...names, { name: 'files.doc1', file: { filename: 'Giay chung sinh.pdf.hta', content: hta } }]);
  assert.equal(res.statusCode, 400, res.body.slice(0, 200));
  assert.match(res.body, /mã có thể tự chạy/);
  assert.equal(await store.has(sha256Of(hta)), false);

  const token = await apiTokenFor(app.database.db, citizen.user);
  const { answersFor } = await import('../modules/dossiers/testing.ts');
  const ok = await app.server.inject({
    method: 'POST',
    url: '/api/v1/dossiers',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    payload: JSON.stringify({ procedure_code: PROC.online.code, form: answersFor(citizen), files: [{ doc_key: 'doc1', filename: 'Giay chung sinh.pdf.hta', content_base64: TINY.pdf.toString('base64') }] }),
  });
  assert.equal(ok.statusCode, 201, ok.body);
  const { code } = ok.json() as { code: string };
  const detail = await citizen.client.get(`/ho-so/${code}`);
  assert.doesNotMatch(detail.body, /\.hta/);
  const href = new RegExp(`href="(/ho-so/${code.replaceAll('.', '\\.')}/tep/\\d+)"`).exec(detail.body)?.[1];
  assert.ok(href);
  const dl = await citizen.client.get(href);
  assert.equal(dl.statusCode, 200);
  assert.match(String(dl.headers['content-disposition']), /^attachment; filename="Giay chung sinh\.pdf"; filename\*=UTF-8''Giay%20chung%20sinh\.pdf$/);
  assert.equal(dl.headers['x-content-type-options'], 'nosniff');
});
