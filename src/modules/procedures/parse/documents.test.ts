import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formFileStart, parseDocuments } from './documents.ts';

type Item = [string, number | null, number | null, string[]];
// [source text, [name, originals, copies, form files][]] — flattened tables as the national data holds them.
const CASES: [string, Item[]][] = [
  ['Tờ khai đăng ký1 bản chínhBản sao giấy tờ tùy thân1 bản sao', [['Tờ khai đăng ký', 1, 0, []], ['Bản sao giấy tờ tùy thân', 0, 1, []]]],
  [
    'Văn bản đề nghị hủy tài khoản điện tử (NA20).Mau NA20-BCA.docx1 bản chính',
    [['Văn bản đề nghị hủy tài khoản điện tử (NA20).', 1, 0, ['Mau NA20-BCA.docx']]],
  ],
  [
    'Đơn đề nghị cấp giấy phép chặt hạ, dịch chuyển cây xanh theo Mẫu số 01 Phụ lục I của Nghị định số 258/2025/NĐ-CPMẫu số 01.docx1 bản chínhẢnh chụp hiện trạng cây xanh đô thị cần chặt hạ, dịch chuyển0 bản chính,1 bản sao',
    [
      ['Đơn đề nghị cấp giấy phép chặt hạ, dịch chuyển cây xanh theo Mẫu số 01 Phụ lục I của Nghị định số 258/2025/NĐ-CP', 1, 0, ['Mẫu số 01.docx']],
      ['Ảnh chụp hiện trạng cây xanh đô thị cần chặt hạ, dịch chuyển', 0, 1, []],
    ],
  ],
  // A count runs into the digits that end a name: "… 2026" + "1 bản chính".
  ['Báo cáo tình hình hoạt động năm 20261 bản chính', [['Báo cáo tình hình hoạt động năm 2026', 1, 0, []]]],
  ['Giấy phép lao động cấp theo Nghị định 1161 bản chính01 bản lý lịch tóm tắt1 bản chính', [['Giấy phép lao động cấp theo Nghị định 116', 1, 0, []], ['01 bản lý lịch tóm tắt', 1, 0, []]]],
  ['Hợp đồng thuê nhà02 bản chính', [['Hợp đồng thuê nhà', 2, 0, []]]],
  ['Giấy khám sức khỏe1 bản chính,1 bản sao', [['Giấy khám sức khỏe', 1, 1, []]]],
  // "01 bản chính văn bản …" inside a row is its text, not a count; "(01 bản chính)" neither.
  [
    'Tờ khai đề nghị cấp thẻ ABTC (mẫu TK06) (1).pdf1 bản chính+ 01 bản chính văn bản cho phép sử dụng thẻ1 bản chính',
    [['Tờ khai đề nghị cấp thẻ ABTC (mẫu TK06) (1).pdf', 1, 0, ['Tờ khai đề nghị cấp thẻ ABTC (mẫu TK06) (1).pdf']], ['01 bản chính văn bản cho phép sử dụng thẻ', 1, 0, []]],
  ],
  // Several forms for one row.
  [
    'Bản khai chung theo mẫu.MauBankhaichung.docxMauDanhsachthuyenvien.docx1 bản chính',
    [['Bản khai chung theo mẫu.', 1, 0, ['MauBankhaichung.docx', 'MauDanhsachthuyenvien.docx']]],
  ],
  // Form file cut at ";" and after a legal number; a dot inside the file name does not cut it.
  [
    'Giấy giới thiệu của Cục Tổ chức cán bộ (Mẫu số 06);Mẫu 06.TT41.doc1 bản chính',
    [['Giấy giới thiệu của Cục Tổ chức cán bộ (Mẫu số 06)', 1, 0, ['Mẫu 06.TT41.doc']]],
  ],
  [
    'Báo cáo đánh giá rủi ro theo Nghị định số 43/2026/NĐ-CPBC tom tat. DG rui ro. MT, DDSH.docx1 bản chính',
    [['Báo cáo đánh giá rủi ro theo Nghị định số 43/2026/NĐ-CP', 1, 0, ['BC tom tat. DG rui ro. MT, DDSH.docx']]],
  ],
  [
    'Bản đồ khu vực thăm dò khoáng sảnMau 09-Phu luc II_37.2025.TT-BNNMT_02.7.2025.docx1 bản chính',
    [['Bản đồ khu vực thăm dò khoáng sản', 1, 0, ['Mau 09-Phu luc II_37.2025.TT-BNNMT_02.7.2025.docx']]],
  ],
];

test('required documents from the flattened tables of the national data', () => {
  for (const [text, items] of CASES) {
    const r = parseDocuments(text);
    assert.deepEqual(
      r.items.map((i) => [i.name, i.originals, i.copies, i.form_files]),
      items,
      text,
    );
    for (const i of r.items) assert.equal(i.form_file, i.form_files[0] ?? null);
    assert.deepEqual(r.problems, [], text);
  }
});

test('rows without counts, and text after the last row, are kept and reported', () => {
  const none = parseDocuments('Hồ sơ nộp theo hướng dẫn của cơ quan bảo hiểm xã hội');
  assert.deepEqual(
    none.items.map((i) => [i.name, i.originals, i.copies]),
    [['Hồ sơ nộp theo hướng dẫn của cơ quan bảo hiểm xã hội', null, null]],
  );
  assert.deepEqual(none.problems, ['no counts']);
  const tail = parseDocuments('Đơn đề nghị1 bản chính(Trường hợp nộp trực tuyến thì không cần bản giấy)');
  assert.equal(tail.items.length, 2);
  assert.deepEqual(tail.problems, ['text after the last document']);
  assert.equal(tail.sample, '(Trường hợp nộp trực tuyến thì không cần bản giấy)');
});

test('empty and "Không có thông tin" give no documents', () => {
  for (const text of ['', 'Không có thông tin', null]) assert.deepEqual(parseDocuments(text), { items: [], empty: true, problems: [] });
});

test('where a form file name starts', () => {
  assert.equal('x;Mus08'.slice(formFileStart('x;Mus08')), 'Mus08');
  assert.equal('ngày 30/6/2023.NA5'.slice(formFileStart('ngày 30/6/2023.NA5')), 'NA5');
  assert.equal('theo mẫu quy địnhvăn bản đề nghị'.slice(formFileStart('theo mẫu quy địnhvăn bản đề nghị')), 'văn bản đề nghị');
});
