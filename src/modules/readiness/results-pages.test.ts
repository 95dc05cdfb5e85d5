// The results pages through HTTP: three wards submit the 2025 communes forms (two identical, one weaker with a council
// adjustment); before publication a ward's officer sees only its own score without a rank, the office sees the
// provisional ranking; after publication the ranking (1, 1, 3), the scorecard's lights, notes, strongest and weakest,
// the trend rows, the workbook and the PDF read back, the DTI and plan pages; 403/404 for those who may not see.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import ExcelJS from 'exceljs';
import { type TestApp, type TestClient, testApp } from '../../testing/app.ts';
import { agencyIdOf, Role, staff } from '../documents/testing.ts';
import { findAgencyById } from '../units/index.ts';
import { openCycle, publish } from './cycle.ts';
import { formFor, saveDraft, submit } from './form.ts';
import { seedDemoHistory } from './history-seed.ts';
import { unitHistory } from './repo-history.ts';
import { readinessDb } from './repo.ts';
import { adjust, markReviewed } from './review.ts';
import { inputsOf, loadShippedSet } from './sets.ts';

const CITY = '000.00.00.H26';
const WARDS = { hk: '000.04.51.H26', bd: '000.01.51.H26', nh: '000.02.51.H26' } as const;
type Ward = keyof typeof WARDS;
const OPENED = new Date('2026-12-01T02:00:00Z');
const ON_TIME = new Date('2026-12-10T03:00:00Z');
const loaded = loadShippedSet('2025-communes');

function values(over: Record<string, unknown> = {}): Record<string, unknown> {
  const v: Record<string, unknown> = {};
  for (const f of inputsOf(loaded)) v[f.code] = f.type === 'number' ? 10 : f.type === 'boolean' ? true : f.categories![0];
  return { ...v, tasksOverdue: 0, DG1: 90, DG2: 95, DG4: 90, ...over };
}
// The weaker ward: few signatures, little online work, fewer dossiers online, and no figure for IF6 (explained).
const WEAK = { staffWithSignature: 2, workOnline: 3, DG1: 40, signedDocs: 1, IF6: '' };

let app: TestApp;
let office: TestClient;
let council: Awaited<ReturnType<typeof staff>>;
let other: TestClient;
const ward = {} as Record<Ward, Awaited<ReturnType<typeof staff>>>;
const ids = {} as Record<Ward, number>;
const names = {} as Record<Ward, string>;
let cycleId: number;
let officeUser: Awaited<ReturnType<typeof staff>>['user'];

before(async () => {
  app = await testApp();
  const o = await staff(app, 'kq.vanphong', [Role.readinessReviewer], CITY);
  office = o.client;
  officeUser = o.user;
  council = await staff(app, 'kq.hoidong', [Role.readinessCouncil], CITY);
  other = (await staff(app, 'kq.motcua', [Role.oneStopOfficer], WARDS.hk)).client;
  for (const w of Object.keys(WARDS) as Ward[]) {
    ward[w] = await staff(app, `kq.${w}`, [Role.readinessReporter], WARDS[w]);
    ids[w] = await agencyIdOf(app, WARDS[w]);
    names[w] = (await findAgencyById(app.database.db, ids[w]))!.name;
  }
  cycleId = (await openCycle(app.platform, officeUser, { setId: '2025-communes', deadline: '2026-12-31' }, null, OPENED)).id;
  for (const w of Object.keys(WARDS) as Ward[]) {
    const f = await formFor(app.platform, ward[w].user, cycleId);
    const saved = await saveDraft(app.platform, ward[w].user, f.form.id, { values: values(w === 'nh' ? WEAK : {}), explanations: w === 'nh' ? { IF6: 'Chưa có số liệu của nhà mạng' } : {}, version: f.form.version });
    assert.deepEqual(saved.errors, []);
    await submit(app.platform, ward[w].user, f.form.id, saved.form.version, null, ON_TIME);
    if (w === 'nh') {
      await markReviewed(app.platform, officeUser, f.form.id);
      await adjust(app.platform, council.user, f.form.id, { code: 'AW2', points: 5, reason: 'Chỉ có 2 biên bản họp hợp lệ' });
    }
  }
});
after(async () => app?.close());

const url = (p = '') => `/chuyen-doi-so/ket-qua/${cycleId}${p}`;

/** Language, one h1, unique ids, a label for every field, charts named as images, tables that read as cards. */
function conventions(html: string): void {
  assert.match(html, /<html lang="vi">/);
  assert.equal(html.match(/<h1[\s>]/g)?.length, 1, 'one h1');
  const idList = [...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]);
  assert.equal(new Set(idList).size, idList.length, 'unique ids');
  for (const m of html.matchAll(/<(input|select)\b[^>]*\sid="([^"]+)"[^>]*>/g)) if (!/type="hidden"/.test(m[0])) assert.match(html, new RegExp(`<label for="${m[2]}"`));
  for (const svg of html.match(/<svg\b[^>]*>/g) ?? []) assert.match(svg, /role="img" aria-label="[^"]+"/);
  const levels = [...html.matchAll(/<h([1-6])[\s>]/g)].map((m) => Number(m[1]));
  levels.forEach((l, i) => i === 0 || assert.ok(l <= levels[i - 1]! + 1, `headings in order: ${levels.join(',')}`));
  if (/<table class="cards-on-phone"/.test(html)) assert.match(html, /data-label=/);
}

test('before publication: the office sees the provisional ranking; a ward sees its own score only, without a rank', async () => {
  const o = await office.get(url());
  assert.equal(o.statusCode, 200);
  conventions(o.body);
  assert.match(o.body, /Tạm tính, chưa công bố/);
  for (const w of Object.keys(WARDS) as Ward[]) assert.ok(o.body.includes(names[w]));
  const own = await ward.hk.client.get(url());
  assert.equal(own.statusCode, 200);
  assert.ok(own.body.includes(names.hk));
  assert.ok(!own.body.includes(names.bd) && !own.body.includes(names.nh), 'no other ward');
  assert.match(own.body, /chỉ xem được điểm tạm tính của mình/);
  assert.ok(!own.body.includes('<th scope="col">Hạng</th>'), 'no rank column');
  assert.equal((await ward.hk.client.get(url(`/don-vi/${ids.bd}`))).statusCode, 404, 'another ward’s scorecard is not found');
  assert.equal((await ward.hk.client.get(url(`/don-vi/${ids.hk}`))).statusCode, 200);
});

test('who may not see: another role is refused, an unknown or hostile id is not found', async () => {
  assert.equal((await other.get(url())).statusCode, 403);
  assert.equal((await other.get('/chuyen-doi-so/dti')).statusCode, 403);
  assert.equal((await office.get('/chuyen-doi-so/ket-qua/999999')).statusCode, 404);
  const hostile = await office.get('/chuyen-doi-so/ket-qua/abc%00');
  assert.ok([400, 404].includes(hostile.statusCode), String(hostile.statusCode));
  assert.equal((await office.get(url(`/don-vi/${'9'.repeat(40)}`))).statusCode, 404);
  assert.equal((await office.get(url('/bao-cao.pdf?don-vi=1&don-vi=2'))).statusCode, 404);
  assert.equal((await office.get('/chuyen-doi-so/ke-hoach/2019')).statusCode, 404);
  const anonymous = await app.client().get(url());
  assert.ok([302, 303, 401].includes(anonymous.statusCode), String(anonymous.statusCode));
});

test('after publication: ranked 1, 1, 3 with every group’s light; the history has the 2025 rows', async () => {
  await publish(app.platform, officeUser, cycleId);
  const page = await ward.hk.client.get(url());
  assert.equal(page.statusCode, 200);
  conventions(page.body);
  assert.match(page.body, /Đã công bố/);
  assert.match(page.body, /phương án hợp lý/, 'the plausible set is marked');
  const order = (Object.keys(WARDS) as Ward[]).map((w) => [w, page.body.indexOf(`>${names[w]}</a>`)] as const).sort((a, b) => a[1] - b[1]);
  assert.equal(order[2]![0], 'nh', 'the weaker ward last');
  const ranks = [...page.body.matchAll(/<td data-label="Hạng" class="num">(\d+)<\/td>/g)].map((m) => Number(m[1]));
  assert.deepEqual(ranks, [1, 1, 3]);
  assert.match(page.body, /class="badge light-(green|amber|red)">(Tốt|Trung bình|Cần cải thiện)</);
  assert.match(page.body, /<svg[^>]*role="img" aria-label="Tổng điểm các đơn vị"/);
  assert.equal((await other.get(url())).statusCode, 403, 'published results (kept in memory) still checked');
  assert.equal((await ward.hk.client.get(url(`/don-vi/${ids.bd}`))).statusCode, 200, 'published: every scorecard');
  const db = readinessDb(app.database.db);
  const h = await unitHistory(db, ids.nh, 'commune');
  assert.equal(h.length, 1);
  assert.equal(h[0]!.year, 2025);
  assert.equal(h[0]!.rank, 3);
  assert.equal(h[0]!.source, 'published');
  assert.equal(Object.keys(h[0]!.group_shares).length, loaded.set.groups.length);
});

test('the scorecard: values, points, lights in words, flags and the council’s reason; strongest and weakest; the trend', async () => {
  const t0 = performance.now();
  const seeded = await seedDemoHistory(app.platform);
  const ms = performance.now() - t0;
  assert.ok(seeded.rows > 9 * 100, `rows: ${seeded.rows}`);
  assert.ok(ms < 5000, `demo history seeded in ${Math.round(ms)} ms`);
  const res = await office.get(url(`/don-vi/${ids.nh}`));
  assert.equal(res.statusCode, 200);
  conventions(res.body);
  assert.match(res.body, /Hạng 3/);
  assert.match(res.body, /Hội đồng điều chỉnh từ [\d,]+ thành 5 điểm\. Lý do: Chỉ có 2 biên bản họp hợp lệ/);
  assert.match(res.body, /Thiếu số liệu: chỉ số được 0 điểm/);
  assert.match(res.body, /Giải trình của đơn vị: Chưa có số liệu của nhà mạng/);
  assert.match(res.body, /Cộng nhóm/);
  const strong = res.body.slice(res.body.indexOf('3 chỉ số mạnh nhất'), res.body.indexOf('3 chỉ số yếu nhất'));
  const weak = res.body.slice(res.body.indexOf('3 chỉ số yếu nhất'), res.body.indexOf('<h2>Phiếu điểm</h2>'));
  assert.equal((strong.match(/<li>/g) ?? []).length, 3);
  assert.equal((weak.match(/<li>/g) ?? []).length, 3);
  assert.match(strong, /Tốt/);
  assert.match(weak, /Cần cải thiện/);
  assert.match(res.body, /<svg[^>]*aria-label="Tổng điểm của đơn vị qua các năm"/);
  assert.match(res.body, /số liệu minh họa/);
  for (const y of [2016, 2024, 2025]) assert.match(res.body, new RegExp(`<th scope="row">${y}</th>`));
  const overview = await office.get('/chuyen-doi-so/ket-qua');
  assert.equal(overview.statusCode, 200);
  conventions(overview.body);
  assert.match(overview.body, /Tỷ lệ điểm trung bình và cao nhất của khối xã, phường/);
});

function pdfText(pdf: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'egov-rd-'));
  try {
    writeFileSync(join(dir, 'r.pdf'), pdf);
    return execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', join(dir, 'r.pdf'), '-'], { encoding: 'utf8' }).normalize('NFC').replace(/\s+/g, ' ');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('the workbook and the printed report read back', async () => {
  const x = await office.get(url('/ket-qua.xlsx'));
  assert.equal(x.statusCode, 200);
  assert.match(String(x.headers['content-type']), /spreadsheetml/);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(x.rawPayload as unknown as ArrayBuffer);
  assert.deepEqual(wb.worksheets.map((w) => w.name), ['Xếp hạng', 'Chỉ số', 'Nhóm', 'Xu hướng']);
  const rk = wb.getWorksheet('Xếp hạng')!;
  assert.match(String(rk.getCell(2, 1).value), /phương án hợp lý/);
  assert.equal(rk.getCell(4, 1).value, 'Hạng');
  assert.deepEqual([5, 6, 7].map((i) => rk.getCell(i, 1).value), [1, 1, 3]);
  assert.equal(rk.getCell(7, 3).value, names.nh);
  const ind = wb.getWorksheet('Chỉ số')!;
  assert.equal(ind.getCell(4, 3).value, `${loaded.set.indicators[0]!.code} (${loaded.set.indicators[0]!.max})`);
  const adjustedCol = loaded.set.indicators.findIndex((i) => i.code === 'AW2') + 3;
  assert.equal(ind.getCell(7, adjustedCol).value, 5, 'the council’s points');
  assert.ok(wb.getWorksheet('Xu hướng')!.rowCount > 100);
  const p = await office.get(url(`/bao-cao.pdf?don-vi=${ids.nh}`));
  assert.equal(p.statusCode, 200);
  assert.equal(p.headers['content-type'], 'application/pdf');
  const text = pdfText(p.rawPayload);
  assert.match(text, /BÁO CÁO KẾT QUẢ ĐÁNH GIÁ MỨC ĐỘ CHUYỂN ĐỔI SỐ/);
  assert.ok(text.includes(names.hk) && text.includes(names.nh));
  assert.match(text, /Phiếu điểm: .+ — năm 2025/);
  assert.match(text, /Chỉ có 2 biên bản họp hợp lệ/);
  assert.equal((await ward.hk.client.get(url('/bao-cao.pdf'))).statusCode, 200, 'published: every readiness role');
});

test('the DTI view and the 2025 plan computed from the published forms', async () => {
  const d = await office.get('/chuyen-doi-so/dti');
  assert.equal(d.statusCode, 200);
  conventions(d.body);
  assert.match(d.body, /DTI 2024: Hà Nội xếp thứ 1\/34 với 0,8241 điểm/);
  assert.match(d.body, /Minh họa, chưa kiểm chứng/);
  const p = await office.get('/chuyen-doi-so/ke-hoach/2025');
  assert.equal(p.statusCode, 200);
  conventions(p.body);
  const row = (code: string) => p.body.slice(p.body.indexOf(`id="target-${code}"`), p.body.indexOf('</tr>', p.body.indexOf(`id="target-${code}"`)));
  // Signatures: (10 + 10 + 2) / 30 = 73.3 % < 100 %.
  assert.match(row('SIGNATURE'), /73,3%/);
  assert.match(row('SIGNATURE'), /22 \/ 30 — 3 đơn vị/);
  assert.match(row('SIGNATURE'), /Chưa đạt/);
  // Online dossiers, DG1 weighted by the dossiers resolved: (9 + 9 + 4) / 30 = 73.3 % < 80 %.
  assert.match(row('ONLINE_DOSSIERS'), /73,3%/);
  // Commune work files: (10 + 10 + 3) / 30 = 76.7 % ≥ 60 %.
  assert.match(row('WORK_ONLINE_COMMUNE'), /76,7%/);
  assert.match(row('WORK_ONLINE_COMMUNE'), />Đạt</);
  assert.match(row('WORK_ONLINE_CITY'), /Chưa có số liệu/, 'no department published');
  const en = await office.get('/chuyen-doi-so/dti?lang=en');
  assert.match(en.body, /DTI 2024: Hà Nội ranks 1 of 34 with 0\.8241/);
});
