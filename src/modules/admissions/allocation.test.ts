// The allocation rules (docs/admission-lottery.md §1) as a parent or the education office sees them: who is
// admitted where, and the reason in words.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { allocate, AllocationInputError, type AdmissionApplication, type AllocationInput, type Allocation } from './allocation.ts';
import { drawHash, drawOrder } from './lottery.ts';

const SEED = 'TS2026-L1-HN';
const numbered = (prefix: string, n: number): string[] => Array.from({ length: n }, (_, i) => `${prefix}-${String(i + 1).padStart(2, '0')}`);
const inside = (no: string, school: string, catchment: string[] = [school]): AdmissionApplication => ({ applicationNo: no, childId: `child-${no}`, chosenSchool: school, inCatchment: true, catchmentSchools: catchment });
const outside = (no: string, school: string, group: number, catchment: string[] = []): AdmissionApplication => ({ applicationNo: no, childId: `child-${no}`, chosenSchool: school, inCatchment: false, catchmentSchools: catchment, priorityGroup: group });
const outcome = (a: Allocation, no: string): [string | null, string] => {
  const p = a.placements.find((x) => x.applicationNo === no);
  assert.ok(p, `a placement for ${no}`);
  return [p.admittedSchool, p.text.en];
};
const admittedAt = (a: Allocation, school: string): string[] => a.placements.filter((p) => p.admittedSchool === school).map((p) => p.applicationNo);

// School A, 20 places: 5 in catchment, 3 in priority group 1, 40 in group 2 for the 12 places left, 5 in group 3.
const oversubscribed = (seed = SEED): AllocationInput => ({
  seed,
  schools: [{ id: 'A', places: 20 }],
  applications: [
    ...numbered('IN', 5).map((no) => inside(no, 'A')),
    ...numbered('G1', 3).map((no) => outside(no, 'A', 1)),
    ...numbered('G2', 40).map((no) => outside(no, 'A', 2)),
    ...numbered('G3', 5).map((no) => outside(no, 'A', 3)),
  ],
});
// Computed once from the definition and kept: the same seed must give these twelve in every version.
const G2_WINNERS = ['G2-08', 'G2-09', 'G2-10', 'G2-11', 'G2-12', 'G2-14', 'G2-19', 'G2-25', 'G2-32', 'G2-33', 'G2-36', 'G2-38'];

// Catchment overflow: A has 2 places for 4 in-catchment children who also belong to B and C (2 places each).
const overflowing: AllocationInput = {
  seed: SEED,
  schools: [{ id: 'A', places: 2 }, { id: 'B', places: 2 }, { id: 'C', places: 2 }],
  applications: numbered('K', 4).map((no) => inside(no, 'A', ['A', 'B', 'C'])),
};

const cases: { name: string; input: AllocationInput; expect: (a: Allocation) => void }[] = [
  {
    name: 'a priority group that fits is admitted whole',
    input: { seed: SEED, schools: [{ id: 'A', places: 5 }], applications: [inside('I1', 'A'), inside('I2', 'A'), outside('O1', 'A', 1), outside('O2', 'A', 1), outside('O3', 'A', 2)] },
    expect: (a) => {
      assert.deepEqual(outcome(a, 'I1'), ['A', 'In catchment']);
      assert.deepEqual(outcome(a, 'O2'), ['A', 'Priority group 1']);
      assert.deepEqual(outcome(a, 'O3'), ['A', 'Priority group 2']);
      assert.equal(a.placements.find((p) => p.applicationNo === 'O3')?.text.vi, 'Nhóm ưu tiên 2');
      assert.deepEqual(a.schools, [{ id: 'A', places: 5, admitted: 5, left: 0 }]);
      assert.deepEqual(a.draws, [], 'no lottery where everyone fits');
    },
  },
  {
    name: 'an oversubscribed group is decided by the lottery, reproducibly',
    input: oversubscribed(),
    expect: (a) => {
      const g2 = numbered('G2', 40);
      assert.deepEqual(admittedAt(a, 'A'), [...numbered('G1', 3), ...G2_WINNERS, ...numbered('IN', 5)]);
      assert.deepEqual(G2_WINNERS, drawOrder(SEED, g2).slice(0, 12).map((e) => e.applicationNo).sort(), 'the winners are ranks 1–12 of the draw anyone recomputes');
      const fourteenth = drawOrder(SEED, g2)[13]?.applicationNo ?? '';
      assert.deepEqual(outcome(a, fourteenth), [null, 'Priority group 2, lottery rank 14 of 40 for 12 places']);
      assert.equal(a.placements.find((p) => p.applicationNo === fourteenth)?.text.vi, 'Nhóm ưu tiên 2, bốc thăm xếp thứ 14/40 cho 12 chỗ');
      assert.deepEqual(outcome(a, G2_WINNERS[0] ?? ''), ['A', `Priority group 2, lottery rank ${drawOrder(SEED, g2).findIndex((e) => e.applicationNo === G2_WINNERS[0]) + 1} of 40 for 12 places`]);
      assert.deepEqual(outcome(a, 'G3-05'), [null, 'School full (priority group 3)']);
      assert.deepEqual(a.draws.map((d) => [d.stage, d.school, d.group, d.places, d.applicationNos.length]), [['priority', 'A', 2, 12, 40]]);
      assert.deepEqual(allocate(oversubscribed()), a, 'the same input gives the same result');
    },
  },
  {
    name: 'in-catchment children are admitted even when out-of-catchment demand is huge',
    input: { seed: SEED, schools: [{ id: 'A', places: 10 }], applications: [...numbered('OUT', 99).map((no) => outside(no, 'A', 1)), ...numbered('IN', 10).map((no) => inside(no, 'A'))] },
    expect: (a) => {
      assert.deepEqual(admittedAt(a, 'A'), numbered('IN', 10));
      for (const no of numbered('OUT', 99)) assert.deepEqual(outcome(a, no), [null, 'School full (priority group 1)']);
    },
  },
  {
    name: 'catchment overflow: the chosen school is full, the child goes to the catchment school with most places left',
    input: overflowing,
    expect: (a) => {
      const stay = drawOrder(SEED, numbered('K', 4));
      assert.deepEqual(admittedAt(a, 'A'), stay.slice(0, 2).map((e) => e.applicationNo).sort());
      const moved = stay.slice(2).map((e) => e.applicationNo);
      // B and C both have 2 left: the first in the overflow draw goes to B (lower id), the next to C (2 left > 1).
      const [first, second] = drawOrder(SEED, moved).map((e) => e.applicationNo);
      const rankOf = (no: string | undefined): number => (stay.find((e) => e.applicationNo === no)?.rank ?? 0);
      assert.deepEqual(outcome(a, first ?? ''), ['B', `In catchment; the chosen school is full (lottery rank ${rankOf(first)} of 4 for 2 places), placed at another catchment school with places`]);
      assert.deepEqual(outcome(a, second ?? '')[0], 'C');
      assert.deepEqual(a.draws.map((d) => d.stage), ['catchment', 'overflow']);
    },
  },
  {
    name: 'every catchment school full: not admitted, and the reason says the office must act',
    input: { seed: SEED, schools: [{ id: 'A', places: 1 }, { id: 'B', places: 0 }], applications: [inside('K1', 'A', ['A', 'B']), inside('K2', 'A', ['A', 'B'])] },
    expect: (a) => {
      const loser = drawOrder(SEED, ['K1', 'K2'])[1]?.applicationNo ?? '';
      assert.deepEqual(outcome(a, loser), [null, 'In catchment, but every catchment school is full (lottery rank 2 of 2 for 1 place); the education office will find a place']);
    },
  },
  {
    name: 'a child who misses an out-of-catchment school returns to a catchment school with places',
    input: { seed: SEED, schools: [{ id: 'A', places: 1 }, { id: 'B', places: 0 }], applications: [outside('X', 'B', 1, ['A']), outside('Y', 'B', 1)] },
    expect: (a) => {
      assert.deepEqual(outcome(a, 'X'), ['A', 'Not admitted at the chosen school (school full (priority group 1)); placed at a catchment school with places']);
      assert.deepEqual(outcome(a, 'Y'), [null, 'School full (priority group 1)']);
    },
  },
  {
    name: 'the return uses only places the catchment did not take',
    input: { seed: SEED, schools: [{ id: 'A', places: 1 }, { id: 'B', places: 0 }], applications: [outside('X', 'B', 1, ['A']), inside('Z', 'A')] },
    expect: (a) => {
      assert.deepEqual(outcome(a, 'Z'), ['A', 'In catchment']);
      assert.deepEqual(outcome(a, 'X'), [null, 'School full (priority group 1)']);
    },
  },
];

for (const c of cases) test(c.name, () => c.expect(allocate(c.input)));

test('the order of schools, applications and catchment lists does not change the result', () => {
  const mix = (input: AllocationInput): AllocationInput => ({
    seed: input.seed,
    schools: [...input.schools].reverse(),
    applications: [...input.applications]
      .sort((x, y) => drawHash('shuffle', x.applicationNo).localeCompare(drawHash('shuffle', y.applicationNo)))
      .map((a) => ({ ...a, catchmentSchools: [...a.catchmentSchools].reverse() })),
  });
  const combined: AllocationInput = { seed: SEED, schools: [...oversubscribed().schools.map((s) => ({ ...s, id: 'D' })), ...overflowing.schools], applications: [...oversubscribed().applications.map((a) => ({ ...a, chosenSchool: 'D', catchmentSchools: a.inCatchment ? ['D'] : [] })), ...overflowing.applications] };
  for (const input of [oversubscribed(), overflowing, combined]) {
    assert.notDeepEqual(mix(input).applications, input.applications, 'the mixed input is really in another order');
    assert.deepEqual(allocate(mix(input)), allocate(input));
  }
});

test('changing one character of the seed changes who wins the lottery', () => {
  const winners = (seed: string): string[] => allocate(oversubscribed(seed)).placements.filter((p) => p.reason.code === 'lottery_won').map((p) => p.applicationNo);
  assert.deepEqual(winners(SEED), G2_WINNERS);
  assert.notDeepEqual(winners('TS2026-L1-HM'), G2_WINNERS);
  // printf '%s' 'TS2026-L1-HN' | sha256sum: the value published before the draw.
  assert.equal(allocate(oversubscribed()).commitment, '0f831440c9acc93b1bdeca09dfa1ecafee5b14da7aff42aa77350e4925190362');
});

test('input the rules are not defined for is refused', () => {
  const bad: [string, AllocationInput, RegExp][] = [
    ['unknown school', { seed: SEED, schools: [{ id: 'A', places: 1 }], applications: [inside('I1', 'Z')] }, /unknown school Z/],
    ['flag against the catchment list', { seed: SEED, schools: [{ id: 'A', places: 1 }], applications: [{ ...inside('I1', 'A'), catchmentSchools: [] }] }, /inCatchment disagrees/],
    ['out of catchment without a group', { seed: SEED, schools: [{ id: 'A', places: 1 }], applications: [{ ...outside('O1', 'A', 1), priorityGroup: null }] }, /needs a priority group/],
    ['two applications for one child', { seed: SEED, schools: [{ id: 'A', places: 2 }], applications: [inside('I1', 'A'), { ...inside('I2', 'A'), childId: 'child-I1' }] }, /another application/],
    ['repeated application number', { seed: SEED, schools: [{ id: 'A', places: 2 }], applications: [inside('I1', 'A'), { ...inside('I1', 'A'), childId: 'c2' }] }, /more than once/],
    ['negative places', { seed: SEED, schools: [{ id: 'A', places: -1 }], applications: [] }, /places/],
    ['empty seed', { seed: '', schools: [], applications: [] }, /seed/],
  ];
  for (const [name, input, message] of bad) assert.throws(() => allocate(input), (err: unknown) => err instanceof AllocationInputError && message.test(err.message), name);
});
