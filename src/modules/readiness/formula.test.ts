import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { evaluateFormula, FormulaError, formulaRefs, parseFormula } from './formula.ts';

const values: Record<string, number> = { A: 6, B: 3, C: 0, 'HR.staff': 40, x_1: 2.5 };
// Own properties only: a plain object would answer 'constructor' from its prototype.
const lookup = (c: string) => (Object.hasOwn(values, c) ? values[c] : undefined);
const run = (src: string) => evaluateFormula(parseFormula(src), lookup);

describe('formula: precedence, parentheses, functions', () => {
  const cases: [string, number][] = [
    ['1 + 2 * 3', 7],
    ['(1 + 2) * 3', 9],
    ['10 - 4 - 3', 3], // left-associative
    ['24 / 4 / 3', 2],
    ['2 * 3 + 4 * 5', 26],
    ['-A + 10', 4],
    ['- -A', 6],
    ['A - -B', 9],
    ['A × B ÷ 9', 2],
    ['A − B', 3],
    ['min(A, B, 10)', 3],
    ['MAX(A, B * 3)', 9],
    ['min(100, A / B * 50)', 100],
    ['HR.staff / 8 + x_1', 7.5],
    ['.5 * 4', 2],
    ['((((A))))', 6],
    ['max(min(A, 4), 2) * (B + 1)', 16],
  ];
  for (const [src, want] of cases) {
    it(`${src} = ${want}`, () => assert.deepEqual(run(src), { ok: true, value: want }));
  }
});

describe('formula: division by zero and missing values', () => {
  it('division by zero is reported, not Infinity', () => assert.deepEqual(run('A / C'), { ok: false, reason: 'division-by-zero' }));
  it('division by zero inside min is still reported', () => assert.deepEqual(run('min(1, B / (A - 6))'), { ok: false, reason: 'division-by-zero' }));
  it('every missing code is named, once', () => assert.deepEqual(run('A + Q + R * Q'), { ok: false, reason: 'missing', missing: ['Q', 'R'] }));
  it('a missing value wins over a division by zero', () => assert.deepEqual(run('Q / C'), { ok: false, reason: 'missing', missing: ['Q'] }));
});

describe('formula: refused input', () => {
  const bad: [string, RegExp, number][] = [
    ['1 +', /unexpected end/, 3],
    ['(1 + 2', /expected '\)'/, 6],
    ['1 + 2)', /unexpected '\)'/, 5],
    ['A B', /unexpected 'B'/, 2],
    ['pow(2, 3)', /unknown function 'pow'/, 0],
    ['process.exit(1)', /unknown function 'process.exit'/, 0],
    ['A ^ 2', /unexpected character '\^'/, 2],
    ['A; B', /unexpected character ';'/, 1],
    ['min()', /unexpected '\)'/, 4],
    ['', /unexpected end/, 0],
  ];
  for (const [src, msg, at] of bad) {
    it(JSON.stringify(src), () => {
      assert.throws(() => parseFormula(src), (e: unknown) => e instanceof FormulaError && msg.test(e.message) && e.at === at);
    });
  }
  it('refuses deep nesting and long input', () => {
    assert.throws(() => parseFormula('('.repeat(200) + '1' + ')'.repeat(200)), /nested too deeply/);
    assert.throws(() => parseFormula('1+'.repeat(1500) + '1'), /longer than/);
  });
  it('a code named like a JavaScript global is only a code', () => {
    assert.deepEqual(evaluateFormula(parseFormula('constructor + 1'), lookup), { ok: false, reason: 'missing', missing: ['constructor'] });
  });
});

describe('formulaRefs', () => {
  it('lists codes once, in order', () => assert.deepEqual(formulaRefs(parseFormula('min(B, A) + B * -C + 2')), ['B', 'A', 'C']));
});
