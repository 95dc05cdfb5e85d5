// The certificate rules (Joint Circular 17/2016), scores and their bounds, the CSV import and the coverage figure,
// through the services on a real database.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { SessionUser } from '../../platform/auth/roles.ts';
import { listAudit } from '../../platform/audit/index.ts';
import type { AppError } from '../../platform/http/errors.ts';
import { type TestApp, testApp } from '../../testing/app.ts';
import { agencyIdOf, Role, staff } from '../documents/testing.ts';
import { newCertificateCode, normaliseCode } from './code.ts';
import { issueCertificate, maskName, revokeCertificate, verifyCertificate } from './certificates.ts';
import { advanceClass, createClass, createCourse } from './courses.ts';
import { coverageTable, trainedInYear } from './coverage.ts';
import { enrolOne, importCsv, recordCompletion } from './enrol.ts';
import { cellName, recordResults } from './exams.ts';
import { parseScore } from './input.ts';
import { ADVANCED_MODULES, BASIC_MODULES, certificateVerdict } from './modules.ts';

const WARD = '000.04.51.H26';
const OTHER = '000.01.51.H26';
const fails = (code: string) => (e: unknown) => {
  assert.equal((e as AppError).code, code, (e as Error).message);
  return true;
};

let app: TestApp;
let manager: SessionUser;
let officer: SessionUser;
let basicClass: number;
let advancedClass: number;
let an: number;
let binh: number;

before(async () => {
  app = await testApp();
  manager = (await staff(app, 'dt.quanly', [Role.trainingManager], '000.00.00.H26')).user;
  officer = (await staff(app, 'dt.motcua', [Role.oneStopOfficer], WARD)).user;
});
after(async () => app?.close());

test('the rules as pure functions: 6/6 basic; one missing is named; advanced needs basic + 3 of 9', () => {
  assert.deepEqual(certificateVerdict('basic', new Set(BASIC_MODULES), false), { ok: true });
  const v = certificateVerdict('basic', new Set(BASIC_MODULES.filter((c) => c !== 'IU04')), false);
  assert.deepEqual(v, { ok: false, missing: ['IU04'] });
  assert.equal(certificateVerdict('advanced', new Set([...BASIC_MODULES, ...ADVANCED_MODULES.slice(0, 3)]), true).ok, true);
  const short = certificateVerdict('advanced', new Set(ADVANCED_MODULES.slice(0, 2)), true);
  assert.equal(!short.ok && short.advancedShort, 1);
  const noBasic = certificateVerdict('advanced', new Set(ADVANCED_MODULES.slice(0, 5)), false);
  assert.equal(!noBasic.ok && noBasic.needsBasic, true);
});

test('scores: 0–10 with one decimal; 10.5, "abc", 7.25, arrays and NUL refused', () => {
  assert.deepEqual(parseScore('7,5'), { ok: true, value: 7.5 });
  assert.deepEqual(parseScore('10'), { ok: true, value: 10 });
  assert.deepEqual(parseScore('0'), { ok: true, value: 0 });
  for (const bad of ['10.5', 'abc', '7.25', '-1', '', '5\u0000', ['5'], { a: 1 }, null]) assert.equal(parseScore(bad).ok, false, JSON.stringify(bad));
});

test('codes: unguessable, typed loosely, a wrong check character refused', () => {
  const code = newCertificateCode();
  assert.match(code, /^[0-9A-HJKMNP-TV-Z]{13}$/);
  assert.notEqual(newCertificateCode(), code);
  assert.equal(normaliseCode(`${code.slice(0, 4).toLowerCase()}-${code.slice(4, 8)} ${code.slice(8)}`), code);
  const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
  const wrong = code.slice(0, 12) + alphabet[(alphabet.indexOf(code[12]!) + 1) % 32];
  assert.equal(normaliseCode(wrong), null);
  const typo = alphabet[(alphabet.indexOf(code[0]!) + 1) % 32] + code.slice(1);
  assert.equal(normaliseCode(typo), null, 'one mistyped character is caught');
  assert.equal(maskName('Nguyễn Thị Minh Khai'), 'Nguyễn *** Khai');
});

test('only the training manager creates courses and classes; bad input named', async () => {
  await assert.rejects(createCourse(app.platform, officer, { name: 'Tin học', level: 'basic', modules: BASIC_MODULES, hours: '60' }), fails('FORBIDDEN'));
  await assert.rejects(createCourse(app.platform, manager, { name: ['x'], level: 'expert', modules: ['IU99'], hours: '0' }), (e: unknown) => {
    assert.deepEqual((e as AppError).fields.map((f) => f.field), ['name', 'level', 'modules', 'hours']);
    return true;
  });
  const basic = await createCourse(app.platform, manager, { name: 'Ứng dụng CNTT cơ bản', level: 'basic', modules: [...BASIC_MODULES], hours: '60' });
  const adv = await createCourse(app.platform, manager, { name: 'Ứng dụng CNTT nâng cao', level: 'advanced', modules: ['IU07', 'IU08', 'IU14'], hours: '45' });
  basicClass = (await createClass(app.platform, manager, { courseId: String(basic.id), name: 'Lớp CB 01/2026', startsOn: '2026-03-02', endsOn: '2026-03-20', place: 'Sở Nội vụ', capacity: '3', trainer: 'Lê Văn Tâm' })).id;
  advancedClass = (await createClass(app.platform, manager, { courseId: String(adv.id), name: 'Lớp NC 01/2026', startsOn: '2026-04-01', endsOn: '2026-04-20', place: 'Sở Nội vụ', capacity: '30', trainer: '' })).id;
  await assert.rejects(createClass(app.platform, manager, { courseId: '999999', name: 'L', startsOn: '2026-02-30', endsOn: 'x', capacity: '0' }), (e: unknown) => {
    assert.deepEqual((e as AppError).fields.map((f) => f.field), ['courseId', 'name', 'startsOn', 'endsOn', 'capacity']);
    return true;
  });
});

test('CSV import: a file with bad lines enrols nobody and names each line; a good file enrols all', async () => {
  // The first trainee's position holds a line break inside quotes (as a spreadsheet writes a wrapped cell): one
  // record over two lines, so the bad lines after it are named by the lines they are on in the file.
  const bad = 'ho_ten,ngay_sinh,ma_co_quan,chuc_vu\nNguyễn Văn An,1985-04-12,000.04.51.H26,"Chuyên viên\nphòng Nội vụ"\nTrần Bình,12/04/1985,000.04.51.H26,\n"Lê, Thị Cúc",1990-01-01,999.99.99.H26,Kế toán\nPhạm Dũng,1990-01-01\n';
  const r = await importCsv(app.platform, manager, basicClass, bad);
  assert.equal(r.ok, false);
  if (!r.ok) {
    assert.deepEqual(r.errors.map((e) => e.line), [4, 5, 6]);
    assert.match(r.errors[0]!.message.vi, /Ngày sinh/);
    assert.match(r.errors[1]!.message.en, /no agency has the code "999\.99\.99\.H26"/);
    assert.match(r.errors[2]!.message.en, /4 columns/);
  }
  const bd = await trainedInYear(app.platform, { agencyId: await agencyIdOf(app, WARD), year: 2026 });
  assert.equal(bd.trained, 0);
  const good = `ho_ten,ngay_sinh,ma_co_quan,chuc_vu\nNguyễn Văn An,1985-04-12,${WARD},Chuyên viên\n"Trần Thị Bình",1990-07-01,${OTHER},"Văn thư, lưu trữ"\n`;
  assert.deepEqual(await importCsv(app.platform, manager, basicClass, good), { ok: true, enrolled: 2 });
  assert.equal((await importCsv(app.platform, manager, basicClass, 'h\n\u0000')).ok, false);
  await assert.rejects(enrolOne(app.platform, manager, basicClass, { fullName: 'Nguyễn Văn An', birthDate: '1985-04-12', agencyCode: WARD }), fails('ALREADY_ENROLLED'));
  await enrolOne(app.platform, manager, basicClass, { fullName: 'Đỗ Cường', birthDate: '1988-02-02', agencyCode: WARD, position: '' });
  await assert.rejects(enrolOne(app.platform, manager, basicClass, { fullName: 'Vũ Dung', birthDate: '1988-02-02', agencyCode: WARD }), fails('CLASS_FULL'));
  await assert.rejects(enrolOne(app.platform, officer, basicClass, { fullName: 'Vũ Dung', birthDate: '1988-02-02', agencyCode: WARD }), fails('FORBIDDEN'));
});

test('results: good cells saved, bad ones named; pass only with both parts ≥ 5; a second sitting keeps the first', async () => {
  const { trainingRepo, trainingDb } = await import('./repo.ts');
  const ts = await trainingRepo.classTrainees(trainingDb(app.database.db), basicClass);
  an = ts.find((x) => x.full_name === 'Nguyễn Văn An')!.id;
  binh = ts.find((x) => x.full_name === 'Trần Thị Bình')!.id;
  await assert.rejects(recordResults(app.platform, manager, basicClass, { examDate: '2026-03-20' }), fails('WRONG_STATE'));
  await advanceClass(app.platform, manager, basicClass, 'running');
  const cells: Record<string, unknown> = { examDate: '2026-03-20', board: 'Hội đồng thi số 1' };
  for (const mod of BASIC_MODULES) {
    cells[cellName('theory', an, mod)] = '7,5';
    cells[cellName('practical', an, mod)] = mod === 'IU04' ? '4.5' : '8';
    cells[cellName('theory', binh, mod)] = '9';
    cells[cellName('practical', binh, mod)] = '9';
  }
  cells[cellName('theory', binh, 'IU06')] = '10.5';
  cells[cellName('practical', binh, 'IU05')] = ['5'];
  const out = await recordResults(app.platform, manager, basicClass, cells);
  assert.equal(out.saved, 10);
  assert.deepEqual(out.errors.map((e) => e.field).sort(), [cellName('practical', binh, 'IU05'), cellName('theory', binh, 'IU06')].sort());
  assert.match(out.errors.find((e) => e.field === cellName('theory', binh, 'IU06'))!.message.vi, /không được lớn hơn 10/);

  await assert.rejects(issueCertificate(app.platform, manager, { traineeId: String(an), kind: 'basic', issuedOn: '2026-03-25' }), (e: unknown) => {
    assert.equal((e as AppError).code, 'RULES_NOT_MET');
    assert.match((e as AppError).fields[0]!.message.vi, /IU04/);
    assert.doesNotMatch((e as AppError).fields[0]!.message.vi, /IU03/);
    return true;
  });
  // The second sitting of IU04 passes; the first stays.
  await recordResults(app.platform, manager, basicClass, { examDate: '2026-04-05', board: 'Hội đồng thi số 1', [cellName('theory', an, 'IU04')]: '6', [cellName('practical', an, 'IU04')]: '5' });
  const results = await trainingRepo.resultsOf(trainingDb(app.database.db), [an]);
  assert.deepEqual(results.filter((r) => r.module === 'IU04').map((r) => [r.theory, r.practical]), [[7.5, 4.5], [6, 5]]);
});

test('certificates: basic with 6/6; advanced needs basic + 3 of 9; revoke; public verification says only what it should', async () => {
  // Not dated before the resit of 5 April that completed the modules, nor after today.
  await assert.rejects(issueCertificate(app.platform, manager, { traineeId: String(an), kind: 'basic', issuedOn: '2026-04-04' }), (e: unknown) => {
    assert.match((e as AppError).fields[0]!.message.vi, /trước ngày thi đạt đủ các mô đun \(05\/04\/2026\)/);
    return true;
  });
  await assert.rejects(issueCertificate(app.platform, manager, { traineeId: String(an), kind: 'basic', issuedOn: '2100-01-01' }), (e: unknown) => {
    assert.match((e as AppError).fields[0]!.message.en, /may not be after today/);
    return true;
  });
  const cert = await issueCertificate(app.platform, manager, { traineeId: String(an), kind: 'basic', issuedOn: '2026-04-10' });
  await assert.rejects(issueCertificate(app.platform, manager, { traineeId: String(an), kind: 'basic', issuedOn: '2026-04-10' }), fails('ALREADY_CERTIFIED'));
  await advanceClass(app.platform, manager, advancedClass, 'running');
  await enrolOne(app.platform, manager, advancedClass, { fullName: 'Nguyễn Văn An', birthDate: '1985-04-12', agencyCode: WARD });
  const two: Record<string, unknown> = { examDate: '2026-04-20', board: 'HĐ 2' };
  for (const mod of ['IU07', 'IU08']) Object.assign(two, { [cellName('theory', an, mod)]: '6', [cellName('practical', an, mod)]: '6' });
  Object.assign(two, { [cellName('theory', an, 'IU14')]: '4.9', [cellName('practical', an, 'IU14')]: '10' });
  assert.equal((await recordResults(app.platform, manager, advancedClass, two)).saved, 3);
  await assert.rejects(issueCertificate(app.platform, manager, { traineeId: String(an), kind: 'advanced', issuedOn: '2026-04-25' }), (e: unknown) => {
    assert.match((e as AppError).fields.map((f) => f.message.en).join(' '), /1 more advanced module/);
    return true;
  });
  await recordResults(app.platform, manager, advancedClass, { examDate: '2026-05-02', board: 'HĐ 2', [cellName('theory', an, 'IU14')]: '5', [cellName('practical', an, 'IU14')]: '5' });
  const adv = await issueCertificate(app.platform, manager, { traineeId: String(an), kind: 'advanced', issuedOn: '2026-05-05' });
  assert.equal(adv.kind, 'advanced');

  assert.deepEqual(await verifyCertificate(app.platform, cert.code.toLowerCase()), { state: 'found', kind: 'basic', holder: 'Nguyễn *** An', issuedOn: '2026-04-10', valid: true });
  await assert.rejects(revokeCertificate(app.platform, officer, cert.id, 'x'), fails('FORBIDDEN'));
  await assert.rejects(revokeCertificate(app.platform, manager, cert.id, ''), fails('INVALID'));
  await revokeCertificate(app.platform, manager, cert.id, 'Cấp nhầm');
  await assert.rejects(revokeCertificate(app.platform, manager, cert.id, 'again'), fails('ALREADY_REVOKED'));
  const v = await verifyCertificate(app.platform, cert.code);
  assert.deepEqual(v, { state: 'found', kind: 'basic', holder: 'Nguyễn *** An', issuedOn: '2026-04-10', valid: false });
  assert.equal((await listAudit(app.database.db, { action: 'training.certificate.revoke' })).length, 1);
});

test('coverage: trainees who completed a class or passed a module in the year, against the directory count', async () => {
  const ward = await agencyIdOf(app, WARD);
  await recordCompletion(app.platform, manager, basicClass, [an, binh], [an]);
  // An (ward) passed modules in 2026 and completed; Đỗ Cường (ward) neither.
  assert.deepEqual(await trainedInYear(app.platform, { agencyId: ward, year: 2026 }), { trained: 1, staff: null });
  assert.deepEqual(await trainedInYear(app.platform, { agencyId: ward, year: 2025 }), { trained: 0, staff: null });
  const table = await coverageTable(app.platform, manager, 2026);
  assert.deepEqual(table.map((r) => [r.code, r.trained]).sort(), [[OTHER, 1], [WARD, 1]].sort());
  await assert.rejects(coverageTable(app.platform, officer, 2026), fails('FORBIDDEN'));
});
