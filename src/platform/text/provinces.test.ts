// The first three digits of a personal ID are the GSO code of the (pre-2025) province of birth registration:
// check the list against the 63 old provinces of the official old→new mapping.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { PIN_PROVINCES } from './provinces.ts';
import { foldAccents } from './fold.ts';

test('the personal-ID province codes are the 63 pre-2025 GSO province codes', () => {
  const csv = readFileSync(new URL('../../../data/admin_units/old_to_new_ward_mapping.csv', import.meta.url), 'utf8');
  const old = new Map<string, string>();
  for (const line of csv.split(/\r?\n/).slice(1)) {
    const [code, name] = line.split(',');
    if (code && name) old.set(`0${code}`, name);
  }
  assert.equal(old.size, 63);
  assert.deepEqual(Object.keys(PIN_PROVINCES).sort(), [...old.keys()].sort());
  for (const [code, name] of Object.entries(PIN_PROVINCES)) {
    const official = foldAccents(old.get(code) ?? '').toLowerCase().replace(/^(tinh|thanh pho) /, '');
    const ours = foldAccents(name).toLowerCase().replace(/^thua thien /, '');
    assert.ok(official.includes(ours) || ours.includes(official), `${code}: ${name} vs ${old.get(code)}`);
  }
});
