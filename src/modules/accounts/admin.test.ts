import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { testApp, type TestApp, type TestClient } from '../../testing/app.ts';
import { AGENCY, TEST_PASSWORD, agencyId as findAgency, citizen, registerWithCode, makeStaff, signInWithForm } from './testing.ts';

let app: TestApp;
let agencyId = 0;
let otherAgencyId = 0;
let admin: TestClient;
before(async () => {
  app = await testApp();
  agencyId = await findAgency(app.database.db, AGENCY.hoanKiem.code);
  otherAgencyId = await findAgency(app.database.db, AGENCY.cuaNam.code);
  await makeStaff(app.database.db, 'qt.admin', ['admin']);
  await makeStaff(app.database.db, 'cb.chuyenvien', ['specialist']);
  admin = app.client();
  assert.equal((await signInWithForm(admin, 'qt.admin')).statusCode, 303);
});
after(async () => {
  await app.close();
});

async function idOf(username: string): Promise<number> {
  const r = await sql<{ id: number }>`select id from accounts where username = ${username}`.execute(app.database.db);
  return Number(r.rows[0]?.id);
}

test('only administrators reach the staff administration', async () => {
  const anon = await app.client().get('/quan-tri/tai-khoan');
  assert.equal(anon.statusCode, 303);
  assert.match(String(anon.headers.location), /^\/dang-nhap\?next=%2Fquan-tri%2Ftai-khoan/);
  const staff = app.client();
  await signInWithForm(staff, 'cb.chuyenvien');
  const page = await staff.get('/quan-tri/tai-khoan');
  assert.equal(page.statusCode, 403);
  assert.match(page.body, /không có quyền/);
  const post = await staff.submit('/tai-khoan', { agency_id: String(agencyId), roles: 'admin' }, `/quan-tri/tai-khoan/${await idOf('cb.chuyenvien')}`);
  assert.equal(post.statusCode, 403);
  const citizenClient = app.client();
  await registerWithCode(app, citizenClient, citizen());
  assert.equal((await citizenClient.get('/quan-tri/tai-khoan')).statusCode, 403);
  assert.equal((await admin.get('/quan-tri/tai-khoan')).statusCode, 200);
});

test('an administrator creates a staff account; bad input is shown beside each field', async () => {
  const bad = await admin.submit('/quan-tri/tai-khoan/tao-moi', { username: 'qt.admin', full_name: '', email: 'x@', phone: '', agency_id: '', password: 'abc' });
  assert.equal(bad.statusCode, 400);
  for (const f of ['full_name', 'email', 'agency_id', 'roles', 'password']) assert.match(bad.body, new RegExp(`id="${f}-error"`), f);
  const dup = await admin.submit('/quan-tri/tai-khoan/tao-moi', { username: 'QT.Admin', full_name: 'Trùng', agency_id: String(agencyId), roles: 'leader', password: TEST_PASSWORD });
  assert.equal(dup.statusCode, 409);
  assert.match(dup.body, /Tên đăng nhập này đã có người dùng/);
  const ok = await admin.submit('/quan-tri/tai-khoan/tao-moi', {
    username: 'CB.VanThu',
    full_name: 'Hoàng Thu Hà',
    email: 'vanthu@example.vn',
    phone: '024 3825 3536',
    agency_id: String(agencyId),
    roles: ['registry_clerk', 'specialist'],
    password: TEST_PASSWORD,
  });
  assert.equal(ok.statusCode, 303);
  const list = await admin.get(String(ok.headers.location));
  assert.match(list.body, /Đã tạo tài khoản cb\.vanthu/);
  assert.match(list.body, /Hoàng Thu Hà/);
  const row = await sql<{ phone: string; agency_id: number }>`select phone, agency_id from accounts where username = 'cb.vanthu'`.execute(app.database.db);
  assert.deepEqual(row.rows[0], { phone: '+842438253536', agency_id: agencyId });
  const audit = await sql<{ actor_label: string; data: { after: { roles: string[] } } }>`select actor_label, data from audit_log where action = 'account.create' and entity_id = ${String(await idOf('cb.vanthu'))}`.execute(app.database.db);
  assert.equal(audit.rows[0]?.actor_label, 'qt.admin');
  assert.deepEqual(audit.rows[0]?.data.after.roles, ['registry_clerk', 'specialist']);
  assert.equal((await signInWithForm(app.client(), 'cb.vanthu')).statusCode, 303);
});

test('a change of role is audited with before and after, and the open session sees it at once', async () => {
  const staff = app.client();
  await signInWithForm(staff, 'cb.chuyenvien');
  assert.equal((await staff.get('/quan-tri/tai-khoan')).statusCode, 403);
  const id = await idOf('cb.chuyenvien');
  const res = await admin.submit(`/quan-tri/tai-khoan/${id}`, { agency_id: String(otherAgencyId), roles: ['specialist', 'admin'] });
  assert.equal(res.statusCode, 303);
  const page = await admin.get(String(res.headers.location));
  assert.match(page.body, /Đã lưu thay đổi/);
  assert.match(page.body, /account\.role_change/);
  const audit = await sql<{ actor_label: string; data: { before: { roles: string[]; agency_id: number }; after: { roles: string[]; agency_id: number }; changed: string[] } }>`
    select actor_label, data from audit_log where action = 'account.role_change' and entity_id = ${String(id)}`.execute(app.database.db);
  const d = audit.rows[0]?.data;
  assert.equal(audit.rows[0]?.actor_label, 'qt.admin');
  assert.deepEqual(d?.before.roles, ['specialist']);
  assert.deepEqual(d?.after.roles, ['admin', 'specialist']);
  assert.deepEqual([d?.before.agency_id, d?.after.agency_id], [agencyId, otherAgencyId]);
  assert.deepEqual(d?.changed, ['agency_id', 'roles']);
  // Same session, no new sign-in: the new role already counts.
  assert.equal((await staff.get('/quan-tri/tai-khoan')).statusCode, 200);
  const me = await staff.get('/tai-khoan');
  assert.match(me.body, /Ủy ban nhân dân phường Cửa Nam/);
  assert.match(me.body, /Quản trị hệ thống/);
});

test('disabling an account ends its sessions and refuses sign-in; an administrator cannot lock themselves out', async () => {
  const staff = app.client();
  await signInWithForm(staff, 'cb.vanthu');
  const id = await idOf('cb.vanthu');
  const res = await admin.submit(`/quan-tri/tai-khoan/${id}`, { agency_id: String(agencyId), roles: 'registry_clerk', disabled: '1' });
  assert.equal(res.statusCode, 303);
  assert.equal((await staff.get('/tai-khoan')).statusCode, 303);
  const again = await signInWithForm(app.client(), 'cb.vanthu');
  assert.equal(again.statusCode, 403);
  assert.match(again.body, /vô hiệu hóa/);
  const self = await admin.submit(`/quan-tri/tai-khoan/${await idOf('qt.admin')}`, { agency_id: String(agencyId), roles: 'leader' });
  assert.equal(self.statusCode, 400);
  assert.match(self.body, /không thể tự bỏ quyền quản trị/);
  const noRoles = await admin.submit(`/quan-tri/tai-khoan/${id}`, { agency_id: String(agencyId) });
  assert.equal(noRoles.statusCode, 400);
  assert.match(noRoles.body, /Chọn ít nhất một vai trò/);
});
