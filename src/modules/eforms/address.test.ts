import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { testDatabase } from '../../platform/testing/database.ts';
import type { Database } from '../../platform/db/index.ts';
import { seedUnitsReference } from '../units/index.ts';
import { addressText, loadAddressUnits, renderEformFields, shippedEform, validateEform, type AddressUnit } from './index.ts';
import { TEST_NOW, samplePost } from './testing.ts';

let database: Database;
let units: AddressUnit[];
before(async () => {
  database = await testDatabase();
  await seedUnitsReference(database.db);
  units = await loadAddressUnits(database.db);
});
after(async () => {
  await database.close();
});

test('the address select offers Hà Nội’s 126 communes by their official codes', async () => {
  assert.equal(units.length, 126);
  assert.ok(units.some((u) => u.code === '00070' && u.name === 'Phường Hoàn Kiếm'));
  const def = shippedEform('1.004222');
  assert.ok(def);
  const page = String(await renderEformFields({ lang: 'vi', def, units }));
  const select = /<select id="f-newAddress" name="newAddress.commune">(.*?)<\/select>/s.exec(page)?.[1] ?? '';
  assert.equal((select.match(/<option /g) ?? []).length, 127, 'the 126 communes and the empty choice');
});

test('an address must name one of those communes', () => {
  const def = shippedEform('1.004222');
  assert.ok(def);
  assert.ok(validateEform(def, samplePost('1.004222'), { now: TEST_NOW, units }).ok);
  const outside = validateEform(def, samplePost('1.004222', { 'newAddress.commune': '26734' }), { now: TEST_NOW, units });
  assert.deepEqual(outside.ok ? [] : outside.errors.map((e) => e.field), ['newAddress']);
});

test('an address reads as one line', () => {
  assert.equal(addressText({ commune: '00070', street: '12 phố Hàng Bạc' }, units), '12 phố Hàng Bạc, Phường Hoàn Kiếm, Thành phố Hà Nội');
});
