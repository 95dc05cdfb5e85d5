// The handling slip of an incoming document (phiếu giải quyết văn bản đến, Decree 30/2020 Appendix IV): A4
// portrait, the agency on the left, the document's particulars as registered, the leader's instructions with who
// leads, who assists and the deadline, signed with name and date, then the handling units' opinions and progress.
// A QR code top-left, only when there is a page to verify the slip against.
import { createPdf, drawQrTopLeft, mm, pdfToBuffer } from '../../../platform/pdf/index.ts';
import { URGENCIES, type Urgency } from '../types.ts';
import { dateWords, dmy, dmyTime } from './common.ts';
import { drawTable, layoutTable } from './table.ts';

export const HANDLING_SLIP_TITLE = 'PHIẾU GIẢI QUYẾT VĂN BẢN ĐẾN';

export interface HandlingSlip {
  agencyName: string;
  parentAgencyName?: string;
  arrivalNumber: number;
  /** ISO day or instant the document arrived. */
  arrivedOn: string;
  author: string;
  numberNotation: string;
  documentDate: string;
  summary: string;
  urgency: Urgency;
  leaderInstruction: string;
  leaderName: string;
  /** ISO day or instant the leader gave the instruction. */
  assignedAt: string;
  lead: string;
  coHandling: string[];
  deadline: string | null;
  progress: { at: string; who: string; note: string }[];
  verifyUrl?: string;
}

const QR_MM = 22;
const BODY_PT = 13;
const BLANK = '…………';

export async function handlingSlipPdf(slip: HandlingSlip): Promise<Buffer> {
  const doc = createPdf({ size: 'A4', title: `${HANDLING_SLIP_TITLE} số ${slip.arrivalNumber} - ${slip.agencyName}` });
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const top = doc.page.margins.top;

  // The agency, as on every paper of the agency: its parent above, the name in bold with a short rule beneath.
  const offset = slip.verifyUrl ? mm(QR_MM + 3) : 0;
  if (slip.verifyUrl) await drawQrTopLeft(doc, slip.verifyUrl, QR_MM);
  const colL = width * 0.5;
  doc.fontSize(12);
  if (slip.parentAgencyName) doc.font('serif').text(slip.parentAgencyName.toUpperCase(), left + offset, top, { width: colL, align: 'center' });
  doc.font('serifBold').text(slip.agencyName.toUpperCase(), left + offset, slip.parentAgencyName ? doc.y : top, { width: colL, align: 'center' });
  const rule = colL / 3;
  doc.lineWidth(0.75).moveTo(left + offset + (colL - rule) / 2, doc.y + 2).lineTo(left + offset + (colL + rule) / 2, doc.y + 2).stroke();
  doc.y = Math.max(doc.y + mm(8), slip.verifyUrl ? top + mm(QR_MM) + mm(4) : 0);

  doc.font('serifBold').fontSize(15).text(HANDLING_SLIP_TITLE, left, doc.y, { width, align: 'center' });
  doc.moveDown(0.8);

  const field = (label: string, value: string): void => {
    doc.font('serif').fontSize(BODY_PT).text(`${label}: `, left, doc.y, { width, continued: true }).font('serifBold').text(value || BLANK, { width });
  };
  field('Số đến', String(slip.arrivalNumber));
  field('Ngày đến', dmyTime(slip.arrivedOn));
  field('Tác giả (cơ quan ban hành)', slip.author);
  field('Số, ký hiệu văn bản', slip.numberNotation);
  field('Ngày tháng văn bản', dmy(slip.documentDate));
  field('Trích yếu nội dung', slip.summary);
  if (slip.urgency !== 'normal') field('Mức độ khẩn', URGENCIES[slip.urgency].vi.toUpperCase());
  doc.moveDown(0.8);

  // The leader's instructions, then who handles it and by when, signed on the right.
  doc.font('serifBold').fontSize(BODY_PT).text('Ý kiến của lãnh đạo cơ quan, tổ chức:', left, doc.y, { width });
  doc.font('serif').text(slip.leaderInstruction || BLANK, left + mm(5), doc.y, { width: width - mm(5), align: 'justify' });
  doc.moveDown(0.3);
  field('Đơn vị, người chủ trì giải quyết', slip.lead);
  field('Đơn vị, người phối hợp', slip.coHandling.join('; '));
  field('Thời hạn giải quyết', slip.deadline ? dmy(slip.deadline) : 'Không quy định');
  doc.moveDown(0.5);
  if (doc.y + mm(35) > doc.page.height - doc.page.margins.bottom) doc.addPage();
  const signX = left + width / 2;
  doc.font('serifItalic').text(dateWords(slip.assignedAt).replace(/^n/, 'N'), signX, doc.y, { width: width / 2, align: 'center' });
  doc.font('serifBold').text('LÃNH ĐẠO', signX, doc.y, { width: width / 2, align: 'center' });
  doc.y += mm(18);
  doc.font('serifBold').text(slip.leaderName, signX, doc.y, { width: width / 2, align: 'center' });
  doc.moveDown(1);

  // The handling units' opinions and progress, a line each; blank lines to write on when there are none yet.
  doc.font('serifBold').text('Ý kiến, tiến độ giải quyết của đơn vị, cá nhân:', left, doc.y, { width });
  doc.moveDown(0.3);
  const columns = [
    { header: 'Thời gian', width: 22, align: 'center' as const },
    { header: 'Đơn vị, cá nhân', width: 25 },
    { header: 'Ý kiến, đề xuất, tiến độ giải quyết', width: 53 },
  ];
  const rows = slip.progress.length > 0 ? slip.progress.map((p) => [dmyTime(p.at), p.who, p.note]) : [['\n\n', '', ''], ['\n\n', '', ''], ['\n\n', '', '']];
  const style = { left, width, fontSize: 11, padding: 4 };
  const firstTop = doc.y;
  const layout = layoutTable(doc, columns, rows, style, firstTop);
  doc.y = drawTable(doc, columns, layout, style, firstTop, () => undefined);
  return pdfToBuffer(doc);
}
