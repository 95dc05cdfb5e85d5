// The one evaluation of fee rules (fees.ts), on rules read from real texts of the national data.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { feeFor } from './fees.ts';
import { parseFees } from './parse/fees.ts';

const v = (text: string) => ({ feeRules: parseFees(text).rules });

const LICENCE = v(
  'Miễn phí(- Lệ phí cấp giấy phép lái xe: 135.000 đồng/lần.  - Trường hợp tổ chức, cá nhân nộp hồ sơ theo hình thức trực tuyến: Kể từ ngày 01/12/2023 đến hết ngày 31/12/2025, áp dụng mức thu lệ phí là 115.000 đồng/lần cấp.)',
);

test('driving-licence renewal: 115.000 đồng online until 31/12/2025, 135.000 đồng after it and at the counter', () => {
  const at = (date: string, channel: 'online' | 'direct') => feeFor(LICENCE, { date, channel }).amountDong;
  assert.equal(at('2025-06-15', 'online'), 115_000);
  assert.equal(at('2025-12-31', 'online'), 115_000, 'the last day is in force');
  assert.equal(at('2026-01-01', 'online'), 135_000);
  assert.equal(at('2026-12-03', 'online'), 135_000);
  assert.equal(at('2025-06-15', 'direct'), 135_000);
  const q = feeFor(LICENCE, { date: '2026-12-03', channel: 'online' });
  assert.deepEqual(
    q.expired.map((r) => [r.amount_dong, r.to]),
    [[115_000, '2025-12-31']],
  );
  assert.deepEqual(q.upcoming, []);
  assert.equal(q.lines.length, 1);
});

test('a percentage is taken of the standing amount while in force; the standing amount before and after', () => {
  const half = v('140,000,000 Việt Nam Đồng(Từ ngày 01/07/2025 đến hết ngày 31/12/2026, mức lệ phí bằng 50% mức phí nêu trên theo quy định tại Thông tư 64/2025/TT-BTC)');
  assert.equal(feeFor(half, { date: '2026-12-03', channel: 'online' }).amountDong, 70_000_000);
  assert.equal(feeFor(half, { date: '2027-01-01', channel: 'online' }).amountDong, 140_000_000);
  const exempt = v('15,000,000 VNĐ(đồng/lần cấp (Miễn phí từ ngày 07/4/2026 đến 30/6/2026 theo quy định tại Thông tư 40/2026/TT-BTC)');
  assert.equal(feeFor(exempt, { date: '2026-05-01', channel: 'direct' }).amountDong, 0);
  const upcoming = feeFor(exempt, { date: '2026-01-01', channel: 'direct' });
  assert.deepEqual([upcoming.amountDong, upcoming.upcoming.length], [15_000_000, 1]);
});

test('cases with different amounts, a count of pages, a text rule: nothing to charge, settled at the counter', () => {
  const cases = v('Miễn phí(Lệ phí cấp mới 40.000đồng/lần; lệ phí cấp lại 20.000 đồng/lần.)');
  const q = feeFor(cases, { date: '2026-12-03', channel: 'online' });
  assert.equal(q.amountDong, null);
  assert.deepEqual(
    q.lines.map((l) => [l.case, l.amountDong]),
    [
      ['Lệ phí cấp mới', 40_000],
      ['lệ phí cấp lại', 20_000],
    ],
  );
  assert.equal(feeFor(cases, { date: '2026-12-03', channel: 'online', case: 'lệ phí cấp lại' }).amountDong, 20_000, 'a known case gets its amount');
  const pages = feeFor(v('2,000 Việt Nam Đồng(/trang)'), { date: '2026-12-03', channel: 'direct' });
  assert.deepEqual([pages.amountDong, pages.lines[0]?.amountDong, pages.lines[0]?.rule.per], [null, 2000, 'trang']);
  assert.equal(feeFor(v('Miễn phí(Theo quy định của Hội đồng nhân dân cấp tỉnh)'), { date: '2026-12-03', channel: 'online' }).amountDong, null);
});

test('free, and no fee stated: 0', () => {
  assert.deepEqual(
    [feeFor(v('Miễn phí'), { date: '2026-12-03', channel: 'online' }).amountDong, feeFor(v('Miễn phí'), { date: '2026-12-03', channel: 'online' }).stated],
    [0, true],
  );
  const none = feeFor(v('Không có thông tin'), { date: '2026-12-03', channel: 'online' });
  assert.deepEqual([none.amountDong, none.stated, none.lines], [0, false, []]);
});

test('rules written for another channel do not apply', () => {
  const perChannel = {
    feeRules: parseFees('', [
      { channel: 'online', fee: '10,000 Việt Nam Đồng(Trường hợp công dân nộp hồ sơ qua cổng dịch vụ công trực tuyến thu 10.000 đồng/lần đăng ký.)', description: '' },
      { channel: 'direct', fee: '20,000 Việt Nam Đồng', description: '' },
    ]).rules,
  };
  assert.equal(feeFor(perChannel, { date: '2026-12-03', channel: 'online' }).amountDong, 10_000);
  assert.equal(feeFor(perChannel, { date: '2026-12-03', channel: 'direct' }).amountDong, 20_000);
  assert.deepEqual(feeFor(perChannel, { date: '2026-12-03', channel: 'post' }), {
    date: '2026-12-03',
    channel: 'post',
    stated: false,
    amountDong: 0,
    lines: [],
    expired: [],
    upcoming: [],
  });
});
