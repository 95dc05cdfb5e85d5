// The certificate as a PDF (A4, landscape-free and plain): the holder, the kind, the issue date, the code and a QR code
// of the public verification URL, so that anyone can check it without signing in.
import { createPdf, drawNationalHeading, drawQrTopLeft, mm, pdfToBuffer } from '../../platform/pdf/index.ts';
import type { CertificateView } from './certificates.ts';
import { displayCode } from './code.ts';
import { MODULE_SOURCE } from './modules.ts';

export const verifyUrl = (baseUrl: string, code: string): string => `${baseUrl}/xac-minh-chung-chi/${code}`;

export async function certificatePdf(c: CertificateView & { birth_date?: string }, baseUrl: string): Promise<Buffer> {
  const doc = createPdf({ size: 'A4', title: `Chứng chỉ ${displayCode(c.code)}` });
  await drawQrTopLeft(doc, verifyUrl(baseUrl, c.code));
  drawNationalHeading(doc, { parentAgency: 'Ủy ban nhân dân thành phố Hà Nội', agency: 'Sở Nội vụ', place: 'Hà Nội', date: new Date(`${c.issued_on}T03:00:00Z`), offsetLeft: mm(24) });
  doc.moveDown(2);
  doc.font('serifBold').fontSize(18).text(c.kind === 'basic' ? 'CHỨNG CHỈ ỨNG DỤNG CÔNG NGHỆ THÔNG TIN CƠ BẢN' : 'CHỨNG CHỈ ỨNG DỤNG CÔNG NGHỆ THÔNG TIN NÂNG CAO', { align: 'center' });
  doc.moveDown(1.5);
  doc.font('serif').fontSize(14).text(`Cấp cho: ${c.full_name}`);
  doc.moveDown(0.5).text(`Ngày cấp: ${c.issued_on.split('-').reverse().join('/')}`);
  doc.moveDown(0.5).text(`Mã chứng chỉ: ${displayCode(c.code)}`);
  doc.moveDown(0.5).text(`Xác minh tại: ${verifyUrl(baseUrl, c.code)}`);
  doc.moveDown(1.5).fontSize(11).font('serifItalic').text(`Theo ${MODULE_SOURCE.exam}.`);
  return pdfToBuffer(doc);
}
