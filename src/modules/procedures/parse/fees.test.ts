import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseFees } from './fees.ts';

type Line = [string, number | null];
// [source text, [label, amount_dong][], problems] — strings as they appear in the national data, and free forms.
const CASES: [string, Line[], string[]][] = [
  ['Miễn phí', [['', 0]], []],
  ['Không', [['', 0]], []],
  ['Miễn lệ phí', [['', 0]], []],
  ['Lệ phí: 50.000 đồng', [['Lệ phí', 50_000]], []],
  ['100.000đ/lần', [['', 100_000]], []],
  ['Lệ phí: 5 triệu đồng/giấy phép', [['Lệ phí', 5_000_000]], []],
  ['Phí thẩm định: 1.500.000 đồng; Lệ phí cấp giấy: 200.000 đồng', [['Phí thẩm định', 1_500_000], ['Lệ phí cấp giấy', 200_000]], []],
  ['500,000 Việt Nam Đồng', [['', 500_000]], []],
  ['20,000 VNĐ', [['', 20_000]], []],
  ['10,000 Việt Nam Đồng(10.000 đồng/khẩu-chiếc.)', [['', 10_000]], []],
  ['70,000 VNĐ(70.000 đồng/Giấy chứng nhận)', [['', 70_000]], []],
  ['Miễn phí(Không quy định)', [['Không quy định', 0]], []],
  ['Miễn phí(Không có)', [['Không có', 0]], []],
  // "Miễn phí" is also written when the amount was only given in the description: the description wins.
  [
    'Miễn phí(- Lệ phí cấp giấy phép lái xe: 135.000 đồng/lần.  - Trường hợp tổ chức, cá nhân nộp hồ sơ theo hình thức trực tuyến: Kể từ ngày 01/12/2023 đến hết ngày 31/12/2025, áp dụng mức thu lệ phí là 115.000 đồng/lần cấp.)',
    [
      ['Lệ phí cấp giấy phép lái xe', 135_000],
      ['Trường hợp tổ chức, cá nhân nộp hồ sơ theo hình thức trực tuyến: Kể từ ngày 01/12/2023 đến hết ngày 31/12/2025, áp dụng mức thu lệ phí là', 115_000],
    ],
    [],
  ],
  // The structured amount is corrupt ("135 VNĐ" for 135.000 đồng, "120 VNĐ" for 20.000): the description wins.
  ['135 VNĐ(Lệ phí cấp giấy phép lái xe: 135.000 đồng/lần.)', [['Lệ phí cấp giấy phép lái xe', 135_000]], []],
  ['120 VNĐ(20.000 vnđ /tờ khai)', [['', 20_000]], []],
  ['20 VNĐ(20.000 đồng/lần.)', [['', 20_000]], []],
  ['25 VNĐ(25.000.000đ/giấy thông hành (áp dụng đến hết ngày 31/12/2026 theo Thông tư số 64/2025/TT-BTC ngày 30/6/2025 của Bộ Tài chính) / 50 VNĐ(50.000đ/giấy thông hành (Thông tư số 25/2021/TT-BTC ngày 07/4/2021 của Bộ Tài chính)', [['', 25_000_000], ['', 50_000]], []],
  ['1,000,000 VNĐ(* Theo quy định tại Thông tư 25/2022/TT-BTC ngày 28/4/2022: 02 triệu đồng/lần cấp.)', [['Theo quy định tại Thông tư 25/2022/TT-BTC ngày 28/4/2022', 2_000_000]], []],
  // Several entries: one line each.
  ['50,000 Việt Nam Đồng / 50,000 Việt Nam Đồng(- 50.000đ/tem “AB” (Thông tư số 25/2021/TT-BTC ngày 07/4/2021 của Bộ Tài chính)', [['', 50_000], ['', 50_000]], []],
  ['40 VNĐ(Lệ phí cấp giấy chứng nhận: 40.000 đồng/01 Giấy chứng nhận.) / Miễn phí', [['Lệ phí cấp giấy chứng nhận', 40_000], ['', 0]], []],
  // Not read: a small structured amount with no description, foreign currency, a fee set elsewhere.
  ['120 VNĐ', [['', null]], ['implausible amount']],
  ['100 USD(100 USD/thẻ.)', [['100 USD/thẻ.', null]], ['foreign currency']],
  ['Miễn phí(Theo quy định của Hội đồng nhân dân cấp tỉnh)', [['Theo quy định của Hội đồng nhân dân cấp tỉnh', null]], ['free, but the description names no amount']],
  ['Theo thỏa thuận', [['', null]], ['unrecognised']],
];

test('fees from the national data become lines of integer đồng', () => {
  for (const [text, lines, problems] of CASES) {
    const r = parseFees(text);
    assert.deepEqual(
      r.lines.map((l) => [l.label, l.amount_dong]),
      lines,
      text,
    );
    assert.deepEqual(r.problems, problems, text);
    assert.equal(r.empty, false);
    for (const l of r.lines) {
      assert.ok(l.amount_dong === null || Number.isInteger(l.amount_dong), 'amounts are whole đồng');
      assert.ok(l.text.length > 0);
    }
  }
});

test('no information gives no lines', () => {
  for (const text of ['Không có thông tin', '', null]) {
    const r = parseFees(text);
    assert.deepEqual([r.lines, r.empty, r.problems], [[], true, []]);
  }
});

test('the first unread line is given as the example for the report', () => {
  const r = parseFees('50,000 Việt Nam Đồng / 10 USD(10 USD/người)');
  assert.equal(r.sample, '10 USD(10 USD/người)');
});
