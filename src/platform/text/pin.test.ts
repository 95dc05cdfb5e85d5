import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parsePersonalId } from './pin.ts';
import { PIN_PROVINCES } from './provinces.ts';

const now = new Date('2025-06-01T00:00:00Z');

test('parses province, sex and year of birth', () => {
  assert.deepEqual(parsePersonalId('001203012345', { now }), {
    ok: true, personalId: '001203012345', provinceCode: '001', provinceName: 'Hà Nội', sex: 'male', birthYear: 2003,
  });
  const cases: [string, string, 'male' | 'female', number][] = [
    ['079185000001', 'Hồ Chí Minh', 'female', 1985],
    ['096099000001', 'Cà Mau', 'male', 1999],
    ['048300000001', 'Đà Nẵng', 'female', 2000],
    ['031000000001', 'Hải Phòng', 'male', 1900],
  ];
  for (const [id, provinceName, sex, birthYear] of cases) {
    const expected = { ok: true, personalId: id, provinceCode: id.slice(0, 3), provinceName, sex, birthYear };
    assert.deepEqual(parsePersonalId(id, { now }), expected);
  }
});

test('accepts surrounding spaces', () => {
  const result = parsePersonalId('  001203012345\n', { now });
  assert.equal(result.ok && result.personalId, '001203012345');
});

test('rejects wrong length, non-digits and inner spaces as PIN_FORMAT, with a message in both languages', () => {
  for (const bad of ['', '00120301234', '0012030123456', '00120301234a', '001 203 012 345', '００１２０３０１２３４５']) {
    const result = parsePersonalId(bad, { now });
    assert.equal(result.ok ? 'ok' : result.code, 'PIN_FORMAT', bad);
    assert.ok(!result.ok && result.message.vi.length > 0 && result.message.en.length > 0);
  }
});

test('rejects province codes that are not on the list', () => {
  for (const bad of ['000203012345', '003203012345', '097203012345', '999203012345']) {
    const result = parsePersonalId(bad, { now });
    assert.equal(result.ok ? 'ok' : result.code, 'PIN_PROVINCE', bad);
  }
});

test('rejects a year of birth after this year, counted in Vietnam time', () => {
  assert.equal(parsePersonalId('001225000001', { now }).ok, true);
  const future = parsePersonalId('001226000001', { now });
  assert.equal(future.ok ? 'ok' : future.code, 'PIN_FUTURE');
  assert.equal(parsePersonalId('001400000001', { now }).ok, false);
  // 31 Dec 2025 18:00 UTC is already 1 Jan 2026 in Hà Nội.
  assert.equal(parsePersonalId('001226000001', { now: new Date('2025-12-31T18:00:00Z') }).ok, true);
});

test('the province list has the 63 pre-2025 provinces with 3-digit codes', () => {
  const codes = Object.keys(PIN_PROVINCES);
  assert.equal(codes.length, 63);
  assert.ok(codes.every((c) => /^0\d\d$/.test(c)));
  assert.equal(new Set(Object.values(PIN_PROVINCES)).size, 63);
});
