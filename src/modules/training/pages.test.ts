// The training pages as the office and the public use them: forms shown again with what was typed, the CSV upload's
// per-line errors, the results grid, issuing and revoking, the public verification page, who may see what, and the
// demo data.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { type TestApp, type TestClient, testApp } from '../../testing/app.ts';
import { signInAs } from '../../testing/auth.ts';
import { postMultipart, Role, staff } from '../documents/testing.ts';
import { listAgencies } from '../units/index.ts';
import { trainedInYear } from './index.ts';
import { cellName } from './exams.ts';
import { BASIC_MODULES } from './modules.ts';
import { trainingDb } from './repo.ts';
import { seedDemoTraining } from './seed.ts';

const WARD = '000.04.51.H26';
let app: TestApp;
let office: TestClient;
let classUrl = '';

before(async () => {
  app = await testApp();
  office = (await staff(app, 'dt.vanphong', [Role.trainingManager], '000.00.00.H26')).client;
});
after(async () => app?.close());

test('a one-stop officer, a citizen and a stranger get nothing from the manager pages', async () => {
  const officer = (await staff(app, 'dt.motcua2', [Role.oneStopOfficer], WARD)).client;
  const citizen = app.client();
  await signInAs(app.database.db, citizen, { id: 999_001, kind: 'citizen', roles: [] });
  for (const url of ['/dao-tao-cntt', '/dao-tao-cntt/lop', '/dao-tao-cntt/chung-chi', '/dao-tao-cntt/bao-phu', '/dao-tao-cntt/chung-chi/1.pdf']) {
    assert.equal((await officer.get(url)).statusCode, 403, url);
    assert.equal((await citizen.get(url)).statusCode, 403, url);
    assert.ok([401, 303].includes((await app.client().get(url)).statusCode), url);
  }
});

test('a course form with bad input comes back with what was typed and the errors beside the fields', async () => {
  const bad = await office.submit('/dao-tao-cntt', { name: 'Tin học <b>cơ bản</b>', level: 'basic', modules: ['IU01', 'IU09'], hours: 'sáu mươi' });
  assert.equal(bad.statusCode, 400);
  assert.match(bad.body, /value="Tin học &lt;b&gt;cơ bản&lt;\/b&gt;"/);
  assert.match(bad.body, /Số tiết: cần một số nguyên/);
  assert.match(bad.body, /id="mod-IU01"[^>]*checked/);
  const ok = await office.submit('/dao-tao-cntt', { name: 'Tin học cơ bản', level: 'basic', modules: [...BASIC_MODULES], hours: '60' });
  assert.equal(ok.statusCode, 303);
  const list = await office.get('/dao-tao-cntt');
  assert.match(list.body, /Tin học cơ bản/);
  const courseId = /<option value="(\d+)"[^>]*>Tin học cơ bản/.exec((await office.get('/dao-tao-cntt/lop')).body)?.[1];
  const made = await office.submit('/dao-tao-cntt/lop', { courseId: courseId!, name: 'Lớp CB thử', startsOn: '2026-03-02', endsOn: '2026-03-27', place: 'Sở Nội vụ', capacity: '40', trainer: '' });
  assert.equal(made.statusCode, 303);
  classUrl = made.headers.location as string;
  assert.match(classUrl, /^\/dao-tao-cntt\/lop\/\d+$/);
});

test('CSV upload: bad lines named with their numbers, nobody enrolled; then a good file', async () => {
  const bad = 'ho_ten,ngay_sinh,ma_co_quan,chuc_vu\nNguyễn Văn An,1985-04-12,000.04.51.H26,Chuyên viên\nTrần Bình,1985-13-01,000.04.51.H26,\n';
  const res = await postMultipart(app, office, classUrl, `${classUrl}/ghi-danh-csv`, {}, [{ field: 'files.csv', name: 'hv.csv', type: 'text/csv', content: Buffer.from(bad) }]);
  assert.equal(res.statusCode, 400);
  assert.match(res.body, /Dòng 3: Ngày sinh/);
  assert.doesNotMatch(res.body, /Nguyễn Văn An \(#/, 'nobody was enrolled');
  const good = `ho_ten,ngay_sinh,ma_co_quan,chuc_vu\nNguyễn Văn An,1985-04-12,${WARD},Chuyên viên\nTrần Thị Bình,1985-12-01,${WARD},\n`;
  const ok = await postMultipart(app, office, classUrl, `${classUrl}/ghi-danh-csv`, {}, [{ field: 'files.csv', name: 'hv.csv', type: 'text/csv', content: Buffer.from(good) }]);
  assert.equal(ok.statusCode, 303);
  assert.match((await office.get(classUrl)).body, /Trần Thị Bình \(#\d+\)/);
});

test('the results grid saves the good cells and names the refused ones beside them, as typed', async () => {
  assert.equal((await office.submit(classUrl, { to: 'running' }, `${classUrl}/trang-thai`)).statusCode, 303);
  const page = (await office.get(classUrl)).body;
  const an = Number(/Nguyễn Văn An \(#(\d+)\)/.exec(page)?.[1]);
  const binh = Number(/Trần Thị Bình \(#(\d+)\)/.exec(page)?.[1]);
  const cells: Record<string, string> = { examDate: '2026-03-28', board: 'Hội đồng 1' };
  for (const mod of BASIC_MODULES) Object.assign(cells, { [cellName('theory', an, mod)]: '8', [cellName('practical', an, mod)]: '7,5' });
  Object.assign(cells, { [cellName('theory', binh, 'IU01')]: 'abc', [cellName('practical', binh, 'IU01')]: '6', [cellName('theory', binh, 'IU02')]: '10.5', [cellName('practical', binh, 'IU02')]: '6' });
  const res = await office.submit(`${classUrl}/ket-qua`, cells);
  assert.equal(res.statusCode, 400);
  assert.match(res.body, /Đã lưu 6 kết quả\. 2 ô không hợp lệ/);
  assert.match(res.body, new RegExp(`id="${cellName('theory', binh, 'IU01')}"[^>]*value="abc"`));
  assert.match(res.body, new RegExp(`id="${cellName('theory', binh, 'IU02')}-error"[^>]*>Trần Thị Bình, IU02, Lý thuyết: điểm không được lớn hơn 10`));
  const nul = await office.submit(`${classUrl}/ket-qua`, { ...cells, [cellName('theory', binh, 'IU01')]: '5\u0000' });
  assert.equal(nul.statusCode, 400);

  // The certificate form names what is missing; for An it is issued and verifiable.
  const refused = await office.submit('/dao-tao-cntt/chung-chi', { traineeId: String(binh), kind: 'basic', issuedOn: '2026-04-01' });
  assert.equal(refused.statusCode, 422);
  assert.match(refused.body, /Còn thiếu các mô đun: IU01, IU02, IU03, IU04, IU05, IU06/);
  const issued = await office.submit('/dao-tao-cntt/chung-chi', { traineeId: String(an), kind: 'basic', issuedOn: '2026-04-01' });
  assert.equal(issued.statusCode, 200);
  const code = /Nguyễn Văn An — ([0-9A-Z]{13})/.exec(issued.body)?.[1] as string;
  assert.ok(code);
  const pdfId = /href="\/dao-tao-cntt\/chung-chi\/(\d+)\.pdf"/.exec(issued.body)?.[1];
  const pdf = await office.get(`/dao-tao-cntt/chung-chi/${pdfId}.pdf`);
  assert.equal(pdf.headers['content-type'], 'application/pdf');
  assert.equal(pdf.rawPayload.subarray(0, 5).toString(), '%PDF-');

  const pub = app.client({ ip: '10.9.8.7' });
  const valid = await pub.get(`/xac-minh-chung-chi/${code}`);
  assert.equal(valid.statusCode, 200);
  assert.match(valid.body, /Nguyễn \*\*\* An/);
  assert.match(valid.body, /01\/04\/2026/);
  assert.doesNotMatch(valid.body, /Nguyễn Văn An|1985|000\.04\.51/);
  const lower = await pub.get(`/xac-minh-chung-chi?ma=${code.slice(0, 4).toLowerCase()}-${code.slice(4)}`);
  assert.match(lower.body, /Còn hiệu lực/);

  const certId = /action="\/dao-tao-cntt\/chung-chi\/(\d+)\/thu-hoi"/.exec(issued.body)?.[1];
  assert.equal((await office.submit('/dao-tao-cntt/chung-chi', { reason: 'Hồ sơ thi sai sót nội bộ' }, `/dao-tao-cntt/chung-chi/${certId}/thu-hoi`)).statusCode, 303);
  const revoked = await pub.get(`/xac-minh-chung-chi/${code}`);
  assert.match(revoked.body, /Đã thu hồi/);
  assert.doesNotMatch(revoked.body, /sai sót/, 'the reason stays inside');

  const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
  const wrongCheck = code.slice(0, 12) + alphabet[(alphabet.indexOf(code[12]!) + 1) % 32];
  const bad = await pub.get(`/xac-minh-chung-chi/${wrongCheck}`);
  assert.equal(bad.statusCode, 400);
  assert.match(bad.body, /ký tự kiểm tra/);
  const unknown = await pub.get(`/xac-minh-chung-chi/${'0'.repeat(12)}0`);
  assert.equal(unknown.statusCode, 404);
  assert.match(unknown.body, /Không có chứng chỉ nào mang mã này/);
  const hostile = await pub.get(`/xac-minh-chung-chi?ma=${'%3Cscript%3E'.repeat(50)}&ma=x`);
  assert.ok(hostile.statusCode < 500);
  assert.doesNotMatch(hostile.body, /<script>/);
});

test('the demo: 4 courses, 10 classes, 300 trainees, ~120 certificates, some fails; idempotent; coverage page and figure', async () => {
  await seedDemoTraining(app.platform);
  await seedDemoTraining(app.platform);
  const db = trainingDb(app.database.db);
  const count = async (table: 'training_courses' | 'training_classes' | 'training_trainees' | 'training_certificates') => Number((await db.selectFrom(table).select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);
  assert.equal(await count('training_courses'), 1, 'a course existed already: the demo seed does nothing');
  await db.deleteFrom('training_certificates').execute();
  await db.deleteFrom('training_results').execute();
  await db.deleteFrom('training_enrolments').execute();
  await db.deleteFrom('training_classes').execute();
  await db.deleteFrom('training_courses').execute();
  await db.deleteFrom('training_trainees').execute();
  await seedDemoTraining(app.platform);
  assert.equal(await count('training_courses'), 4);
  assert.equal(await count('training_classes'), 10);
  assert.equal(await count('training_trainees'), 300);
  const certs = await count('training_certificates');
  assert.ok(certs >= 90 && certs <= 160, `${certs} certificates`);
  const fails = await db.selectFrom('training_results').select('id').where((eb) => eb.or([eb('theory', '<', 5), eb('practical', '<', 5)])).execute();
  assert.ok(fails.length > 20);
  const page = await office.get('/dao-tao-cntt/bao-phu?nam=2026');
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /<svg[^>]*role="img"/);
  const first = /<th scope="row"[^>]*>([^<]+)<\/th>\s*<td data-label="Số được bồi dưỡng" class="num">(\d+)</.exec(page.body);
  assert.ok(first, 'a row per unit');
  const agency = (await listAgencies(app.database.db)).find((a) => a.name === first[1]!.replace(/&amp;/g, '&'))!;
  assert.equal((await trainedInYear(app.platform, { agencyId: agency.id, year: 2026 })).trained, Number(first[2]));
});
