import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseFees, type ChannelFee } from './fees.ts';
import type { FeeRule } from '../schema.ts';

/** The rules in short: [kind, channel, amount or percent, from, to], in the parser's order. */
const brief = (rules: FeeRule[]) => rules.map((r) => [r.kind, r.channel, r.amount_dong ?? r.percent, r.from, r.to]);

// Texts as the national data has them (one per channel: the entries of cach_thuc_chi_tiet).
const LICENCE =
  'Miễn phí(- Lệ phí cấp giấy phép lái xe: 135.000 đồng/lần.  - Trường hợp tổ chức, cá nhân nộp hồ sơ theo hình thức trực tuyến: Kể từ ngày 01/12/2023 đến hết ngày 31/12/2025, áp dụng mức thu lệ phí là 115.000 đồng/lần cấp.)';

test('3.000347: the standing 135.000 đồng and, online until 31/12/2025, 115.000 đồng: two alternatives, not a sum', () => {
  const r = parseFees(LICENCE, [
    { channel: 'online', fee: LICENCE, description: '' },
    { channel: 'direct', fee: LICENCE, description: '' },
  ]);
  assert.deepEqual(brief(r.rules), [
    ['amount', null, 135_000, null, null],
    ['amount', 'online', 115_000, '2023-12-01', '2025-12-31'],
  ]);
  assert.deepEqual([r.rules[0]?.per, r.rules[0]?.per_quantity], ['lần', false]);
  assert.deepEqual(r.problems, []);
});

test('"Nộp trực tiếp: 135.000 đồng" beside a time-limited online rate is the standing rate of every channel', () => {
  const text = 'Miễn phí(- Nộp trực tiếp: 135.000 đồng/lần.  - Trường hợp tổ chức, cá nhân nộp hồ sơ theo hình thức trực tuyến: Kể từ ngày 01/12/2023 đến hết ngày 31/12/2025, áp dụng mức thu lệ phí là 115.000 đồng/lần cấp.)';
  assert.deepEqual(brief(parseFees(text).rules), [
    ['amount', null, 135_000, null, null],
    ['amount', 'online', 115_000, '2023-12-01', '2025-12-31'],
  ]);
});

test('1.004222: each channel its own amount (10.000 đồng online, 20.000 đồng at the counter)', () => {
  const channels: ChannelFee[] = [
    { channel: 'online', fee: '10,000 Việt Nam Đồng(Trường hợp công dân nộp hồ sơ qua cổng dịch vụ công trực tuyến thu 10.000 đồng/lần đăng ký.)', description: '' },
    { channel: 'direct', fee: '20,000 Việt Nam Đồng(Trường hợp công dân thuộc diện được miễn phí theo quy định tại Điều 4 Thông tư số 75/2022/TT-BTC thì công dân phải xuất trình giấy tờ)', description: '' },
  ];
  assert.deepEqual(brief(parseFees('', channels).rules), [
    ['amount', 'online', 10_000, null, null],
    ['amount', 'direct', 20_000, null, null],
  ]);
});

test('time-limited rates of Circulars 64/2025 and 40/2026: a reduced amount, a percentage, an exemption', () => {
  const reduced = parseFees('20,000,000 Việt Nam Đồng((áp dụng mức phí 10.000.000 đồng/hồ sơ kể từ ngày 01/7/2025 đến hết ngày 31/12/2026 theo Thông tư số 64/2025/TT-BTC)');
  assert.deepEqual(brief(reduced.rules), [
    ['amount', null, 20_000_000, null, null],
    ['amount', null, 10_000_000, '2025-07-01', '2026-12-31'],
  ]);
  const half = parseFees('140,000,000 Việt Nam Đồng(Từ ngày 01/07/2025 đến hết ngày 31/12/2026, mức lệ phí bằng 50% mức phí nêu trên theo quy định tại Thông tư 64/2025/TT-BTC)');
  assert.deepEqual(brief(half.rules), [
    ['amount', null, 140_000_000, null, null],
    ['percent', null, 50, '2025-07-01', '2026-12-31'],
  ]);
  const exempt = parseFees('15,000,000 VNĐ(đồng/lần cấp (Miễn phí từ ngày 07/4/2026 đến 30/6/2026 theo quy định tại Thông tư 40/2026/TT-BTC)');
  assert.deepEqual(brief(exempt.rules), [
    ['amount', null, 15_000_000, null, null],
    ['free', null, null, '2026-04-07', '2026-06-30'],
  ]);
  assert.equal(exempt.rules[0]?.per, 'lần cấp');
  // The title of Circular 64/2025 ("… miễn một số khoản phí, lệ phí …") is no exemption: the rate is not stated.
  const cited = parseFees('7,500,000 Việt Nam Đồng(Phí : Đồng (Từ ngày 01/7/2025 đến hết ngày 31/12/2026 áp dụng theo quy định tại Thông tư số 64/2025/TT-BTC ngày 30/6/2025 của Bộ trưởng Bộ Tài chính quy định mức thu, miễn một số khoản phí, lệ phí nhằm hỗ trợ cho doanh nghiệp, người dân)');
  assert.deepEqual(brief(cited.rules), [
    ['amount', null, 7_500_000, null, null],
    ['text', null, null, '2025-07-01', '2026-12-31'],
  ]);
  assert.deepEqual(cited.problems, ['rate for a period not stated']);
});

test('cases, counts and the rest', () => {
  const cases = parseFees('Miễn phí(Lệ phí cấp mới 40.000đồng/lần; lệ phí cấp lại 20.000 đồng/lần.)');
  assert.deepEqual(
    cases.rules.map((r) => [r.case, r.amount_dong]),
    [
      ['Lệ phí cấp mới', 40_000],
      ['lệ phí cấp lại', 20_000],
    ],
  );
  const pages = parseFees('10 USD(/bản) / 2,000 Việt Nam Đồng(/trang)');
  assert.deepEqual(
    pages.rules.map((r) => [r.kind, r.amount_dong, r.per, r.per_quantity]),
    [
      ['text', null, null, false],
      ['amount', 2000, 'trang', true],
    ],
  );
  assert.deepEqual(pages.problems, ['foreign currency']);
  assert.equal(pages.sample, '10 USD(/bản)');
});

test('free, set elsewhere, corrupt: what becomes a text rule is reported', () => {
  const CASES: [string, string[], string[]][] = [
    ['Miễn phí', ['free'], []],
    ['Miễn phí(Không quy định)', ['free'], []],
    ['Không', ['free'], []],
    ['Lệ phí: 50.000 đồng', ['amount'], []],
    ['Phí thẩm định: 1.500.000 đồng; Lệ phí cấp giấy: 200.000 đồng', ['amount', 'amount'], []],
    ['Miễn phí(Theo quy định của Hội đồng nhân dân cấp tỉnh)', ['text'], ['free, but the description names no amount']],
    ['Miễn phí(Chưa quy định.)', ['text'], ['free, but the description names no amount']],
    ['120 VNĐ', ['text'], ['implausible amount']],
    ['1100 VNĐ', ['text'], ['implausible amount']],
    ['135 VNĐ(Lệ phí cấp giấy phép lái xe: 135.000 đồng/lần.)', ['amount'], []],
    ['100 USD(100 USD/thẻ.)', ['text'], ['foreign currency']],
    ['Theo thỏa thuận', ['text'], ['unrecognised']],
    // A time-limited rate 1.000 times the standing one is a typo of the source ("25.000.000đ" for 25.000 đồng).
    ['50,000 Việt Nam Đồng(- 50.000đ/giấy thông hành (Thông tư 25/2021)) / 50,000 Việt Nam Đồng(25.000.000đ/giấy thông hành (áp dụng đến hết ngày 31/12/2026))', ['amount', 'amount', 'text'], ['implausible amount']],
  ];
  for (const [text, kinds, problems] of CASES) {
    const r = parseFees(text);
    assert.deepEqual(
      r.rules.map((x) => x.kind),
      kinds,
      text,
    );
    assert.deepEqual(r.problems, problems, text);
    for (const x of r.rules) assert.ok(x.amount_dong === null || (Number.isInteger(x.amount_dong) && x.amount_dong >= 0), text);
  }
});

test('no information gives no rules', () => {
  for (const text of ['Không có thông tin', '', null]) {
    const r = parseFees(text);
    assert.deepEqual([r.rules, r.empty, r.problems], [[], true, []]);
  }
  assert.equal(parseFees('Miễn phí', [{ channel: 'online', fee: 'Không có thông tin', description: '' }]).rules[0]?.kind, 'free', 'channels that say nothing: the joined text');
});
