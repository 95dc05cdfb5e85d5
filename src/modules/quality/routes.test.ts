// The quality pages, downloads and API over the hand-built March 2026 data set (testing.ts), as a browser or an
// integrator sees them.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { testApp, type TestApp, type TestClient } from '../../testing/app.ts';
import { apiTokenFor, signInAs } from '../../testing/auth.ts';
import type { SessionUser } from '../../platform/auth/roles.ts';
import { MARCH, SECRET, seedQualityFixture, WARD_A, WARD_B, type QualityFixture } from './testing.ts';

let app: TestApp;
let fx: QualityFixture;
let wardA: TestClient;
let wardB: TestClient;
let city: TestClient;
let wardAUser: SessionUser;
const PERIOD = `from=${MARCH.from}&to=${MARCH.to}`;

before(async () => {
  app = await testApp();
  fx = await seedQualityFixture(app.database.db);
  wardA = app.client();
  wardB = app.client();
  city = app.client();
  wardAUser = await signInAs(app.database.db, wardA, { id: 9201, roles: ['one_stop_officer'], agencyId: fx.agencies.wardA });
  await signInAs(app.database.db, wardB, { id: 9202, roles: ['specialist'], agencyId: fx.agencies.wardB });
  await signInAs(app.database.db, city, { id: 9203, roles: ['leader'], agencyId: fx.agencies.centre });
});
after(async () => {
  await app.close();
});

/** The repository's page conventions (axe runs in e2e/): language, one h1, labelled fields, unique ids, named images. */
function assertPageConventions(html: string, lang: 'vi' | 'en'): void {
  assert.match(html, new RegExp(`<html lang="${lang}">`));
  assert.equal(html.match(/<h1[\s>]/g)?.length, 1, 'one h1');
  const ids = [...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]);
  assert.equal(new Set(ids).size, ids.length, `unique ids: ${ids.filter((x, i) => ids.indexOf(x) !== i).join(', ')}`);
  for (const m of html.matchAll(/<(input|select)\b[^>]*\sid="([^"]+)"[^>]*>/g)) {
    if (/type="hidden"/.test(m[0])) continue;
    assert.match(html, new RegExp(`<label for="${m[2]}"`), `a label for #${m[2]}`);
  }
  for (const svg of html.match(/<svg\b[^>]*>/g) ?? []) {
    assert.match(svg, /role="img"/);
    assert.match(svg, /aria-label="[^"]+"/);
  }
  for (const th of html.match(/<th\b[^>]*>/g) ?? []) assert.match(th, /scope="(col|row)"/, `th with scope: ${th}`);
  const tables = html.match(/<table\b/g)?.length ?? 0;
  const svgs = html.match(/<svg\b/g)?.length ?? 0;
  assert.ok(tables >= svgs, 'every chart has its table');
}

test('the dashboard asks for sign-in, refuses citizens, and shows a ward officer their own figures with charts and indices', async () => {
  const anonymous = await app.client().get(`/quan-ly/chat-luong?${PERIOD}`);
  assert.equal(anonymous.statusCode, 303);
  assert.match(String(anonymous.headers.location), /^\/dang-nhap\?next=/);

  const res = await wardA.get(`/quan-ly/chat-luong?${PERIOD}`);
  assert.equal(res.statusCode, 200, res.body.slice(0, 500));
  const html = res.body;
  assertPageConventions(html, 'vi');
  assert.match(html, /<h1>Chất lượng giải quyết thủ tục hành chính<\/h1>/);
  assert.match(html, /Ủy ban nhân dân phường Ba Đình/);
  assert.match(html, /Kỳ số liệu: 02\/03\/2026 – 31\/03\/2026/);
  assert.match(html, /<h3>Hồ sơ tiếp nhận<\/h3>\s*<p class="lead"><strong>8<\/strong><\/p>\s*<p class="muted">5 trực tuyến, 3 trực tiếp<\/p>/);
  assert.match(html, /<strong>75(,0)?\s?%<\/strong>/, 'on-time rate');
  assert.match(html, /6,4 ngày \(4,8 ngày làm việc\)/);
  assert.match(html, /\(2 × 2 \+ 1 × 1 \+ 0 × 1\) ÷ 4 = 1,25/, 'an index shows its arithmetic');
  assert.match(html, /trước hạn 2; đúng hạn 1; quá hạn 1/, 'and its counts');
  assert.match(html, /12,90 \/ 18/);
  assert.match(html, /49,75 \/ 100/);
  assert.match(html, /Xếp loại: Yếu/);
  assert.match(html, /<svg width="100%" role="img" aria-label="Hồ sơ tiếp nhận theo ngày"/);
  assert.match(html, /<caption>Hồ sơ đã giải quyết theo ngày và tỷ lệ đúng hạn<\/caption>/);
  assert.match(html, /href="\/quan-ly\/chat-luong\/so-lieu\.csv\?from=2026-03-02&amp;to=2026-03-31"|href="\/quan-ly\/chat-luong\/so-lieu\.csv\?from=2026-03-02&to=2026-03-31"/);
  assert.doesNotMatch(html, /co-quan\.csv/, 'no table by agency for a ward');
  assert.doesNotMatch(html, new RegExp(SECRET.name));

  const en = await wardA.get(`/quan-ly/chat-luong?${PERIOD}&lang=en`);
  assertPageConventions(en.body, 'en');
  assert.match(en.body, /<h1>Service quality<\/h1>/);
  assert.match(en.body, /\(2 × 2 \+ 1 × 1 \+ 0 × 1\) ÷ 4 = 1\.25/);
  assert.match(en.body, /6\.4 days \(4\.8 working days\)/);
  await wardA.get('/?lang=vi');

  const citizen = app.client();
  await signInAs(app.database.db, citizen, { id: 9204, kind: 'citizen' });
  assert.equal((await citizen.get('/quan-ly/chat-luong')).statusCode, 403);
});

test('a ward officer cannot open another ward’s figures (403) and a bad filter is shown beside its field (400)', async () => {
  const other = await wardB.get(`/quan-ly/chat-luong?agency=${WARD_A}&${PERIOD}`);
  assert.equal(other.statusCode, 403);
  assert.match(other.body, /Bạn chỉ được xem số liệu của cơ quan mình/);
  assert.equal((await wardB.get(`/quan-ly/chat-luong/so-lieu.csv?agency=${WARD_A}&${PERIOD}`)).statusCode, 403);
  assert.equal((await wardB.get(`/quan-ly/chat-luong/co-quan.csv?${PERIOD}`)).statusCode, 403);

  const bad = await wardA.get('/quan-ly/chat-luong?from=2026-03-31&to=2026-03-01');
  assert.equal(bad.statusCode, 400);
  assertPageConventions(bad.body, 'vi');
  assert.match(bad.body, /class="error-summary"/);
  assert.match(bad.body, /href="#to"/);
  assert.match(bad.body, /id="to-error"/);
  // A year the working calendar does not cover (found by the fuzz suite: the CSV made a 500).
  for (const path of ['', '/so-lieu.csv', '/so-lieu.xlsx']) {
    const far = await wardA.get(`/quan-ly/chat-luong${path}?from=4435-08-10&to=4435-08-10`);
    assert.equal(far.statusCode, 400, `${path}: ${far.body.slice(0, 200)}`);
  }
});

test('a city viewer chooses any agency and sees the city total with the table by agency', async () => {
  const res = await city.get(`/quan-ly/chat-luong?${PERIOD}`);
  assert.equal(res.statusCode, 200);
  assertPageConventions(res.body, 'vi');
  assert.match(res.body, /<p class="lead"><span>Toàn thành phố<\/span>/);
  assert.match(res.body, /<select id="agency" name="agency"/);
  assert.match(res.body, /<h2>Số liệu theo cơ quan<\/h2>/);
  assert.match(res.body, /<a href="\/quan-ly\/chat-luong\?agency=000\.01\.51\.H26">Ủy ban nhân dân phường Ba Đình<\/a><\/th><td data-label="[^"]+" class="num">8<\/td>/);
  assert.match(res.body, /co-quan\.xlsx/);
  const one = await city.get(`/quan-ly/chat-luong?agency=${WARD_B}&${PERIOD}`);
  assert.match(one.body, /Ủy ban nhân dân phường Ngọc Hà/);
  assert.doesNotMatch(one.body, /Số liệu theo cơ quan/);
});

test('downloads: CSV in UTF-8 with a BOM, Excel that opens with the same numbers', async () => {
  const csv = await wardA.get(`/quan-ly/chat-luong/so-lieu.csv?${PERIOD}`);
  assert.equal(csv.statusCode, 200);
  assert.equal(csv.headers['content-type'], 'text/csv; charset=utf-8');
  assert.match(String(csv.headers['content-disposition']), /^attachment; filename="chat-luong-so-lieu-000\.01\.51\.H26-2026-03-02-2026-03-31\.csv"/);
  const bytes = csv.rawPayload;
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'byte-order mark');
  const text = bytes.subarray(3).toString('utf8');
  assert.match(text, /^Chỉ tiêu,Giá trị,Đơn vị\r\n/);
  assert.match(text, /\r\nCơ quan,Ủy ban nhân dân phường Ba Đình,\r\n/);
  assert.match(text, /\r\nHồ sơ tiếp nhận,8,hồ sơ\r\n/);
  assert.match(text, /\r\nTỷ lệ đúng hạn,0\.75,tỷ lệ \(0–1\)\r\n/);
  assert.match(text, /Thông tư 01\/2018\/TT-VPCP[^\r\n]*1\. Tổng thời gian giải quyết so với thời gian quy định",1\.25,điểm/);

  const xlsx = await wardA.get(`/quan-ly/chat-luong/so-lieu.xlsx?${PERIOD}&lang=en`);
  await wardA.get('/?lang=vi');
  assert.equal(xlsx.statusCode, 200);
  assert.equal(xlsx.headers['content-type'], 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
  const ws = wb.worksheets[0];
  assert.ok(ws);
  const rows = new Map<string, unknown>();
  ws.eachRow((row) => rows.set(String(row.getCell(1).value), row.getCell(2).value));
  assert.equal(rows.get('Dossiers received'), 8);
  assert.equal(rows.get('On-time rate'), 0.75);

  const table = await city.get(`/quan-ly/chat-luong/co-quan.xlsx?${PERIOD}`);
  assert.equal(table.statusCode, 200);
  const wb2 = new ExcelJS.Workbook();
  await wb2.xlsx.load(table.rawPayload as unknown as ArrayBuffer);
  const sheet = wb2.worksheets[0];
  assert.ok(sheet);
  let found = false;
  sheet.eachRow((row) => {
    if (row.getCell(1).value !== WARD_A) return;
    found = true;
    assert.equal(row.getCell(3).value, 8);
    assert.equal(row.getCell(9).value, 0.75);
    assert.equal(row.getCell(9).numFmt, '0.0%');
  });
  assert.ok(found, 'ward A has a row');
  const tableCsv = await city.get(`/quan-ly/chat-luong/co-quan.csv?${PERIOD}`);
  assert.match(tableCsv.rawPayload.subarray(3).toString('utf8'), /\r\n000\.01\.51\.H26,Ủy ban nhân dân phường Ba Đình,8,0\.625,4,2,1,1,0\.75,6\.4,4,2,3,0\.6667\r\n/);
});

test('GET /api/v1/stats answers JSON with the bearer’s own figures, and is documented', async () => {
  const token = await apiTokenFor(app.database.db, wardAUser);
  const res = await app.server.inject({ method: 'GET', url: `/api/v1/stats?${PERIOD}`, headers: { authorization: `Bearer ${token}` } });
  assert.equal(res.statusCode, 200, res.body);
  assert.match(String(res.headers['content-type']), /^application\/json/);
  const body = res.json();
  assert.equal(body.agency.code, WARD_A);
  assert.equal(body.figures.received, 8);
  assert.deepEqual(body.figures.resolved, { total: 4, early: 2, on_time: 1, late: 1, returned: 3, electronic_result: 2 });
  assert.equal(body.figures.on_time_rate, 0.75);
  assert.equal(body.figures.average_working_days, 4.8);
  assert.equal(body.figures.series.length, 30);
  assert.deepEqual(body.figures.catalogue, { total: 1, online: 1, full_online: 0, complete: 0, full_online_share: 0 });
  assert.equal(body.circular_01.indices.length, 9);
  assert.equal(body.circular_01.indices[0].computation.en, '(2 × 2 + 1 × 1 + 0 × 1) ÷ 4 = 1.25');
  assert.deepEqual(body.circular_01.indices[0].counts[0], { key: 'early', label: { vi: 'trước hạn', en: 'early' }, value: 2 });
  assert.equal(body.decision_766.total, 49.75);
  assert.equal(body.decision_766.band.en, 'Weak');

  const other = await app.server.inject({ method: 'GET', url: `/api/v1/stats?agency=${WARD_B}&${PERIOD}`, headers: { authorization: `Bearer ${token}` } });
  assert.equal(other.statusCode, 403);
  assert.equal(other.json().error.code, 'OTHER_AGENCY');
  assert.equal((await app.server.inject({ method: 'GET', url: `/api/v1/stats?${PERIOD}` })).statusCode, 401);
  const bad = await app.server.inject({ method: 'GET', url: '/api/v1/stats?from=2026-03-31&to=2026-03-01', headers: { authorization: `Bearer ${token}` } });
  assert.equal(bad.statusCode, 400);
  assert.equal(bad.json().error.fields[0].field, 'to');

  const doc = (await app.server.inject({ method: 'GET', url: '/api/openapi.json' })).json();
  const op = doc.paths['/api/v1/stats'].get;
  assert.deepEqual(op.tags, ['stats']);
  assert.ok(op.parameters.some((p: { name: string }) => p.name === 'field'));
});

test('the public page of an agency needs no sign-in and shows aggregates only, nothing personal', async () => {
  const res = await app.client().get(`/cong-khai/co-quan/${WARD_A}`);
  assert.equal(res.statusCode, 200);
  const html = res.body;
  assertPageConventions(html, 'vi');
  assert.match(html, /<h1>Ủy ban nhân dân phường Ba Đình<\/h1>/);
  assert.match(html, /Tỷ lệ đúng hạn/);
  assert.match(html, /Mức độ hài lòng/);
  assert.match(html, /role="img"/);
  assert.match(html, /12 tháng gần nhất/);
  for (const secret of [SECRET.name, SECRET.personalId, '0912345678', `${WARD_A}-26`, 'Cảm ơn cán bộ']) assert.ok(!html.includes(secret), `no ${secret} on the public page`);
  assert.doesNotMatch(html, /Chín chỉ số|Số liệu theo cơ quan|\.csv/);
  const en = await app.client().get(`/cong-khai/co-quan/${WARD_A}?lang=en`);
  assertPageConventions(en.body, 'en');
  assert.match(en.body, /How this agency handles applications/);
  assert.equal((await app.client().get('/cong-khai/co-quan/000.99.99.H26')).statusCode, 404);
  assert.equal((await app.client().get('/cong-khai/co-quan/khong-co')).statusCode, 404);
});
