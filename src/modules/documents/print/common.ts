// What the printed official papers share: dates as Decree 30/2020 writes them (dd/mm/yyyy in tables, "ngày 05
// tháng 3 năm 2026" under the motto), Vietnam time for instants, and the A4 landscape page the registers print on
// (createPdf makes portrait pages only and keeps every page in memory, which a 10,000-line register must not).
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import { mm } from '../../../platform/pdf/index.ts';

const pad = (n: number): string => String(n).padStart(2, '0');
const VN_OFFSET_MS = 7 * 3_600_000;

/** The calendar day and, for instants, the wall-clock time in Vietnam (UTC+7, no daylight saving). */
export interface VnDay {
  y: number;
  m: number;
  d: number;
  time?: string;
}

/**
 * Reads an ISO day (`2026-03-05`) as that day, and an ISO instant (`2026-03-05T01:30:00Z`) or a Date in Vietnam
 * time. Anything else gives null: a printed paper shows what it cannot read as a blank, it does not throw.
 */
export function vnDay(value: string | Date | null | undefined): VnDay | null {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'string') {
    const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.trim());
    if (day) return { y: Number(day[1]), m: Number(day[2]), d: Number(day[3]) };
  }
  const at = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(at.getTime())) return null;
  const t = new Date(at.getTime() + VN_OFFSET_MS);
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate(), time: `${pad(t.getUTCHours())}:${pad(t.getUTCMinutes())}` };
}

/** 05/03/2026 — the way tables and registers write a date; '' when there is none. */
export function dmy(value: string | Date | null | undefined): string {
  const v = vnDay(value);
  return v ? `${pad(v.d)}/${pad(v.m)}/${v.y}` : '';
}

/** 05/03/2026 09:30 for instants, 05/03/2026 for days. */
export function dmyTime(value: string | Date | null | undefined): string {
  const v = vnDay(value);
  if (!v) return '';
  return v.time ? `${dmy(value)} ${v.time}` : dmy(value);
}

/**
 * "ngày 05 tháng 3 năm 2026" (Decree 30/2020 Appendix I): days below 10 and the months 1 and 2 take a leading zero,
 * so that no digit can be added in front of them afterwards; the other months are written as they are.
 */
export function dateWords(value: string | Date | null | undefined): string {
  const v = vnDay(value);
  if (!v) return 'ngày      tháng      năm        ';
  return `ngày ${pad(v.d)} tháng ${v.m <= 2 ? pad(v.m) : String(v.m)} năm ${v.y}`;
}

/** The day as a spreadsheet date: midnight UTC of that calendar day, which Excel shows as that day. */
export function excelDay(value: string | Date | null | undefined): Date | null {
  const v = vnDay(value);
  return v ? new Date(Date.UTC(v.y, v.m - 1, v.d)) : null;
}

/** 2026-01-05T09:30:00+07:00: an instant in Vietnam time, ISO 8601, as the signature's information shows it. */
export function isoVn(at: Date): string {
  const t = new Date(at.getTime() + VN_OFFSET_MS);
  return `${t.toISOString().slice(0, 19)}+07:00`;
}

/** Registers print on A4 landscape: ten columns do not fit on a portrait page at a readable size. */
export const LANDSCAPE_MARGINS_MM = { top: 20, bottom: 20, left: 30, right: 15 } as const;

const require = createRequire(import.meta.url);
const FONT_FILES = {
  serif: require.resolve('@expo-google-fonts/tinos/400Regular/Tinos_400Regular.ttf'),
  serifBold: require.resolve('@expo-google-fonts/tinos/700Bold/Tinos_700Bold.ttf'),
  serifItalic: require.resolve('@expo-google-fonts/tinos/400Regular_Italic/Tinos_400Regular_Italic.ttf'),
} as const;

/**
 * An A4 landscape document in Tinos with the Decree 30 margins kept as on a portrait page (the bound edge, 30 mm,
 * stays on the left). Pages are not buffered: each goes to the output when the next one starts, so memory stays
 * flat however long the register is.
 */
export function createLandscapeA4(title: string): PDFKit.PDFDocument {
  const m = LANDSCAPE_MARGINS_MM;
  const doc = new PDFDocument({
    size: 'A4',
    layout: 'landscape',
    margins: { top: mm(m.top), bottom: mm(m.bottom), left: mm(m.left), right: mm(m.right) },
    info: { Title: title, Author: 'egov', Producer: 'egov' },
    bufferPages: false,
    lang: 'vi-VN',
  });
  for (const [name, file] of Object.entries(FONT_FILES)) doc.registerFont(name, file);
  doc.font('serif');
  return doc;
}

/** Writes in the bottom margin without pdfkit starting a new page for it. */
export function footerText(doc: PDFKit.PDFDocument, text: string, size = 9): void {
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const bottom = doc.page.margins.bottom;
  doc.page.margins.bottom = 0;
  doc.font('serif').fontSize(size).text(text, left, doc.page.height - bottom / 2 - size / 2, { width, align: 'center', lineBreak: false });
  doc.page.margins.bottom = bottom;
}
