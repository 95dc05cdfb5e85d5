// Form 03 (Mẫu số 03, Circular 01/2018/TT-VPCP): the refusal to receive and handle a dossier, on A5, giving the
// precise reason (Decree 61/2018: a dossier out of scope or not eligible is refused in writing).
import { createPdf, pdfToBuffer } from '../../../platform/pdf/index.ts';
import { applicantLines, documentName, dossierQrText, openPaper, paragraph, signatureBlock } from './common.ts';
import type { Form03Data } from './types.ts';

export const FORM03_TITLE = 'PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ';
export const FORM03_DOCUMENT = documentName('03', 'Phiếu từ chối tiếp nhận giải quyết hồ sơ');

export function form03QrText(d: Form03Data): string {
  return dossierQrText(d, FORM03_DOCUMENT);
}

export async function renderForm03(d: Form03Data): Promise<Buffer> {
  const doc = createPdf({ size: 'A5', title: `${FORM03_TITLE} ${d.dossierCode}` });
  const f = await openPaper(doc, {
    formNo: '03',
    qrText: form03QrText(d),
    agency: d.agency,
    place: d.place,
    date: d.issuedAt,
    title: FORM03_TITLE,
    subtitles: [`Mã hồ sơ: ${d.dossierCode}`],
  });
  const desk = `Bộ phận Tiếp nhận và Trả kết quả ${d.agency.name}`;
  paragraph(doc, f, `${desk} tiếp nhận hồ sơ của:`);
  applicantLines(doc, f, d, 'Ông/Bà');
  doc.moveDown(0.3);
  paragraph(doc, f, `Qua nghiên cứu, đối chiếu với các quy định hiện hành, ${desk} từ chối tiếp nhận, giải quyết hồ sơ này với lý do cụ thể như sau:`);
  doc.font('serifBold');
  doc.text(d.reason, f.left + 10, doc.y, { width: f.width - 10, align: 'justify' });
  doc.font('serif');
  doc.moveDown(0.3);
  paragraph(doc, f, 'Xin thông báo cho Ông/Bà được biết và thực hiện./.');
  signatureBlock(doc, f, { title: 'NGƯỜI TIẾP NHẬN HỒ SƠ', hint: '(Ký và ghi rõ họ tên)', name: d.officerName });
  return pdfToBuffer(doc);
}
