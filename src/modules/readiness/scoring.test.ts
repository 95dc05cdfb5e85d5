import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { lightOf, peerBest, scoreUnit, validateValues, type UnitValues } from './scoring.ts';
import { loadSet } from './sets.ts';
import { tinySet } from './testing.ts';

const set = loadSet(tinySet());
const one = (values: UnitValues, code: string, best = new Map<string, number>()) => {
  const s = scoreUnit(set, { unit: 'U', values }, best).indicators.find((i) => i.code === code)!;
  return { points: s.points, flags: s.flags, value: s.value };
};

describe('steps: meetings ≥ 4 → 20, 3 → 15, 2 → 10, 1 → 5, else 0 (INDICATORS.md §3)', () => {
  const cases: [number, number][] = [[7, 20], [4, 20], [3.99, 15], [3, 15], [2, 10], [1, 5], [0.5, 0], [0, 0], [-2, 0]];
  for (const [v, want] of cases) it(`${v} → ${want}`, () => assert.deepEqual(one({ MEET: v }, 'MEET'), { points: want, flags: [], value: v }));
  it('a text where a number is due scores 0, flagged', () => assert.deepEqual(one({ MEET: '4' }, 'MEET').flags, ['wrong-type']));
});

describe('ratio: a / b × max, capped, b = 0 handled', () => {
  const cases: [UnitValues, string, number, string[]][] = [
    [{ trained: 30, staff: 40 }, 'TRAIN', 7.5, []],
    [{ trained: 40, staff: 40 }, 'TRAIN', 10, []],
    [{ trained: 1, staff: 3 }, 'TRAIN', 3.33, []],
    [{ trained: 50, staff: 40 }, 'TRAIN', 10, ['clamped']], // above 100%: capped and flagged
    [{ trained: 0, staff: 0 }, 'TRAIN', 0, ['zero-denominator']], // whenZero: zero (default)
    [{ onTime: 0, received: 0 }, 'ONTIME', 10, ['zero-denominator']], // whenZero: full — no dossier to be late
    [{ onTime: 9, received: 10 }, 'ONTIME', 9, []],
    [{ staff: 40 }, 'TRAIN', 0, ['missing']],
  ];
  for (const [values, code, want, flags] of cases) it(`${code} ${JSON.stringify(values)} → ${want}`, () => {
    const r = one(values, code);
    assert.equal(r.points, want);
    assert.deepEqual(r.flags, flags);
  });
  it('a missing part is named', () => {
    const s = scoreUnit(set, { unit: 'U', values: {} }).indicators.find((i) => i.code === 'TRAIN')!;
    assert.deepEqual(s.missing, ['trained', 'staff']);
  });
});

describe('relative: value ÷ best of the peer group × max', () => {
  const peers: UnitValues[] = [{ PAGES: 40 }, { PAGES: 10 }, { PAGES: 25 }, {}, { PAGES: 'many' }];
  const best = peerBest(set, peers);
  it('the best is the largest reported number', () => assert.equal(best.get('PAGES'), 40));
  const cases: [number, number][] = [[40, 10], [10, 2.5], [25, 6.25], [0, 0]];
  for (const [v, want] of cases) it(`${v} of best 40 → ${want}`, () => assert.equal(one({ PAGES: v }, 'PAGES', best).points, want));
  it('best = 0 (nobody did anything): 0 points, flagged', () => {
    const zero = peerBest(set, [{ PAGES: 0 }, { PAGES: 0 }]);
    assert.deepEqual(one({ PAGES: 0 }, 'PAGES', zero), { points: 0, flags: ['no-best'], value: 0 });
  });
  it('a value above the best given (stale peers) is clamped', () => assert.deepEqual(one({ PAGES: 80 }, 'PAGES', best).flags, ['clamped']));
});

describe('categorical: category → points or share of max', () => {
  const cases: [string, number, string[]][] = [['chairman', 10, []], ['deputy', 5, []], ['none', 0, []], ['secretary', 0, ['unknown-category']]];
  for (const [v, want, flags] of cases) it(`${v} → ${want}`, () => {
    const r = one({ CHAIR: v }, 'CHAIR');
    assert.equal(r.points, want);
    assert.deepEqual(r.flags, flags);
  });
  it('a number is the wrong type', () => assert.deepEqual(one({ CHAIR: 1 }, 'CHAIR').flags, ['wrong-type']));
});

describe('boolean: yes → max', () => {
  it('yes → 10', () => assert.equal(one({ PORTAL: true }, 'PORTAL').points, 10));
  it('no → 0', () => assert.deepEqual(one({ PORTAL: false }, 'PORTAL'), { points: 0, flags: [], value: false }));
  it('"yes" as text is the wrong type', () => assert.deepEqual(one({ PORTAL: 'yes' }, 'PORTAL').flags, ['wrong-type']));
});

describe('formula: over other values, computed in dependency order', () => {
  it('NET = min(10, networked / computers × 10)', () => assert.equal(one({ networked: 15, computers: 20 }, 'NET').points, 7.5));
  it('COMBO reads NET, listed after it: MEET / 4 × 10 + NET', () => assert.equal(one({ MEET: 2, networked: 15, computers: 20 }, 'COMBO').points, 12.5));
  it('above the max: clamped to 20 and flagged', () => assert.deepEqual(one({ MEET: 6, networked: 20, computers: 20 }, 'COMBO'), { points: 20, flags: ['clamped'], value: 25 }));
  it('division by zero: 0, flagged', () => assert.deepEqual(one({ networked: 0, computers: 0 }, 'NET'), { points: 0, flags: ['division-by-zero'], value: null }));
  it('refers to a missing value: 0, flagged missing with the codes (through NET)', () => {
    const s = scoreUnit(set, { unit: 'U', values: { MEET: 4 } }).indicators.find((i) => i.code === 'COMBO')!;
    assert.deepEqual([s.points, s.flags, s.missing], [0, ['missing'], ['NET']]);
  });
  it('below zero: clamped to 0 and flagged', () => {
    const raw = tinySet();
    raw.indicators.find((i) => i.code === 'NET')!.rule = { kind: 'formula', expression: 'networked - computers' };
    const s = scoreUnit(loadSet(raw), { unit: 'U', values: { networked: 3, computers: 9 } }).indicators.find((i) => i.code === 'NET')!;
    assert.deepEqual([s.points, s.value, s.flags], [0, -6, ['clamped']]);
  });
});

describe('a whole unit: missing values, explanations, subtotals, lights', () => {
  const full: UnitValues = { MEET: 3, trained: 30, staff: 40, onTime: 9, received: 10, CHAIR: 'deputy', PAGES: 20, PORTAL: true, networked: 15, computers: 20 };
  const s = scoreUnit(set, { unit: 'U', values: full, explanations: { PAGES: 'ignored: the value is there' } }, new Map([['PAGES', 40]]));
  it('subtotals per group and the total', () => {
    // G1: 15 + 7.5 + 9 + 5 + 5 = 41.5; G2: 10 + (7.5 + 7.5) + 7.5 = 32.5
    assert.deepEqual(s.groups.map((g) => [g.code, g.points, g.light]), [['G1', 41.5, 'amber'], ['G2', 32.5, 'green']]);
    assert.equal(s.total, 74);
    assert.equal(s.light, 'amber');
  });
  it('an explanation is kept only for a missing value', () => assert.equal(s.indicators.find((i) => i.code === 'PAGES')!.explanation, undefined));
  it('nothing entered: every indicator 0 and flagged, explanations attached', () => {
    const e = scoreUnit(set, { unit: 'U', values: {}, explanations: { MEET: 'Ban chỉ đạo thành lập tháng 12' } });
    assert.equal(e.total, 0);
    assert.equal(e.light, 'red');
    const flagged = e.indicators.filter((i) => i.flags.includes('missing')).map((i) => i.code);
    assert.deepEqual(flagged, ['MEET', 'TRAIN', 'ONTIME', 'CHAIR', 'PAGES', 'PORTAL', 'COMBO', 'NET']);
    assert.equal(e.indicators[0]!.explanation, 'Ban chỉ đạo thành lập tháng 12');
  });
  it('a code named like a prototype property is missing, not a function', () => {
    assert.deepEqual(one(Object.create({ MEET: 4 }) as UnitValues, 'MEET').flags, ['missing']);
  });
});

describe('traffic lights: thresholds as data', () => {
  const lights = { green: 0.8, amber: 0.5 };
  const cases: [number, string][] = [[1, 'green'], [0.8, 'green'], [0.7999, 'amber'], [0.5, 'amber'], [0.4999, 'red'], [0, 'red']];
  for (const [share, want] of cases) it(`${share} → ${want}`, () => assert.equal(lightOf(share, lights), want));
  it('other thresholds from the set', () => assert.equal(lightOf(0.8, { green: 0.9, amber: 0.8 }), 'amber'));
  it('per indicator', () => {
    const s = scoreUnit(set, { unit: 'U', values: { MEET: 3, CHAIR: 'deputy', PORTAL: false } });
    assert.deepEqual(['MEET', 'CHAIR', 'PORTAL'].map((c) => s.indicators.find((i) => i.code === c)!.light), ['amber', 'amber', 'red']);
  });
});

describe('validation rules between values', () => {
  const cases: [UnitValues, string[]][] = [
    [{ trained: 30, staff: 40, networked: 10, computers: 10, onTime: 5, received: 5 }, []],
    [{ trained: 41, staff: 40 }, ['V_TRAINED']],
    [{ networked: 11, computers: 10, onTime: 6, received: 5 }, ['V_NETWORKED', 'V_SHARE']],
    [{ trained: 41 }, []], // staff not typed yet: not judged
    [{ onTime: 1, received: 0 }, []], // share undefined (÷ 0): not judged
  ];
  for (const [values, want] of cases) it(`${JSON.stringify(values)} breaks ${JSON.stringify(want)}`, () => assert.deepEqual(validateValues(set, values).map((b) => b.code), want));
  it('a broken rule carries both sides and its message', () => {
    assert.deepEqual(validateValues(set, { trained: 41, staff: 40 })[0], {
      code: 'V_TRAINED', left: 41, op: '≤', right: 40, message: { vi: 'Số được bồi dưỡng không vượt số cán bộ', en: 'Trained staff cannot exceed staff' },
    });
  });
  it('every operator', () => {
    const raw = tinySet();
    raw.validations = (['<', '=', '≥', '>'] as const).map((op) => ({ code: `V${op.charCodeAt(0)}`, left: 'staff', op, right: '10', message: { vi: op, en: op } })) as typeof raw.validations;
    const broken = (staff: number) => validateValues(loadSet(raw), { staff }).map((b) => b.op);
    assert.deepEqual(broken(10), ['<', '>']);
    assert.deepEqual(broken(9), ['=', '≥', '>']);
    assert.deepEqual(broken(11), ['<', '=']);
  });
});
