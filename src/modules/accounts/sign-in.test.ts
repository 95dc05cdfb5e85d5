import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { testApp, type TestApp } from '../../testing/app.ts';
import { DEMO_PASSWORD, DEMO_USERNAMES } from '../../cli/demo-logins.ts';
import { seedDemoAccounts } from './demo.ts';
import { AGENCY, TEST_PASSWORD, agencyId, citizen, registerWithCode, signInWithForm } from './testing.ts';

let app: TestApp;
before(async () => {
  app = await testApp({ demo: true });
  assert.equal((await registerWithCode(app, app.client(), citizen())).statusCode, 303);
});
after(async () => {
  await app.close();
});

async function actions(since: number): Promise<{ action: string; data: { reason?: string } }[]> {
  const r = await sql<{ action: string; data: { reason?: string } }>`select action, data from audit_log where id > ${since} order by id`.execute(app.database.db);
  return r.rows;
}
async function lastAuditId(): Promise<number> {
  const r = await sql<{ id: number | null }>`select max(id) as id from audit_log`.execute(app.database.db);
  return Number(r.rows[0]?.id ?? 0);
}

test('a citizen signs in with phone, e-mail or personal ID, and signs out', async () => {
  for (const identifier of ['0983123456', '+84 983 123 456', 'HOA@example.vn', '001190012345']) {
    const c = app.client();
    const since = await lastAuditId();
    const res = await signInWithForm(c, identifier);
    assert.equal(res.statusCode, 303, identifier);
    assert.equal(res.headers.location, '/tai-khoan');
    assert.match(String(res.headers['set-cookie']), /egov_sid=.+HttpOnly.*SameSite=Lax|egov_sid=.+SameSite=Lax.*HttpOnly/i);
    const page = await c.get('/tai-khoan');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Nguyễn Thị Hoa/);
    assert.deepEqual((await actions(since)).map((a) => a.action), ['account.sign_in']);
    const out = await c.submit('/tai-khoan', {}, '/dang-xuat');
    assert.equal(out.statusCode, 303);
    const after = await c.get('/tai-khoan');
    assert.equal(after.statusCode, 303);
    assert.match(String(after.headers.location), /^\/dang-nhap\?next=/);
  }
});

test('a wrong password or unknown account gets one answer, and both are audited', async () => {
  const since = await lastAuditId();
  const c = app.client();
  const wrong = await signInWithForm(c, '0983123456', 'Sai123456');
  assert.equal(wrong.statusCode, 401);
  assert.match(wrong.body, /Tên đăng nhập hoặc mật khẩu không đúng/);
  assert.match(wrong.body, /value="0983123456"/, 'the identifier is kept');
  assert.match(wrong.body, /<title>Lỗi: Đăng nhập – /, 'the title says the form was refused');
  assert.match(wrong.body, /class="error-summary" role="alert" tabindex="-1" autofocus/, 'the summary takes the focus');
  assert.doesNotMatch((await c.get('/dang-nhap')).body, /<title>Lỗi/, 'the page before any error has its plain title');
  const unknown = await signInWithForm(c, 'khong.co.ai', 'Sai123456');
  assert.equal(unknown.statusCode, 401);
  assert.match(unknown.body, /Tên đăng nhập hoặc mật khẩu không đúng/);
  const rows = await actions(since);
  assert.deepEqual(rows.map((r) => [r.action, r.data.reason]), [
    ['account.sign_in_failed', 'bad_password'],
    ['account.sign_in_failed', 'unknown_account'],
  ]);
});

test('sign-in goes back to a local page only', async () => {
  const c = app.client();
  const local = await c.submit('/dang-nhap?next=/lich-lam-viec', { identifier: '0983123456', password: TEST_PASSWORD, next: '/lich-lam-viec' });
  assert.equal(local.headers.location, '/lich-lam-viec');
  const c2 = app.client();
  const evil = await c2.submit('/dang-nhap', { identifier: '0983123456', password: TEST_PASSWORD, next: '//evil.example/' });
  assert.equal(evil.headers.location, '/tai-khoan');
});

test('sign-in without a CSRF token is refused', async () => {
  const c = app.client();
  await c.get('/dang-nhap');
  const res = await c.postForm('/dang-nhap', { identifier: '0983123456', password: TEST_PASSWORD });
  assert.equal(res.statusCode, 403);
});

test('the demo sign-in page lists the demo logins; the demo seed is idempotent', async () => {
  const page = await app.client().get('/dang-nhap');
  for (const u of DEMO_USERNAMES) assert.match(page.body, new RegExp(`<code>${u.replace('.', '\\.')}</code>`));
  assert.match(page.body, new RegExp(DEMO_PASSWORD));
  assert.equal((await signInWithForm(app.client(), 'demo.congdan', DEMO_PASSWORD)).statusCode, 303);
  // Seeding again changes nothing.
  await seedDemoAccounts(app.platform);
  const r = await sql<{ username: string; roles: string }>`
    select a.username, coalesce(string_agg(r.role, ',' order by r.role), '') as roles
    from accounts a left join account_roles r on r.account_id = a.id where a.username like 'demo.%' group by a.username order by a.username`.execute(app.database.db);
  const named = new Set<string>(DEMO_USERNAMES);
  assert.deepEqual(r.rows.filter((x) => named.has(x.username)), [
    { username: 'demo.admin', roles: 'admin' },
    { username: 'demo.badinh.motcua', roles: 'one_stop_officer' },
    { username: 'demo.badinh.vanthu', roles: 'registry_clerk' },
    { username: 'demo.bientap', roles: 'editor,moderator' },
    { username: 'demo.chuyenvien', roles: 'specialist' },
    { username: 'demo.cntt', roles: 'readiness_reporter' },
    { username: 'demo.congdan', roles: '' },
    { username: 'demo.daotao', roles: 'training_manager' },
    { username: 'demo.doisoat', roles: 'transit_operator' },
    { username: 'demo.gplx', roles: 'licence_officer' },
    { username: 'demo.hanhkhach1', roles: '' },
    { username: 'demo.hanhkhach2', roles: '' },
    { username: 'demo.hanhkhach3', roles: '' },
    { username: 'demo.hanhkhach4', roles: '' },
    { username: 'demo.hoidong', roles: 'readiness_council' },
    { username: 'demo.lanhdao', roles: 'leader' },
    { username: 'demo.motcua', roles: 'one_stop_officer' },
    { username: 'demo.sogd', roles: 'education_office' },
    { username: 'demo.stp.chuyenvien', roles: 'specialist' },
    { username: 'demo.stp.lanhdao', roles: 'leader' },
    { username: 'demo.thamdinh', roles: 'readiness_reviewer' },
    { username: 'demo.tinhieu', roles: 'signal_engineer' },
    { username: 'demo.truong', roles: 'school_admissions' },
    { username: 'demo.truong.cntt', roles: 'school_it' },
    { username: 'demo.vanthu', roles: 'registry_clerk' },
    { username: 'demo.vetau', roles: 'transit_officer' },
  ]);
  // Every agency that receives dossiers has a one-stop officer, a specialist and a leader (issue 9).
  const desks = new Map(r.rows.map((x) => [x.username, x.roles]));
  const receiving = await sql<{ n: number }>`select count(*)::int as n from agencies where active and kind in ('service_centre', 'department', 'commune_committee', 'other')`.execute(app.database.db);
  assert.equal(r.rows.filter((x) => /^demo\.[a-z0-9]+\.(motcua|chuyenvien|lanhdao)$/.test(x.username)).length, 3 * Number(receiving.rows[0]?.n));
  for (const slug of ['ttpvhcc', 'stp', 'hoankiem', 'badinh', 'sxd', 'catp']) {
    assert.deepEqual([desks.get(`demo.${slug}.motcua`), desks.get(`demo.${slug}.chuyenvien`), desks.get(`demo.${slug}.lanhdao`)], ['one_stop_officer', 'specialist', 'leader'], slug);
  }
  const agencies = await sql<{ username: string; agency_id: number }>`select username, agency_id from accounts where username in ('demo.motcua', 'demo.admin') order by username`.execute(app.database.db);
  assert.deepEqual(agencies.rows, [
    { username: 'demo.admin', agency_id: await agencyId(app.database.db, AGENCY.centre.code) },
    { username: 'demo.motcua', agency_id: await agencyId(app.database.db, AGENCY.hoanKiem.code) },
  ]);
  // The page of every demo account lists each agency's desks.
  const all = await app.client().get('/tai-khoan-trinh-dien');
  assert.equal(all.statusCode, 200);
  for (const u of ['demo.congdan', 'demo.ttpvhcc.motcua', 'demo.catp.chuyenvien', 'demo.hoankiem.lanhdao']) assert.ok(all.body.includes(`<code>${u}</code>`), u);
  assert.ok(page.body.includes('href="/tai-khoan-trinh-dien"'), 'the sign-in page links it');
  const admin = app.client();
  assert.equal((await signInWithForm(admin, 'demo.admin', DEMO_PASSWORD)).statusCode, 303);
  assert.equal((await admin.get('/quan-tri/tai-khoan')).statusCode, 200);
});

test('password reset requests are rate-limited per address', async () => {
  const c = app.client();
  let last = 0;
  for (let i = 0; i < 11; i++) last = (await c.submit('/quen-mat-khau', { identifier: 'nobody@example.vn' })).statusCode;
  assert.equal(last, 429);
  const res = await c.submit('/quen-mat-khau', { identifier: 'nobody@example.vn' });
  assert.match(res.body, /quá nhiều yêu cầu/);
});

test('changing the password needs the current one and ends the other sessions', async () => {
  const c = app.client();
  const other = app.client();
  assert.equal((await signInWithForm(c, '0983123456')).statusCode, 303);
  assert.equal((await signInWithForm(other, '0983123456')).statusCode, 303);
  const wrong = await c.submit('/tai-khoan', { current_password: 'Sai123456', password: 'MatKhauMoi9', password_confirm: 'MatKhauMoi9' }, '/tai-khoan/mat-khau');
  assert.equal(wrong.statusCode, 400);
  assert.match(wrong.body, /id="current_password-error"[^>]*>Mật khẩu hiện tại không đúng/);
  const weak = await c.submit('/tai-khoan', { current_password: TEST_PASSWORD, password: 'matkhau', password_confirm: 'matkhau' }, '/tai-khoan/mat-khau');
  assert.equal(weak.statusCode, 400);
  assert.match(weak.body, /id="password-error"/);
  const ok = await c.submit('/tai-khoan', { current_password: TEST_PASSWORD, password: 'MatKhauMoi9', password_confirm: 'MatKhauMoi9' }, '/tai-khoan/mat-khau');
  assert.equal(ok.statusCode, 303);
  assert.match((await c.get(String(ok.headers.location))).body, /Đã đổi mật khẩu/);
  assert.equal((await other.get('/tai-khoan')).statusCode, 303, 'the other browser is signed out');
  assert.equal((await signInWithForm(app.client(), '0983123456', 'MatKhauMoi9')).statusCode, 303);
  const audit = await sql<{ n: number }>`select count(*)::int as n from audit_log where action = 'account.password_change'`.execute(app.database.db);
  assert.equal(Number(audit.rows[0]?.n), 1);
});

test('after signing in without a page to return to, staff land on their work: officers on /mot-cua, administrators on /quan-tri', async () => {
  const expected: [string, string][] = [
    ['demo.motcua', '/mot-cua'],
    ['demo.chuyenvien', '/mot-cua'],
    ['demo.lanhdao', '/mot-cua'],
    ['demo.admin', '/quan-tri'],
    ['demo.sogd', '/quan-ly/tuyen-sinh/so'],
    ['demo.bientap', '/tai-khoan'],
    ['demo.vanthu', '/tai-khoan'],
    ['demo.truong', '/truong/tuyen-sinh'],
    ['demo.cntt', '/chuyen-doi-so'],
    ['demo.thamdinh', '/chuyen-doi-so'],
    ['demo.daotao', '/dao-tao-cntt'],
    ['demo.truong.cntt', '/thiet-bi-cntt-truong'],
    ['demo.congdan', '/tai-khoan'],
  ];
  for (const [username, landing] of expected) {
    const c = app.client();
    const res = await signInWithForm(c, username, DEMO_PASSWORD);
    assert.equal(res.headers.location, landing, username);
    assert.equal((await c.get('/dang-nhap')).headers.location, landing, `${username}, signed in, opening the sign-in page`);
    assert.equal((await c.get(landing)).statusCode, 200, `${username} may open ${landing}`);
  }
  const back = await app.client().submit('/dang-nhap', { identifier: 'demo.motcua', password: DEMO_PASSWORD, next: '/lich-lam-viec' });
  assert.equal(back.headers.location, '/lich-lam-viec', 'a page asked for comes first');
});

test('/quan-tri links every administration page for an administrator, the work pages for officers, and nothing for citizens', async () => {
  const admin = app.client();
  await signInWithForm(admin, 'demo.admin', DEMO_PASSWORD);
  const home = await admin.get('/quan-tri');
  assert.equal(home.statusCode, 200);
  const links = [...home.body.matchAll(/<a href="(\/quan-tri\/[^"]+)"/g)].map((m) => m[1]);
  assert.deepEqual(links, ['/quan-tri/tai-khoan', '/quan-tri/tai-khoan/tao-moi', '/quan-tri/lich-lam-viec', '/quan-tri/tu-dong-nghia']);
  for (const href of links) assert.equal((await admin.get(href ?? '')).statusCode, 200, `${href} opens for the administrator`);
  assert.match(home.body, /<a href="\/quan-tri">Quản trị<\/a>/, 'the header links the administrators’ home');

  const officer = app.client();
  await signInWithForm(officer, 'demo.motcua', DEMO_PASSWORD);
  const work = await officer.get('/quan-tri');
  assert.equal(work.statusCode, 200);
  assert.doesNotMatch(work.body, /href="\/quan-tri\//, 'no administration page for an officer');
  assert.match(work.body, /href="\/mot-cua\/tiep-nhan"/);
  assert.match(work.body, /href="\/mot-cua\/so-theo-doi"/);

  const citizenClient = app.client();
  await signInWithForm(citizenClient, 'demo.congdan', DEMO_PASSWORD);
  assert.equal((await citizenClient.get('/quan-tri')).statusCode, 403);
  assert.equal((await app.client().get('/quan-tri')).headers.location, '/dang-nhap?next=%2Fquan-tri');
});

test('the sign-in page says why the visitor was sent there, in Vietnamese and English', async () => {
  const reason = (html: string): string | undefined => /<p class="notice" id="sign-in-reason">([^<]+)<\/p>/.exec(html)?.[1];
  const c = app.client();
  const form = await c.get('/dich-vu-cong/1.000001/nop');
  assert.equal(form.statusCode, 303);
  assert.equal(reason((await c.get(String(form.headers.location))).body), 'Đăng nhập để nộp hồ sơ.');
  assert.equal(reason((await c.get('/dang-nhap?next=%2Fho-so-cua-toi')).body), 'Đăng nhập để xem hồ sơ của bạn.');
  assert.equal(reason((await c.get('/dang-nhap?next=%2Fmot-cua')).body), 'Đăng nhập để vào Bộ phận Một cửa.');
  assert.equal(reason((await c.get('/dang-nhap?next=%2Fquan-tri%2Ftai-khoan')).body), 'Đăng nhập để vào trang quản trị.');
  assert.equal(reason((await c.get('/dang-nhap?next=%2Flich-lam-viec')).body), 'Trang bạn vừa mở cần đăng nhập.');
  assert.equal(reason((await c.get('/dang-nhap')).body), undefined, 'no line when the visitor came by themselves');
  const refused = await c.submit('/dang-nhap?next=%2Fho-so-cua-toi', { identifier: 'khong.co.ai', password: 'Sai123456', next: '/ho-so-cua-toi' });
  assert.equal(refused.statusCode, 401);
  assert.equal(reason(refused.body), 'Đăng nhập để xem hồ sơ của bạn.', 'kept after a wrong password');
  assert.equal(reason((await c.get(`${String(form.headers.location)}&lang=en`)).body), 'Sign in to submit your application.');
});
