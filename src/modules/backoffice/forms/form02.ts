// Form 02 (Mẫu số 02, Circular 01/2018/TT-VPCP): the request to supplement and complete a dossier, on A5. Everything
// missing is listed on this one paper (Decree 61/2018: the applicant is asked once), with whom to ask for help.
import { createPdf, pdfToBuffer } from '../../../platform/pdf/index.ts';
import { applicantLines, BLANK, documentName, dossierQrText, fieldLine, openPaper, paragraph, phoneText, signatureBlock } from './common.ts';
import type { Form02Data } from './types.ts';

export const FORM02_TITLE = 'PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ';
export const FORM02_DOCUMENT = documentName('02', 'Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ');

export function form02QrText(d: Form02Data): string {
  return dossierQrText(d, FORM02_DOCUMENT);
}

export async function renderForm02(d: Form02Data): Promise<Buffer> {
  if (d.items.length === 0) throw new RangeError('Form 02 lists at least one item to supplement');
  const doc = createPdf({ size: 'A5', title: `${FORM02_TITLE} ${d.dossierCode}` });
  const f = await openPaper(doc, {
    formNo: '02',
    qrText: form02QrText(d),
    agency: d.agency,
    place: d.place,
    date: d.issuedAt,
    number: `Số: ${d.number ?? BLANK}`,
    title: FORM02_TITLE,
    subtitles: [`Mã hồ sơ: ${d.dossierCode}`],
  });
  applicantLines(doc, f, d, 'Hồ sơ của');
  doc.moveDown(0.3);
  paragraph(doc, f, 'Yêu cầu hoàn thiện hồ sơ gồm những nội dung sau:');
  d.items.forEach((item, i) => paragraph(doc, f, `${i + 1}. ${item.text}`, 10));
  if (d.reason) fieldLine(doc, f, 'Lý do', d.reason);
  const who = d.contact?.name ?? d.officerName ?? d.agency.name;
  const phone = phoneText(d.contact?.phone);
  doc.moveDown(0.3);
  paragraph(doc, f, `Trong quá trình hoàn thiện hồ sơ nếu có vướng mắc, Ông/Bà liên hệ với ${who}${phone ? `, số điện thoại ${phone}` : ''} để được hướng dẫn./.`);
  signatureBlock(doc, f, { title: 'NGƯỜI HƯỚNG DẪN', hint: '(Ký và ghi rõ họ tên)', name: d.officerName });
  return pdfToBuffer(doc);
}
