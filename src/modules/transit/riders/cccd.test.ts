// The CCCD number's structure against the date of birth (Decree 137/2015, Circular 59/2021 Art. 7) and the 60th birthday.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { birthdayAt, cccdMediaKey, checkCccd } from './cccd.ts';

test('a number agrees with the date of birth: province, century/sex digit, two year digits', () => {
  assert.deepEqual(checkCccd('001064012345', '1964-05-20'), { ok: true }, 'Hà Nội, man born in the 20th century, 1964');
  assert.deepEqual(checkCccd('079165000001', '1965-01-01'), { ok: true }, 'Hồ Chí Minh City, woman, 20th century');
  assert.deepEqual(checkCccd('001305123456', '2005-03-03'), { ok: true }, 'woman born in 2005: digit 3');
  assert.deepEqual(checkCccd('001264012345', '1964-05-20'), { ok: false, reason: 'century' }, 'digit 2 means born 2000–2099');
  assert.deepEqual(checkCccd('001065012345', '1964-05-20'), { ok: false, reason: 'year' });
  assert.deepEqual(checkCccd('003064012345', '1964-05-20'), { ok: false, reason: 'province' }, '003 is no province code');
  assert.deepEqual(checkCccd('00106401234', '1964-05-20'), { ok: false, reason: 'format' });
  assert.deepEqual(checkCccd('00106401234a', '1964-05-20'), { ok: false, reason: 'format' });
  assert.deepEqual(checkCccd('001064012345', '1964-02-30'), { ok: false, reason: 'birth_date' });
});

test('the 60th birthday; 29 February falls on 1 March in a common year', () => {
  assert.equal(birthdayAt('1964-05-20', 60), '2024-05-20');
  assert.equal(birthdayAt('1964-02-29', 60), '2024-02-29');
  assert.equal(birthdayAt('1966-02-28', 60), '2026-02-28');
  assert.equal(birthdayAt('1968-02-29', 61), '2029-03-01');
});

test('the stored key is a keyed hash: another key gives another value, and the number is not in it', () => {
  const a = cccdMediaKey(Buffer.alloc(32, 1), '001064012345');
  assert.match(a, /^[0-9a-f]{64}$/);
  assert.notEqual(a, cccdMediaKey(Buffer.alloc(32, 2), '001064012345'));
  assert.ok(!a.includes('001064012345'));
});
