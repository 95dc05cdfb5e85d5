import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { AppError } from '../../platform/http/errors.ts';
import { mergeScores, mergeValues, type FormerUnit } from './merge.ts';
import { scoreUnit } from './scoring.ts';
import { loadSet } from './sets.ts';
import { tinySet } from './testing.ts';

const set = loadSet(tinySet());

// Xã Kim Anh (00382, Hà Nội) was formed on 1 July 2025 from the whole of three communes of the former Sóc Sơn
// district (data/admin_units/old_to_new_ward_mapping.csv, merge_type "full"). Their values and populations here
// are illustrative, not real figures.
const KIM_ANH: FormerUnit[] = [
  { unit: '00382', name: 'Xã Minh Trí', population: 14_000, values: { staff: 22, trained: 20, computers: 25, networked: 25, MEET: 4, CHAIR: 'chairman', PORTAL: true, PAGES: 30 } },
  { unit: '00397', name: 'Xã Minh Phú', population: 9_500, values: { staff: 20, trained: 12, computers: 18, networked: 15, MEET: 2, CHAIR: 'deputy', PORTAL: false, PAGES: 12 } },
  { unit: '00415', name: 'Xã Tân Dân', population: 11_200, values: { staff: 18, trained: 16, computers: 20, MEET: 3, CHAIR: 'deputy', PORTAL: true } },
];

describe('the shipped mapping records Kim Anh’s predecessors as the fixture says', () => {
  it('three whole communes → Xã Kim Anh', () => {
    const csv = readFileSync(fileURLToPath(new URL('../../../data/admin_units/old_to_new_ward_mapping.csv', import.meta.url)), 'utf8');
    const rows = csv.split('\n').map((l) => l.split(',')).filter((c) => c[9] === '00382');
    assert.deepEqual(rows.map((c) => [c[4], c[5], c[6]]).sort(), KIM_ANH.map((f) => [f.unit, f.name, 'full']).sort());
  });
});

describe('mergeValues: the declared rule per code', () => {
  const m = mergeValues(set, KIM_ANH);
  const prov = (code: string) => m.provenance.find((p) => p.code === code)!;
  const cases: [string, unknown, string, string][] = [
    ['staff', 60, 'sum', 'sum'], // figures declared `sum` (counts)
    ['trained', 48, 'sum', 'sum'],
    ['networked', 40, 'sum', 'sum'], // Tân Dân has no value: left out, named
    ['MEET', 3, 'mean', 'mean'], // the set's default: (4 + 2 + 3) / 3
    ['PAGES', 21, 'mean', 'mean'], // mean of the two that reported
    ['CHAIR', 'chairman', 'largest', 'largest'], // declared on the indicator: Minh Trí is the most populous
    ['PORTAL', true, 'mean', 'largest'], // yes/no cannot be averaged: the largest unit's value, noted
  ];
  for (const [code, value, rule, applied] of cases) it(`${code} → ${String(value)} (${rule})`, () => {
    assert.equal(m.values[code], value);
    assert.deepEqual([prov(code).rule, prov(code).applied], [rule, applied]);
  });
  it('records where each value came from', () => {
    assert.deepEqual(prov('networked').from, [{ unit: '00382', value: 25 }, { unit: '00397', value: 15 }, { unit: '00415', value: undefined }]);
    assert.deepEqual(prov('networked').missingFrom, ['00415']);
    assert.match(prov('PORTAL').note!.en, /cannot be averaged/);
    assert.match(prov('CHAIR').note!.vi, /Xã Minh Trí/);
  });
  it('nobody reported: missing', () => assert.equal(m.values.received, null));
  it('a rule given by the caller overrides the set', () => {
    const o = mergeValues(set, KIM_ANH, { staff: 'mean', MEET: 'largest' });
    assert.deepEqual([o.values.staff, o.values.MEET], [20, 4]);
  });
  it('the merged values score like any unit’s', () => {
    const s = scoreUnit(set, { unit: '00382', values: m.values });
    assert.equal(s.indicators.find((i) => i.code === 'TRAIN')!.points, 8); // 48 / 60 × 10
  });
  it('largest without populations is refused, naming the units', () => {
    const noPop = KIM_ANH.map(({ population: _p, ...f }) => f);
    assert.throws(() => mergeValues(set, noPop), (e: unknown) => e instanceof AppError && e.code === 'MERGE_NO_POPULATION' && /00382, 00397, 00415/.test(e.text.en));
  });
  it('no former unit is refused', () => assert.throws(() => mergeValues(set, []), (e: unknown) => e instanceof AppError && e.code === 'MERGE_NO_FORMER_UNITS'));
  it('the sum rule can be the set default', () => {
    const raw = tinySet();
    raw.merge = { default: 'sum' };
    assert.equal(mergeValues(loadSet(raw), KIM_ANH).values.MEET, 9);
  });
});

describe('mergeScores: the DTI way, mean of the former units’ scores', () => {
  const a = scoreUnit(set, { unit: 'a', values: { MEET: 4, PORTAL: true } }); // 20 + 10 + COMBO 0 = 30
  const b = scoreUnit(set, { unit: 'b', values: { MEET: 1, PORTAL: true, networked: 10, computers: 10 } }); // 5 + 10 + 10 + 12.5 = 37.5
  const m = mergeScores(set, 'new', [a, b]);
  it('per indicator, per group, total', () => {
    assert.deepEqual(m.indicators.find((i) => i.code === 'MEET')!.points, 12.5);
    assert.deepEqual(m.groups.map((g) => g.points), [12.5, 21.25]);
    assert.equal(m.total, 33.75);
    assert.equal(m.unit, 'new');
  });
});
