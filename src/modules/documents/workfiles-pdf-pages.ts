// The pages the work file with its documents (workfiles-pdf.ts) adds between the documents: before each document a
// separator page naming it (number and notation, type, date, author, summary, the index's note) and listing its
// files with the pages where they are; and, in place of a file that could not be read, a page saying so (Vietnamese,
// then English). Each is exactly one page: long texts are cut with "…", and a long list of files ends with "… and n
// more"; the pages are numbered as pages of the combined PDF.
import { createPdf, mm, pdfToBuffer } from '../../platform/pdf/index.ts';
import { dmy, footerText } from './print/common.ts';
import type { DocumentRow } from './repo.ts';
import { documentType } from './types.ts';
import { documentAuthor, documentNote, documentNumber, type BundleLayout, type WorkFileExport } from './workfiles-export.ts';

/** What the combined PDF holds of one file of a document: its pages (an image is one), a notice page, or only its name. */
export type FilePart = { kind: 'pages'; name: string; pages: number; image: boolean } | { kind: 'failed'; name: string } | { kind: 'skipped'; name: string };

export interface PagesLayout extends BundleLayout {
  /** For each document, the page where each of its parts starts (a failed one: its notice page; a skipped one: 0). */
  first: readonly (readonly number[])[];
}

export const SEPARATOR_TITLE = 'VĂN BẢN';
export const NOTICE_TITLE = 'TỆP KHÔNG ĐƯA VÀO ĐƯỢC';

const cut = (s: string, max: number): string => (s.length > max ? `${s.slice(0, max - 1)}…` : s);

function frame(doc: PDFKit.PDFDocument): { left: number; width: number; top: number; bottom: number } {
  const left = doc.page.margins.left;
  return { left, width: doc.page.width - left - doc.page.margins.right, top: doc.page.margins.top, bottom: doc.page.height - doc.page.margins.bottom };
}

function partText(p: FilePart, at: number): string {
  if (p.kind === 'skipped') return `${p.name}: không phải PDF hay ảnh nên không đưa vào; xem tệp trên trang của văn bản`;
  if (p.kind === 'failed') return `${p.name}: không đọc được nên không đưa vào (trang ${at})`;
  if (p.image) return `${p.name}: ảnh, trang ${at}`;
  return `${p.name}: ${p.pages} trang, ${p.pages === 1 ? `trang ${at}` : `từ trang ${at} đến trang ${at + p.pages - 1}`}`;
}

function drawSeparator(doc: PDFKit.PDFDocument, x: WorkFileExport, i: number, parts: readonly FilePart[], first: readonly number[]): void {
  const d = x.documents[i] as DocumentRow;
  const { left, width, top, bottom } = frame(doc);
  doc.font('serifItalic').fontSize(11).text(cut(`Hồ sơ số ${x.file.code}: ${x.file.title}`, 240), left, top, { width, align: 'center' });
  doc.y = top + mm(25);
  doc.font('serifBold').fontSize(14).text(`${SEPARATOR_TITLE} ${i + 1}/${x.documents.length}`, left, doc.y, { width, align: 'center' });
  doc.moveDown(0.4);
  doc.font('serifBold').fontSize(18).text(documentNumber(d) || '(chưa có số, ký hiệu)', left, doc.y, { width, align: 'center' });
  const type = documentType(d.type_code)?.vi;
  if (type) doc.font('serif').fontSize(13).text(type, left, doc.y, { width, align: 'center' });
  doc.moveDown(1.2);
  const field = (label: string, value: string): void => {
    if (!value) return;
    doc.font('serifBold').fontSize(13).text(`${label}: `, left, doc.y, { width, continued: true }).font('serif').text(value, { width });
    doc.moveDown(0.3);
  };
  field('Ngày văn bản', dmy(d.document_date ?? d.arrived_on));
  field('Tác giả', cut(documentAuthor(d, x.agency.name), 200));
  field('Trích yếu', cut(d.summary, 600));
  field('Ghi chú', documentNote(d));
  doc.moveDown(0.6);
  doc.font('serifBold').fontSize(13).text('Tệp của văn bản trong bản PDF này:', left, doc.y, { width });
  doc.font('serif').fontSize(12);
  const line = doc.currentLineHeight(true);
  if (parts.length === 0) doc.font('serifItalic').text('(Văn bản không có tệp điện tử trong hệ thống.)', left + mm(5), doc.y, { width: width - mm(5) });
  for (const [j, p] of parts.entries()) {
    // Room for this line (two at most) and for the "… more" line under it.
    if (doc.y + 3 * line > bottom) {
      doc.font('serifItalic').text(`… và ${parts.length - j} tệp khác`, left + mm(5), doc.y, { width: width - mm(5), lineBreak: false });
      break;
    }
    doc.text(`• ${partText(p, first[j] ?? 0)}`, left + mm(5), doc.y, { width: width - mm(5), height: 2 * line, ellipsis: true });
  }
}

function drawNotice(doc: PDFKit.PDFDocument, x: WorkFileExport, i: number, name: string): void {
  const d = x.documents[i] as DocumentRow;
  const { left, width, top } = frame(doc);
  const number = documentNumber(d);
  const vi = number ? `văn bản ${number}` : `văn bản thứ ${i + 1} của hồ sơ`;
  const en = number ? `document ${number}` : `document ${i + 1} of the file`;
  const file = cut(name, 200);
  doc.font('serifBold').fontSize(15).text(NOTICE_TITLE, left, top + mm(50), { width, align: 'center' });
  doc.font('serifItalic').fontSize(12).text('File not included', left, doc.y, { width, align: 'center' });
  doc.moveDown(1.5);
  doc
    .font('serif')
    .fontSize(13)
    .text(
      `Tệp “${file}” của ${vi} không đọc được (tệp hỏng, được mã hóa hoặc không đúng định dạng) nên không được đưa vào bản PDF này. Tệp gốc vẫn được lưu và mở được từ trang của văn bản.`,
      left,
      doc.y,
      { width, align: 'justify' },
    );
  doc.moveDown(1);
  doc
    .font('serifItalic')
    .fontSize(12)
    .text(`The file “${file}” of ${en} could not be read (damaged, encrypted or in a format that cannot be read), so it is not included in this PDF. The original file is kept and can be opened from the document’s page.`, left, doc.y, {
      width,
      align: 'justify',
    });
}

/** For each document its separator page, then a notice page for each of its files that failed; one PDF, in that order. */
export async function separatorPdf(x: WorkFileExport, parts: readonly (readonly FilePart[])[], layout: PagesLayout): Promise<Buffer> {
  const doc = createPdf({ size: 'A4', title: `Hồ sơ ${x.file.code}`, author: x.agency.name });
  const numbers: number[] = [];
  for (const [i, ps] of parts.entries()) {
    if (i > 0) doc.addPage();
    drawSeparator(doc, x, i, ps, layout.first[i] ?? []);
    numbers.push(layout.starts[i] ?? 0);
    for (const [j, p] of ps.entries()) {
      if (p.kind !== 'failed') continue;
      doc.addPage();
      drawNotice(doc, x, i, p.name);
      numbers.push(layout.first[i]?.[j] ?? 0);
    }
  }
  const range = doc.bufferedPageRange();
  // Each page is drawn to fit; a page more would shift every document after it.
  if (range.count !== Math.max(1, numbers.length)) throw new Error(`work file PDF: ${range.count} separator pages drawn, ${numbers.length} planned`);
  for (let p = 0; p < numbers.length; p++) {
    doc.switchToPage(range.start + p);
    footerText(doc, `Trang ${numbers[p]}/${layout.total}`);
  }
  return pdfToBuffer(doc);
}
