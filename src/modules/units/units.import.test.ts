import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { listAudit } from '../../platform/audit/index.ts';
import { testApp, type TestApp } from '../../testing/app.ts';
import { importUnits, parseImportArgs, runImportUnits, type ImportArgs } from '../../cli/import-units.ts';
import { findUnit, importUnitFile, listUnits, resolveOldUnit } from './index.ts';
import { unitsDb } from './repo.ts';

const FIXTURE = fileURLToPath(new URL('./testdata/wards_fixture.csv', import.meta.url));

let app: TestApp;
before(async () => {
  app = await testApp();
});
after(async () => {
  await app.close();
});

const db = () => app.database.db;

async function cli(args: string[]): Promise<{ status: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const parsed = parseImportArgs(args);
  if (typeof parsed === 'string') return { status: 2, out, err: [parsed] };
  const status = await runImportUnits(app.database, parsed as ImportArgs, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { status, out, err };
}

async function communes(): Promise<number> {
  const row = await unitsDb(db()).selectFrom('units').where('level', '=', 'commune').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

test('importing a fixture: valid rows are upserted, TCVN3 text converted, each bad row reported with its line', async () => {
  const r = await cli([FIXTURE]);
  assert.equal(r.status, 1, 'some rows were rejected');
  const text = r.out.join('\n');
  assert.match(text, /wards_fixture\.csv: wards and communes \/ phường, xã; 8 rows, 2 of other provinces skipped \(province 01\)/);
  assert.match(text, /inserted 1, updated 1, unchanged 0, rejected 4, converted from TCVN3\/VNI 3 fields/);
  assert.match(text, /line 4: .*ward_code = “12AB” is not a 5-digit code/);
  assert.match(text, /line 5: .*unit type “Quận” is not valid/);
  assert.match(text, /line 6: .*no value in column name/);
  assert.match(text, /line 7: .*same code as line 3/);
  assert.match(text, /dòng 4 \/ line 4: cột ward_code = “12AB” không phải mã 5 chữ số/);

  const converted = await findUnit(db(), '99991');
  assert.deepEqual([converted?.name, converted?.fullName, converted?.type, converted?.parentCode], ['Thử Nghiệm', 'Xã Thử Nghiệm', 'Xã', '01']);
  assert.match((await findUnit(db(), '00070'))?.formedFrom ?? '', /sửa đổi thử/);
  assert.equal(await findUnit(db(), '99992'), undefined);
  // The in-process cache is dropped by the import: the list has the new unit at once.
  assert.equal((await listUnits(db(), { parent: '01' })).length, 127);
  assert.deepEqual((await listUnits(db(), { parent: '01', q: 'thu nghiem' })).map((u) => u.code), ['99991']);
  const audit = (await listAudit(db(), { entity: 'units' })).find((a) => a.action === 'units.import');
  assert.equal((audit?.data as { inserted: number }).inserted, 1);

  // Idempotent: the same file again changes nothing.
  const again = await cli([FIXTURE]);
  assert.match(again.out.join('\n'), /inserted 0, updated 0, unchanged 2, rejected 4/);
});

test('with --province all, a ward whose province is not loaded is refused, so that the foreign key holds', async () => {
  const r = await cli([FIXTURE, '--province', 'all']);
  const text = r.out.join('\n');
  assert.match(text, /8 rows, 0 of other provinces skipped \(all provinces\)/);
  assert.match(text, /line 8: .*province 77 is not in the database/);
  assert.equal(await findUnit(db(), '77001'), undefined);
  assert.equal((await findUnit(db(), '04001'))?.fullName, 'Xã Khác Tỉnh');
});

test('a file that is not UTF-8 is read as Windows-1252 and its TCVN3 text converted', async () => {
  const header = 'ward_code,name,full_name,unit_type,province_code\n';
  const row = '99996,Hång Phong,X· Hång Phong,X·,01\n';
  const bytes = Buffer.from(header + row, 'latin1');
  const report = await importUnitFile(db(), bytes, { actor: { id: null, label: 'test' } });
  assert.equal(report.encoding, 'windows-1252');
  assert.equal(report.inserted, 1);
  assert.equal((await findUnit(db(), '99996'))?.fullName, 'Xã Hồng Phong');
});

test('mapping rows are imported when their new unit exists; others are refused with the reason', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'egov-units-'));
  const file = join(dir, 'mapping.csv');
  writeFileSync(
    file,
    [
      'old_province_code,old_province_name,old_district_code,old_district_name,old_ward_code,old_ward_name,merge_type,new_province_code,new_province_name,new_ward_code,new_ward_name',
      '01,Thành phố Hà Nội,999,Huyện Thử,99901,Xã Cũ Thử Nghiệm,full,01,Thành phố Hà Nội,99991,Xã Thử Nghiệm',
      '01,Thành phố Hà Nội,999,Huyện Thử,99902,Xã Cũ Khác,sometimes,01,Thành phố Hà Nội,99991,Xã Thử Nghiệm',
      '01,Thành phố Hà Nội,999,Huyện Thử,99903,Xã Cũ Mồ Côi,partial,01,Thành phố Hà Nội,99990,Xã Không Có',
    ].join('\n'),
  );
  const r = await cli([file]);
  const text = r.out.join('\n');
  assert.match(text, /old → new mapping/);
  assert.match(text, /inserted 1, updated 0, unchanged 0, rejected 2/);
  assert.match(text, /line 3: .*merge_type “sometimes” is not valid/);
  assert.match(text, /line 4: .*new unit 99990 is not in the database/);
  const found = await resolveOldUnit(db(), 'cu thu nghiem');
  assert.deepEqual(found.map((f) => [f.oldCode, f.successors.map((s) => s.code)]), [['99901', ['99991']]]);
});

test('--province all loads all 3,321 units from the shipped file', async () => {
  const r = await cli(['provinces', 'wards', '--province', 'all']);
  assert.equal(r.status, 0, r.err.join('\n'));
  assert.match(r.out.join('\n'), /wards_2025\.csv: wards and communes \/ phường, xã; 3321 rows, 0 of other provinces skipped/);
  // The fixture's test units stay; every official unit is there.
  const official = await unitsDb(db()).selectFrom('units').where('level', '=', 'commune').where('code', 'not in', ['99991', '99996', '04001']).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  assert.equal(Number(official.n), 3321);
  assert.equal(await communes(), 3321 + 3);
  assert.equal((await listUnits(db(), { parent: '79' })).length > 100, true, 'Hồ Chí Minh City is loaded');
  // 00070 is back to the shipped data.
  assert.doesNotMatch((await findUnit(db(), '00070'))?.formedFrom ?? '', /sửa đổi thử/);
});

test('the command has a full --help and refuses bad options', async () => {
  assert.match(importUnits.help, /--province all/);
  assert.match(importUnits.help, /TCVN3/);
  assert.match(importUnits.usage, /egov import units <file…> \[--province 01\|all\]/);
  assert.match(String(parseImportArgs([])), /at least one file/);
  assert.match(String(parseImportArgs(['x.csv', '--province', 'HN'])), /2-digit province code/);
  assert.match(String(parseImportArgs(['x.csv', '--force'])), /unknown option/);
  const missing = await cli(['/no/such/file.csv']);
  assert.equal(missing.status, 2);
  assert.match(missing.err.join('\n'), /cannot read/);
  const dir = mkdtempSync(join(tmpdir(), 'egov-units-'));
  writeFileSync(join(dir, 'other.csv'), 'a,b\n1,2\n');
  const unknown = await cli([join(dir, 'other.csv')]);
  assert.equal(unknown.status, 2);
  assert.match(unknown.err.join('\n'), /Unrecognised file/);
});
