// What the one-stop papers share: Vietnam-time dates, the QR code's text (Circular 01/2023/TT-VPCP: at least the
// dossier code, the procedure code, the applicant's identifier and the document's name), and the A5 paper's frame
// (QR top-left, form number, national heading, title, field lines, signature block) laid out as on Form 01.
import { drawNationalHeading, drawQrTopLeft, mm } from '../../../platform/pdf/index.ts';
import { displayPhone } from '../../dossiers/index.ts';
import { formatDate } from '../../../platform/web/i18n.ts';
import type { DossierFormBase, FormAgency } from './types.ts';

export const QR_MM = 22;
export const ONE_STOP_UNIT = 'Bộ phận Tiếp nhận và Trả kết quả';
export const DEFAULT_PLACE = 'Hà Nội';
/** What a blank on the printed form looks like when the data has nothing to put there. */
export const BLANK = '…………';
export const BODY_PT = 9.5;

const pad = (n: number): string => String(n).padStart(2, '0');

/** Wall-clock parts of an instant in Vietnam (UTC+7, no daylight saving). */
export function vnParts(at: Date): { y: number; m: string; d: string; hh: string; mi: string } {
  const t = new Date(at.getTime() + 7 * 3_600_000);
  return { y: t.getUTCFullYear(), m: pad(t.getUTCMonth() + 1), d: pad(t.getUTCDate()), hh: pad(t.getUTCHours()), mi: pad(t.getUTCMinutes()) };
}

/** The Vietnam calendar day as a sortable number, 20260213. */
export function vnDayKey(at: Date): number {
  const p = vnParts(at);
  return p.y * 10_000 + Number(p.m) * 100 + Number(p.d);
}

/** 13/02/2026, as every page writes a date (platform/web/i18n.ts). */
export function vnDate(at: Date): string {
  return formatDate('vi', at);
}

/** 08:30 */
export function vnTime(at: Date): string {
  const p = vnParts(at);
  return `${p.hh}:${p.mi}`;
}

/** 08:30 ngày 13/02/2026 */
export function vnDateTime(at: Date): string {
  return `${vnTime(at)} ngày ${vnDate(at)}`;
}

/** ngày 13 tháng 02 năm 2026 */
export function vnDateWords(at: Date): string {
  const p = vnParts(at);
  return `ngày ${p.d} tháng ${p.m} năm ${p.y}`;
}

/** The same instant moved so that its UTC fields read Vietnam's wall clock: spreadsheets have no time zone. */
export function vnWallClock(at: Date): Date {
  return new Date(at.getTime() + 7 * 3_600_000);
}

export function documentName(formNo: string, title: string): string {
  return `Mẫu số ${formNo} - ${title}`;
}

/** One "key: value" a line, as Form 01's QR code, readable by any scanner. */
export function dossierQrText(d: Pick<DossierFormBase, 'dossierCode' | 'procedure' | 'applicant'>, docName: string): string {
  return [`Mã hồ sơ: ${d.dossierCode}`, `Mã TTHC: ${d.procedure.code}`, `Số định danh: ${d.applicant.personal_id}`, `Giấy tờ: ${docName}`].join('\n');
}

export function phoneText(phone: string | null | undefined): string {
  return phone ? displayPhone(phone) : '';
}

/** The two lines on the left of the national heading, as on Form 01. */
export function headingAgency(a: FormAgency): { parentAgency: string; agency: string } {
  return a.parentName ? { parentAgency: a.parentName, agency: a.name } : { parentAgency: a.name, agency: ONE_STOP_UNIT };
}

export interface Frame {
  left: number;
  width: number;
}

export interface PaperHead {
  formNo: string;
  qrText: string;
  agency: FormAgency;
  place?: string | null;
  date: Date;
  /** The "Số: …" line under the agency, for papers that are numbered. */
  number?: string;
  title: string;
  /** Centred lines under the title. */
  subtitles?: readonly string[];
}

/** QR code, form number, national heading and title; leaves the cursor under the title, body font set. */
export async function openPaper(doc: PDFKit.PDFDocument, h: PaperHead): Promise<Frame> {
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  doc.font('serifItalic').fontSize(8).text(`Mẫu số ${h.formNo}`, left, mm(5), { width, align: 'right' });
  await drawQrTopLeft(doc, h.qrText, QR_MM);
  drawNationalHeading(doc, { ...headingAgency(h.agency), number: h.number, place: h.place ?? DEFAULT_PLACE, date: h.date, offsetLeft: mm(QR_MM + 2) });
  doc.y = Math.max(doc.y, doc.page.margins.top + mm(QR_MM) + 6);
  doc.font('serifBold').fontSize(doc.page.width < 500 ? 11 : 14).text(h.title, left, doc.y, { width, align: 'center' });
  doc.font('serif').fontSize(doc.page.width < 500 ? BODY_PT : 11);
  for (const s of h.subtitles ?? []) doc.text(s, left, doc.y, { width, align: 'center' });
  doc.moveDown(0.6);
  doc.fontSize(BODY_PT);
  return { left, width };
}

/** "Label: value" with the value in bold, as the Circular's forms fill their dotted lines. */
export function fieldLine(doc: PDFKit.PDFDocument, f: Frame, label: string, value: string): void {
  doc.font('serif').text(`${label}: `, f.left, doc.y, { width: f.width, continued: true }).font('serifBold').text(value || BLANK, { width: f.width });
  doc.font('serif');
}

export function paragraph(doc: PDFKit.PDFDocument, f: Frame, text: string, indent = 0): void {
  doc.font('serif').text(text, f.left + indent, doc.y, { width: f.width - indent, align: 'justify' });
}

/** Applicant lines common to Forms 02 and 03. */
export function applicantLines(doc: PDFKit.PDFDocument, f: Frame, d: DossierFormBase, nameLabel: string): void {
  fieldLine(doc, f, nameLabel, d.applicant.name);
  fieldLine(doc, f, 'Số định danh cá nhân', d.applicant.personal_id);
  fieldLine(doc, f, 'Địa chỉ', d.applicant.address);
  const contact = [phoneText(d.applicant.phone) && `Số điện thoại: ${phoneText(d.applicant.phone)}`, d.applicant.email && `Email: ${d.applicant.email}`].filter(Boolean);
  if (contact.length > 0) doc.font('serif').text(contact.join('    '), f.left, doc.y, { width: f.width });
  fieldLine(doc, f, 'Nội dung yêu cầu giải quyết', d.procedure.name);
}

/** The signature block on the right half: title, hint, room to sign, then the name. */
export function signatureBlock(doc: PDFKit.PDFDocument, f: Frame, s: { title: string; hint: string; name?: string | null }): void {
  const height = 80;
  if (doc.y + height > doc.page.height - doc.page.margins.bottom) doc.addPage();
  doc.moveDown(0.8);
  const x = f.left + f.width / 2;
  const w = f.width / 2;
  doc.font('serifBold').text(s.title, x, doc.y, { width: w, align: 'center' });
  doc.font('serifItalic').text(s.hint, x, doc.y, { width: w, align: 'center' });
  doc.y += 38;
  if (s.name) doc.font('serifBold').text(s.name, x, doc.y, { width: w, align: 'center' });
  doc.font('serif');
}
