// A work file exported (Decree 30/2020 Chapter IV and Appendix V; DOMAIN §7 "file lists export to PDF/XML"):
// - PDF: the file's cover (agency, code, title, period, keeper, retention, number of documents and pages), then the
//   document index "MỤC LỤC VĂN BẢN" with each document's number and notation, date, author, summary, pages and the
//   page where it starts in the combined PDF (workfiles-pdf.ts adds the documents after the index); A4 portrait in
//   Tinos with the Decree's margins, "Trang x/y" at the foot;
// - XML: the file's metadata and each document's, element names in the spirit of Decree 30 Appendix VI and the
//   archives' metadata (FileCode, Title, Retention, StartDate, EndDate, Keeper, Documents/Document…), UTF-8, built
//   by fast-xml-parser's XMLBuilder, which escapes the text; characters XML 1.0 cannot carry are dropped.
import { XMLBuilder } from 'fast-xml-parser';
import { createPdf, mm, pdfToBuffer } from '../../platform/pdf/index.ts';
import { dmy, dmyTime, footerText, isoVn } from './print/common.ts';
import { drawTable, layoutTable, type Column } from './print/table.ts';
import { numberNotation } from './numbering.ts';
import type { DocumentRow, WorkFileRow } from './repo.ts';
import { documentType } from './types.ts';
import { retentionText } from './workfiles-messages.ts';

export interface WorkFileExport {
  file: WorkFileRow;
  keeperName: string;
  documents: readonly DocumentRow[];
  agency: { code: string; name: string; parentName?: string };
  printedAt: Date;
}

export const INDEX_TITLE = 'MỤC LỤC VĂN BẢN';

/** `125/UBND-VP`, or '' for a document that has no number yet. */
export function documentNumber(d: Pick<DocumentRow, 'number' | 'notation'>): string {
  return d.number !== null && d.notation ? numberNotation(d.number, d.notation) : d.number !== null ? String(d.number) : '';
}

/** Who wrote the document: the issuer of an incoming one; an outgoing one is the agency's own. */
export function documentAuthor(d: Pick<DocumentRow, 'direction' | 'author'>, agencyName: string): string {
  return d.author || (d.direction === 'out' ? agencyName : '');
}

const pageTotal = (docs: readonly DocumentRow[]): number => docs.reduce((n, d) => n + (d.page_count ?? 0), 0);

// ---------------------------------------------------------------------------------------------------------------
// PDF

const BODY_PT = 13;

function drawCover(doc: PDFKit.PDFDocument, x: WorkFileExport): void {
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const top = doc.page.margins.top;
  const colL = width * 0.55;
  doc.fontSize(12);
  if (x.agency.parentName) doc.font('serif').text(x.agency.parentName.toUpperCase(), left, top, { width: colL, align: 'center' });
  doc.font('serifBold').text(x.agency.name.toUpperCase(), left, x.agency.parentName ? doc.y : top, { width: colL, align: 'center' });
  const rule = colL / 3;
  doc.lineWidth(0.75).moveTo(left + (colL - rule) / 2, doc.y + 2).lineTo(left + (colL + rule) / 2, doc.y + 2).stroke();
  doc.font('serif').fontSize(BODY_PT).text(`Mã hồ sơ: ${x.file.code}`, left + colL, top, { width: width - colL, align: 'right' });

  doc.y = top + mm(60);
  doc.font('serifBold').fontSize(26).text('HỒ SƠ', left, doc.y, { width, align: 'center' });
  doc.moveDown(0.6);
  doc.font('serifBold').fontSize(16).text(x.file.title, left + mm(10), doc.y, { width: width - mm(20), align: 'center' });
  doc.moveDown(2);

  const field = (label: string, value: string): void => {
    doc.font('serif').fontSize(BODY_PT).text(`${label}: `, left + mm(15), doc.y, { width: width - mm(15), continued: true }).font('serifBold').text(value || '…………', { width: width - mm(15) });
    doc.moveDown(0.3);
  };
  field('Thời gian', `Từ ngày ${dmy(x.file.opened_on)} đến ngày ${x.file.closed_on ? dmy(x.file.closed_on) : '…'}`);
  field('Người lập hồ sơ', x.keeperName);
  field('Gồm', `${x.documents.length} văn bản, ${pageTotal(x.documents)} trang`);
  field('Thời hạn bảo quản', retentionText(x.file.retention).vi);
  if (x.file.notes) field('Ghi chú', x.file.notes);
  footerText(doc, `In ngày ${dmyTime(x.printedAt)}`);
}

export const START_HEADER = 'Từ trang';

/** Appendix V's columns, and the page of the combined PDF where each document starts. */
const INDEX_COLUMNS: Column[] = [
  { header: 'STT', width: 6, align: 'center' },
  { header: 'Số, ký hiệu văn bản', width: 16 },
  { header: 'Ngày tháng văn bản', width: 11, align: 'center' },
  { header: 'Tác giả văn bản', width: 15 },
  { header: 'Trích yếu nội dung văn bản', width: 26 },
  { header: 'Số trang', width: 7, align: 'center' },
  { header: START_HEADER, width: 7, align: 'center' },
  { header: 'Ghi chú', width: 12 },
];

/** Where the documents start in the file with its documents (workfiles-pdf.ts), and its number of pages. */
export interface BundleLayout {
  /** The page (from 1, the cover) of each document's separator page, in the order of x.documents. */
  starts: readonly number[];
  total: number;
}

/** The index's note: incoming (with its arrival number) or outgoing, and recalled. */
export function documentNote(d: DocumentRow): string {
  const parts = [d.direction === 'in' ? `Văn bản đến${d.arrival_number !== null ? ` số ${d.arrival_number}` : ''}` : 'Văn bản đi'];
  if (d.state === 'recalled') parts.push('đã thu hồi');
  return parts.join(', ');
}

/**
 * The cover, then the index of documents, the start of each document as `bundle` places it; the pages numbered at
 * the foot once all are drawn, as pages of the combined PDF (workfiles-pdf.ts; the cover is page 1, unnumbered).
 */
export async function workFilePdf(x: WorkFileExport, bundle: BundleLayout): Promise<Buffer> {
  const doc = createPdf({ size: 'A4', title: `Hồ sơ ${x.file.code} - ${x.file.title}`, author: x.agency.name });
  drawCover(doc, x);
  doc.addPage();
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  doc.font('serifBold').fontSize(15).text(INDEX_TITLE, left, doc.page.margins.top, { width, align: 'center' });
  doc.font('serifItalic').fontSize(12).text(`Hồ sơ số ${x.file.code}: ${x.file.title}`, left, doc.y + 2, { width, align: 'center' });
  doc.y += mm(5);
  const rows = x.documents.map((d, i) => [
    String(i + 1),
    documentNumber(d),
    dmy(d.document_date ?? d.arrived_on),
    documentAuthor(d, x.agency.name),
    d.summary,
    d.page_count === null ? '' : String(d.page_count),
    String(bundle.starts[i] ?? ''),
    documentNote(d),
  ]);
  const style = { left, width, fontSize: 10.5, headerFontSize: 10.5, padding: 3 };
  const firstTop = doc.y;
  const layout = layoutTable(doc, INDEX_COLUMNS, rows, style, firstTop);
  const end = drawTable(doc, INDEX_COLUMNS, layout, style, firstTop, () => undefined);
  doc.font('serif').fontSize(12);
  // Never onto a page of its own: the combined PDF counts on the index's pages as laid out.
  const room = doc.page.height - doc.page.margins.bottom - end;
  if (rows.length === 0) doc.font('serifItalic').text('(Hồ sơ chưa có văn bản)', left, end + 6, { width, align: 'center' });
  else if (room > 4 * doc.currentLineHeight()) {
    const where = `Cột “${START_HEADER}” là trang của tệp PDF này nơi văn bản bắt đầu.`;
    doc.text(`Hồ sơ gồm ${rows.length} văn bản, ${pageTotal(x.documents)} trang. ${where}`, left, end + 8, { width, height: 3 * doc.currentLineHeight(), ellipsis: true });
  }
  const range = doc.bufferedPageRange();
  for (let i = 1; i < range.count; i++) {
    doc.switchToPage(range.start + i);
    footerText(doc, `Trang ${i + 1}/${bundle.total}`);
  }
  return pdfToBuffer(doc);
}

// ---------------------------------------------------------------------------------------------------------------
// XML

/** Characters XML 1.0 cannot carry at all; dropped rather than written into a file no one can read. */
const XML_ILLEGAL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g; // eslint-disable-line no-control-regex

type Node = Record<string, unknown>;

/** Absent values are left out; text is cleaned of what XML cannot hold (the builder escapes & < >). */
function node(fields: Record<string, unknown>): Node {
  const out: Node = {};
  for (const [k, v] of Object.entries(fields)) {
    if (v === undefined || v === null || v === '') continue;
    out[k] = typeof v === 'string' ? v.replace(XML_ILLEGAL, '') : v;
  }
  return out;
}

function documentNode(d: DocumentRow, i: number, agencyName: string): Node {
  return node({
    Order: i + 1,
    Identifier: d.id,
    NumberNotation: documentNumber(d),
    IssuedDate: d.document_date,
    TypeCode: d.type_code,
    Type: documentType(d.type_code)?.vi ?? d.type_code,
    Author: documentAuthor(d, agencyName),
    AuthorCode: d.author_code,
    Summary: d.summary,
    PageCount: d.page_count,
    Direction: d.direction,
    ArrivalNumber: d.direction === 'in' ? d.arrival_number : null,
    ArrivalDate: d.direction === 'in' ? d.arrived_on : null,
    Signer: d.signer_name,
    State: d.state,
  });
}

export function workFileXml(x: WorkFileExport): string {
  const builder = new XMLBuilder({ format: true, indentBy: '  ', suppressEmptyNode: true, ignoreAttributes: false, attributeNamePrefix: '@_' });
  const f = x.file;
  const body = {
    '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' },
    WorkFile: {
      Agency: node({ OrganId: x.agency.code, OrganName: x.agency.name, OrganizationInCharge: x.agency.parentName }),
      ...node({
        FileCode: f.code,
        Title: f.title,
        Retention: f.retention,
        RetentionText: retentionText(f.retention).vi,
        Language: 'vi',
        StartDate: f.opened_on,
        EndDate: f.closed_on,
        Keeper: x.keeperName,
        Description: f.notes,
        DocTotal: x.documents.length,
        PageTotal: pageTotal(x.documents),
        ExportedAt: isoVn(x.printedAt),
      }),
      Documents: x.documents.length > 0 ? { Document: x.documents.map((d, i) => documentNode(d, i, x.agency.name)) } : '',
    },
  };
  return builder.build(body) as string;
}
