// The results' data without a database: plan targets summed over units (numerators over denominators, units lacking a
// figure left out, other peer groups ignored), the illustrative history (deterministic, within the maximum, ranked
// 1, 1, 3 style per year) and the shipped DTI and plan files (the verified 2024 figure, every target computable).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { type Plan, type PlanTarget, progressOf } from './dashboards.ts';
import { illustrativeHistory } from './history-seed.ts';
import { loadShippedSet } from './sets.ts';

const plan = JSON.parse(readFileSync(new URL('../../../data/readiness/plan-2025.json', import.meta.url), 'utf8')) as Plan;
const target = (code: string): PlanTarget => plan.targets.find((x) => x.code === code)!;

test('a ratio target is the sum of the numerators over the sum of the denominators', () => {
  const forms = [
    { peerGroup: 'commune' as const, values: { staffWithSignature: 10, staff: 10 } },
    { peerGroup: 'commune' as const, values: { staffWithSignature: 5, staff: 40 } },
    { peerGroup: 'commune' as const, values: { staff: 40 } },
    { peerGroup: 'department' as const, values: { staffWithSignature: 'x', staff: 10 } },
  ];
  const p = progressOf(target('SIGNATURE'), forms);
  assert.equal(p.units, 2, 'the unit without the figure and the wrong value are left out');
  assert.equal(p.numerator, 15);
  assert.equal(p.denominator, 50);
  assert.equal(p.achieved, 0.3);
  assert.equal(p.met, false);
  assert.equal(progressOf(target('WORK_ONLINE_CITY'), [{ peerGroup: 'commune', values: { workOnline: 9, workTotal: 10 } }]).met, null, 'a department target ignores communes');
  assert.equal(progressOf(target('WORK_ONLINE_CITY'), [{ peerGroup: 'department', values: { workOnline: 9, workTotal: 10 } }]).met, true, '90 % meets ≥ 90 %');
});

test('a share target is weighted: DG1 % of the dossiers resolved', () => {
  const p = progressOf(target('ONLINE_DOSSIERS'), [
    { peerGroup: 'commune', values: { DG1: 100, dossiersResolved: 300 } },
    { peerGroup: 'department', values: { DG1: 50, dossiersResolved: 100 } },
  ]);
  assert.equal(p.achieved, 350 / 400);
  assert.equal(p.met, true);
});

test('the illustrative history: the same every time, within the maximum, ranked per year', () => {
  const ids = Array.from({ length: 126 }, (_, i) => i + 1);
  const a = illustrativeHistory('commune', ids);
  assert.deepEqual(a, illustrativeHistory('commune', ids));
  assert.equal(a.length, 126 * 9);
  const max = loadShippedSet('2025-communes').set.totalPoints;
  for (const r of a) {
    assert.ok(r.total > 0 && r.total <= max && r.illustrative && r.source === 'imported');
    assert.deepEqual(Object.keys(r.group_shares), ['AW', 'IN', 'IF', 'HR', 'CS', 'DG', 'DS', 'PL']);
  }
  for (const year of [2016, 2024]) {
    const rows = a.filter((r) => r.year === year).sort((x, y) => x.rank! - y.rank!);
    assert.equal(rows[0]!.rank, 1);
    rows.forEach((r, i) => i === 0 || assert.ok(r.total <= rows[i - 1]!.total && (r.total < rows[i - 1]!.total ? r.rank === i + 1 : r.rank === rows[i - 1]!.rank)));
  }
  const mean = (y: number) => a.filter((r) => r.year === y).reduce((t, r) => t + r.total, 0) / 126;
  assert.ok(mean(2024) > mean(2016), 'the units improve over the years');
});

test('the shipped DTI file: 2024 verified, Hà Nội 1st with 0.8241; the rest marked', () => {
  const dti = JSON.parse(readFileSync(new URL('../../../data/readiness/dti.json', import.meta.url), 'utf8'));
  const y2024 = dti.years.find((y: { year: number }) => y.year === 2024);
  assert.deepEqual([y2024.rank, y2024.score, y2024.verified, y2024.pillarsVerified, y2024.provinces], [1, 0.8241, true, false, 34]);
  assert.ok(dti.years.filter((y: { year: number }) => y.year !== 2024).every((y: { verified: boolean }) => y.verified === false));
  assert.equal(dti.pillars.length, 8);
});
