// The outgoing and incoming registers (sổ đăng ký văn bản đi / đến, Decree 30/2020 Appendix IV) as printed books:
// A4 landscape, which is how registers are printed in practice (ten columns), Tinos, the Decree's margins with the
// bound edge on the left; the register's heading on the first page, then the table with its header row on every
// page and "Trang x/y" at the foot. The spreadsheets with the same columns are in registers-xlsx.ts.
import { mm, pdfToBuffer } from '../../../platform/pdf/index.ts';
import type { IncomingRegisterRow, OutgoingRegisterRow } from '../types.ts';
import { createLandscapeA4, dmyTime, footerText } from './common.ts';
import {
  cellText,
  INCOMING_COLUMNS,
  INCOMING_TITLE,
  OUTGOING_COLUMNS,
  OUTGOING_TITLE,
  periodText,
  type RegisterColumn,
  type RegisterMeta,
} from './register-columns.ts';
import { drawTable, layoutTable, type Column } from './table.ts';

export { incomingRegisterXlsx, outgoingRegisterXlsx } from './registers-xlsx.ts';
export type { RegisterMeta } from './register-columns.ts';

const BODY_PT = 9;

function* cells<R>(columns: readonly RegisterColumn<R>[], rows: readonly R[]): Generator<string[]> {
  for (const r of rows) yield columns.map((c) => cellText(c.value(r)));
}

/** The agency on the left, as on every official paper, then the register's title and its period, centred. */
function drawHeading(doc: PDFKit.PDFDocument, title: string, meta: RegisterMeta, extra: string[]): void {
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const colL = width * 0.4;
  const top = doc.page.margins.top;
  doc.fontSize(12);
  if (meta.parentAgencyName) doc.font('serif').text(meta.parentAgencyName.toUpperCase(), left, top, { width: colL, align: 'center' });
  doc.font('serifBold').text(meta.agencyName.toUpperCase(), left, meta.parentAgencyName ? doc.y : top, { width: colL, align: 'center' });
  const rule = colL / 3;
  doc.lineWidth(0.75).moveTo(left + (colL - rule) / 2, doc.y + 2).lineTo(left + (colL + rule) / 2, doc.y + 2).stroke();
  const agencyEnd = doc.y + 6;
  doc.font('serifItalic').fontSize(9).text(`In ngày ${dmyTime(meta.printedAt)}`, left + colL, top, { width: width - colL, align: 'right' });
  doc.y = agencyEnd + mm(6);
  doc.font('serifBold').fontSize(16).text(title, left, doc.y, { width, align: 'center' });
  doc.font('serifItalic').fontSize(12).text(periodText(meta), left, doc.y + 2, { width, align: 'center' });
  for (const line of extra) doc.text(line, left, doc.y, { width, align: 'center' });
  doc.y += mm(5);
}

async function registerPdf<R>(title: string, columns: readonly RegisterColumn<R>[], rows: readonly R[], meta: RegisterMeta, extra: string[]): Promise<Buffer> {
  const doc = createLandscapeA4(`${title} - ${meta.agencyName} - ${periodText(meta)}`);
  drawHeading(doc, title, meta, extra);
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const style = { left, width, fontSize: BODY_PT, headerFontSize: BODY_PT };
  const tableColumns: Column[] = columns.map((c) => ({ header: c.header, width: c.width, align: c.center ? 'center' : 'left' }));
  const firstTop = doc.y;
  const layout = layoutTable(doc, tableColumns, cells(columns, rows), style, firstTop);
  const pageCount = layout.pages.length;
  const end = drawTable(doc, tableColumns, layout, style, firstTop, (p) => footerText(doc, `Trang ${p + 1}/${pageCount}`));
  if (rows.length === 0) doc.font('serifItalic').fontSize(11).text('(Không có văn bản trong kỳ)', left, end + 6, { width, align: 'center' });
  return pdfToBuffer(doc);
}

export function outgoingRegisterPdf(rows: readonly OutgoingRegisterRow[], meta: RegisterMeta): Promise<Buffer> {
  return registerPdf(OUTGOING_TITLE, OUTGOING_COLUMNS, rows, meta, []);
}

export function incomingRegisterPdf(rows: readonly IncomingRegisterRow[], meta: RegisterMeta): Promise<Buffer> {
  let lo = Infinity;
  let hi = -Infinity;
  for (const r of rows) {
    lo = Math.min(lo, r.arrivalNumber);
    hi = Math.max(hi, r.arrivalNumber);
  }
  const extra = rows.length > 0 ? [`Từ số ${lo} đến số ${hi}`] : [];
  return registerPdf(INCOMING_TITLE, INCOMING_COLUMNS, rows, meta, extra);
}
