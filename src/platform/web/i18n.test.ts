// One way of writing dates and money in both languages (issue 9).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatDate, formatDateTime, formatIsoDay, formatMoney } from './i18n.ts';

test('dates are dd/mm/yyyy and HH:mm dd/mm/yyyy on the Vietnam clock, in both languages', () => {
  // 17:07 UTC on 4 March is already 00:07 on 5 March in Hà Nội.
  const at = new Date('2026-03-04T17:07:00Z');
  for (const lang of ['vi', 'en'] as const) {
    assert.equal(formatDate(lang, at), '05/03/2026');
    assert.equal(formatDateTime(lang, at), '00:07 05/03/2026');
  }
  assert.equal(formatDateTime('en', new Date('2026-12-31T09:30:00Z')), '16:30 31/12/2026', '24-hour clock');
  assert.equal(formatIsoDay('2026-03-05'), '05/03/2026');
});

test('money: "135.000 đ" in Vietnamese, "135,000 VND" in English', () => {
  assert.equal(formatMoney('vi', 135_000), '135.000 đ');
  assert.equal(formatMoney('en', 135_000), '135,000 VND');
  assert.equal(formatMoney('vi', 1_250_000), '1.250.000 đ');
  assert.equal(formatMoney('en', 500), '500 VND');
});
