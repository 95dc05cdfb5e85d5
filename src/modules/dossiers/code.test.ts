import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DOSSIER_CODE, dossierCode, isDossierCode, receiptDay } from './code.ts';

test('a dossier code is <13-character agency identifier>-YYMMDD-XXXX (Circular 01/2018 Art. 19)', () => {
  const code = dossierCode('000.04.51.H26', new Date('2026-02-13T03:00:00Z'), 7);
  assert.equal(code, '000.04.51.H26-260213-0007');
  assert.match(code, DOSSIER_CODE);
  assert.equal(dossierCode('000.00.20.H26', new Date('2026-02-13T03:00:00Z'), 9999), '000.00.20.H26-260213-9999');
  assert.throws(() => dossierCode('000.00.20.H26', new Date(), 0), RangeError);
  assert.throws(() => dossierCode('000.00.20.H26', new Date(), 10_000), RangeError);
  assert.equal(isDossierCode('000.00.20.H26-260213-0001'), true);
  assert.equal(isDossierCode('000.00.20.H26-260213-001'), false);
  assert.equal(isDossierCode('000.00.20.h26-260213-0001'), false);
});

test('the date in the code is the Vietnam date: 23:30 UTC is already the next day in Hà Nội', () => {
  const late = new Date('2026-03-01T23:30:00Z'); // 06:30 on 2 March in Vietnam
  assert.equal(receiptDay(late), '2026-03-02');
  assert.equal(dossierCode('000.00.20.H26', late, 1), '000.00.20.H26-260302-0001');
  // 16:59:59 UTC is 23:59:59 in Vietnam, still the same day; one second later the next.
  assert.equal(receiptDay(new Date('2026-03-01T16:59:59Z')), '2026-03-01');
  assert.equal(receiptDay(new Date('2026-03-01T17:00:00Z')), '2026-03-02');
  // New Year's Eve: 17:00 UTC on 31 Dec is 1 Jan in Vietnam.
  assert.equal(dossierCode('000.00.20.H26', new Date('2025-12-31T17:00:00Z'), 1), '000.00.20.H26-260101-0001');
});
