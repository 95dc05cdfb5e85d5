import { test } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { incomingRegisterPdf, incomingRegisterXlsx, outgoingRegisterPdf, outgoingRegisterXlsx, REGISTER_HEADER_ROW } from './index.ts';
import { createLandscapeA4, dateWords, dmy, excelDay } from './common.ts';
import { INCOMING_COLUMNS, OUTGOING_COLUMNS } from './register-columns.ts';
import { wrapText } from './table.ts';
import { incomingRows, META, outgoingRows, pdfInfo, pdfPages, pdfText } from './test-helpers.ts';

const A4_LANDSCAPE = /^841\.89 x 595\.2\d+ pts \(A4\)/;

test('dates as Decree 30 writes them: dd/mm/yyyy in tables; leading zeros for days below 10 and months 1 and 2 in words', () => {
  assert.equal(dmy('2026-03-05'), '05/03/2026');
  assert.equal(dmy('2026-03-04T18:30:00Z'), '05/03/2026', 'an instant is read in Vietnam time');
  assert.equal(dmy(''), '');
  assert.equal(dmy('not a date'), '');
  assert.equal(dateWords('2026-01-05'), 'ngày 05 tháng 01 năm 2026');
  assert.equal(dateWords('2026-02-28'), 'ngày 28 tháng 02 năm 2026');
  assert.equal(dateWords('2026-03-05'), 'ngày 05 tháng 3 năm 2026');
  assert.equal(dateWords('2026-11-15'), 'ngày 15 tháng 11 năm 2026');
  assert.deepEqual(excelDay('2026-03-05'), new Date(Date.UTC(2026, 2, 5)));
});

test('the register columns are those of Decree 30 Appendix IV, in order', () => {
  assert.deepEqual(
    OUTGOING_COLUMNS.map((c) => c.header),
    ['Số, ký hiệu văn bản', 'Ngày tháng văn bản', 'Tên loại và trích yếu nội dung văn bản', 'Người ký', 'Nơi nhận văn bản', 'Đơn vị, người nhận bản lưu', 'Số lượng bản', 'Ngày chuyển', 'Ký nhận', 'Ghi chú'],
  );
  assert.deepEqual(
    INCOMING_COLUMNS.map((c) => c.header),
    ['Ngày đến', 'Số đến', 'Tác giả', 'Số, ký hiệu', 'Ngày tháng', 'Tên loại và trích yếu nội dung', 'Đơn vị hoặc người nhận', 'Ngày chuyển', 'Ký nhận', 'Ghi chú'],
  );
});

test('a word wider than its cell is cut after "/" or "-" rather than between letters', () => {
  const doc = createLandscapeA4('t');
  doc.font('serif').fontSize(9);
  const lines = wrapText(doc, '10000/QĐ-UBND ngày', doc.widthOfString('10000/QĐ-UB'));
  assert.deepEqual(lines, ['10000/QĐ-', 'UBND ngày']);
  assert.deepEqual(wrapText(doc, '', 50), ['']);
});

test('the outgoing register: A4 landscape, heading, the Appendix IV columns on every page, Trang x/y, rows whole', async () => {
  const rows = outgoingRows(300);
  const pdf = await outgoingRegisterPdf(rows, META);
  assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
  const info = pdfInfo(pdf);
  assert.match(info.size, A4_LANDSCAPE);
  assert.ok(info.pages >= 5, `300 lines take several pages, got ${info.pages}`);
  const pages = pdfPages(pdf);
  assert.equal(pages.length, info.pages);
  const first = pages[0] ?? '';
  assert.match(first, /SỔ ĐĂNG KÝ VĂN BẢN ĐI/);
  assert.match(first, /ỦY BAN NHÂN DÂN PHƯỜNG HOÀN KIẾM/);
  assert.match(first, /Từ ngày 01\/01\/2026 đến ngày 31\/03\/2026/);
  assert.match(first, /In ngày 01\/04\/2026 09:30/);
  pages.forEach((p, i) => {
    for (const h of ['Tên loại và trích yếu nội dung văn bản', 'Người ký', 'Nơi nhận văn bản', 'Ký nhận', 'Ghi chú']) assert.ok(p.includes(h), `page ${i + 1} repeats "${h}"`);
    assert.ok(p.includes(`Trang ${i + 1}/${pages.length}`), `page ${i + 1} is numbered`);
  });
  const text = pdfText(pdf);
  assert.match(text, /Trang 1\//);
  // Every line is there once, whole: its notation and its date on the same page.
  for (const n of [1, 150, 300]) assert.equal(text.match(new RegExp(`(?<!\\d)${n}/QĐ-UBND`, 'g'))?.length, 1, `${n}/QĐ-UBND printed once`);
  assert.match(text, /Quyết định về việc khen thưởng tập thể, cá nhân có thành tích lần 2/);
  assert.match(text, /05\/02\/2026/);
  assert.match(text, /Bản gốc lưu tại Văn phòng/);
  const withRow = pages.findIndex((p) => p.includes('150/QĐ-UBND'));
  assert.ok(pages[withRow]?.includes('lần 150'), 'the line and its summary on the same page');
});

test('the incoming register: its own columns, arrival numbers, and an empty register still prints', async () => {
  const pdf = await incomingRegisterPdf(incomingRows(40), META);
  const text = pdfText(pdf);
  assert.match(text, /SỔ ĐĂNG KÝ VĂN BẢN ĐẾN/);
  assert.match(text, /Từ số 101 đến số 140/);
  // Headers that a narrow cell wraps are checked in register-columns' order test instead.
  for (const h of ['Ngày đến', 'Số đến', 'Tác giả', 'Số, ký hiệu', 'Tên loại và trích yếu nội dung', 'Ký nhận', 'Ghi chú']) assert.ok(text.includes(h), h);
  assert.match(text, /45\/SNV-CCVC/);
  assert.match(text, /13\/02\/2026/);
  assert.match(text, /Công văn V\/v báo cáo tình hình thực hiện cải cách hành chính quý I/);
  assert.match(pdfInfo(pdf).size, A4_LANDSCAPE);

  const empty = pdfText(await incomingRegisterPdf([], META));
  assert.match(empty, /Không có văn bản trong kỳ/);
  assert.match(empty, /Trang 1\/1/);
});

test('the registers as XLSX: title rows, bold frozen header, real dates dd/mm/yyyy, numbers, A4 landscape print setup', async () => {
  const rows = outgoingRows(120);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(new Uint8Array(await outgoingRegisterXlsx(rows, META)).buffer);
  const ws = wb.worksheets[0];
  assert.ok(ws);
  assert.equal(wb.worksheets.length, 1);
  assert.equal(ws.getCell(3, 1).value, 'SỔ ĐĂNG KÝ VĂN BẢN ĐI');
  assert.equal(ws.getCell(2, 1).value, 'ỦY BAN NHÂN DÂN PHƯỜNG HOÀN KIẾM');
  const header = ws.getRow(REGISTER_HEADER_ROW);
  assert.equal(header.getCell(1).value, 'Số, ký hiệu văn bản');
  assert.equal(header.getCell(3).value, 'Tên loại và trích yếu nội dung văn bản');
  assert.equal(header.getCell(10).value, 'Ghi chú');
  assert.equal(header.getCell(1).font?.bold, true);
  assert.equal(ws.rowCount, REGISTER_HEADER_ROW + rows.length);
  const first = ws.getRow(REGISTER_HEADER_ROW + 1);
  assert.equal(first.getCell(1).value, '1/QĐ-UBND');
  assert.deepEqual(first.getCell(2).value, new Date(Date.UTC(2026, 0, 1)));
  assert.equal(first.getCell(2).numFmt, 'dd/mm/yyyy');
  assert.equal(first.getCell(7).value, 2);
  assert.equal(first.getCell(8).value, null, 'no transfer date: an empty cell');
  assert.deepEqual(ws.getRow(REGISTER_HEADER_ROW + 2).getCell(8).value, new Date(Date.UTC(2026, 2, 6)));
  assert.equal(first.getCell(3).alignment?.wrapText, true);
  assert.equal(ws.views[0]?.state, 'frozen');
  assert.equal((ws.views[0] as { ySplit?: number }).ySplit, REGISTER_HEADER_ROW);
  assert.equal(ws.pageSetup.orientation, 'landscape');
  assert.equal(ws.pageSetup.paperSize, 9);
  assert.equal(ws.pageSetup.printTitlesRow, `${REGISTER_HEADER_ROW}:${REGISTER_HEADER_ROW}`);
  assert.ok((ws.getColumn(3).width ?? 0) > (ws.getColumn(7).width ?? 0));

  const inc = new ExcelJS.Workbook();
  await inc.xlsx.load(new Uint8Array(await incomingRegisterXlsx(incomingRows(3), META)).buffer);
  const iws = inc.worksheets[0];
  assert.ok(iws);
  assert.equal(iws.getCell(3, 1).value, 'SỔ ĐĂNG KÝ VĂN BẢN ĐẾN');
  assert.equal(iws.getRow(REGISTER_HEADER_ROW).getCell(2).value, 'Số đến');
  assert.equal(iws.getRow(REGISTER_HEADER_ROW + 3).getCell(2).value, 103);
  assert.deepEqual(iws.getRow(REGISTER_HEADER_ROW + 1).getCell(1).value, new Date(Date.UTC(2026, 1, 13)));
});

test('10,000 lines: the register PDF and XLSX stay within seconds', async (t) => {
  const rows = outgoingRows(10_000);
  let start = performance.now();
  const pdf = await outgoingRegisterPdf(rows, META);
  const pdfMs = performance.now() - start;
  start = performance.now();
  const xlsx = await outgoingRegisterXlsx(rows, META);
  const xlsxMs = performance.now() - start;
  const pages = pdfInfo(pdf).pages;
  t.diagnostic(`10,000-line register: PDF ${pdfMs.toFixed(0)} ms, ${pages} pages, ${(pdf.length / 1e6).toFixed(1)} MB; XLSX ${xlsxMs.toFixed(0)} ms, ${(xlsx.length / 1e6).toFixed(1)} MB`);
  assert.ok(pages > 500);
  // Generous bounds for a busy CI machine; a developer's laptop does each in 2–3 s.
  assert.ok(pdfMs < 20_000, `PDF took ${pdfMs} ms`);
  assert.ok(xlsxMs < 20_000, `XLSX took ${xlsxMs} ms`);
});
