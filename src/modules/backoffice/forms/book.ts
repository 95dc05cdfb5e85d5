// The tracking book's columns (Mẫu số 06, Circular 01/2018/TT-VPCP), shared by its PDF and its spreadsheet, and the
// A4 landscape page it prints on.
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import { mm } from '../../../platform/pdf/index.ts';
import { documentName, phoneText, vnDate, vnTime } from './common.ts';
import type { BookMeta, BookRow } from './types.ts';

export const FORM06_TITLE = 'SỔ THEO DÕI HỒ SƠ';
export const FORM06_DOCUMENT = documentName('06', 'Sổ theo dõi hồ sơ');

export type BookValue = string | number | Date | null;

export interface BookColumn {
  key: string;
  header: string;
  /** Relative width in the PDF, characters in the spreadsheet. */
  width: number;
  kind: 'text' | 'number' | 'date' | 'datetime';
  value: (r: BookRow, index: number) => BookValue;
}

const at = (d: Date | null | undefined): Date | null => d ?? null;

export const FORM06_COLUMNS: readonly BookColumn[] = [
  { key: 'stt', header: 'STT', width: 5, kind: 'number', value: (_r, i) => i + 1 },
  { key: 'code', header: 'Mã hồ sơ', width: 23, kind: 'text', value: (r) => r.dossierCode },
  { key: 'procedure', header: 'Tên thủ tục hành chính', width: 19, kind: 'text', value: (r) => r.procedureName },
  { key: 'quantity', header: 'Số lượng hồ sơ (bộ)', width: 7, kind: 'number', value: (r) => r.quantity ?? 1 },
  { key: 'applicant', header: 'Tên cá nhân, tổ chức', width: 14, kind: 'text', value: (r) => r.applicantName },
  {
    key: 'address',
    header: 'Địa chỉ, số điện thoại',
    width: 16,
    kind: 'text',
    value: (r) => [r.address, phoneText(r.phone)].filter(Boolean).join('; '),
  },
  { key: 'leadAgency', header: 'Cơ quan chủ trì giải quyết', width: 13, kind: 'text', value: (r) => r.leadAgency },
  { key: 'receivedAt', header: 'Ngày nhận hồ sơ', width: 10, kind: 'datetime', value: (r) => r.receivedAt },
  { key: 'dueAt', header: 'Ngày hẹn trả kết quả', width: 10, kind: 'date', value: (r) => at(r.dueAt) },
  { key: 'transferredAt', header: 'Chuyển hồ sơ đến cơ quan giải quyết', width: 10, kind: 'date', value: (r) => at(r.transferredAt) },
  { key: 'resultAt', header: 'Ngày có kết quả/ yêu cầu trả lại dân', width: 10, kind: 'date', value: (r) => at(r.resultAt) },
  { key: 'returnedAt', header: 'Ngày trả kết quả', width: 10, kind: 'date', value: (r) => at(r.returnedAt) },
  { key: 'signature', header: 'Ký nhận', width: 9, kind: 'text', value: (r) => r.signature ?? null },
  { key: 'note', header: 'Ghi chú', width: 11, kind: 'text', value: (r) => r.note ?? null },
];

/** A cell as printed on paper. */
export function bookCellText(c: BookColumn, v: BookValue): string {
  if (v === null) return '';
  if (v instanceof Date) return c.kind === 'datetime' ? `${vnDate(v)} ${vnTime(v)}` : vnDate(v);
  return String(v);
}

/** Từ ngày 01/02/2026 đến ngày 28/02/2026 */
export function periodText(m: Pick<BookMeta, 'from' | 'to'>): string {
  return `Từ ngày ${vnDate(m.from)} đến ngày ${vnDate(m.to)}`;
}

/** The book's QR code: whose book, which period, which paper (Circular 01/2023/TT-VPCP). */
export function form06QrText(m: BookMeta): string {
  return [`Mã cơ quan: ${m.agency.code}`, `Kỳ: ${vnDate(m.from)} - ${vnDate(m.to)}`, `Giấy tờ: ${FORM06_DOCUMENT}`].join('\n');
}

const require = createRequire(import.meta.url);

/**
 * An A4 landscape document with the same fonts as createPdf, which only makes portrait pages. The fonts are
 * resolved the same way; should createPdf take a `layout`, this can go.
 */
export function createLandscapeA4(title: string): PDFKit.PDFDocument {
  const doc = new PDFDocument({
    size: 'A4',
    layout: 'landscape',
    margins: { top: mm(15), bottom: mm(15), left: mm(20), right: mm(15) },
    info: { Title: title, Author: 'egov', Producer: 'egov' },
    bufferPages: true,
    lang: 'vi-VN',
  });
  doc.registerFont('serif', require.resolve('@expo-google-fonts/tinos/400Regular/Tinos_400Regular.ttf'));
  doc.registerFont('serifBold', require.resolve('@expo-google-fonts/tinos/700Bold/Tinos_700Bold.ttf'));
  doc.registerFont('serifItalic', require.resolve('@expo-google-fonts/tinos/400Regular_Italic/Tinos_400Regular_Italic.ttf'));
  doc.font('serif');
  return doc;
}
