// The loader refuses a bad fare table as a whole, naming the file, line and rule in Vietnamese and English.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AppError } from '../../../platform/http/errors.ts';
import { exportGtfsFares } from './export.ts';
import { hanoi } from './fixtures/harness.ts';
import { loadGtfsFares } from './load.ts';
import type { Problem } from './problems.ts';

function refusal(edit: (files: Record<string, string>) => void): Problem[] {
  const files = exportGtfsFares(hanoi);
  edit(files);
  try {
    loadGtfsFares(files);
  } catch (e) {
    assert.ok(e instanceof AppError);
    assert.equal(e.code, 'TABLE_INVALID');
    assert.equal(e.status, 400);
    return (e.details?.problems ?? []) as Problem[];
  }
  assert.fail('the table was accepted');
}

const append = (files: Record<string, string>, file: string, line: string): void => {
  files[file] = `${files[file]}${line}\n`;
};

describe('fares: loading and export', () => {
  it('loads the shipped Hà Nội table', () => {
    assert.equal(hanoi.legRules.length, 14);
    assert.equal(hanoi.products.get('m2a-day')?.[0]?.amount, 30000);
    assert.equal(hanoi.caps.length, 0, 'caps are off for Hà Nội [U]');
    assert.equal(hanoi.serviceDayStartS, 4 * 3600);
  });

  it('round trip: load → export → load gives the same table and the same files', () => {
    const files = exportGtfsFares(hanoi);
    const again = loadGtfsFares(files);
    assert.deepEqual(again, hanoi);
    assert.deepEqual(exportGtfsFares(again), files);
    assert.match(files['fare_leg_rules.txt'] ?? '', /^leg_group_id,network_id,from_area_id,to_area_id,/);
    assert.match(files['x_leg_rule_terms.txt'] ?? '', /\nbus-lt15,20241101,,0,15,,\n/);
  });

  it('quotes fields with commas on export and reads them back', () => {
    const files = exportGtfsFares(hanoi);
    assert.match(files['rider_categories.txt'] ?? '', /"Ưu tiên \(học sinh, sinh viên, công nhân khu công nghiệp\)"/);
  });
});

describe('fares: the validator refuses', () => {
  it('overlapping leg rules, naming both rules in Vietnamese and English', () => {
    const problems = refusal((f) => {
      append(f, 'fare_leg_rules.txt', 'bus-20-ngoai,bus,,,,,bus-10000,0');
      append(f, 'x_leg_rule_terms.txt', 'bus-20-ngoai,20250101,20251231,20,30,,');
    });
    const p = problems.find((x) => x.text.en.includes('overlaps'));
    assert.ok(p, JSON.stringify(problems));
    assert.equal(p.file, 'fare_leg_rules.txt');
    assert.match(p.text.en, /Rule bus-20-ngoai overlaps rule bus-15-25/);
    assert.match(p.text.vi, /Quy tắc bus-20-ngoai chồng lấn quy tắc bus-15-25/);
  });

  it('accepts the same band when the effective dates do not overlap (a fare change)', () => {
    const files = exportGtfsFares(hanoi);
    files['x_leg_rule_terms.txt'] = (files['x_leg_rule_terms.txt'] ?? '').replace('bus-lt15,20241101,,', 'bus-lt15,20241101,20261231,');
    append(files, 'fare_leg_rules.txt', 'bus-lt15-2027,bus,,,,,bus-10000,0');
    append(files, 'x_leg_rule_terms.txt', 'bus-lt15-2027,20270101,,0,15,,');
    assert.equal(loadGtfsFares(files).legRules.length, 15);
  });

  it('a rule for another rider category is no overlap', () => {
    const files = exportGtfsFares(hanoi);
    append(files, 'fare_products.txt', 'bus-8000-uu-tien,Vé lượt ưu tiên,uu-tien,,4000,VND');
    append(files, 'fare_products.txt', 'bus-8000-thuong,Vé lượt,thuong,,8000,VND');
    files['fare_leg_rules.txt'] = (files['fare_leg_rules.txt'] ?? '').replace('bus-lt15,bus,,,,,bus-8000,0', 'bus-lt15,bus,,,,,bus-8000-thuong,0');
    append(files, 'fare_leg_rules.txt', 'bus-lt15-uu-tien,bus,,,,,bus-8000-uu-tien,0');
    append(files, 'x_leg_rule_terms.txt', 'bus-lt15-uu-tien,20241101,,0,15,,');
    assert.equal(loadGtfsFares(files).legRules.length, 15);
  });

  it('an unknown reference', () => {
    const problems = refusal((f) => append(f, 'fare_leg_rules.txt', 'bus-x,xe-dien,,,,,bus-9999,0'));
    assert.ok(problems.some((p) => p.text.en === 'The column network_id refers to "xe-dien", which is not in networks.txt.'));
    assert.ok(problems.some((p) => p.text.vi.includes('"bus-9999" không có trong fare_products.txt')));
  });

  it('a negative amount, with its line', () => {
    const problems = refusal((f) => append(f, 'fare_products.txt', 'am,Âm,,,-8000,VND'));
    assert.deepEqual(problems.map((p) => [p.file, p.line]), [['fare_products.txt', 30]]);
    assert.match(problems[0]?.text.en ?? '', /amount must be a whole number of at least 0 \(it is "-8000"\)/);
  });

  it('a date that does not exist and an end before the start', () => {
    const bad = refusal((f) => append(f, 'x_campaigns.txt', 'tet,,20260230,20260301,Tết,Tết'));
    assert.ok(bad.some((p) => p.text.en.includes('start_date must be a real date as YYYYMMDD (it is "20260230")')));
    const reversed = refusal((f) => append(f, 'x_free_zones.txt', 'vd1-sai,vanh-dai-1,,20270101,20261231'));
    assert.ok(reversed.some((p) => p.file === 'x_free_zones.txt' && p.text.en === 'The end date 2026-12-31 is before the start date 2027-01-01.'));
  });

  it('a repeated id, a missing file, a missing column, an unsupported transfer type', () => {
    assert.ok(refusal((f) => append(f, 'networks.txt', 'bus,Trùng')).some((p) => p.text.en.startsWith('The id bus is repeated')));
    assert.ok(refusal((f) => delete f['x_passes.txt']).some((p) => p.text.en === 'The file x_passes.txt is missing.'));
    assert.ok(refusal((f) => (f['areas.txt'] = 'area_name\nX\n')).some((p) => p.text.en === 'The column area_id is missing.'));
    assert.ok(refusal((f) => append(f, 'fare_transfer_rules.txt', ',,-1,3600,1,2,')).some((p) => p.text.en.includes('fare_transfer_type accepts only 0, 1')));
  });

  it('a leg rule without effective dates', () => {
    const problems = refusal((f) => append(f, 'fare_leg_rules.txt', 'bus-moi,bus,,,,,bus-8000,1'));
    assert.ok(problems.some((p) => p.text.en === 'Rule bus-moi has no row in x_leg_rule_terms.txt (effective dates).'));
  });
});
