// Form 01 (Mẫu số 01, Circular 01/2018/TT-VPCP): the receipt and return appointment, printed on A5 with a QR code
// top-left holding the dossier code, the procedure code, the applicant's identifier and the document's name
// (Circular 01/2023/TT-VPCP), under the national heading.
import { createPdf, drawNationalHeading, drawQrTopLeft, mm, pdfToBuffer } from '../../platform/pdf/index.ts';
import { formatTimeRule, timeLimitOf } from '../procedures/index.ts';
import { addressText, answersView, type AddressUnit } from '../eforms/index.ts';
import { formatDong } from './format.ts';
import { documentsReceived, type Receipt } from './receipt.ts';

export const FORM01_TITLE = 'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ';
const DOCUMENT_NAME = 'Mẫu số 01 - Giấy tiếp nhận hồ sơ và hẹn trả kết quả';
const QR_MM = 22;

const pad = (n: number): string => String(n).padStart(2, '0');

/** Wall-clock parts of an instant in Vietnam (UTC+7, no daylight saving). */
function vn(at: Date): { y: number; m: string; d: string; hh: string; mi: string } {
  const t = new Date(at.getTime() + 7 * 3_600_000);
  return { y: t.getUTCFullYear(), m: pad(t.getUTCMonth() + 1), d: pad(t.getUTCDate()), hh: pad(t.getUTCHours()), mi: pad(t.getUTCMinutes()) };
}

/** What the QR code holds, one "key: value" a line, readable by any scanner. */
export function form01QrText(r: Pick<Receipt, 'dossier'>): string {
  const d = r.dossier;
  return [`Mã hồ sơ: ${d.code}`, `Mã TTHC: ${d.procedureCode}`, `Số định danh: ${d.applicant.personal_id}`, `Giấy tờ: ${DOCUMENT_NAME}`].join('\n');
}

/**
 * Item 3: the procedure's time as the rule states it; where it states none (a bare "1"), the working days the
 * receiving officer set, else that the agency sets them: never a number without its unit.
 */
function timeLine(r: Receipt): string {
  const time = r.procedure?.processingTime;
  if (time && timeLimitOf(time)) return `Thời gian giải quyết hồ sơ theo quy định: ${formatTimeRule('vi', time)}`;
  const set = r.dossier.deadline;
  if (set?.unit === 'working_days' && set.amount) return `Thời gian giải quyết hồ sơ: ${set.amount} ngày làm việc (cơ quan tiếp nhận xác định)`;
  return 'Thời gian giải quyết hồ sơ: cơ quan tiếp nhận xác định khi tiếp nhận hồ sơ';
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Where the applicant asked to receive the result (Circular 01/2018 Form 01: "Đăng ký nhận kết quả tại"): what they
 * chose on the e-form (`delivery`: by post to `postalAddress`, or at the counter), else the return method the back
 * office recorded, else online on the portal.
 */
export function resultDeliveryText(r: Pick<Receipt, 'dossier' | 'agency'>, units: readonly AddressUnit[] = []): string {
  const d = r.dossier;
  const chosen = typeof d.formData.delivery === 'string' ? d.formData.delivery : (d.returnMethod ?? 'online');
  if (chosen === 'post') {
    const a = d.formData.postalAddress;
    const address = isRecord(a) ? addressText({ commune: String(a.commune ?? ''), street: String(a.street ?? '') }, units) : d.applicant.address;
    return `Dịch vụ bưu chính công ích, gửi đến địa chỉ: ${address}`;
  }
  if (chosen === 'counter') return `Bộ phận Tiếp nhận và Trả kết quả${r.agency ? ` — ${r.agency.name}` : ''} (nhận trực tiếp)`;
  return 'Cổng dịch vụ công (trực tuyến)';
}

/** The annex: what the applicant declared on the e-form, by its sections and labels. */
function drawAnswersAnnex(doc: PDFKit.PDFDocument, r: Receipt): void {
  if (!r.procedure) return;
  const sections = answersView(r.procedure.form, r.dossier.formData, 'vi', { units: r.units });
  if (sections.every((s) => s.rows.every((row) => !row.value))) return;
  doc.addPage();
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  doc.font('serifBold').fontSize(10.5).text('PHỤ LỤC: NỘI DUNG TỜ KHAI', left, doc.y, { width, align: 'center' });
  doc.font('serif').fontSize(9).text(`Kèm theo Giấy tiếp nhận hồ sơ mã ${r.dossier.code}`, { width, align: 'center' });
  for (const s of sections) {
    doc.moveDown(0.4);
    doc.font('serifBold').fontSize(9.5).text(s.title, left, doc.y, { width });
    for (const row of s.rows) {
      doc.font('serif').text(`${row.label}: `, left + 6, doc.y, { width: width - 6, continued: true }).font('serifBold').text(row.value || '—', { width: width - 6 });
    }
  }
}

export async function renderForm01(r: Receipt): Promise<Buffer> {
  const d = r.dossier;
  const agencyName = r.agency?.name ?? '';
  const doc = createPdf({ size: 'A5', title: `${FORM01_TITLE} ${d.code}` });
  await drawQrTopLeft(doc, form01QrText(r), QR_MM);
  drawNationalHeading(doc, {
    parentAgency: r.parentAgency?.name ?? agencyName,
    agency: r.parentAgency ? agencyName : 'Bộ phận Tiếp nhận và Trả kết quả',
    place: 'Hà Nội',
    date: d.receivedAt,
    offsetLeft: mm(QR_MM + 2),
  });
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  doc.y = Math.max(doc.y, doc.page.margins.top + mm(QR_MM) + 6);
  doc.font('serifBold').fontSize(11).text(FORM01_TITLE, left, doc.y, { width, align: 'center' });
  doc.font('serif').fontSize(9.5).text(`Mã hồ sơ: ${d.code}`, { width, align: 'center' });
  doc.moveDown(0.6);

  const line = (label: string, value: string): void => {
    doc.font('serif').text(`${label}: `, left, doc.y, { width, continued: true }).font('serifBold').text(value, { width });
  };
  doc.font('serif').text(`${agencyName} tiếp nhận hồ sơ của:`, left, doc.y, { width });
  line('Ông/Bà', d.applicant.name);
  line('Số định danh cá nhân', d.applicant.personal_id);
  line('Địa chỉ', d.applicant.address);
  if (d.applicant.phone) line('Số điện thoại', d.applicant.phone.replace(/^\+84/, '0'));
  if (d.applicant.email) line('Thư điện tử', d.applicant.email);
  line('Nội dung yêu cầu giải quyết', r.procedure?.name ?? d.procedureCode);
  doc.moveDown(0.3);
  doc.font('serif').text('1. Thành phần hồ sơ nộp gồm (nộp trực tuyến, bản điện tử):', left, doc.y, { width });
  const docs = documentsReceived(r);
  if (docs.length === 0) doc.text('(không có tệp đính kèm)', left + 10, doc.y, { width: width - 10 });
  docs.forEach((item, i) => {
    doc.text(`${i + 1}) ${item.name} — ${item.files.join(', ')}`, left + 10, doc.y, { width: width - 10 });
  });
  doc.text('2. Số lượng hồ sơ: 01 (bộ)', left, doc.y, { width });
  doc.text(`3. ${timeLine(r)}`, left, doc.y, { width });
  const rec = vn(d.receivedAt);
  doc.text(`4. Thời gian nhận hồ sơ: ${rec.hh} giờ ${rec.mi} phút, ngày ${rec.d}/${rec.m}/${rec.y}`, left, doc.y, { width });
  if (d.dueDate) {
    const [y, m, day] = d.dueDate.split('-');
    doc.font('serifBold').text(`5. Thời gian trả kết quả giải quyết hồ sơ (hẹn trả): ngày ${day}/${m}/${y}`, left, doc.y, { width });
  } else {
    doc.font('serifBold').text('5. Thời gian trả kết quả giải quyết hồ sơ: cơ quan tiếp nhận sẽ thông báo', left, doc.y, { width });
  }
  doc.font('serif');
  if (d.feeTotalDong > 0) {
    doc.text(`6. Phí, lệ phí: ${formatDong('vi', d.feeTotalDong)} (${d.paymentStatus === 'paid' ? 'đã thanh toán' : 'chưa thanh toán'})`, left, doc.y, { width });
  } else if (r.feeAtCounter) {
    doc.text('6. Phí, lệ phí: cơ quan tiếp nhận tính và thu khi giải quyết hồ sơ', left, doc.y, { width });
  }
  doc.text(`Đăng ký nhận kết quả tại: ${resultDeliveryText(r, r.units)}`, left, doc.y, { width });
  doc.moveDown(0.8);
  const colW = width / 2;
  const y = doc.y;
  doc.font('serifBold').text('NGƯỜI NỘP HỒ SƠ', left, y, { width: colW, align: 'center' });
  doc.font('serifItalic').text('(nộp trực tuyến)', left, doc.y, { width: colW, align: 'center' });
  doc.font('serifBold').text('NGƯỜI TIẾP NHẬN HỒ SƠ', left + colW, y, { width: colW, align: 'center' });
  doc.font('serifItalic').text('(tiếp nhận trực tuyến)', left + colW, doc.y, { width: colW, align: 'center' });
  drawAnswersAnnex(doc, r);
  return pdfToBuffer(doc);
}
