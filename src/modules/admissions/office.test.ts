// The education office's pages as its officers, other staff, citizens and the public see them: only the office
// reaches them; the counts are the applications'; a catchment edit is saved, shown back and audited; the downloads
// hold the same numbers; the public results page shows the commitment and, after the draw, the seed and the draws.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { testApp, type TestApp, type TestClient } from '../../testing/app.ts';
import { signInAs } from '../../testing/auth.ts';
import { seedUnitsReference } from '../units/index.ts';
import { clearOfficeCounts } from './office.ts';
import { seedOfficeFixture, type OfficeFixture } from './office-fixture.ts';
import { publishCommitment, runAllocation } from './results.ts';
import { seedCommitment } from './lottery.ts';

let app: TestApp;
let fx: OfficeFixture;
let office: TestClient;
const csrf = (body: string): string => /name="_csrf" value="([^"]+)"/.exec(body)?.[1] ?? '';
const OFFICER = { id: 9401, roles: ['education_office' as const] };

before(async () => {
  app = await testApp();
  await seedUnitsReference(app.database.db);
  fx = await seedOfficeFixture(app.platform);
  office = app.client();
  await signInAs(app.database.db, office, OFFICER);
});
after(async () => {
  await app.close();
});

test('only the education office reaches the pages: sign-in first, then 403 for citizens and school officers', async () => {
  const url = `/quan-ly/tuyen-sinh/so?round=${fx.roundId}`;
  const anonymous = await app.client().get(url);
  assert.equal(anonymous.statusCode, 303);
  assert.match(String(anonymous.headers.location), /^\/dang-nhap\?next=/);
  const citizen = app.client();
  await signInAs(app.database.db, citizen, { id: 9402, kind: 'citizen' });
  const schoolOfficer = app.client();
  await signInAs(app.database.db, schoolOfficer, { id: 9403, roles: ['school_admissions'] });
  const admin = app.client();
  await signInAs(app.database.db, admin, { id: 9404, roles: ['admin'] });
  for (const c of [citizen, schoolOfficer, admin]) {
    for (const path of [url, `/quan-ly/tuyen-sinh/so/${fx.roundId}/truong.csv`, '/quan-ly/tuyen-sinh/so/tuyen', `/quan-ly/tuyen-sinh/so/${fx.roundId}/ket-qua`]) {
      assert.equal((await c.get(path)).statusCode, 403, path);
    }
  }
  const page = await office.get(url);
  assert.equal(page.statusCode, 200, page.body.slice(0, 400));
});

test('the dashboard counts what the applications say, per school, per ward and city-wide, with charts and tables', async () => {
  clearOfficeCounts(app.platform);
  const res = await office.get(`/quan-ly/tuyen-sinh/so?round=${fx.roundId}&ward=00070`);
  const html = res.body;
  // City: 6 applications (the withdrawn one does not count) for 8 places; 4 in catchment, 2 out.
  assert.match(html, /<dd>6 \/ 8 chỉ tiêu<\/dd>/);
  assert.match(html, /Đúng tuyến<\/dt><dd>4<\/dd>/);
  assert.match(html, /Trái tuyến<\/dt><dd>2<\/dd>/);
  // School A: 3 applications for 1 place, marked oversubscribed; B: 2 for 2, not marked.
  assert.match(html, /Trường Tiểu học Thử A \(THOFFA\)<\/span> <span class="badge badge-late">Vượt chỉ tiêu<\/span>[\s\S]*?data-label="Chỉ tiêu" class="num">1<\/td><td data-label="Hồ sơ đăng ký" class="num">3</);
  assert.match(html, /Trường Tiểu học Thử B \(THOFFB\)<\/span> <\/th>/);
  assert.match(html, /<svg width="100%" role="img" aria-label="Hồ sơ và chỉ tiêu/);
  assert.match(html, /<table class="cards-on-phone">/);
  assert.ok((html.match(/<svg\b/g) ?? []).length <= (html.match(/<table\b/g) ?? []).length, 'every chart has its table');

  // A new application shows after the cache's few seconds (here: after clearing it).
  await sql`update admission_applications set status = 'active' where idempotency_key = 'office-fixture-6'`.execute(app.database.db);
  clearOfficeCounts(app.platform);
  assert.match((await office.get(`/quan-ly/tuyen-sinh/so?round=${fx.roundId}`)).body, /<dd>7 \/ 8 chỉ tiêu<\/dd>/);
  await sql`update admission_applications set status = 'withdrawn' where idempotency_key = 'office-fixture-6'`.execute(app.database.db);
  clearOfficeCounts(app.platform);
});

test('the CSV and the Excel workbook hold the applications per school', async () => {
  const csv = await office.get(`/quan-ly/tuyen-sinh/so/${fx.roundId}/truong.csv`);
  assert.equal(csv.statusCode, 200);
  assert.match(String(csv.headers['content-type']), /^text\/csv/);
  assert.match(csv.body, /^\uFEFFMã trường,Trường,Loại hình,/);
  assert.match(csv.body, /THOFFA,Trường Tiểu học Thử A,Công lập,00070,[^,]+,1,3,3,0,Có\r\n/);
  assert.match(csv.body, /THOFFC,Trường Tiểu học Thử C,Tư thục,00004,[^,]+,5,1,0,1,Không\r\n/);
  const xlsx = await office.get(`/quan-ly/tuyen-sinh/so/${fx.roundId}/truong.xlsx?lang=en`);
  assert.equal(xlsx.statusCode, 200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
  const bySchool = wb.getWorksheet('By school');
  assert.ok(bySchool);
  assert.deepEqual((bySchool.getRow(2).values as unknown[]).slice(1), ['THOFFA', 'Trường Tiểu học Thử A', 'Public', '00070', bySchool.getRow(2).getCell(5).value, 1, 3, 3, 0, 'Yes']);
  assert.ok(wb.getWorksheet('By ward'));
});

test('a catchment edit is saved, shown back from the database and audited', async () => {
  const form = await office.get('/quan-ly/tuyen-sinh/so/tuyen?year=2030-2031&school=THOFFB&lang=vi');
  assert.equal(form.statusCode, 200);
  assert.match(form.body, /<textarea[^>]*>00070<\/textarea>/);
  const bad = await office.postForm('/quan-ly/tuyen-sinh/so/tuyen', { _csrf: csrf(form.body), year: '2030-2031', school: 'THOFFB', areas: 'Ba Đình' });
  assert.equal(bad.statusCode, 400);
  assert.match(bad.body, /class="error-summary"/);
  const saved = await office.postForm('/quan-ly/tuyen-sinh/so/tuyen', { _csrf: csrf(form.body), year: '2030-2031', school: 'THOFFB', areas: '00070\n00004 | Tổ dân phố 1–7\n' });
  assert.equal(saved.statusCode, 200, saved.body.slice(0, 300));
  assert.match(saved.body, /Đã lưu/);
  assert.match(saved.body, /<th scope="row">00004<\/th><td data-label="Phần địa bàn">Tổ dân phố 1–7<\/td>/);
  const audit = await sql<{ actor_id: number; data: { after: unknown[] } }>`select actor_id, data from audit_log where action = 'admissions.set_catchments' and entity_id = 'THOFFB'`.execute(app.database.db);
  assert.equal(audit.rows.length, 1);
  assert.equal(Number(audit.rows[0]?.actor_id), OFFICER.id);
  assert.equal(audit.rows[0]?.data.after.length, 2);
  // Put it back: the results test below expects the fixture's catchment.
  await office.postForm('/quan-ly/tuyen-sinh/so/tuyen', { _csrf: csrf(form.body), year: '2030-2031', school: 'THOFFB', areas: '00070' });
});

test('the public results page shows the commitment first and, after the draw, the seed that matches it and the draws', async () => {
  const user = { id: OFFICER.id, username: 'o', displayName: 'o', kind: 'staff' as const, roles: OFFICER.roles, agencyId: null, agencyName: null };
  const page0 = await app.client().get(`/tuyen-sinh/ket-qua/${fx.roundId}`);
  assert.equal(page0.statusCode, 200);
  assert.match(page0.body, /Chưa công bố mã cam kết/);
  const { commitment } = await publishCommitment(app.platform, user, fx.roundId, { now: fx.during });
  const page1 = await app.client().get(`/tuyen-sinh/ket-qua/${fx.roundId}`);
  assert.match(page1.body, new RegExp(`<code class="wrap">${commitment}</code>`));
  assert.match(page1.body, /Hạt giống được giữ kín/);
  await runAllocation(app.platform, user, fx.roundId, { now: fx.after });
  const page2 = await app.client().get(`/tuyen-sinh/ket-qua/${fx.roundId}`);
  const seed = /<code class="wrap" id="seed">([^<]+)<\/code>/.exec(page2.body)?.[1] ?? '';
  assert.equal(seedCommitment(seed), commitment);
  const file = /href="(\/tuyen-sinh\/ket-qua\/\d+\/boc-tham\/1\/ket-qua\.txt)"/.exec(page2.body)?.[1] ?? '';
  const result = await app.client().get(file);
  assert.equal(result.statusCode, 200);
  assert.match(result.body, new RegExp(`^egov admission draw v1\nseed: ${seed}\ncommitment sha256\\(seed\\): ${commitment}\n`));
  assert.equal((await app.client().get(`/tuyen-sinh/ket-qua/${fx.roundId}/boc-tham/99/ket-qua.txt`)).statusCode, 404);
});
