import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { rankScores, scorePeerGroup, strongestWeakest } from './ranking.ts';
import { scoreUnit, type UnitScore } from './scoring.ts';
import { loadSet } from './sets.ts';
import { tinySet } from './testing.ts';

const set = loadSet(tinySet());
const totals = (pairs: [string, number][]): UnitScore[] => pairs.map(([unit, total]) => ({ ...scoreUnit(set, { unit, values: {} }), total }));

describe('ranking: ties share a rank (1, 1, 3)', () => {
  const cases: [string, [string, number][], [string, number][]][] = [
    ['distinct', [['a', 50], ['b', 70], ['c', 60]], [['b', 1], ['c', 2], ['a', 3]]],
    ['tie at the top', [['a', 80], ['b', 80], ['c', 60]], [['a', 1], ['b', 1], ['c', 3]]],
    ['tie in the middle', [['a', 90], ['c', 70], ['b', 70], ['d', 10]], [['a', 1], ['b', 2], ['c', 2], ['d', 4]]],
    ['all equal', [['x', 0], ['y', 0], ['z', 0]], [['x', 1], ['y', 1], ['z', 1]]],
    ['one unit', [['a', 5]], [['a', 1]]],
  ];
  for (const [name, input, want] of cases) it(name, () => assert.deepEqual(rankScores(totals(input)).map((r) => [r.unit, r.rank]), want));
});

describe('scorePeerGroup: relative indicators against the group’s best', () => {
  const ranked = scorePeerGroup(set, [
    { unit: 'ward-a', values: { MEET: 4, PAGES: 10, PORTAL: true } }, // 20 + 2.5 + 10 + COMBO missing NET → 0
    { unit: 'ward-b', values: { MEET: 4, PAGES: 40, PORTAL: true } }, // 20 + 10 + 10 = 40
    { unit: 'ward-c', values: { MEET: 2, PAGES: 40, PORTAL: false, networked: 10, computers: 10 } }, // 10 + 10 + 0 + 15 + 10 = 45
    { unit: 'ward-d', values: { MEET: 4, PAGES: 40, PORTAL: true } }, // = ward-b
  ]);
  it('totals and ranks', () => {
    assert.deepEqual(ranked.map((r) => [r.unit, r.total, r.rank]), [['ward-c', 45, 1], ['ward-b', 40, 2], ['ward-d', 40, 2], ['ward-a', 32.5, 4]]);
  });
  it('the relative indicator uses the best of the whole group (40)', () => {
    assert.equal(ranked.find((r) => r.unit === 'ward-a')!.indicators.find((i) => i.code === 'PAGES')!.points, 2.5);
  });
});

describe('strongest and weakest indicators by score / max', () => {
  const s = scoreUnit(set, { unit: 'U', values: { MEET: 3, trained: 40, staff: 40, CHAIR: 'deputy', PORTAL: true, networked: 5, computers: 20, onTime: 1, received: 10 } });
  const { strongest, weakest } = strongestWeakest(s, 3);
  it('strongest: full shares first, the heavier first', () => assert.deepEqual(strongest.map((i) => [i.code, i.share]), [['PORTAL', 1], ['TRAIN', 1], ['MEET', 0.75]]));
  it('weakest: zero shares first, the heavier first', () => assert.deepEqual(weakest.map((i) => [i.code, i.share]), [['PAGES', 0], ['ONTIME', 0.1], ['NET', 0.25]]));
  it('n larger than the set gives every indicator', () => assert.equal(strongestWeakest(s, 50).strongest.length, 8));
});
