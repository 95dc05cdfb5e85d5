import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { listAudit } from '../../platform/audit/index.ts';
import { testApp, type TestApp } from '../../testing/app.ts';
import { AGENCIES_FILE, findAgencyByCode, findAgencyById, listAgencies, listUnits, seedUnitsReference } from './index.ts';
import { unitsDb } from './repo.ts';

let app: TestApp;
before(async () => {
  app = await testApp();
});
after(async () => {
  await app.close();
});

const db = () => app.database.db;

async function count(table: 'units' | 'unit_history' | 'agencies'): Promise<number> {
  const row = await unitsDb(db()).selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

test('the first start loads 34 provinces and Hà Nội’s 126 units: 51 phường and 75 xã', async () => {
  assert.equal((await listUnits(db())).length, 34);
  const hanoi = await listUnits(db(), { parent: '01' });
  assert.equal(hanoi.length, 126);
  assert.equal(hanoi.filter((u) => u.type === 'Phường').length, 51);
  assert.equal(hanoi.filter((u) => u.type === 'Xã').length, 75);
  assert.equal((await listUnits(db(), { parent: '01', type: 'phuong' })).length, 51);
  assert.equal((await listUnits(db(), { parent: '01', type: 'xa' })).length, 75);
  assert.equal(await count('units'), 34 + 126);
  // Hà Nội's rows of the old → new mapping: its 526 former communes, some split between several new units.
  assert.equal(await count('unit_history'), 796);
  const former = await unitsDb(db()).selectFrom('unit_history').select('old_code').distinct().execute();
  assert.equal(former.length, 526);
});

test('lists are in Vietnamese alphabetical order', async () => {
  const names = (await listUnits(db(), { parent: '01', type: 'phuong' })).map((u) => u.name);
  assert.equal(names[0], 'Ba Đình');
  // Đ sorts after every D-word, Ô after O: the Vietnamese alphabet, not code points or accent-stripped order.
  const iD = names.indexOf('Định Công');
  const iDu = names.indexOf('Dương Nội');
  assert.ok(iDu >= 0 && iD > iDu, 'Dương Nội before Định Công');
});

test('agencies: the city committee, the service centre, the departments and one committee per commune, with QCVN 102 identifiers', async () => {
  const agencies = await listAgencies(db());
  assert.equal(agencies.length, await count('agencies'));
  assert.ok(agencies.every((a) => /^\d{3}\.\d{2}\.\d{2}\.H26$/.test(a.code) && a.code.length === 13));
  assert.equal(new Set(agencies.map((a) => a.code)).size, agencies.length);
  const city = agencies.filter((a) => a.kind === 'city_committee');
  assert.deepEqual(city.map((a) => [a.code, a.name]), [['000.00.00.H26', 'Ủy ban nhân dân Thành phố Hà Nội']]);
  assert.equal(agencies[0]?.kind, 'city_committee', 'the city committee comes first in select boxes');
  const centre = agencies.filter((a) => a.kind === 'service_centre');
  assert.equal(centre.length, 1);
  assert.match(centre[0]?.name ?? '', /Trung tâm Phục vụ hành chính công/);
  const departments = agencies.filter((a) => a.kind === 'department').map((a) => a.name);
  assert.ok(departments.length >= 15);
  for (const name of ['Sở Tư pháp', 'Sở Xây dựng', 'Sở Tài chính', 'Sở Nội vụ', 'Sở Giáo dục và Đào tạo', 'Sở Y tế', 'Thanh tra Thành phố']) {
    assert.ok(departments.includes(name), name);
  }
  const committees = agencies.filter((a) => a.kind === 'commune_committee');
  assert.equal(committees.length, 126);
  const hanoi = await listUnits(db(), { parent: '01' });
  assert.deepEqual(new Set(committees.map((a) => a.unitCode)), new Set(hanoi.map((u) => u.code)));
  const hoanKiem = committees.find((a) => a.unitCode === '00070');
  assert.equal(hoanKiem?.name, 'Ủy ban nhân dân phường Hoàn Kiếm');
  assert.ok(agencies.filter((a) => a.kind !== 'city_committee').every((a) => a.parentId === city[0]?.id));
});

test('other modules find agencies by id and by code', async () => {
  const justice = await findAgencyByCode(db(), '000.00.03.H26');
  assert.equal(justice?.name, 'Sở Tư pháp');
  assert.deepEqual(await findAgencyById(db(), justice?.id ?? 0), justice);
  assert.equal(await findAgencyByCode(db(), '000.00.99.H26'), undefined);
  assert.equal(await findAgencyByCode(db(), 'bad'), undefined);
  assert.equal(await findAgencyById(db(), -1), undefined);
});

test('a second start finds the reference data loaded and does nothing', async () => {
  const audits = (await listAudit(db(), { entity: 'units' })).filter((a) => a.action === 'units.seed_reference');
  assert.equal(audits.length, 1);
  assert.equal(await seedUnitsReference(db()), false);
  assert.equal(await seedUnitsReference(db()), false);
  assert.equal((await listAudit(db(), { entity: 'units' })).filter((a) => a.action === 'units.seed_reference').length, 1);
  assert.equal(await count('units'), 160);
  assert.equal(await count('agencies'), 145);
});

test('a changed agency file is applied at the next start; agencies left out are kept but inactive', async () => {
  const original = JSON.parse(readFileSync(AGENCIES_FILE, 'utf8')) as { agencies: { code: string; name: string; kind: string }[] };
  const changed = {
    agencies: [
      ...original.agencies
        .filter((a) => a.code !== '000.00.12.H26')
        .map((a) => (a.code === '000.00.03.H26' ? { ...a, phone: '024 3825 3488' } : a)),
      { code: '000.01.50.H26', kind: 'service_centre_branch', name: 'Chi nhánh số 1', unitCode: '00070', parentCode: '000.00.20.H26' },
    ],
  };
  const file = join(mkdtempSync(join(tmpdir(), 'egov-agencies-')), 'agencies.json');
  writeFileSync(file, JSON.stringify(changed));
  assert.equal(await seedUnitsReference(db(), { agencyFile: file }), true);
  assert.equal((await findAgencyByCode(db(), '000.00.03.H26'))?.phone, '024 3825 3488');
  assert.equal((await findAgencyByCode(db(), '000.00.12.H26'))?.active, false);
  assert.equal((await listAgencies(db())).some((a) => a.code === '000.00.12.H26'), false);
  const branch = await findAgencyByCode(db(), '000.01.50.H26');
  assert.equal(branch?.parentId, (await findAgencyByCode(db(), '000.00.20.H26'))?.id);
  // Back to the shipped file: everything as before.
  assert.equal(await seedUnitsReference(db()), true);
  assert.equal((await findAgencyByCode(db(), '000.00.12.H26'))?.active, true);
  assert.equal((await findAgencyByCode(db(), '000.00.03.H26'))?.phone, null);
  assert.equal((await findAgencyByCode(db(), '000.01.50.H26'))?.active, false);
});

test('an agency file that names an unknown unit is refused as a whole', async () => {
  const file = join(mkdtempSync(join(tmpdir(), 'egov-agencies-')), 'agencies.json');
  writeFileSync(file, JSON.stringify({ agencies: [{ code: '000.00.00.H26', kind: 'city_committee', name: 'X', unitCode: '99999' }] }));
  await assert.rejects(seedUnitsReference(db(), { agencyFile: file }), (err: Error & { code?: string }) => err.code === 'AGENCY_FILE_INVALID');
  assert.equal((await findAgencyByCode(db(), '000.00.00.H26'))?.name, 'Ủy ban nhân dân Thành phố Hà Nội');
});
