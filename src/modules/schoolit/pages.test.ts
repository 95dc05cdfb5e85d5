// Schools' IT equipment through the pages (issue 14): the officer fills (a refused value kept out, the good ones
// saved, what was typed shown back) and submits; another school's report is not found; the office returns with a
// comment, the officer resubmits, the office accepts; hostile input never makes a 500; other roles are refused.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { testApp, type TestApp, type TestClient } from '../../testing/app.ts';
import { signInAs } from '../../testing/auth.ts';
import { makeStaff, signInWithForm } from '../accounts/testing.ts';
import { Role } from '../../platform/auth/roles.ts';
import { listSchools, seedAdmissionsDemo } from '../admissions/index.ts';
import { attachItOfficer } from './index.ts';
import { schoolYearOf } from './access.ts';
import { schoolItDb } from './repo.ts';

let app: TestApp;
let officer: TestClient;
let office: TestClient;
const FORM = '/thiet-bi-cntt-truong/truong/TH00070A';
const GOOD = { computers_teaching: '40', computers_admin: '5', computer_rooms: '2', networked_rooms: '2', projectors: '12', screens: '3', internet: 'yes', bandwidth_mbps: '100', pupils: '1200' };

const report = async (code = 'TH00070A') => {
  const [school] = await listSchools(app.platform, { code });
  return schoolItDb(app.database.db).selectFrom('schoolit_reports').selectAll().where('school_id', '=', school?.id ?? 0).where('school_year', '=', schoolYearOf()).executeTakeFirst();
};
const versionOn = (body: string): string => /name="version" value="(\d+)"/.exec(body)?.[1] ?? '';

before(async () => {
  app = await testApp();
  await seedAdmissionsDemo(app.platform);
  await attachItOfficer(app.platform, await makeStaff(app.database.db, 'cntt.hk', [Role.schoolIt]), 'TH00070A');
  await attachItOfficer(app.platform, await makeStaff(app.database.db, 'cntt.cg', [Role.schoolIt]), 'TH00166A');
  await makeStaff(app.database.db, 'sogd.x', [Role.educationOffice]);
  officer = app.client();
  await signInWithForm(officer, 'cntt.hk');
  office = app.client();
  await signInWithForm(office, 'sogd.x');
});
after(async () => {
  await app.close();
});

test('the officer fills the form: refused values are named and kept out, good ones saved, typed shown back', async () => {
  const home = await officer.get('/thiet-bi-cntt-truong');
  assert.equal(home.statusCode, 200);
  assert.match(home.body, /Trường Tiểu học Hoàn Kiếm A/);
  assert.match(home.body, /Chưa lập báo cáo/);
  const res = await officer.submit(FORM, { ...GOOD, version: '0', computers_admin: '-3', projectors: '1e9', screens: '10001', networked_rooms: '3', action: 'save' });
  assert.equal(res.statusCode, 400);
  assert.match(res.body, /value="-3"/);
  assert.match(res.body, /value="1e9"/);
  assert.match(res.body, /Số máy tính dùng cho quản lý, hành chính: phải là số nguyên từ 0 đến 10.000/);
  assert.match(res.body, /Số máy chiếu: phải là số nguyên/);
  assert.match(res.body, /Số phòng máy tính có nối mạng không được lớn hơn số phòng máy tính/);
  const r = await report();
  assert.equal(r?.computers_teaching, 40);
  assert.equal(r?.pupils, 1200);
  assert.equal(r?.bandwidth_mbps, 100);
  assert.equal(r?.computers_admin, null, 'a negative count is not saved');
  assert.equal(r?.projectors, null, '1e9 is not saved');
  assert.equal(r?.screens, null, '10,001 is not saved');
  assert.equal(r?.networked_rooms, null, 'more networked rooms than rooms is not saved');
  assert.equal(r?.state, 'draft');
  const en = await officer.submit(`${FORM}?lang=en`, { ...GOOD, version: versionOn(res.body), computers_admin: ['1', '2'] as unknown as string, action: 'save' }, FORM);
  assert.equal(en.statusCode, 400);
  assert.match(en.body, /Computers for administration: must be a whole number from 0 to 10,000/);
  await officer.get(`${FORM}?lang=vi`);
});

test('hostile input is refused with a clear error, never a 500, and nothing saved is lost', async () => {
  const before_ = await report();
  for (const bad of ['\u0000', '1'.repeat(5000), '0x10', '1.5', '99999999999999999999', '4\u00000']) {
    const res = await officer.submit(FORM, { version: String((await report())?.version ?? 0), computers_teaching: bad, action: 'save' });
    assert.ok(res.statusCode === 400 || res.statusCode === 303, `${JSON.stringify(bad.slice(0, 10))}: ${res.statusCode}`);
  }
  const after_ = await report();
  assert.equal(after_?.computers_teaching, 40);
  assert.equal(after_?.pupils, before_?.pupils);
});

test('a save over someone else’s newer change is refused and the typed values come back', async () => {
  const stale = await officer.submit(FORM, { ...GOOD, projectors: '77', version: '1', action: 'save' });
  assert.equal(stale.statusCode, 409);
  assert.match(stale.body, /value="77"/);
  assert.notEqual((await report())?.projectors, 77);
});

test("another school's report is not found; other roles are refused", async () => {
  assert.equal((await officer.get('/thiet-bi-cntt-truong/truong/TH00166A')).statusCode, 404);
  assert.equal((await officer.get('/thiet-bi-cntt-truong/truong/NOPE<script>')).statusCode, 404);
  const page = await officer.get(FORM);
  const token = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
  const post = await officer.postForm('/thiet-bi-cntt-truong/truong/TH00166A', { _csrf: token, ...GOOD, version: '0', action: 'submit' });
  assert.equal(post.statusCode, 404);
  assert.equal(await report('TH00166A'), undefined);
  assert.equal((await officer.get('/thiet-bi-cntt-truong/so-gd')).statusCode, 403);
  const clerk = app.client();
  await signInAs(app.database.db, clerk, { id: await makeStaff(app.database.db, 'motcua.x', [Role.oneStopOfficer]), roles: [Role.oneStopOfficer] });
  assert.equal((await clerk.get('/thiet-bi-cntt-truong')).statusCode, 403);
  assert.equal((await clerk.get('/thiet-bi-cntt-truong/so-gd')).statusCode, 403);
  const citizen = app.client();
  await signInAs(app.database.db, citizen, { id: await makeStaff(app.database.db, 'dan.x', [Role.oneStopOfficer]), kind: 'citizen', roles: [] });
  assert.equal((await citizen.get('/thiet-bi-cntt-truong')).statusCode, 403);
  assert.equal((await citizen.get('/thiet-bi-cntt-truong/so-gd/do-phu')).statusCode, 403);
  assert.equal((await app.client().get('/thiet-bi-cntt-truong')).statusCode, 303, 'anonymous: to the sign-in page');
});

test('submit; the office returns with a comment; the officer resubmits; the office accepts', async () => {
  let page = await officer.get(FORM);
  const sent = await officer.submit(FORM, { ...GOOD, version: versionOn(page.body), action: 'submit' });
  assert.equal(sent.statusCode, 303);
  assert.match((await officer.get(sent.headers.location as string)).body, /Đã nộp báo cáo/);
  const r = await report();
  assert.equal(r?.state, 'submitted');
  assert.equal((await officer.submit(FORM, { ...GOOD, version: String(r?.version), action: 'save' }, FORM)).statusCode, 409, 'a submitted report is not edited');

  const list = await office.get('/thiet-bi-cntt-truong/so-gd?xa=00070&trang-thai=submitted&cap=grade1');
  assert.equal(list.statusCode, 200);
  assert.match(list.body, /Trường Tiểu học Hoàn Kiếm A/);
  assert.match(list.body, /class="cards-on-phone"/);
  const url = `/thiet-bi-cntt-truong/so-gd/bao-cao/${r?.id}`;
  const version = async () => versionOn((await office.get(url)).body);
  assert.equal((await office.submit(url, { comment: '  ', version: await version() }, `${url}/tra-lai`)).statusCode, 400);
  const returned = await office.submit(url, { comment: 'Số máy chiếu chưa khớp biên bản kiểm kê.', version: await version() }, `${url}/tra-lai`);
  assert.equal(returned.statusCode, 303);
  assert.equal((await report())?.state, 'returned');

  page = await officer.get(FORM);
  assert.match(page.body, /Số máy chiếu chưa khớp biên bản kiểm kê\./);
  assert.equal((await officer.submit(FORM, { ...GOOD, projectors: '10', version: versionOn(page.body), action: 'submit' })).statusCode, 303);
  const again = await report();
  assert.equal(again?.state, 'submitted');
  assert.equal(again?.projectors, 10);
  assert.equal(again?.office_comment, null);

  assert.equal((await office.postForm(`${url}/chap-nhan`, { _csrf: 'forged', version: String(again?.version) })).statusCode, 403, 'CSRF');
  assert.equal((await office.submit(url, { version: '1' }, `${url}/chap-nhan`)).statusCode, 409, 'a stale version');
  assert.equal((await office.submit(url, { version: await version() }, `${url}/chap-nhan`)).statusCode, 303);
  assert.equal((await report())?.state, 'checked');
  const audit = await app.database.db
    .selectFrom('audit_log')
    .select('action')
    .where('entity', '=', 'schoolit_report')
    .where('entity_id', '=', String(r?.id))
    .orderBy('id')
    .execute();
  assert.deepEqual(
    audit.map((a) => a.action).filter((a) => a !== 'schoolit.report.save'),
    ['schoolit.report.submit', 'schoolit.report.return', 'schoolit.report.submit', 'schoolit.report.check'],
  );
  const coverage = await office.get('/thiet-bi-cntt-truong/so-gd/do-phu');
  assert.equal(coverage.statusCode, 200);
  assert.match(coverage.body, /Chỉ tính các báo cáo đã được cơ quan giáo dục kiểm tra/);
  assert.match(coverage.body, /<svg[^>]*role="img"/);
});
