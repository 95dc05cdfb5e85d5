// Form 04 (Mẫu số 04, Circular 01/2018/TT-VPCP): the apology and new return date, on A5. The unit that is late
// issues it at least one working day before the deadline, and the return date may be reset only once (Decree
// 61/2018); those rules are the caller's, this paper only prints the facts.
import { createPdf, pdfToBuffer } from '../../../platform/pdf/index.ts';
import { BLANK, documentName, dossierQrText, fieldLine, openPaper, paragraph, signatureBlock, vnDate, vnDateWords, vnDayKey } from './common.ts';
import type { Form04Data } from './types.ts';

export const FORM04_TITLE = 'PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ';
export const FORM04_DOCUMENT = documentName('04', 'Phiếu xin lỗi và hẹn lại ngày trả kết quả');

export function form04QrText(d: Form04Data): string {
  return dossierQrText(d, FORM04_DOCUMENT);
}

export async function renderForm04(d: Form04Data): Promise<Buffer> {
  if (vnDayKey(d.newDueAt) <= vnDayKey(d.dueAt)) throw new RangeError('Form 04: the new return date must be a later day than the first');
  const doc = createPdf({ size: 'A5', title: `${FORM04_TITLE} ${d.dossierCode}` });
  const f = await openPaper(doc, {
    formNo: '04',
    qrText: form04QrText(d),
    agency: d.agency,
    place: d.place,
    date: d.issuedAt,
    number: `Số: ${d.number ?? BLANK}`,
    title: FORM04_TITLE,
  });
  const agency = d.agency.name;
  doc.font('serifBold').text(`Kính gửi: ${d.applicant.name}`, f.left, doc.y, { width: f.width, align: 'center' });
  doc.moveDown(0.4);
  paragraph(doc, f, `Ngày ${vnDate(d.receivedAt)}, ${agency} tiếp nhận giải quyết hồ sơ đề nghị ${d.procedure.name} của Ông/Bà.`);
  fieldLine(doc, f, 'Mã hồ sơ', d.dossierCode);
  fieldLine(doc, f, 'Thời hẹn trả kết quả giải quyết hồ sơ', vnDate(d.dueAt));
  paragraph(doc, f, `Tuy nhiên đến nay, ${agency} chưa trả kết quả giải quyết hồ sơ của Ông/Bà.`);
  fieldLine(doc, f, 'Lý do', d.reason);
  paragraph(doc, f, `Sự chậm trễ này đã gây phiền hà, tốn kém chi phí đi lại của Ông/Bà. ${agency} xin lỗi Ông/Bà và sẽ trả kết quả giải quyết hồ sơ cho Ông/Bà vào ${vnDateWords(d.newDueAt)}.`);
  paragraph(doc, f, 'Xin trân trọng cảm ơn sự hợp tác của Ông/Bà./.');
  signatureBlock(doc, f, { title: d.signerTitle ?? 'THỦ TRƯỞNG CƠ QUAN, ĐƠN VỊ', hint: '(Ký, ghi rõ họ tên)', name: d.officerName });
  return pdfToBuffer(doc);
}
