// The office's downloads of a round's applications per school (issue 11 "exports lists"): CSV (UTF-8 with a byte-order
// mark, so that Excel reads the Vietnamese letters) and one Excel workbook (exceljs) with a sheet per school and a sheet
// per ward. The columns follow the page's language.
import { t, type Lang, type Text } from '../../platform/web/i18n.ts';
import type { RoundCounts } from './office.ts';

type Cell = string | number;
interface Sheet {
  name: string;
  header: string[];
  rows: Cell[][];
}

const col = {
  code: { vi: 'Mã trường', en: 'School code' },
  school: { vi: 'Trường', en: 'School' },
  ownership: { vi: 'Loại hình', en: 'Ownership' },
  ward: { vi: 'Phường/xã', en: 'Ward/commune' },
  wardCode: { vi: 'Mã phường/xã', en: 'Unit code' },
  schools: { vi: 'Số trường', en: 'Schools' },
  places: { vi: 'Chỉ tiêu', en: 'Places' },
  applications: { vi: 'Hồ sơ đăng ký', en: 'Applications' },
  inCatchment: { vi: 'Đúng tuyến', en: 'In catchment' },
  outOfCatchment: { vi: 'Trái tuyến', en: 'Out of catchment' },
  oversubscribed: { vi: 'Vượt chỉ tiêu', en: 'Oversubscribed' },
  bySchool: { vi: 'Theo trường', en: 'By school' },
  byWard: { vi: 'Theo phường, xã', en: 'By ward' },
} satisfies Record<string, Text>;

const yesNo = (lang: Lang, v: boolean): string => (v ? t(lang, { vi: 'Có', en: 'Yes' }) : t(lang, { vi: 'Không', en: 'No' }));

export function schoolsSheet(lang: Lang, c: RoundCounts): Sheet {
  return {
    name: t(lang, col.bySchool),
    header: [col.code, col.school, col.ownership, col.wardCode, col.ward, col.places, col.applications, col.inCatchment, col.outOfCatchment, col.oversubscribed].map((h) => t(lang, h)),
    rows: c.schools.map((s) => [
      s.code,
      s.name,
      s.ownership === 'public' ? t(lang, { vi: 'Công lập', en: 'Public' }) : t(lang, { vi: 'Tư thục', en: 'Private' }),
      s.wardCode,
      s.wardName,
      s.places,
      s.applications,
      s.inCatchment,
      s.outOfCatchment,
      yesNo(lang, s.oversubscribed),
    ]),
  };
}

export function wardsSheet(lang: Lang, c: RoundCounts): Sheet {
  return {
    name: t(lang, col.byWard),
    header: [col.wardCode, col.ward, col.schools, col.places, col.applications, col.inCatchment, col.outOfCatchment, col.oversubscribed].map((h) => t(lang, h)),
    rows: c.wards.map((w) => [w.code, w.name, w.schools, w.places, w.applications, w.inCatchment, w.outOfCatchment, w.oversubscribedSchools]),
  };
}

/** A spreadsheet would run a cell starting with = + - @ as a formula: such text gets a leading apostrophe. */
function csvCell(v: Cell): string {
  if (typeof v === 'number') return String(v);
  const s = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

export function toCsv(sheet: Sheet): Buffer {
  const lines = [sheet.header, ...sheet.rows].map((cells) => cells.map(csvCell).join(','));
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}

export async function toXlsx(sheets: readonly Sheet[]): Promise<Buffer> {
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  wb.creator = 'egov';
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name.slice(0, 31));
    ws.addRow(s.header).font = { bold: true };
    for (const r of s.rows) ws.addRow(r);
    ws.columns.forEach((c, i) => {
      c.width = typeof s.rows[0]?.[i] === 'number' ? 14 : 36;
    });
    ws.views = [{ state: 'frozen', ySplit: 1 }];
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
