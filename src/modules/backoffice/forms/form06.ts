// Form 06 (Mẫu số 06, Circular 01/2018/TT-VPCP): the tracking book of the one-stop desk, one line per dossier, on
// A4 landscape, with a QR code holding the agency's code, the period and the document's name.
import { drawNationalHeading, drawQrTopLeft, mm, pdfToBuffer } from '../../../platform/pdf/index.ts';
import { headingAgency, DEFAULT_PLACE, QR_MM } from './common.ts';
import { bookCellText, createLandscapeA4, FORM06_COLUMNS, FORM06_TITLE, form06QrText, periodText } from './book.ts';
import { drawTable } from './table.ts';
import type { BookMeta, BookRow } from './types.ts';

export async function renderForm06(rows: readonly BookRow[], meta: BookMeta): Promise<Buffer> {
  const doc = createLandscapeA4(`${FORM06_TITLE} ${meta.agency.code} ${periodText(meta)}`);
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  doc.font('serifItalic').fontSize(9).text('Mẫu số 06', left, mm(7), { width, align: 'right' });
  await drawQrTopLeft(doc, form06QrText(meta), QR_MM);
  drawNationalHeading(doc, { ...headingAgency(meta.agency), place: meta.place ?? DEFAULT_PLACE, date: meta.issuedAt, offsetLeft: mm(QR_MM + 2) });
  doc.y = Math.max(doc.y, doc.page.margins.top + mm(QR_MM) + 6);
  doc.font('serifBold').fontSize(14).text(FORM06_TITLE, left, doc.y, { width, align: 'center' });
  doc.font('serifItalic').fontSize(11).text(periodText(meta), left, doc.y, { width, align: 'center' });
  doc.moveDown(0.6);
  const cells = rows.map((r, i) => FORM06_COLUMNS.map((c) => bookCellText(c, c.value(r, i))));
  const columns = FORM06_COLUMNS.map((c) => ({ header: c.header, width: c.width, align: c.kind === 'text' ? ('left' as const) : ('center' as const) }));
  drawTable(doc, columns, cells, { left, width, fontSize: 8 });
  if (rows.length === 0) doc.font('serifItalic').fontSize(10).text('(Không có hồ sơ trong kỳ)', left, doc.y, { width, align: 'center' });

  // A book runs over pages: number them at the foot, outside the text area so pdfkit adds no page.
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.font('serif').fontSize(8).text(`Trang ${i + 1}/${range.count}`, left, doc.page.height - bottom / 2 - 4, { width, align: 'center', lineBreak: false });
    doc.page.margins.bottom = bottom;
  }
  return pdfToBuffer(doc);
}
