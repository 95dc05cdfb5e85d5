// Form 05 (Mẫu số 05, Circular 01/2018/TT-VPCP): the control sheet that follows a dossier through every unit, on
// A5. Each hand-over is one row: who handed it to whom, when it was handed over and received, and whether the
// handing-over unit kept to its time (Circular 01/2018 Art. 13 scores each unit's time from these rows).
import { createPdf, pdfToBuffer } from '../../../platform/pdf/index.ts';
import { documentName, dossierQrText, fieldLine, openPaper, vnDate, vnDateTime } from './common.ts';
import { drawTable, type TableColumn } from './table.ts';
import type { Form05Data, HandOver, HandOverResult } from './types.ts';

export const FORM05_TITLE = 'PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ';
export const FORM05_DOCUMENT = documentName('05', 'Phiếu kiểm soát quá trình giải quyết hồ sơ');

export const HAND_OVER_RESULT: Record<HandOverResult, string> = { early: 'Trước hạn', on_time: 'Đúng hạn', late: 'Quá hạn' };

export const FORM05_COLUMNS: readonly TableColumn[] = [
  { header: 'TÊN CƠ QUAN', width: 30 },
  { header: 'THỜI GIAN GIAO, NHẬN HỒ SƠ', width: 36 },
  { header: 'KẾT QUẢ GIẢI QUYẾT HỒ SƠ (Trước hạn/ đúng hạn/ quá hạn)', width: 17, align: 'center' },
  { header: 'GHI CHÚ', width: 17 },
];

export function form05QrText(d: Form05Data): string {
  return dossierQrText(d, FORM05_DOCUMENT);
}

/** The row's cells, as printed. */
export function handOverCells(h: HandOver, index: number): string[] {
  const times = [`Giao: ${vnDateTime(h.handedOverAt)}`, `Nhận: ${h.receivedAt ? vnDateTime(h.receivedAt) : '(chưa nhận)'}`];
  if (h.fromOfficer) times.push(`Người giao: ${h.fromOfficer}`);
  if (h.toOfficer) times.push(`Người nhận: ${h.toOfficer}`);
  return [`${index + 1}. Giao: ${h.fromUnit}\nNhận: ${h.toUnit}`, times.join('\n'), h.result ? HAND_OVER_RESULT[h.result] : '', h.note ?? ''];
}

export async function renderForm05(d: Form05Data): Promise<Buffer> {
  const doc = createPdf({ size: 'A5', title: `${FORM05_TITLE} ${d.dossierCode}` });
  const f = await openPaper(doc, {
    formNo: '05',
    qrText: form05QrText(d),
    agency: d.agency,
    place: d.place,
    date: d.issuedAt,
    title: FORM05_TITLE,
    subtitles: [`Mã hồ sơ: ${d.dossierCode}`],
  });
  fieldLine(doc, f, 'Kèm theo hồ sơ của', d.applicant.name);
  fieldLine(doc, f, 'Nội dung yêu cầu giải quyết', d.procedure.name);
  fieldLine(doc, f, 'Thời gian nhận hồ sơ', vnDateTime(d.receivedAt));
  if (d.dueAt) fieldLine(doc, f, 'Ngày hẹn trả kết quả', vnDate(d.dueAt));
  doc.moveDown(0.4);
  drawTable(doc, FORM05_COLUMNS, d.handOvers.map(handOverCells), { left: f.left, width: f.width, fontSize: 7.5 });
  return pdfToBuffer(doc);
}
