// egov import articles: the former portal's pages in TCVN3 or VNI become Unicode drafts of a site; damaged text is
// reported (and refused with --strict); bad usage is explained.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { testApp, type TestApp } from '../../testing/app.ts';
import { listAudit } from '../../platform/audit/index.ts';
import { encodeLegacy } from '../../platform/text/legacy.ts';
import { parseImportArticlesArgs } from '../../cli/import-articles.ts';
import { importArticles } from './import.ts';
import { sitesDb, sitesRepo } from './repo.ts';

let app: TestApp;
before(async () => {
  app = await testApp();
});
after(async () => {
  await app.close();
});

const TITLE = 'Thông báo lịch tiếp công dân tháng Mười';
// TCVN3 (ABC) has no accented capitals in its ordinary fonts (they live in the .VnTimeH fonts): none in the fixture.
const BODY = 'Chủ tịch phường tiếp công dân vào sáng thứ Năm hằng tuần tại trụ sở.';
const page = (encode: (s: string) => string) =>
  Buffer.from(`<html><head><meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1"><title>${encode(TITLE)}</title></head><body><font face=".VnTime"><p>${encode(BODY)}</p></font></body></html>`, 'latin1');

test('pages in TCVN3 and VNI become Unicode drafts, with a revision and an audit row', async () => {
  const out = await importArticles(app.platform, 'phuong-hoan-kiem', [
    { name: 'tcvn3.htm', bytes: page((s) => encodeLegacy(s, 'tcvn3')) },
    { name: 'vni.htm', bytes: page((s) => encodeLegacy(s, 'vni')) },
  ], { kind: 'announcement', strict: false });
  assert.deepEqual(out.map((o) => [o.fontEncoding, o.title, o.id !== undefined]), [['tcvn3', TITLE, true], ['vni', TITLE, true]]);
  const db = sitesDb(app.database.db);
  const a = await sitesRepo.findById(db, out[0]?.id ?? 0);
  assert.equal(a?.status, 'draft');
  assert.equal(a?.kind, 'announcement');
  assert.equal(a?.body_html, `<p>${BODY}</p>`);
  assert.equal(a?.body_html.normalize('NFC'), a?.body_html);
  // Two files with one title: two addresses.
  const b = await sitesRepo.findById(db, out[1]?.id ?? 0);
  assert.notEqual(a?.slug, b?.slug);
  assert.equal((await sitesRepo.revisions(db, a?.id ?? 0))[0]?.note, 'imported from tcvn3.htm');
  const audit = (await listAudit(app.database.db, { entity: 'article' })).find((r) => r.entityId === String(a?.id));
  assert.equal(audit?.action, 'article.import');
});

test('text damaged before the import is reported, and refused with --strict', async () => {
  const damaged = { name: 'hong.htm', bytes: Buffer.from('<html><head><title>L?y l?i m\uFFFD b?o m?t</title></head><body><p>Vui l?ng nh?p m\uFFFD.</p></body></html>', 'utf8') };
  const [lax] = await importArticles(app.platform, 'phuong-hoan-kiem', [damaged], { kind: 'news', strict: false });
  assert.ok(lax?.id !== undefined);
  assert.match(lax?.warnings.join(' ') ?? '', /damaged text/);
  const [strict] = await importArticles(app.platform, 'phuong-hoan-kiem', [damaged], { kind: 'news', strict: true });
  assert.equal(strict?.id, undefined);
  assert.match(strict?.refused ?? '', /damaged/);
  await assert.rejects(importArticles(app.platform, 'khong-co-trang-nay', [damaged], { kind: 'news', strict: false }), /SITE_NOT_FOUND/);
});

test('arguments: the site is required, kinds are checked', () => {
  assert.match(String(parseImportArticlesArgs(['a.htm'])), /--site is required/);
  assert.match(String(parseImportArticlesArgs(['--site', 'ha-noi'])), /at least one file/);
  assert.match(String(parseImportArticlesArgs(['--site', 'ha-noi', '--kind', 'blog', 'a.htm'])), /--kind must be one of/);
  assert.deepEqual(parseImportArticlesArgs(['--site=ha-noi', '--strict', 'dir']), { site: 'ha-noi', kind: 'news', strict: true, paths: ['dir'] });
});
