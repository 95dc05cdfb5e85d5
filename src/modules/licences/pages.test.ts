// The licence pages as the officer and the public use them: who may open what, the CSV upload with a bad line shown
// back, the look-up, a refused and an accepted deduction, the e-licence with its QR code, the public verification
// page that shows only validity and class, and the demo data.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { addDays, vietnamDateOf } from '../../platform/calendar/dates.ts';
import { type TestApp, type TestClient, testApp } from '../../testing/app.ts';
import { signInAs } from '../../testing/auth.ts';
import { postMultipart, Role, staff } from '../documents/testing.ts';
import { licencesOfCitizen } from './index.ts';
import { DEMO_CITIZEN_PIN, DEMO_LICENCES, seedDemoLicences } from './seed.ts';

const HEADER = 'so,so_dinh_danh,ho_ten,ngay_sinh,hang,hang_cu,ngay_cap,ngay_het_han,han_che';
let app: TestApp;
let officer: TestClient;

before(async () => {
  app = await testApp();
  officer = (await staff(app, 'gplx.trang', [Role.licenceOfficer], '000.00.16.H26')).client;
});
after(async () => app?.close());

const upload = (csv: string) => postMultipart(app, officer, '/quan-ly/gplx', '/quan-ly/gplx/nhap', {}, [{ field: 'files.csv', name: 'gplx.csv', type: 'text/csv', content: Buffer.from(csv) }]);

test('only the licence officer opens the officer pages; a signed-out visitor is sent to sign in', async () => {
  const other = (await staff(app, 'gplx.vetau', [Role.transitOfficer, Role.leader], '000.00.07.H26')).client;
  const citizen = app.client();
  await signInAs(app.database.db, citizen, { id: 999_016, kind: 'citizen', roles: [] });
  for (const url of ['/quan-ly/gplx', '/quan-ly/gplx/010000000001', '/quan-ly/gplx/010000000001/dien-tu']) {
    assert.equal((await other.get(url)).statusCode, 403, url);
    assert.equal((await citizen.get(url)).statusCode, 403, url);
    const anon = await app.client().get(url);
    assert.equal(anon.statusCode, 303, url);
    assert.match(anon.headers.location as string, /^\/dang-nhap\?next=/);
  }
  assert.equal((await other.submit('/', { decision: 'QĐ 1', points: '2', effectiveOn: '2026-01-01' }, '/quan-ly/gplx/010000000001/tru-diem')).statusCode, 403);
  const page = await officer.get('/quan-ly/gplx');
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /href="\/quan-ly\/gplx"/, 'the navigation links the section');
});

test('the CSV upload shows a bad line back with its number and imports nothing; a good file is imported', async () => {
  const bad = await upload(`${HEADER}\n010000000101,001185004321,Nguyễn Thị Lan,1985-04-02,B,,2020-03-14,,\n010000000102,001185004321,Nguyễn Thị Lan,1985-04-02,B3,,2020-03-14,,\n`);
  assert.equal(bad.statusCode, 400);
  assert.match(bad.body, /<th scope="row" data-label="Dòng">3<\/th>/);
  assert.match(bad.body, /hạng &#34;B3&#34; không có trong Luật 36\/2024/);
  assert.equal((await officer.get('/quan-ly/gplx?so=010000000101')).statusCode, 303);
  assert.equal((await officer.get('/quan-ly/gplx/010000000101')).statusCode, 404, 'nothing was imported');
  const ok = await upload(`${HEADER}\n010000000101,001185004321,Nguyễn Thị Lan,1985-04-02,B,,2020-03-14,,\n010000000102,001185004321,Nguyễn Thị Lan,1985-04-02,A,,2020-03-14,,\n`);
  assert.equal(ok.statusCode, 303);
  assert.match((await officer.get(ok.headers.location as string)).body, /Đã nhập 2 giấy phép/);
});

test('the look-up by number, a refused deduction shown back as typed, then an accepted one', async () => {
  const bad = await officer.get('/quan-ly/gplx?so=12ab');
  assert.equal(bad.statusCode, 400);
  assert.match(bad.body, /đúng 12 chữ số/);
  const found = await officer.get('/quan-ly/gplx?so=0100 0000 0101');
  assert.equal(found.headers.location, '/quan-ly/gplx/010000000101');
  const page = await officer.get('/quan-ly/gplx/010000000101');
  assert.match(page.body, /Còn hiệu lực/);
  assert.match(page.body, /12\/12 điểm/);
  assert.match(page.body, /14\/03\/2030/);
  const refused = await officer.submit('/quan-ly/gplx/010000000101', { decision: 'QĐ 77/XPHC', points: '5', effectiveOn: '2026-01-05' }, '/quan-ly/gplx/010000000101/tru-diem');
  assert.equal(refused.statusCode, 400);
  assert.match(refused.body, /chỉ trừ 2, 4, 6 hoặc 10 điểm/);
  assert.match(refused.body, /id="decision"[^>]*value="QĐ 77\/XPHC"/);
  const done = await officer.submit('/quan-ly/gplx/010000000101', { decision: 'QĐ 77/XPHC', points: '4', effectiveOn: '2026-01-05' }, '/quan-ly/gplx/010000000101/tru-diem');
  assert.equal(done.statusCode, 303);
  const after = (await officer.get(done.headers.location as string)).body;
  assert.match(after, /Đã lưu/);
  assert.match(after, /Trừ 4 điểm/);
  const twice = await officer.submit('/quan-ly/gplx/010000000101', { decision: 'QĐ 77/XPHC', points: '2', effectiveOn: '2026-01-06' }, '/quan-ly/gplx/010000000101/tru-diem');
  assert.equal(twice.statusCode, 409);
  assert.match(twice.body, /đã được trừ điểm/);
  const test = await officer.submit('/quan-ly/gplx/010000000101', { testOn: '2026-01-06' }, '/quan-ly/gplx/010000000101/kiem-tra');
  assert.equal(test.statusCode, 409);
  assert.match(test.body, /chưa bị trừ hết điểm/);
});

test('the e-licence carries a QR code of the verification address; that page shows validity and class only', async () => {
  const e = await officer.get('/quan-ly/gplx/010000000101/dien-tu');
  assert.equal(e.statusCode, 200);
  assert.match(e.body, /<img src="data:image\/svg\+xml;base64,[A-Za-z0-9+/=]+"/);
  const url = /href="(http[^"]*\/xac-minh-gplx\/([A-Za-z0-9_-]{22,64}))"/.exec(e.body);
  assert.ok(url, 'the verification address is on the page');
  const svg = Buffer.from(/data:image\/svg\+xml;base64,([A-Za-z0-9+/=]+)/.exec(e.body)![1]!, 'base64').toString();
  assert.match(svg, /^<svg/);
  const pub = await app.client().get(`/xac-minh-gplx/${url[2]}`);
  assert.equal(pub.statusCode, 200);
  assert.match(pub.body, /Còn hiệu lực/);
  assert.match(pub.body, /<dd>B<\/dd>/);
  assert.match(pub.body, /0101/);
  for (const secret of ['Nguyễn Thị Lan', '001185004321', '010000000101', '1985', '02/04/1985', 'QĐ 77']) assert.ok(!pub.body.includes(secret), `the public page does not show ${secret}`);
  const unknown = await app.client().get(`/xac-minh-gplx/${'x'.repeat(32)}`);
  assert.equal(unknown.statusCode, 404);
  assert.match(unknown.body, /Không có giấy phép lái xe nào ứng với mã này/);
  assert.match((await app.client().get(`/xac-minh-gplx/${'x'.repeat(32)}?lang=en`)).body, /No driving licence matches this code/);
  assert.equal((await app.client().get('/xac-minh-gplx/%27%20or%201=1')).statusCode, 404);
});

test('the demo licences: demo.congdan’s class B expires within a month; one with deductions, one at zero; idempotent', async () => {
  const today = vietnamDateOf(new Date());
  await seedDemoLicences(app.platform);
  await seedDemoLicences(app.platform);
  const rows = (await sql<{ n: string; zero: string; deducted: string }>`select count(*)::text as n,
      count(*) filter (where points = 0)::text as zero, count(*) filter (where points between 1 and 11)::text as deducted
    from licences where province_code = '01' and number not like '0100000001%'`.execute(app.database.db)).rows[0]!;
  assert.deepEqual([rows.n, rows.zero, rows.deducted], ['300', '1', '1']);
  const b = (await sql<{ expires: string; pin: string }>`select to_char(expires_on, 'YYYY-MM-DD') as expires, holder_pin as pin from licences where number = ${DEMO_LICENCES.citizenB}`.execute(app.database.db)).rows[0]!;
  assert.equal(b.pin, DEMO_CITIZEN_PIN);
  assert.ok(b.expires > today && b.expires <= addDays(today, 31), b.expires);
  const citizenId = Number((await sql<{ id: number }>`insert into accounts (kind, username, personal_id, full_name, password_hash) values ('citizen', 'gplx.an', ${DEMO_CITIZEN_PIN}, 'Nguyễn Văn An', 'x') returning id`.execute(app.database.db)).rows[0]!.id);
  const held = await licencesOfCitizen(app.platform, citizenId);
  const renewB = held.find((h) => h.number === DEMO_LICENCES.citizenB)?.renewal;
  assert.ok(renewB?.ok && renewB.test === 'none' && renewB.healthCertificate);
  const a1 = held.find((h) => h.number === DEMO_LICENCES.citizenA1)?.renewal;
  assert.ok(a1?.ok && a1.to === 'A' && /175/.test(a1.restriction?.vi ?? ''));
});
