// An administrative document laid out as Decree 30/2020 Appendix I prescribes: A4 portrait, Tinos (Times New Roman
// metrics), margins 20/15/20/30 mm; the agency and the number on the left, the national motto and the place and
// date on the right; the type's name and summary (or, for a công văn, "V/v …" under the number); the urgency and
// confidentiality marks; the body; "Nơi nhận" and the signature block; and, once the agency has signed it
// digitally, the image of its seal over the left third of the signature with the signature's information beside.
import { createRequire } from 'node:module';
import { createPdf, mm, pdfToBuffer } from '../../../platform/pdf/index.ts';
import { documentType, OFFICIAL_LETTER, URGENCIES, type DocumentTypeCode, type Urgency } from '../types.ts';
import { dateWords, isoVn } from './common.ts';

export { sealPng } from './seal.ts';

export interface OfficialDocument {
  parentAgencyName?: string;
  agencyName: string;
  /** `05/QĐ-UBND`; null until the clerk numbers it, which leaves the number blank. */
  numberNotation: string | null;
  place: string;
  /** ISO day of issue; null leaves the day, month and year blank. */
  date: string | null;
  typeCode: DocumentTypeCode;
  summary: string;
  /** Plain text; paragraphs are separated by blank lines. */
  body: string;
  recipients: string[];
  signer: { competence?: string; position: string; fullName: string };
  urgency: Urgency;
  secrecy?: 'normal' | 'confidential';
  /** The seal as a transparent PNG (sealPng); drawn only with signedBy. */
  sealImage?: Buffer;
  signedBy?: { agencyName: string; at: Date };
}

const require = createRequire(import.meta.url);
const BOLD_ITALIC = require.resolve('@expo-google-fonts/tinos/700Bold_Italic/Tinos_700Bold_Italic.ttf');
const BODY_PT = 14;
const SEAL_MM = 38;
/** Room left for the handwritten (or digital) signature between the position and the name. */
const SIGN_SPACE_MM = 30;

export const UNNUMBERED = 'Số:      /…';

/** "- Sở Nội vụ;" each, the last "- Lưu: VT, …." (added as "- Lưu: VT." when the list has no "Lưu" line). */
export function recipientLines(recipients: readonly string[]): string[] {
  const items = recipients.map((r) => r.trim().replace(/^-\s*/, '').replace(/[;.,\s]+$/, '')).filter(Boolean);
  if (!/^lưu\b/i.test(items[items.length - 1] ?? '')) items.push('Lưu: VT');
  return items.map((r, i) => `- ${r}${i === items.length - 1 ? '.' : ';'}`);
}

/** A công văn's summary always reads "V/v …". */
export function letterSubject(summary: string): string {
  const s = summary.trim();
  return /^v\/v\b/i.test(s) ? `V/v${s.slice(3)}` : `V/v ${s}`;
}

/** A short centred rule under a line of text, `share` of the text's width. */
function ruleUnder(doc: PDFKit.PDFDocument, x: number, width: number, textWidth: number, share: number): void {
  const len = Math.min(textWidth, width) * share;
  const y = doc.y + 1;
  doc.lineWidth(0.6).moveTo(x + (width - len) / 2, y).lineTo(x + (width + len) / 2, y).stroke();
  doc.y = y + 3;
}

/** A bold mark in a box (urgency, confidentiality), centred in its column. */
function boxedMark(doc: PDFKit.PDFDocument, text: string, x: number, width: number): void {
  doc.font('serifBold').fontSize(13);
  const w = doc.widthOfString(text) + mm(6);
  const h = doc.currentLineHeight() + mm(2);
  const bx = x + (width - w) / 2;
  const by = doc.y + mm(2);
  doc.lineWidth(1).rect(bx, by, w, h).stroke();
  doc.text(text, bx, by + mm(1), { width: w, align: 'center', lineBreak: false });
  doc.y = by + h;
}

/** The heading table: agency and number (with V/v and the marks) on the left, the motto and date on the right. */
function drawHeading(doc: PDFKit.PDFDocument, d: OfficialDocument, left: number, width: number): void {
  const top = doc.page.margins.top;
  const motto = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
  // The motto's column is as wide as the motto; the agency's column takes the rest (about 40%).
  const mottoPt = 12.5;
  doc.font('serifBold').fontSize(mottoPt);
  const colR = Math.max(width * 0.55, doc.widthOfString(motto) + 8);
  const colL = width - colR - 6;
  const xR = left + width - colR;

  doc.fontSize(12.5);
  if (d.parentAgencyName) doc.font('serif').text(d.parentAgencyName.toUpperCase(), left, top, { width: colL, align: 'center' });
  const agency = d.agencyName.toUpperCase();
  doc.font('serifBold').text(agency, left, d.parentAgencyName ? doc.y : top, { width: colL, align: 'center' });
  ruleUnder(doc, left, colL, doc.widthOfString(agency), 0.4);
  const leftEnd = doc.y;

  doc.font('serifBold').fontSize(mottoPt).text(motto, xR, top, { width: colR, align: 'center' });
  const slogan = 'Độc lập - Tự do - Hạnh phúc';
  doc.fontSize(13.5).text(slogan, xR, doc.y, { width: colR, align: 'center' });
  ruleUnder(doc, xR, colR, doc.widthOfString(slogan), 1);
  const rowY = Math.max(leftEnd, doc.y) + mm(3);

  doc.font('serif').fontSize(13).text(d.numberNotation ? `Số: ${d.numberNotation}` : UNNUMBERED, left, rowY, { width: colL, align: 'center' });
  if (d.typeCode === OFFICIAL_LETTER) doc.font('serif').fontSize(12.5).text(letterSubject(d.summary), left + mm(3), doc.y + 2, { width: colL - mm(6), align: 'center' });
  if (d.urgency !== 'normal') boxedMark(doc, URGENCIES[d.urgency].vi.toUpperCase(), left, colL);
  if (d.secrecy === 'confidential') boxedMark(doc, 'MẬT', left, colL);
  const leftBottom = doc.y;

  doc.font('serifItalic').fontSize(14).text(`${d.place}, ${dateWords(d.date)}`, xR, rowY, { width: colR, align: 'center' });
  doc.y = Math.max(leftBottom, doc.y) + mm(6);
}

/** The type's name and the summary, centred and bold, with a short rule under them (not for a công văn). */
function drawTitle(doc: PDFKit.PDFDocument, d: OfficialDocument, left: number, width: number): void {
  const name = documentType(d.typeCode)?.vi ?? d.typeCode;
  doc.font('serifBold').fontSize(14).text(name.toUpperCase(), left, doc.y, { width, align: 'center' });
  const summary = d.summary.trim();
  if (summary) {
    doc.text(summary, left + mm(10), doc.y, { width: width - mm(20), align: 'center' });
    ruleUnder(doc, left, width, Math.min(doc.widthOfString(summary), width - mm(20)), 0.4);
  }
  doc.y += mm(4);
}

function drawBody(doc: PDFKit.PDFDocument, body: string, left: number, width: number): void {
  const paragraphs = body
    .split(/\r?\n\s*\r?\n/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
  doc.font('serif').fontSize(BODY_PT);
  for (const p of paragraphs) doc.text(p, left, doc.y, { width, align: 'justify', indent: mm(12.7), paragraphGap: 6, lineGap: 2 });
}

/** "Nơi nhận" on the left, the signature on the right; the seal and the signature's information once signed. */
function drawClosing(doc: PDFKit.PDFDocument, d: OfficialDocument, left: number, width: number): void {
  const lines = recipientLines(d.recipients);
  doc.font('serif').fontSize(11);
  const needed = Math.max(doc.currentLineHeight(true) * (lines.length + 2), mm(SIGN_SPACE_MM + 30));
  if (doc.y + mm(4) + needed > doc.page.height - doc.page.margins.bottom) doc.addPage();
  const top = doc.y + mm(4);
  const colL = width * 0.45;
  const xR = left + colL;
  const colR = width - colL;

  doc.font('serifBoldItalic').fontSize(12).text('Nơi nhận:', left, top, { width: colL });
  doc.font('serif').fontSize(11);
  for (const line of lines) doc.text(line, left, doc.y, { width: colL });
  const leftEnd = doc.y;

  doc.font('serifBold').fontSize(14);
  if (d.signer.competence) doc.text(d.signer.competence.toUpperCase(), xR, top, { width: colR, align: 'center' });
  doc.text(d.signer.position.toUpperCase(), xR, d.signer.competence ? doc.y : top, { width: colR, align: 'center' });
  const signTop = doc.y;
  const nameY = signTop + mm(SIGN_SPACE_MM);
  if (d.sealImage && d.signedBy) {
    // The signer's signature image is taken as 40 mm wide, centred; the seal covers its left third.
    const centre = xR + colR / 2;
    const size = mm(SEAL_MM);
    const sealX = centre - mm(20) + mm(40) / 3 - size;
    const sealY = signTop + (mm(SIGN_SPACE_MM) - size) / 2;
    doc.image(d.sealImage, sealX, sealY, { width: size, height: size });
    doc.font('serif').fontSize(10);
    const infoX = sealX + size + mm(1);
    const infoW = xR + colR - infoX;
    doc.text(`Ký bởi: ${d.signedBy.agencyName}`, infoX, signTop + mm(SIGN_SPACE_MM) / 2 - 12, { width: infoW });
    doc.text(`Thời gian ký: ${isoVn(d.signedBy.at)}`, infoX, doc.y, { width: infoW });
  }
  doc.font('serifBold').fontSize(14).text(d.signer.fullName, xR, nameY, { width: colR, align: 'center' });
  doc.y = Math.max(leftEnd, doc.y);
}

export async function officialDocumentPdf(d: OfficialDocument): Promise<Buffer> {
  const doc = createPdf({ size: 'A4', title: `${documentType(d.typeCode)?.vi ?? ''} ${d.numberNotation ?? ''} - ${d.summary}`.trim(), author: d.agencyName });
  doc.registerFont('serifBoldItalic', BOLD_ITALIC);
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  drawHeading(doc, d, left, width);
  if (d.typeCode !== OFFICIAL_LETTER) drawTitle(doc, d, left, width);
  drawBody(doc, d.body, left, width);
  drawClosing(doc, d, left, width);

  // From the second page on, the page number at the top centre (Decree 30 Appendix I), in the top margin.
  const range = doc.bufferedPageRange();
  for (let i = range.start + 1; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    doc.font('serif').fontSize(13).text(String(i + 1), left, doc.page.margins.top / 2 - 6, { width, align: 'center', lineBreak: false });
  }
  return pdfToBuffer(doc);
}
