import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { createPdf, drawQrTopLeft, pdfToBuffer } from '../../../platform/pdf/index.ts';
import {
  form02QrText,
  form03QrText,
  form04QrText,
  form05QrText,
  form06QrText,
  FORM06_HEADER_ROW,
  FORM06_SHEET,
  form06Xlsx,
  renderForm02,
  renderForm03,
  renderForm04,
  renderForm05,
  renderForm06,
  type BookMeta,
  type BookRow,
  type DossierFormBase,
  type HandOver,
} from './index.ts';

const POPPLER = existsSync('/usr/bin/pdftotext') && existsSync('/usr/bin/pdfinfo') && existsSync('/usr/bin/pdfimages');
/** Text, page and image checks need poppler-utils (CI installs it); without it a test checks what it can. */
function poppler(t: TestContext): boolean {
  if (!POPPLER) t.diagnostic('poppler-utils (pdftotext, pdfinfo, pdfimages) is not installed: text, pages and QR image not checked');
  return POPPLER;
}
const A5 = /\/MediaBox \[0 0 419\.53 595\.28\]/;
const A4_LANDSCAPE = /\/MediaBox \[0 0 841\.89 595\.28\]/;

const AGENCY = { code: '000.00.20.H26', name: 'UBND Phường Hoàn Kiếm', parentName: null };
// 08:30 on Fri 13 Feb 2026 in Hà Nội; the papers are issued at 00:30 on 26 Feb in Hà Nội, still the 25th in UTC.
const RECEIVED = new Date('2026-02-13T01:30:00Z');
const DUE = new Date('2026-02-27T10:00:00Z');
const ISSUED = new Date('2026-02-25T17:30:00Z');
const BASE: DossierFormBase = {
  dossierCode: '000.00.20.H26-260213-0007',
  procedure: { code: '1.001193', name: 'Đăng ký khai sinh' },
  applicant: { name: 'Nguyễn Thị Ánh', personal_id: '001203004567', address: '12 phố Hàng Bạc, Phường Hoàn Kiếm, Thành phố Hà Nội', phone: '+84912345678', email: 'anh@example.vn' },
  agency: AGENCY,
  issuedAt: ISSUED,
  officerName: 'Trần Văn Bình',
};

function tmp(name: string, bytes: Buffer): { dir: string; file: string } {
  const dir = mkdtempSync(join(tmpdir(), 'egov-forms-'));
  const file = join(dir, name);
  writeFileSync(file, bytes);
  return { dir, file };
}

/** The text in drawing order, whitespace collapsed, as a reader's copy-paste would give it. */
function pdfText(pdf: Buffer): string {
  const { file } = tmp('f.pdf', pdf);
  return execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).normalize('NFC').replace(/\s+/g, ' ');
}

function pdfInfo(pdf: Buffer): { pages: number; size: string } {
  const { file } = tmp('f.pdf', pdf);
  const out = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  return { pages: Number(/^Pages:\s+(\d+)/m.exec(out)?.[1]), size: /^Page size:\s+(.+?) pts/m.exec(out)?.[1] ?? '' };
}

/** The pixels of every image in the PDF, as PNG files. */
function images(pdf: Buffer): Buffer[] {
  const { dir, file } = tmp('f.pdf', pdf);
  execFileSync('pdfimages', ['-png', file, join(dir, 'img')]);
  return readdirSync(dir)
    .filter((f) => f.startsWith('img'))
    .sort()
    .map((f) => readFileSync(join(dir, f)));
}

/**
 * The paper's only image is the QR code of exactly `text`: its pixels equal those of a QR code made from `text`
 * alone (no QR decoder is installed; the encoder is deterministic, so equal pixels mean equal content).
 */
async function assertQrHolds(pdf: Buffer, text: string): Promise<void> {
  const doc = createPdf({ size: 'A5', title: 'qr' });
  await drawQrTopLeft(doc, text);
  const expected = images(await pdfToBuffer(doc));
  const actual = images(pdf);
  assert.ok(expected.length > 0);
  assert.equal(actual.length, expected.length, 'one QR code, no other image');
  actual.forEach((img, i) => assert.ok(img.equals(expected[i] ?? Buffer.alloc(0)), 'the QR code holds the expected text'));
}

function assertQrFields(text: string, docName: string): void {
  assert.equal(text, ['Mã hồ sơ: 000.00.20.H26-260213-0007', 'Mã TTHC: 1.001193', 'Số định danh: 001203004567', `Giấy tờ: ${docName}`].join('\n'));
}

function assertHeading(text: string, formNo: string): void {
  assert.ok(text.includes(`Mẫu số ${formNo}`), text);
  assert.ok(text.includes('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc'), text);
  assert.ok(text.includes('UBND PHƯỜNG HOÀN KIẾM BỘ PHẬN TIẾP NHẬN VÀ TRẢ KẾT QUẢ'), text);
  assert.ok(text.includes('Hà Nội, ngày 26 tháng 02 năm 2026'), text);
}

test('Form 02: the request to supplement lists every item once, on one A5 page with the dossier QR code', async (t) => {
  const data = {
    ...BASE,
    number: '15/PYC-BPMC',
    items: [{ text: 'Bản sao Giấy chứng nhận kết hôn của cha, mẹ' }, { text: 'Tờ khai đăng ký khai sinh có đủ chữ ký của người đi đăng ký, ghi rõ quan hệ với trẻ được đăng ký khai sinh' }],
    reason: 'Hồ sơ thiếu giấy tờ chứng minh quan hệ cha, mẹ, con',
    contact: { name: 'Trần Văn Bình', phone: '+842438253536' },
  };
  const pdf = await renderForm02(data);
  assert.match(pdf.toString('latin1'), A5);
  assertQrFields(form02QrText(data), 'Mẫu số 02 - Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ');
  await assert.rejects(renderForm02({ ...data, items: [] }), RangeError);
  if (!poppler(t)) return;
  assert.deepEqual(pdfInfo(pdf), { pages: 1, size: '419.53 x 595.28' });
  const text = pdfText(pdf);
  assertHeading(text, '02');
  for (const s of [
    'Số: 15/PYC-BPMC',
    'PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ Mã hồ sơ: 000.00.20.H26-260213-0007',
    'Hồ sơ của: Nguyễn Thị Ánh',
    'Số định danh cá nhân: 001203004567',
    'Địa chỉ: 12 phố Hàng Bạc, Phường Hoàn Kiếm, Thành phố Hà Nội',
    'Số điện thoại: 0912 345 678',
    'Email: anh@example.vn',
    'Nội dung yêu cầu giải quyết: Đăng ký khai sinh',
    'Yêu cầu hoàn thiện hồ sơ gồm những nội dung sau: 1. Bản sao Giấy chứng nhận kết hôn của cha, mẹ 2. Tờ khai đăng ký khai sinh có đủ chữ ký của người đi đăng ký, ghi rõ quan hệ với trẻ được đăng ký khai sinh',
    'Lý do: Hồ sơ thiếu giấy tờ chứng minh quan hệ cha, mẹ, con',
    'liên hệ với Trần Văn Bình, số điện thoại 02438253536 để được hướng dẫn./.',
    'NGƯỜI HƯỚNG DẪN (Ký và ghi rõ họ tên) Trần Văn Bình',
  ]) {
    assert.ok(text.includes(s), `${s}\n— in —\n${text}`);
  }
  await assertQrHolds(pdf, form02QrText(data));
});

test('Form 03: the refusal gives the reason and who refused, on A5 with the QR code', async (t) => {
  const data = { ...BASE, reason: 'Thủ tục không thuộc thẩm quyền giải quyết của UBND phường; đề nghị nộp tại Sở Tư pháp.' };
  const pdf = await renderForm03(data);
  assert.match(pdf.toString('latin1'), A5);
  assertQrFields(form03QrText(data), 'Mẫu số 03 - Phiếu từ chối tiếp nhận giải quyết hồ sơ');
  if (!poppler(t)) return;
  assert.deepEqual(pdfInfo(pdf), { pages: 1, size: '419.53 x 595.28' });
  const text = pdfText(pdf);
  assertHeading(text, '03');
  for (const s of [
    'PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ Mã hồ sơ: 000.00.20.H26-260213-0007',
    'Bộ phận Tiếp nhận và Trả kết quả UBND Phường Hoàn Kiếm tiếp nhận hồ sơ của: Ông/Bà: Nguyễn Thị Ánh',
    'Nội dung yêu cầu giải quyết: Đăng ký khai sinh',
    'từ chối tiếp nhận, giải quyết hồ sơ này với lý do cụ thể như sau: Thủ tục không thuộc thẩm quyền giải quyết của UBND phường; đề nghị nộp tại Sở Tư pháp.',
    'Xin thông báo cho Ông/Bà được biết và thực hiện./.',
    'NGƯỜI TIẾP NHẬN HỒ SƠ (Ký và ghi rõ họ tên) Trần Văn Bình',
  ]) {
    assert.ok(text.includes(s), `${s}\n— in —\n${text}`);
  }
  await assertQrHolds(pdf, form03QrText(data));
});

test('Form 04: the apology names the first and the new return date in Vietnam time', async (t) => {
  // 00:30 on 4 Mar in Hà Nội is still 3 Mar in UTC: the paper prints the Vietnamese day.
  const data = { ...BASE, agency: { ...AGENCY, parentName: 'UBND Thành phố Hà Nội' }, receivedAt: RECEIVED, dueAt: DUE, newDueAt: new Date('2026-03-03T17:30:00Z'), reason: 'Cần xác minh thông tin nơi sinh tại địa phương khác' };
  const pdf = await renderForm04(data);
  assert.match(pdf.toString('latin1'), A5);
  assertQrFields(form04QrText(data), 'Mẫu số 04 - Phiếu xin lỗi và hẹn lại ngày trả kết quả');
  // The same Vietnamese day is no new date.
  await assert.rejects(renderForm04({ ...data, newDueAt: new Date('2026-02-27T16:00:00Z') }), RangeError);
  if (!poppler(t)) return;
  assert.deepEqual(pdfInfo(pdf), { pages: 1, size: '419.53 x 595.28' });
  const text = pdfText(pdf);
  for (const s of [
    'Mẫu số 04',
    'UBND THÀNH PHỐ HÀ NỘI UBND PHƯỜNG HOÀN KIẾM',
    'PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ',
    'Kính gửi: Nguyễn Thị Ánh',
    'Ngày 13/02/2026, UBND Phường Hoàn Kiếm tiếp nhận giải quyết hồ sơ đề nghị Đăng ký khai sinh của Ông/Bà.',
    'Mã hồ sơ: 000.00.20.H26-260213-0007',
    'Thời hẹn trả kết quả giải quyết hồ sơ: 27/02/2026',
    'Lý do: Cần xác minh thông tin nơi sinh tại địa phương khác',
    'sẽ trả kết quả giải quyết hồ sơ cho Ông/Bà vào ngày 04 tháng 03 năm 2026.',
    'THỦ TRƯỞNG CƠ QUAN, ĐƠN VỊ (Ký, ghi rõ họ tên) Trần Văn Bình',
  ]) {
    assert.ok(text.includes(s), `${s}\n— in —\n${text}`);
  }
  await assertQrHolds(pdf, form04QrText(data));
});

test('Form 05: every hand-over is a row with units, times, result and remarks; a long sheet repeats its header', async (t) => {
  const at = (iso: string): Date => new Date(iso);
  const handOvers: HandOver[] = [
    { fromUnit: 'Bộ phận Tiếp nhận và Trả kết quả', toUnit: 'Công chức Tư pháp - Hộ tịch', handedOverAt: at('2026-02-13T02:00:00Z'), receivedAt: at('2026-02-13T02:15:00Z'), fromOfficer: 'Trần Văn Bình', toOfficer: 'Lê Thu Hà', result: 'early' },
    { fromUnit: 'Công chức Tư pháp - Hộ tịch', toUnit: 'Lãnh đạo UBND phường', handedOverAt: at('2026-02-24T09:00:00Z'), receivedAt: at('2026-02-25T01:00:00Z'), result: 'late', note: 'Chờ xác minh nơi sinh' },
    { fromUnit: 'Lãnh đạo UBND phường', toUnit: 'Bộ phận Tiếp nhận và Trả kết quả', handedOverAt: at('2026-02-26T03:00:00Z'), result: 'on_time' },
  ];
  const data = { ...BASE, receivedAt: RECEIVED, dueAt: DUE, handOvers };
  const pdf = await renderForm05(data);
  assert.match(pdf.toString('latin1'), A5);
  assertQrFields(form05QrText(data), 'Mẫu số 05 - Phiếu kiểm soát quá trình giải quyết hồ sơ');
  if (!poppler(t)) return;
  assert.deepEqual(pdfInfo(pdf), { pages: 1, size: '419.53 x 595.28' });
  const text = pdfText(pdf);
  assertHeading(text, '05');
  for (const s of [
    'PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ Mã hồ sơ: 000.00.20.H26-260213-0007',
    'Kèm theo hồ sơ của: Nguyễn Thị Ánh',
    'Thời gian nhận hồ sơ: 08:30 ngày 13/02/2026',
    'Ngày hẹn trả kết quả: 27/02/2026',
    'TÊN CƠ QUAN THỜI GIAN GIAO, NHẬN HỒ SƠ KẾT QUẢ GIẢI QUYẾT HỒ SƠ (Trước hạn/ đúng hạn/ quá hạn) GHI CHÚ',
    '1. Giao: Bộ phận Tiếp nhận và Trả kết quả Nhận: Công chức Tư pháp - Hộ tịch Giao: 09:00 ngày 13/02/2026 Nhận: 09:15 ngày 13/02/2026 Người giao: Trần Văn Bình Người nhận: Lê Thu Hà Trước hạn',
    '2. Giao: Công chức Tư pháp - Hộ tịch Nhận: Lãnh đạo UBND phường Giao: 16:00 ngày 24/02/2026 Nhận: 08:00 ngày 25/02/2026 Quá hạn Chờ xác minh nơi sinh',
    '3. Giao: Lãnh đạo UBND phường Nhận: Bộ phận Tiếp nhận và Trả kết quả Giao: 10:00 ngày 26/02/2026 Nhận: (chưa nhận) Đúng hạn',
  ]) {
    assert.ok(text.includes(s), `${s}\n— in —\n${text}`);
  }
  await assertQrHolds(pdf, form05QrText(data));

  const many = Array.from({ length: 30 }, (_, i) => ({ ...handOvers[0], fromUnit: `Đơn vị ${i + 1}` }) as HandOver);
  const long = await renderForm05({ ...data, handOvers: many });
  const info = pdfInfo(long);
  assert.ok(info.pages >= 2, `pages: ${info.pages}`);
  assert.equal(info.size, '419.53 x 595.28');
  const longText = pdfText(long);
  assert.equal(longText.split('TÊN CƠ QUAN THỜI GIAN GIAO, NHẬN HỒ SƠ').length - 1, info.pages, 'the header on every page');
  for (let i = 1; i <= 30; i++) assert.ok(longText.includes(`${i}. Giao: Đơn vị ${i} Nhận:`), `row ${i}`);
});

const META: BookMeta = { agency: AGENCY, from: new Date('2026-01-31T17:00:00Z'), to: new Date('2026-02-28T16:59:59Z'), issuedAt: ISSUED };
const ROWS: BookRow[] = [
  {
    dossierCode: '000.00.20.H26-260213-0007',
    procedureName: 'Đăng ký khai sinh',
    applicantName: 'Nguyễn Thị Ánh',
    address: '12 phố Hàng Bạc, Hoàn Kiếm',
    phone: '+84912345678',
    leadAgency: 'UBND Phường Hoàn Kiếm',
    receivedAt: RECEIVED,
    dueAt: DUE,
    transferredAt: new Date('2026-02-13T02:00:00Z'),
    resultAt: new Date('2026-02-26T03:00:00Z'),
    returnedAt: new Date('2026-02-26T08:00:00Z'),
    signature: 'Nhận trực tuyến',
    note: 'Trả qua bưu chính',
  },
  { dossierCode: '000.00.20.H26-260216-0001', procedureName: 'Chứng thực bản sao từ bản chính', quantity: 2, applicantName: 'Công ty TNHH Ánh Dương', address: '3 Tràng Tiền', leadAgency: 'UBND Phường Hoàn Kiếm', receivedAt: new Date('2026-02-16T08:45:00Z') },
];

test('Form 06: the tracking book prints on A4 landscape with a line per dossier and a QR code for the agency and period', async (t) => {
  const pdf = await renderForm06(ROWS, META);
  assert.match(pdf.toString('latin1'), A4_LANDSCAPE);
  assert.match((await renderForm06([], META)).toString('latin1'), A4_LANDSCAPE, 'an empty period still prints');
  assert.equal(form06QrText(META), 'Mã cơ quan: 000.00.20.H26\nKỳ: 01/02/2026 - 28/02/2026\nGiấy tờ: Mẫu số 06 - Sổ theo dõi hồ sơ');
  if (!poppler(t)) return;
  assert.deepEqual(pdfInfo(pdf), { pages: 1, size: '841.89 x 595.28' });
  const text = pdfText(pdf);
  assertHeading(text, '06');
  for (const s of [
    'SỔ THEO DÕI HỒ SƠ Từ ngày 01/02/2026 đến ngày 28/02/2026',
    'STT Mã hồ sơ Tên thủ tục hành chính Số lượng hồ sơ (bộ) Tên cá nhân, tổ chức Địa chỉ, số điện thoại Cơ quan chủ trì giải quyết Ngày nhận hồ sơ Ngày hẹn trả kết quả Chuyển hồ sơ đến cơ quan giải quyết Ngày có kết quả/ yêu cầu trả lại dân Ngày trả kết quả Ký nhận Ghi chú',
    '1 000.00.20.H26-260213-0007 Đăng ký khai sinh 1 Nguyễn Thị Ánh 12 phố Hàng Bạc, Hoàn Kiếm; 0912 345 678 UBND Phường Hoàn Kiếm 13/02/2026 08:30 27/02/2026 13/02/2026 26/02/2026 26/02/2026 Nhận trực tuyến Trả qua bưu chính',
    '2 000.00.20.H26-260216-0001 Chứng thực bản sao từ bản chính 2 Công ty TNHH Ánh Dương 3 Tràng Tiền UBND Phường Hoàn Kiếm 16/02/2026 15:45 Trang 1/1',
  ]) {
    assert.ok(text.includes(s), `${s}\n— in —\n${text}`);
  }
  await assertQrHolds(pdf, form06QrText(META));

  const many = Array.from({ length: 40 }, (_, i) => ({ ...ROWS[1], dossierCode: `000.00.20.H26-260216-${String(i + 1).padStart(4, '0')}` }) as BookRow);
  const book = await renderForm06(many, META);
  const info = pdfInfo(book);
  assert.ok(info.pages >= 2, `pages: ${info.pages}`);
  assert.equal(info.size, '841.89 x 595.28');
  const bookText = pdfText(book);
  assert.ok(bookText.includes(`Trang ${info.pages}/${info.pages}`));
  for (let i = 1; i <= 40; i++) assert.ok(bookText.includes(`${i} 000.00.20.H26-260216-${String(i).padStart(4, '0')} `), `row ${i}`);
});

async function openXlsx(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  // exceljs types its input as its own Buffer (an ArrayBuffer), not Node's.
  await wb.xlsx.load(new Uint8Array(bytes).buffer);
  return wb;
}

test('Form 06 as XLSX: one header row and one row per dossier, dates as dates in Vietnam time', async () => {
  const wb = await openXlsx(await form06Xlsx(ROWS, META));
  const ws = wb.getWorksheet(FORM06_SHEET);
  assert.ok(ws);
  assert.equal(ws.getCell('A3').value, 'SỔ THEO DÕI HỒ SƠ');
  assert.equal(ws.getCell('A4').value, 'Từ ngày 01/02/2026 đến ngày 28/02/2026');
  const values = (row: number): unknown[] => Array.from({ length: 14 }, (_, i) => ws.getRow(row).getCell(i + 1).value);
  assert.deepEqual(values(FORM06_HEADER_ROW), [
    'STT',
    'Mã hồ sơ',
    'Tên thủ tục hành chính',
    'Số lượng hồ sơ (bộ)',
    'Tên cá nhân, tổ chức',
    'Địa chỉ, số điện thoại',
    'Cơ quan chủ trì giải quyết',
    'Ngày nhận hồ sơ',
    'Ngày hẹn trả kết quả',
    'Chuyển hồ sơ đến cơ quan giải quyết',
    'Ngày có kết quả/ yêu cầu trả lại dân',
    'Ngày trả kết quả',
    'Ký nhận',
    'Ghi chú',
  ]);
  // Spreadsheets have no time zone: a cell reads the Vietnamese wall clock (08:30 on 13/02/2026).
  const wall = (iso: string): Date => new Date(iso);
  assert.deepEqual(values(FORM06_HEADER_ROW + 1), [
    1,
    '000.00.20.H26-260213-0007',
    'Đăng ký khai sinh',
    1,
    'Nguyễn Thị Ánh',
    '12 phố Hàng Bạc, Hoàn Kiếm; 0912 345 678',
    'UBND Phường Hoàn Kiếm',
    wall('2026-02-13T08:30:00Z'),
    wall('2026-02-27T17:00:00Z'),
    wall('2026-02-13T09:00:00Z'),
    wall('2026-02-26T10:00:00Z'),
    wall('2026-02-26T15:00:00Z'),
    'Nhận trực tuyến',
    'Trả qua bưu chính',
  ]);
  assert.deepEqual(values(FORM06_HEADER_ROW + 2), [2, '000.00.20.H26-260216-0001', 'Chứng thực bản sao từ bản chính', 2, 'Công ty TNHH Ánh Dương', '3 Tràng Tiền', 'UBND Phường Hoàn Kiếm', wall('2026-02-16T15:45:00Z'), null, null, null, null, null, null]);
  assert.equal(ws.getRow(FORM06_HEADER_ROW + 1).getCell(8).numFmt, 'dd/mm/yyyy hh:mm');
  assert.equal(ws.getRow(FORM06_HEADER_ROW + 1).getCell(9).numFmt, 'dd/mm/yyyy');
  assert.equal(ws.actualRowCount, FORM06_HEADER_ROW + ROWS.length);
  assert.equal(ws.pageSetup.orientation, 'landscape');
  assert.equal(ws.pageSetup.paperSize, 9);

  const empty = await openXlsx(await form06Xlsx([], META));
  assert.equal(empty.getWorksheet(FORM06_SHEET)?.actualRowCount, FORM06_HEADER_ROW);
});
