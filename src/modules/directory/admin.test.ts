// Keeping the directory: who may change which agency's entries, the form's errors, the audit trail, the full export.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { testApp, type TestApp, type TestClient } from '../../testing/app.ts';
import { signInAs } from '../../testing/auth.ts';
import { listAudit } from '../../platform/audit/index.ts';
import { createStaffAccount } from '../accounts/index.ts';
import { findAgencyByCode } from '../units/index.ts';
import { officialEmailOf } from './index.ts';
import { directoryDb, directoryRepo } from './repo.ts';

const WARD = '000.04.51.H26';
const OTHER = '000.01.51.H26';
let app: TestApp;
let editor: TestClient;
let admin: TestClient;
let wardId: number;
let otherId: number;

const entries = async (agencyId: number) => directoryRepo.listByAgency(directoryDb(app.database.db), agencyId, true);
const entryNamed = async (agencyId: number, name: string) => {
  const e = (await entries(agencyId)).find((x) => x.full_name === name);
  assert.ok(e, `entry ${name}`);
  return e;
};
const form = (over: Record<string, string> = {}) => ({ fullName: 'Nguyễn Văn An', position: 'Phó Chủ tịch', department: 'Lãnh đạo UBND', email: 'nvan.hoankiem@hanoi.gov.vn', officePhone: '024 3826 1240 máy lẻ 5', mobile: '0912 345 670', sortOrder: '10', public: 'on', accountId: '', ...over });

before(async () => {
  app = await testApp();
  wardId = (await findAgencyByCode(app.database.db, WARD))?.id ?? 0;
  otherId = (await findAgencyByCode(app.database.db, OTHER))?.id ?? 0;
  assert.ok(wardId > 0 && otherId > 0);
  editor = app.client();
  await signInAs(app.database.db, editor, { id: 9101, username: 'bientap.hk', roles: ['editor'], agencyId: wardId, agencyName: 'UBND phường Hoàn Kiếm' });
  admin = app.client();
  await signInAs(app.database.db, admin, { id: 9102, username: 'quantri', roles: ['admin'], agencyId: otherId });
});
after(async () => {
  await app.close();
});

test('an editor adds an official to their agency: saved, audited, listed with the mobile for staff only', async () => {
  const res = await editor.submit(`/quan-tri/danh-ba/${WARD}`, form());
  assert.equal(res.statusCode, 303);
  assert.equal(res.headers.location, `/quan-tri/danh-ba/${WARD}?saved=added`);
  const e = await entryNamed(wardId, 'Nguyễn Văn An');
  assert.deepEqual([e.email, e.public, e.sort_order, e.mobile], ['nvan.hoankiem@hanoi.gov.vn', true, 10, '0912 345 670']);
  const [row] = await listAudit(app.database.db, { entity: 'directory_entry', entityId: String(e.id) });
  assert.equal(row?.action, 'directory.entry.create');
  assert.equal(row?.actorLabel, 'bientap.hk');
  assert.equal((row?.data as { after: { email: string } }).after.email, 'nvan.hoankiem@hanoi.gov.vn');
  const page = await editor.get(`/quan-tri/danh-ba/${WARD}?saved=added`);
  assert.match(page.body, /Đã thêm cán bộ vào danh bạ/);
  assert.match(page.body, /<table class="cards-on-phone directory-admin">/);
  assert.match(page.body, /0912 345 670/);
  const pub = await app.client().get(`/danh-ba/${WARD}`);
  assert.match(pub.body, /<h2>Nguyễn Văn An<\/h2>/);
  assert.doesNotMatch(pub.body, /0912 345 670/);
  assert.match(pub.body, /href="tel:\+842438261240;ext=5"/);
});

test('bad input: error summary on top, errors beside the fields in both languages, typed values kept, nothing saved', async () => {
  const before = (await entries(wardId)).length;
  const typed = form({ fullName: 'Trần <Bình>', email: 'tran.binh@gmail.com', officePhone: '12 34', sortOrder: 'đầu' });
  const res = await editor.submit(`/quan-tri/danh-ba/${WARD}`, typed);
  assert.equal(res.statusCode, 400);
  assert.match(res.body, /<title>Lỗi: /);
  assert.match(res.body, /class="error-summary"/);
  assert.match(res.body, /<a href="#email">Thư điện tử công vụ phải là địa chỉ thư công vụ thuộc tên miền hanoi\.gov\.vn/);
  assert.match(res.body, /<p class="error-message" id="email-error">Thư điện tử công vụ phải là địa chỉ thư công vụ thuộc tên miền hanoi\.gov\.vn/);
  assert.match(res.body, /id="officePhone-error"/);
  assert.match(res.body, /id="fullName-error"/);
  assert.match(res.body, /id="sortOrder-error"/);
  assert.match(res.body, /value="tran\.binh@gmail\.com"/);
  assert.match(res.body, /value="Trần &lt;Bình&gt;"/);
  assert.match(res.body, /value="12 34"/);
  assert.match(res.body, /value="0912 345 670"/);
  assert.match(res.body, /name="public" type="checkbox" value="on" checked/);
  assert.equal((await entries(wardId)).length, before);
  // The same address in other letter case is the same mailbox: refused, and said so beside the field.
  const dup = await editor.submit(`/quan-tri/danh-ba/${WARD}`, form({ fullName: 'Nguyễn Văn Ân', email: 'NVAN.HoanKiem@hanoi.gov.vn' }));
  assert.equal(dup.statusCode, 409);
  assert.match(dup.body, /id="email-error">Thư điện tử công vụ: địa chỉ này đã có trong danh bạ\./);
  const en = await editor.submit(`/quan-tri/danh-ba/${WARD}?lang=en`, typed, `/quan-tri/danh-ba/${WARD}?lang=en`);
  assert.match(en.body, /Official e-mail must be an official address in the domain hanoi\.gov\.vn/);
  await editor.get(`/quan-tri/danh-ba/${WARD}?lang=vi`);
});

test('editing, unpublishing, publishing and deleting are each audited', async () => {
  const e = await entryNamed(wardId, 'Nguyễn Văn An');
  const url = `/quan-tri/danh-ba/muc/${e.id}`;
  const bad = await editor.submit(url, form({ email: 'x@hanoi.gov' }));
  assert.equal(bad.statusCode, 400);
  assert.match(bad.body, /value="x@hanoi\.gov"/);
  const edit = await editor.submit(url, form({ position: 'Chủ tịch', email: 'nvan@hoankiem.hanoi.gov.vn' }));
  assert.equal(edit.statusCode, 303);
  const after = await entryNamed(wardId, 'Nguyễn Văn An');
  assert.deepEqual([after.position, after.email], ['Chủ tịch', 'nvan@hoankiem.hanoi.gov.vn']);
  assert.equal((await editor.submit(`/quan-tri/danh-ba/${WARD}`, {}, `${url}/thoi-cong-khai`)).statusCode, 303);
  assert.equal((await entryNamed(wardId, 'Nguyễn Văn An')).public, false);
  assert.doesNotMatch((await app.client().get(`/danh-ba/${WARD}`)).body, /Nguyễn Văn An/);
  assert.equal((await editor.submit(`/quan-tri/danh-ba/${WARD}`, {}, `${url}/cong-khai`)).statusCode, 303);
  assert.equal((await editor.submit(`/quan-tri/danh-ba/${WARD}`, {}, `${url}/xoa`)).statusCode, 303);
  assert.equal((await entries(wardId)).some((x) => x.id === e.id), false);
  const actions = (await listAudit(app.database.db, { entity: 'directory_entry', entityId: String(e.id) })).map((r) => r.action).reverse();
  assert.deepEqual(actions, ['directory.entry.create', 'directory.entry.update', 'directory.entry.unpublish', 'directory.entry.publish', 'directory.entry.delete']);
  const [upd] = await listAudit(app.database.db, { action: 'directory.entry.update', entityId: String(e.id) });
  const d = upd?.data as { before: { position: string }; after: { position: string } };
  assert.deepEqual([d.before.position, d.after.position], ['Phó Chủ tịch', 'Chủ tịch']);
});

test('an editor of one agency cannot touch another agency’s directory (403); citizens and other staff neither', async () => {
  const res = await admin.submit(`/quan-tri/danh-ba/${OTHER}`, form({ fullName: 'Đinh Văn Tuấn', email: 'dvtuan.badinh@hanoi.gov.vn' }));
  assert.equal(res.statusCode, 303);
  const theirs = await entryNamed(otherId, 'Đinh Văn Tuấn');
  assert.equal((await editor.get(`/quan-tri/danh-ba/${OTHER}`)).statusCode, 403);
  assert.equal((await editor.get(`/quan-tri/danh-ba/muc/${theirs.id}`)).statusCode, 403);
  const token = /name="_csrf" value="([^"]+)"/.exec((await editor.get(`/quan-tri/danh-ba/${WARD}`)).body)?.[1] ?? '';
  assert.equal((await editor.postForm(`/quan-tri/danh-ba/${OTHER}`, { _csrf: token, ...form({ email: 'intruder@hanoi.gov.vn' }) })).statusCode, 403);
  assert.equal((await editor.postForm(`/quan-tri/danh-ba/muc/${theirs.id}`, { _csrf: token, ...form({ fullName: 'Đổi Tên', email: 'dvtuan.badinh@hanoi.gov.vn' }) })).statusCode, 403);
  for (const path of ['xoa', 'thoi-cong-khai']) assert.equal((await editor.postForm(`/quan-tri/danh-ba/muc/${theirs.id}/${path}`, { _csrf: token })).statusCode, 403);
  const still = await entryNamed(otherId, 'Đinh Văn Tuấn');
  assert.deepEqual([still.full_name, still.public], ['Đinh Văn Tuấn', true]);
  assert.equal((await editor.get('/quan-tri/danh-ba.ldif')).statusCode, 403);
  assert.equal((await editor.get('/quan-tri/danh-ba')).headers.location, `/quan-tri/danh-ba/${WARD}`);

  const officer = app.client();
  await signInAs(app.database.db, officer, { id: 9103, roles: ['one_stop_officer', 'leader'], agencyId: wardId });
  assert.equal((await officer.get(`/quan-tri/danh-ba/${WARD}`)).statusCode, 403);
  const citizen = app.client();
  await signInAs(app.database.db, citizen, { id: 9104, kind: 'citizen' });
  assert.equal((await citizen.get(`/quan-tri/danh-ba/${WARD}`)).statusCode, 403);
  assert.notEqual((await app.client().get(`/quan-tri/danh-ba/${WARD}`)).statusCode, 200);
  assert.equal((await app.client().get('/quan-tri/danh-ba.ldif')).statusCode, 401);
});

test('an administrator manages every agency and downloads every entry, published or not, as LDIF', async () => {
  const res = await admin.submit(`/quan-tri/danh-ba/${WARD}`, form({ fullName: 'Lưu Thị Hạnh', email: 'lthanh.hoankiem@hanoi.gov.vn', public: '' }));
  assert.equal(res.statusCode, 303);
  const index = await admin.get('/quan-tri/danh-ba');
  assert.match(index.body, /href="\/quan-tri\/danh-ba\/000\.04\.51\.H26">Ủy ban nhân dân phường Hoàn Kiếm<\/a>/);
  const all = await admin.get('/quan-tri/danh-ba.ldif');
  assert.equal(all.statusCode, 200);
  assert.equal(all.headers['content-type'], 'text/ldif');
  assert.match(String(all.headers['content-disposition']), /filename="danh-ba-ha-noi\.ldif"/);
  assert.ok(all.body.includes(`cn:: ${Buffer.from('Lưu Thị Hạnh').toString('base64')}`), 'unpublished entries are in the full export');
  assert.ok(all.body.includes(`cn:: ${Buffer.from('Đinh Văn Tuấn').toString('base64')}`));
  assert.match(all.body, /\ndn: ou=000\.01\.51\.H26,dc=hanoi,dc=gov,dc=vn\n/);
  assert.doesNotMatch(all.body, /0912 345 670|912345670/);
  const pub = await app.client().get(`/danh-ba/${WARD}.ldif`);
  assert.ok(!pub.body.includes(Buffer.from('Lưu Thị Hạnh').toString('base64')), 'the public export holds published entries only');
});

test('an entry linked to a staff account gives that account its official address; one account, one entry', async () => {
  const accountId = await createStaffAccount(
    app.database.db,
    { username: 'nv.lienket', full_name: 'Nguyễn Văn Liên', email: 'lien.canhan@example.vn', phone: '', agency_id: wardId, roles: ['specialist'], password: 'mat-khau-123' },
    { id: null, label: 'test' },
  );
  assert.equal(await officialEmailOf(app.platform, accountId), null);
  const res = await editor.submit(`/quan-tri/danh-ba/${WARD}`, form({ fullName: 'Nguyễn Văn Liên', email: 'nvlien.hoankiem@hanoi.gov.vn', accountId: String(accountId) }));
  assert.equal(res.statusCode, 303);
  assert.equal(await officialEmailOf(app.platform, accountId), 'nvlien.hoankiem@hanoi.gov.vn');
  const twice = await editor.submit(`/quan-tri/danh-ba/${WARD}`, form({ fullName: 'Nguyễn Văn Liên', email: 'nvlien2.hoankiem@hanoi.gov.vn', accountId: String(accountId) }));
  assert.equal(twice.statusCode, 409);
  assert.match(twice.body, /id="accountId-error"/);
  const unknown = await editor.submit(`/quan-tri/danh-ba/${WARD}`, form({ fullName: 'Nguyễn Văn Liên', email: 'nvlien3.hoankiem@hanoi.gov.vn', accountId: '987654' }));
  assert.equal(unknown.statusCode, 400);
  assert.match(unknown.body, /không có tài khoản cán bộ của cơ quan này mang số này/);
  // Another agency's staff cannot be linked: their notices would go to an address this agency chose.
  const elsewhere = await createStaffAccount(
    app.database.db,
    { username: 'nv.badinh', full_name: 'Trần Văn Khác', email: '', phone: '', agency_id: otherId, roles: ['leader'], password: 'mat-khau-123' },
    { id: null, label: 'test' },
  );
  const foreign = await editor.submit(`/quan-tri/danh-ba/${WARD}`, form({ fullName: 'Trần Văn Khác', email: 'tvkhac.hoankiem@hanoi.gov.vn', accountId: String(elsewhere) }));
  assert.equal(foreign.statusCode, 400);
  assert.match(foreign.body, /id="accountId-error"/);
  assert.equal(await officialEmailOf(app.platform, elsewhere), null);
});
