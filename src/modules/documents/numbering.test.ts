import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatNumber, issuerAbbreviation, notationFor, numberNotation, parseNumberNotation } from './numbering.ts';

test('numbers below 10 take a leading zero (Decree 30 Appendix I)', () => {
  assert.equal(formatNumber(5), '05');
  assert.equal(formatNumber(10), '10');
  assert.equal(numberNotation(125, 'UBND-VP'), '125/UBND-VP');
});

test('a decision is numbered QĐ-UBND, an official letter UBND-<drafting unit>', () => {
  const ward = { kind: 'commune_committee' as const, shortName: 'UBND', name: 'Ủy ban nhân dân phường Hoàn Kiếm' };
  const justice = { kind: 'department' as const, shortName: 'STP', name: 'Sở Tư pháp' };
  assert.equal(numberNotation(5, notationFor('QĐ', issuerAbbreviation(ward), 'VP')), '05/QĐ-UBND');
  assert.equal(numberNotation(125, notationFor('CV', issuerAbbreviation(ward), 'VP')), '125/UBND-VP');
  assert.equal(notationFor('KH', issuerAbbreviation(justice), ''), 'KH-STP');
  assert.equal(issuerAbbreviation({ kind: 'department', shortName: null, name: 'Sở Nội vụ' }), 'SNV');
});

test('number and notation typed by a clerk are read back, or refused', () => {
  assert.deepEqual(parseNumberNotation(' 125 / UBND-VP '), { number: 125, notation: 'UBND-VP' });
  assert.deepEqual(parseNumberNotation('05/QĐ-UBND'), { number: 5, notation: 'QĐ-UBND' });
  assert.deepEqual(parseNumberNotation('12/2025/NĐ-CP'), { number: 12, notation: '2025/NĐ-CP' });
  for (const bad of ['', 'UBND-VP', '0/QĐ', '12/', 'abc/def', '1234567/X']) assert.equal(parseNumberNotation(bad), null, bad);
});
