import { test } from 'node:test';
import assert from 'node:assert/strict';
import { eligibility, normaliseCode, windowState } from './rules.ts';

const child = (birthDate: string, finishedGrade5 = false) => ({ birthDate, finishedGrade5 });

test('grade 1 takes children turning 6 in the school year’s first calendar year, born any day of that year', () => {
  assert.deepEqual(eligibility('grade1', 2026, child('2020-01-01')), { ok: true });
  assert.deepEqual(eligibility('grade1', 2026, child('2020-12-31')), { ok: true });
  assert.deepEqual(eligibility('grade1', 2026, child('2019-12-31')), { ok: false, reason: 'age' });
  assert.deepEqual(eligibility('grade1', 2026, child('2021-01-01')), { ok: false, reason: 'age' });
});

test('kindergarten takes children turning 5; grade 6 those who finished grade 5, whatever their age', () => {
  assert.deepEqual(eligibility('kindergarten', 2026, child('2021-06-15')), { ok: true });
  assert.deepEqual(eligibility('kindergarten', 2026, child('2020-06-15')), { ok: false, reason: 'age' });
  assert.deepEqual(eligibility('grade6', 2026, child('2014-03-01', true)), { ok: true });
  assert.deepEqual(eligibility('grade6', 2026, child('2015-03-01', false)), { ok: false, reason: 'grade5' });
});

test('a round is open from its opening second until just before its closing second', () => {
  const round = { opensAt: new Date('2026-07-01T01:00:00Z'), closesAt: new Date('2026-07-03T10:00:00Z') };
  assert.equal(windowState(round, new Date('2026-07-01T00:59:59Z')), 'upcoming');
  assert.equal(windowState(round, new Date('2026-07-01T01:00:00Z')), 'open');
  assert.equal(windowState(round, new Date('2026-07-03T09:59:59Z')), 'open');
  assert.equal(windowState(round, new Date('2026-07-03T10:00:00Z')), 'closed');
});

test('codes typed from paper forgive case, spaces and dashes', () => {
  assert.equal(normaliseCode(' l1hk-26an 01 '), 'L1HK26AN01');
});
