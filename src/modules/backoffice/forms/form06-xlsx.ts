// Form 06 (Mẫu số 06, Circular 01/2018/TT-VPCP) as a spreadsheet: the same columns as the printed tracking book,
// one row per dossier under a single header row, dates as real dates in Vietnam time (spreadsheets have no time
// zone), set up to print on A4 landscape.
import ExcelJS from 'exceljs';
import { FORM06_COLUMNS, FORM06_TITLE, periodText } from './book.ts';
import { headingAgency, vnWallClock } from './common.ts';
import type { BookMeta, BookRow } from './types.ts';

export const FORM06_SHEET = 'Sổ theo dõi hồ sơ';
/** The header row's number; dossiers follow from the next row, in the given order. */
export const FORM06_HEADER_ROW = 5;

const NUM_FMT = { date: 'dd/mm/yyyy', datetime: 'dd/mm/yyyy hh:mm' } as const;

export async function form06Xlsx(rows: readonly BookRow[], meta: BookMeta): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'egov';
  wb.title = `${FORM06_TITLE} ${meta.agency.code}`;
  const ws = wb.addWorksheet(FORM06_SHEET, {
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: `${FORM06_HEADER_ROW}:${FORM06_HEADER_ROW}` },
    views: [{ state: 'frozen', ySplit: FORM06_HEADER_ROW }],
  });
  const n = FORM06_COLUMNS.length;
  ws.columns = FORM06_COLUMNS.map((c) => ({ key: c.key, width: c.kind === 'text' ? Math.max(12, c.width * 1.3) : 14 }));

  const h = headingAgency(meta.agency);
  const banner = (row: number, text: string, font: Partial<ExcelJS.Font>, span: number, align: 'left' | 'center'): void => {
    ws.mergeCells(row, 1, row, span);
    const cell = ws.getCell(row, 1);
    cell.value = text;
    cell.font = font;
    cell.alignment = { horizontal: align };
  };
  banner(1, h.parentAgency.toUpperCase(), {}, 5, 'center');
  banner(2, h.agency.toUpperCase(), { bold: true }, 5, 'center');
  banner(3, FORM06_TITLE, { bold: true, size: 14 }, n, 'center');
  banner(4, periodText(meta), { italic: true }, n, 'center');

  const thin = { style: 'thin' } as const;
  const border = { top: thin, left: thin, bottom: thin, right: thin };
  const header = ws.getRow(FORM06_HEADER_ROW);
  FORM06_COLUMNS.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.header;
    cell.font = { bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.border = border;
  });
  rows.forEach((r, i) => {
    const row = ws.getRow(FORM06_HEADER_ROW + 1 + i);
    FORM06_COLUMNS.forEach((c, j) => {
      const v = c.value(r, i);
      const cell = row.getCell(j + 1);
      cell.border = border;
      cell.alignment = { vertical: 'top', wrapText: true };
      if (v instanceof Date) {
        cell.value = vnWallClock(v);
        cell.numFmt = c.kind === 'datetime' ? NUM_FMT.datetime : NUM_FMT.date;
      } else {
        cell.value = v;
      }
    });
  });
  ws.autoFilter = { from: { row: FORM06_HEADER_ROW, column: 1 }, to: { row: FORM06_HEADER_ROW, column: n } };
  return Buffer.from(await wb.xlsx.writeBuffer());
}
