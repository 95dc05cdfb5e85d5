// Downloads of the figures and of the table by agency: CSV (UTF-8 with a byte-order mark, so that Excel reads the
// Vietnamese letters) and Excel (exceljs). Shares are written 0…1 (CSV) or as percentages (Excel); labels follow the
// page's language.
import { t, type Lang, type Text } from '../../platform/web/i18n.ts';
import { agencyName } from './format.ts';
import type { Evaluation } from './indices.ts';
import { exportColumns as c, q } from './messages.ts';
import type { AgencyTableRow, QualityReport } from './service.ts';

type Cell = string | number | null;
type Kind = 'count' | 'share' | 'days' | 'points' | 'text';

export interface Sheet {
  name: string;
  columns: { header: string; kind: Kind }[];
  rows: Cell[][];
}

const UNIT: Record<Kind, Text | null> = { count: c.dossiers, share: c.share, days: c.days, points: c.points, text: null };

/** The figures as rows of (figure, value, unit), the filter first, then the indices. */
export function figuresSheet(lang: Lang, r: QualityReport): Sheet {
  const f = r.figures;
  const rows: [Text | string, Cell, Kind | Text][] = [
    [q.agency, agencyName(lang, r.agency), 'text'],
    [q.from, r.from, 'text'],
    [q.to, r.to, 'text'],
    [q.field, r.field ?? '', 'text'],
    [q.procedure, r.procedureCode ?? '', 'text'],
    [q.received, f.received, 'count'],
    [q.online, f.online, 'count'],
    [q.counter, f.counter, 'count'],
    [q.inProgress, f.inProgress.total, 'count'],
    [{ vi: 'Đang giải quyết trong hạn', en: 'In progress, on time' }, f.inProgress.onTime, 'count'],
    [{ vi: 'Đang giải quyết quá hạn', en: 'In progress, overdue' }, f.inProgress.overdue, 'count'],
    [q.resolved, f.resolved.total, 'count'],
    [q.early, f.resolved.early, 'count'],
    [q.onTime, f.resolved.onTime, 'count'],
    [q.late, f.resolved.late, 'count'],
    [q.onTimeRate, f.onTimeRate, 'share'],
    [q.averageTime, f.averageDays, 'days'],
    [q.averageTime, f.averageWorkingDays, c.workingDays],
    [q.onlineShare, f.onlineShare, 'share'],
    [q.fullOnlineShare, f.fullOnlineShare, 'share'],
    [q.onlinePayment, f.onlinePaymentShare, 'share'],
    [{ vi: 'Số lượt đánh giá', en: 'Ratings' }, f.satisfaction.count, c.ratings],
    [{ vi: 'Điểm hài lòng trung bình', en: 'Average satisfaction' }, f.satisfaction.average, c.scale],
    [q.satisfiedShare, f.satisfaction.satisfiedShare, 'share'],
    [{ vi: 'Thủ tục thuộc phạm vi', en: 'Procedures in scope' }, f.catalogue.total, c.procedures],
    [q.fullOnlineServices, f.catalogue.fullOnline, c.procedures],
    ...indexRows(r.circular01),
    ...indexRows(r.decision766),
  ];
  const unit = (k: Kind | Text) => (typeof k === 'string' ? (UNIT[k] ? t(lang, UNIT[k]) : '') : t(lang, k));
  return {
    name: t(lang, q.figures),
    columns: [
      { header: t(lang, c.figure), kind: 'text' },
      { header: t(lang, c.value), kind: 'text' },
      { header: t(lang, c.unit), kind: 'text' },
    ],
    rows: rows.map(([label, value, kind]) => [typeof label === 'string' ? label : t(lang, label), value, unit(kind)]),
  };

  function indexRows(e: Evaluation): [Text | string, Cell, Kind | Text][] {
    return [
      ...e.indices.map((i): [Text, Cell, Kind] => [{ vi: `${t('vi', e.law)} – ${i.number}. ${i.title.vi}`, en: `${t('en', e.law)} – ${i.number}. ${i.title.en}` }, i.score, 'points']),
      [{ vi: `${t('vi', e.law)} – ${q.total.vi}`, en: `${t('en', e.law)} – ${q.total.en}` }, e.total, 'points'],
    ];
  }
}

export function agenciesSheet(lang: Lang, rows: readonly AgencyTableRow[]): Sheet {
  const col = (header: Text | string, kind: Kind) => ({ header: typeof header === 'string' ? header : t(lang, header), kind });
  return {
    name: t(lang, q.agencies),
    columns: [
      col(q.code, 'text'),
      col(q.agency, 'text'),
      col(q.received, 'count'),
      col(q.onlineShare, 'share'),
      col(q.resolved, 'count'),
      col(q.early, 'count'),
      col(q.onTime, 'count'),
      col(q.late, 'count'),
      col(q.onTimeRate, 'share'),
      col(q.averageDays, 'days'),
      col(q.inProgress, 'count'),
      col(q.overdue, 'count'),
      col({ vi: 'Lượt đánh giá', en: 'Ratings' }, 'count'),
      col(q.satisfiedShare, 'share'),
    ],
    rows: rows.map((r) => [r.agency.code, agencyName(lang, r.agency), r.received, r.onlineShare, r.resolved, r.early, r.onTime, r.late, r.onTimeRate, r.averageDays, r.inProgress, r.overdue, r.rated, r.satisfiedShare]),
  };
}

/** A spreadsheet would run a cell starting with = + - @ as a formula: such text gets a leading apostrophe. */
function csvCell(v: Cell): string {
  if (v === null) return '';
  if (typeof v === 'number') return String(v);
  const s = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

export function toCsv(sheet: Sheet): Buffer {
  const lines = [sheet.columns.map((x) => csvCell(x.header)), ...sheet.rows.map((r) => r.map(csvCell))].map((cells) => cells.join(','));
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}

export async function toXlsx(sheets: readonly Sheet[]): Promise<Buffer> {
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  wb.creator = 'egov';
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name.slice(0, 31));
    ws.addRow(s.columns.map((x) => x.header)).font = { bold: true };
    for (const r of s.rows) {
      const row = ws.addRow(r.map((v) => v ?? ''));
      // Columns of shares read as percentages; the figures sheet keeps 0…1, as its unit column says.
      r.forEach((v, i) => {
        if (typeof v === 'number' && s.columns[i]?.kind === 'share') row.getCell(i + 1).numFmt = '0.0%';
      });
    }
    ws.columns.forEach((col, i) => {
      col.width = i === 0 || s.columns[i]?.kind === 'text' ? 40 : 14;
    });
    ws.views = [{ state: 'frozen', ySplit: 1 }];
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
