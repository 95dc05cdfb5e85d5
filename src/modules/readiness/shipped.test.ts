// The shipped 2025 sets (data/readiness/): they load, add up to 1,000 points and have the counts of Decision
// 5279/QĐ-UBND (INDICATORS.md §2), use every rule kind, and score a plausible unit.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { scorePeerGroup } from './ranking.ts';
import { validateValues } from './scoring.ts';
import { loadShippedSet, SHIPPED_SETS } from './sets.ts';

const cases: [string, string, number, number[]][] = [
  ['2025-communes', 'commune', 47, [5, 5, 6, 5, 6, 12, 5, 3]], // 8 groups; the split per group is plausible
  ['2025-departments', 'department', 34, [3, 4, 2, 3, 5, 11, 1, 3, 2]], // 9 groups, counts as in §2
];

for (const [id, peer, count, perGroup] of cases) {
  describe(`shipped set ${id}`, () => {
    const s = loadShippedSet(id);
    it('is the 2025 set of its peer group, from Decision 5279/QĐ-UBND, marked plausible', () => {
      assert.deepEqual([s.set.year, s.set.peerGroup, s.set.source.decision, s.set.source.date, s.set.plausible], [2025, peer, '5279/QĐ-UBND', '2025-10-23', true]);
    });
    it(`has ${count} indicators in ${perGroup.length} groups`, () => {
      assert.equal(s.set.indicators.length, count);
      assert.deepEqual(s.set.groups.map((g) => s.set.indicators.filter((i) => i.group === g.code).length), perGroup);
    });
    it('adds up to 1,000 points', () => {
      assert.equal(s.set.totalPoints, 1000);
      assert.equal(s.set.indicators.reduce((t, i) => t + i.max, 0), 1000);
    });
    it('uses every rule kind and fills the platform figures', () => {
      assert.deepEqual([...new Set(s.set.indicators.map((i) => i.rule.kind))].sort(), ['boolean', 'categorical', 'formula', 'ratio', 'relative', 'steps']);
      assert.deepEqual(s.set.indicators.flatMap((i) => i.platformSource ?? []).sort(), ['documents.onTimeShare', 'dossiers.onTimeShare', 'dossiers.onlineShare', 'portal.presence']);
    });
    it('validates trained ≤ staff, networked ≤ computers and shares ≤ 100', () => {
      const broken = validateValues(s, { staff: 40, trained: 41, computers: 30, networked: 31, DG1: 101, DG2: -1 }).map((b) => b.code);
      assert.deepEqual(broken, ['V_trained_LE_staff', 'V_networked_LE_computers', 'V_DG1_LE_100', 'V_DG2_GE_0']);
    });
    it('a unit that did everything scores 1,000; one that did nothing scores 0 (or the points of "nothing to do")', () => {
      const full: Record<string, number | boolean | string> = {};
      for (const f of s.set.figures) full[f.code] = 10;
      full.tasksOverdue = 0;
      for (const i of s.set.indicators) {
        const r = i.rule;
        if (r.kind === 'steps') full[i.code] = r.steps[0]!.min;
        if (r.kind === 'relative') full[i.code] = 5;
        if (r.kind === 'boolean') full[i.code] = true;
        if (r.kind === 'categorical') full[i.code] = r.categories[0]!.value;
      }
      full.DG1 = 100;
      full.DG2 = 100;
      const [best] = scorePeerGroup(s, [{ unit: 'all', values: full }]);
      assert.equal(best!.total, 1000);
      assert.equal(best!.light, 'green');
      assert.deepEqual(validateValues(s, full), []);
      const [none] = scorePeerGroup(s, [{ unit: 'none', values: {} }]);
      assert.equal(none!.total, 0);
    });
  });
}

it('SHIPPED_SETS lists the two files', () => assert.deepEqual(Object.keys(SHIPPED_SETS), ['2025-communes', '2025-departments']));
