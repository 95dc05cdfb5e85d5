// PDF documents: pdfkit with whole embedded TTF fonts that cover Vietnamese. Tinos has the metrics of Times
// New Roman, the font Decree 30/2020 prescribes for official documents; Arimo (Arial metrics) for forms.
// Printed papers carry a QR code in the top-left corner (Circular 01/2023).
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';

const require = createRequire(import.meta.url);
const FONTS = {
  serif: require.resolve('@expo-google-fonts/tinos/400Regular/Tinos_400Regular.ttf'),
  serifBold: require.resolve('@expo-google-fonts/tinos/700Bold/Tinos_700Bold.ttf'),
  serifItalic: require.resolve('@expo-google-fonts/tinos/400Regular_Italic/Tinos_400Regular_Italic.ttf'),
  sans: require.resolve('@expo-google-fonts/arimo/400Regular/Arimo_400Regular.ttf'),
  sansBold: require.resolve('@expo-google-fonts/arimo/700Bold/Arimo_700Bold.ttf'),
} as const;
export type FontName = keyof typeof FONTS;

const MM = 72 / 25.4;
export const mm = (v: number): number => v * MM;

export interface PdfOptions {
  size: 'A4' | 'A5';
  title: string;
  author?: string;
  /** Decree 30/2020 margins for A4: top/bottom 20–25 mm, left 30–35 mm, right 15–20 mm. */
  margins?: { top: number; bottom: number; left: number; right: number };
}

export function createPdf(opts: PdfOptions): PDFKit.PDFDocument {
  const m = opts.margins ?? (opts.size === 'A4' ? { top: 20, bottom: 20, left: 30, right: 15 } : { top: 12, bottom: 12, left: 15, right: 10 });
  const doc = new PDFDocument({
    size: opts.size,
    margins: { top: mm(m.top), bottom: mm(m.bottom), left: mm(m.left), right: mm(m.right) },
    info: { Title: opts.title, Author: opts.author ?? 'egov', Producer: 'egov' },
    bufferPages: true,
    lang: 'vi-VN',
  });
  for (const [name, file] of Object.entries(FONTS)) doc.registerFont(name, file);
  doc.font('serif');
  return doc;
}

export function pdfToBuffer(doc: PDFKit.PDFDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}

export async function qrPng(text: string, sizePx = 240): Promise<Buffer> {
  return QRCode.toBuffer(text, { type: 'png', errorCorrectionLevel: 'M', margin: 1, width: sizePx });
}

/** Draws the QR code at the top-left corner of the current page, inside the margin box. */
export async function drawQrTopLeft(doc: PDFKit.PDFDocument, text: string, sizeMm = 22): Promise<void> {
  const png = await qrPng(text);
  doc.image(png, doc.page.margins.left, doc.page.margins.top, { width: mm(sizeMm), height: mm(sizeMm) });
}

/**
 * The national heading of an official paper (Decree 30/2020 Appendix I): the agency on the left, the
 * national motto on the right, then place and date.
 */
export function drawNationalHeading(
  doc: PDFKit.PDFDocument,
  h: { parentAgency?: string; agency: string; number?: string; place: string; date: Date; offsetLeft?: number },
): void {
  // The left column (agency) leaves room for the QR code; the motto column keeps 58% of the full width.
  const full = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  const colR = full * 0.58;
  const left = doc.page.margins.left + (h.offsetLeft ?? 0);
  const colL = full - colR - (h.offsetLeft ?? 0);
  const top = doc.page.margins.top;
  doc.fontSize(doc.page.width < 500 ? 8.5 : 12);
  if (h.parentAgency) doc.font('serif').text(h.parentAgency.toUpperCase(), left, top, { width: colL, align: 'center' });
  doc.font('serifBold').text(h.agency.toUpperCase(), left, h.parentAgency ? undefined : top, { width: colL, align: 'center' });
  const yAfterLeft = doc.y;
  if (h.number) doc.font('serif').text(h.number, left, yAfterLeft + 4, { width: colL, align: 'center' });
  const leftEnd = doc.y;
  doc.font('serifBold').text('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', doc.page.margins.left + full - colR, top, { width: colR, align: 'center' });
  doc.font('serifBold').text('Độc lập - Tự do - Hạnh phúc', doc.page.margins.left + full - colR, undefined, { width: colR, align: 'center', underline: true });
  const d = h.date;
  const vn = new Date(d.getTime() + 7 * 3_600_000);
  doc
    .font('serifItalic')
    .text(`${h.place}, ngày ${String(vn.getUTCDate()).padStart(2, '0')} tháng ${String(vn.getUTCMonth() + 1).padStart(2, '0')} năm ${vn.getUTCFullYear()}`, doc.page.margins.left + full - colR, doc.y + 4, {
      width: colR,
      align: 'center',
    });
  doc.x = doc.page.margins.left;
  doc.y = Math.max(doc.y, leftEnd) + 10;
  doc.font('serif');
}
