// The public directory and its downloads, over the demo entries: anyone sees published entries only, never a mobile.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { testApp, type TestApp } from '../../testing/app.ts';
import { loadConfig } from '../../platform/config.ts';
import { seedDemoAccounts } from '../accounts/testing.ts';
import { findStaffWithRole } from '../accounts/index.ts';
import { findAgencyByCode } from '../units/index.ts';
import { officialEmailOf } from './index.ts';
import { directoryDb } from './repo.ts';
import { DEMO_DIRECTORY, seedDemoDirectory } from './seed.ts';

let app: TestApp;
before(async () => {
  app = await testApp();
  await seedDemoAccounts(app.platform);
  await seedDemoDirectory(app.platform);
});
after(async () => {
  await app.close();
});

const WARD = '000.04.51.H26';
const published = DEMO_DIRECTORY.filter((d) => d.agency === WARD && d.public);
const hidden = DEMO_DIRECTORY.filter((d) => d.agency === WARD && !d.public);
const mobiles = DEMO_DIRECTORY.flatMap((d) => (d.mobile ? [d.mobile] : []));

test('the demo seed is idempotent', async () => {
  const count = async () => (await directoryDb(app.database.db).selectFrom('directory_entries').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n;
  const before = await count();
  assert.equal(Number(before), DEMO_DIRECTORY.length);
  await seedDemoDirectory(app.platform);
  assert.equal(await count(), before);
});

test('the demo staff accounts are linked to their entries: their official addresses', async () => {
  const ward = await findAgencyByCode(app.database.db, WARD);
  const lead = (await findStaffWithRole(app.database.db, ward?.id ?? 0, 'leader')).find((s) => s.username === 'demo.lanhdao');
  assert.ok(lead);
  assert.equal(await officialEmailOf(app.platform, lead.id), 'pqdung.hoankiem@hanoi.gov.vn');
});

test('the official mail domain and the LDIF base come from configuration', () => {
  const byDefault = loadConfig({});
  assert.deepEqual([byDefault.officialMailDomain, byDefault.directoryLdapBase], ['hanoi.gov.vn', 'dc=hanoi,dc=gov,dc=vn']);
  const other = loadConfig({ EGOV_OFFICIAL_MAIL_DOMAIN: 'HaNoi.Gov.VN', EGOV_DIRECTORY_LDAP_BASE: 'ou=people,o=hanoi' });
  assert.deepEqual([other.officialMailDomain, other.directoryLdapBase], ['hanoi.gov.vn', 'ou=people,o=hanoi']);
  assert.throws(() => loadConfig({ EGOV_OFFICIAL_MAIL_DOMAIN: 'not a domain' }), /EGOV_OFFICIAL_MAIL_DOMAIN="not a domain" is not valid: expected a mail domain/);
  assert.throws(() => loadConfig({ EGOV_DIRECTORY_LDAP_BASE: 'hanoi' }), /EGOV_DIRECTORY_LDAP_BASE/);
});

test('an agency’s page shows its published officials as cards with mailto and tel links, no table, no mobile', async () => {
  assert.ok(published.length >= 2 && hidden.length >= 1);
  const res = await app.client().get(`/danh-ba/${WARD}`);
  assert.equal(res.statusCode, 200);
  assert.match(res.body, /<h1>Danh bạ Ủy ban nhân dân phường Hoàn Kiếm<\/h1>/);
  assert.match(res.body, /<ul class="directory-cards"/);
  assert.doesNotMatch(res.body, /<table/);
  for (const d of published) assert.ok(res.body.includes(`<h2>${d.fullName}</h2>`), d.fullName);
  for (const d of hidden) assert.ok(!res.body.includes(d.fullName), `${d.fullName} is not published`);
  for (const m of mobiles) assert.ok(!res.body.includes(m), `mobile ${m} is never shown`);
  assert.match(res.body, /<a href="mailto:pqdung\.hoankiem@hanoi\.gov\.vn">pqdung\.hoankiem@hanoi\.gov\.vn<\/a>/);
  assert.match(res.body, /<a href="tel:\+842438261234">024 3826 1234<\/a>/);
  assert.match(res.body, /href="\/danh-ba\/000\.04\.51\.H26\.vcf"/);
  assert.doesNotMatch(res.body, /Quản lý danh bạ của cơ quan/);
  // At 390 px the cards take the whole width and each label sits above its value (style.css, max-width 40rem).
  const css = (await app.client().get('/static/style.css')).body;
  assert.match(css, /\.directory-cards \{[^}]*minmax\(min\(100%, 20rem\), 1fr\)/);
  assert.match(css, /@media \(max-width: 40rem\) \{ \.directory-card dl \{ grid-template-columns: 1fr; \}/);
  const en = await app.client().get(`/danh-ba/${WARD}?lang=en`);
  assert.match(en.body, /Directory of Ủy ban nhân dân phường Hoàn Kiếm/);
  assert.match(en.body, /Official e-mail/);
});

test('/danh-ba lists the agencies that publish, and searches names and agencies without accents', async () => {
  const c = app.client();
  const all = await c.get('/danh-ba');
  assert.equal(all.statusCode, 200);
  assert.match(all.body, /href="\/danh-ba\/000\.04\.51\.H26">Ủy ban nhân dân phường Hoàn Kiếm<\/a>/);
  assert.match(all.body, /\(3 cán bộ\)/);
  assert.doesNotMatch(all.body, /Sở Tài chính/);
  assert.match(all.body, /<a href="\/danh-ba">Danh bạ cán bộ các cơ quan<\/a>/, 'every page’s footer links the directory');
  const person = await c.get(`/danh-ba?q=${encodeURIComponent('dinh thi mai')}`);
  assert.match(person.body, /<h3>Đinh Thị Mai<\/h3>/);
  assert.match(person.body, /href="\/danh-ba\/000\.01\.51\.H26">Ủy ban nhân dân phường Ba Đình<\/a>/);
  const agency = await c.get(`/danh-ba?q=${encodeURIComponent('HOAN KIEM')}`);
  assert.match(agency.body, /href="\/danh-ba\/000\.04\.51\.H26">Ủy ban nhân dân phường Hoàn Kiếm<\/a>/);
  assert.doesNotMatch(agency.body, /Ba Đình<\/a>/);
  const unpublished = await c.get(`/danh-ba?q=${encodeURIComponent('hoang thu ha')}`);
  assert.match(unpublished.body, /Không có cán bộ nào phù hợp với &#34;hoang thu ha&#34;/);
  assert.doesNotMatch(unpublished.body, /<h3>Hoàng Thu Hà<\/h3>/);
  const wild = await c.get(`/danh-ba?q=${encodeURIComponent('%')}`);
  assert.equal(wild.statusCode, 200);
  assert.doesNotMatch(wild.body, /<h3>/);
});

test('the vCard download: headers, published entries only, RFC 6350 lines', async () => {
  const res = await app.client().get(`/danh-ba/${WARD}.vcf`);
  assert.equal(res.statusCode, 200);
  assert.equal(res.headers['content-type'], 'text/vcard; charset=utf-8');
  assert.match(String(res.headers['content-disposition']), /^attachment; filename="danh-ba-000\.04\.51\.H26\.vcf"/);
  const cards = res.body.split('BEGIN:VCARD\r\n').slice(1);
  assert.equal(cards.length, published.length);
  assert.match(res.body, /\r\nFN:Phạm Quốc Dũng\r\n/);
  assert.match(res.body, /\r\nN:Phạm;Quốc Dũng;;;\r\n/);
  assert.match(res.body, /\r\nORG:Ủy ban nhân dân phường Hoàn Kiếm;Bộ phận Một cửa\r\n/);
  assert.match(res.body, /\r\nEMAIL;TYPE=work:pqdung\.hoankiem@hanoi\.gov\.vn\r\n/);
  assert.match(res.body, /\r\nTEL;VALUE=uri;TYPE=work,voice:tel:\+842438261234\r\n/);
  for (const d of hidden) assert.ok(!res.body.includes(d.fullName));
  for (const m of mobiles) assert.ok(!res.body.includes(m.replace(/\s/g, '').slice(1)));
});

test('the LDIF download: headers, base64 for Vietnamese, published entries only', async () => {
  const res = await app.client().get(`/danh-ba/${WARD}.ldif`);
  assert.equal(res.statusCode, 200);
  assert.equal(res.headers['content-type'], 'text/ldif');
  assert.match(String(res.headers['content-disposition']), /^attachment; filename="danh-ba-000\.04\.51\.H26\.ldif"/);
  assert.ok(res.body.startsWith('version: 1\n\ndn: ou=000.04.51.H26,dc=hanoi,dc=gov,dc=vn\n'));
  assert.match(res.body, /\ndn: mail=pqdung\.hoankiem@hanoi\.gov\.vn,ou=000\.04\.51\.H26,dc=hanoi,dc=gov,dc=vn\nobjectClass: top\n/);
  assert.ok(res.body.includes(`cn:: ${Buffer.from('Phạm Quốc Dũng').toString('base64')}`));
  assert.match(res.body, /\ntelephoneNumber: \+842438261234\n/);
  assert.equal(res.body.match(/objectClass: inetOrgPerson/g)?.length, published.length);
  for (const d of hidden) assert.ok(!res.body.includes(Buffer.from(d.fullName).toString('base64')));
});

test('an unknown or malformed agency code is a 404, for the page and the downloads', async () => {
  const c = app.client();
  for (const url of ['/danh-ba/999.99.99.H99', '/danh-ba/999.99.99.H99.vcf', '/danh-ba/khong-co', '/danh-ba/000.04.51.H26.pdf']) {
    assert.equal((await c.get(url)).statusCode, 404, url);
  }
});
