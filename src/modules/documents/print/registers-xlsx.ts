// The outgoing and incoming registers as spreadsheets (Decree 30/2020 Appendix IV columns, as the printed books):
// one sheet, the agency and the title above a bold frozen header row, dates as real dates shown dd/mm/yyyy, counts
// and arrival numbers as numbers, text wrapped, and set up to print on A4 landscape with the header row repeated.
import ExcelJS from 'exceljs';
import type { IncomingRegisterRow, OutgoingRegisterRow } from '../types.ts';
import { dmyTime, excelDay } from './common.ts';
import { INCOMING_COLUMNS, INCOMING_TITLE, OUTGOING_COLUMNS, OUTGOING_TITLE, periodText, type RegisterColumn, type RegisterMeta } from './register-columns.ts';

/** The header row's number; the register's lines follow from the next row, in the given order. */
export const REGISTER_HEADER_ROW = 6;

const thin = { style: 'thin' } as const;
const BORDER: Partial<ExcelJS.Borders> = { top: thin, left: thin, bottom: thin, right: thin };
const CELL_ALIGN: Partial<ExcelJS.Alignment> = { vertical: 'top', wrapText: true };
const CENTER_ALIGN: Partial<ExcelJS.Alignment> = { vertical: 'top', horizontal: 'center', wrapText: true };
const MM_PER_INCH = 25.4;

async function registerXlsx<R>(sheetName: string, title: string, columns: readonly RegisterColumn<R>[], rows: readonly R[], meta: RegisterMeta): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'egov';
  wb.title = `${title} - ${meta.agencyName}`;
  const n = columns.length;
  const ws = wb.addWorksheet(sheetName, {
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: `${REGISTER_HEADER_ROW}:${REGISTER_HEADER_ROW}`,
      margins: { left: 30 / MM_PER_INCH, right: 15 / MM_PER_INCH, top: 20 / MM_PER_INCH, bottom: 20 / MM_PER_INCH, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddFooter: '&CTrang &P/&N' },
    views: [{ state: 'frozen', ySplit: REGISTER_HEADER_ROW }],
  });
  ws.columns = columns.map((c) => ({ width: Math.max(10, c.width * 1.4) }));

  const banner = (row: number, text: string, font: Partial<ExcelJS.Font>, span: number): void => {
    ws.mergeCells(row, 1, row, span);
    const cell = ws.getCell(row, 1);
    cell.value = text;
    cell.font = { name: 'Times New Roman', ...font };
    cell.alignment = { horizontal: 'center' };
  };
  banner(1, (meta.parentAgencyName ?? '').toUpperCase(), { size: 12 }, 4);
  banner(2, meta.agencyName.toUpperCase(), { size: 12, bold: true }, 4);
  banner(3, title, { size: 16, bold: true }, n);
  banner(4, periodText(meta), { size: 12, italic: true }, n);
  banner(5, `In ngày ${dmyTime(meta.printedAt)}`, { size: 9, italic: true }, n);

  const font: Partial<ExcelJS.Font> = { name: 'Times New Roman', size: 11 };
  const header = ws.getRow(REGISTER_HEADER_ROW);
  columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.header;
    cell.font = { ...font, bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.border = BORDER;
  });
  rows.forEach((r, i) => {
    const row = ws.getRow(REGISTER_HEADER_ROW + 1 + i);
    columns.forEach((c, j) => {
      const v = c.value(r);
      const cell = row.getCell(j + 1);
      cell.border = BORDER;
      cell.font = font;
      if (v.kind === 'date') {
        cell.value = excelDay(v.iso);
        cell.numFmt = 'dd/mm/yyyy';
        cell.alignment = CENTER_ALIGN;
      } else if (v.kind === 'number') {
        cell.value = v.n;
        cell.alignment = CENTER_ALIGN;
      } else {
        cell.value = v.text;
        cell.alignment = CELL_ALIGN;
      }
    });
  });
  ws.autoFilter = { from: { row: REGISTER_HEADER_ROW, column: 1 }, to: { row: REGISTER_HEADER_ROW, column: n } };
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export function outgoingRegisterXlsx(rows: readonly OutgoingRegisterRow[], meta: RegisterMeta): Promise<Buffer> {
  return registerXlsx('Sổ văn bản đi', OUTGOING_TITLE, OUTGOING_COLUMNS, rows, meta);
}

export function incomingRegisterXlsx(rows: readonly IncomingRegisterRow[], meta: RegisterMeta): Promise<Buffer> {
  return registerXlsx('Sổ văn bản đến', INCOMING_TITLE, INCOMING_COLUMNS, rows, meta);
}
