// A cycle's results as one workbook (exceljs, as the documents' registers): sheets Xếp hạng (ranking), Chỉ số (unit ×
// indicator points), Nhóm (unit × group points) and Xu hướng (the units' totals over the years); Vietnamese headers,
// the title and the plausible/illustrative note above a bold frozen header row. The rows are what the user may see
// (results.ts): before publication a unit's officer gets its own row only, without a rank, and its own history.
import ExcelJS from 'exceljs';
import { t } from '../../platform/web/i18n.ts';
import type { CycleResults } from './dashboards.ts';
import type { HistoryRow } from './repo-history.ts';
import { LIGHT_TEXT, PEER_GROUP_TEXT, r } from './results-messages.ts';

const vi = (x: { vi: string; en: string }) => t('vi', x);
export const HEADER_ROW = 4;

function sheet(wb: ExcelJS.Workbook, name: string, title: string, note: string, headers: string[], rows: (string | number | null)[][], widths: number[]): void {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: HEADER_ROW }] });
  ws.columns = headers.map((_, i) => ({ width: widths[i] ?? 12 }));
  ws.getCell(1, 1).value = title;
  ws.getCell(1, 1).font = { bold: true, size: 14 };
  ws.getCell(2, 1).value = note;
  ws.getCell(2, 1).font = { italic: true };
  const head = ws.getRow(HEADER_ROW);
  headers.forEach((h, i) => {
    const c = head.getCell(i + 1);
    c.value = h;
    c.font = { bold: true };
    c.alignment = { wrapText: true, vertical: 'middle' };
  });
  rows.forEach((row, i) => {
    ws.getRow(HEADER_ROW + 1 + i).values = row.map((v) => (v === null ? '' : v));
  });
  ws.autoFilter = { from: { row: HEADER_ROW, column: 1 }, to: { row: HEADER_ROW, column: headers.length } };
}

export async function resultsWorkbook(res: CycleResults, history: readonly HistoryRow[], names: ReadonlyMap<number, string>): Promise<Buffer> {
  const { set } = res.loaded;
  const wb = new ExcelJS.Workbook();
  wb.creator = 'egov';
  const title = t('vi', r.rankingTitle, { group: vi(PEER_GROUP_TEXT[res.cycle.peer_group]), year: res.cycle.year });
  const note = [vi(res.published ? r.published : r.provisional), set.plausible ? vi(r.plausibleSet) : ''].filter(Boolean).join(' ');
  const rankHead = res.ranked ? [vi(r.rank)] : [];
  const rank = (x: { rank: number | null }) => (res.ranked ? [x.rank] : []);
  sheet(
    wb,
    vi(r.sheetRanking),
    title,
    note,
    [...rankHead, vi(r.code), vi(r.unit), vi(r.total), vi(r.max), vi(r.share), vi(r.level)],
    res.rows.map((x) => [...rank(x), x.agencyCode, x.agencyName, x.total, x.max, Math.round((x.total / x.max) * 10000) / 10000, vi(LIGHT_TEXT[x.light])]),
    [...(res.ranked ? [8] : []), 18, 36, 12, 10, 10, 16],
  );
  const codes = set.indicators.map((i) => i.code);
  sheet(
    wb,
    vi(r.sheetIndicators),
    `${title} — ${vi(r.sheetIndicators)}`,
    note,
    [...rankHead, vi(r.unit), ...set.indicators.map((i) => `${i.code} (${i.max})`)],
    res.rows.map((x) => {
      const by = new Map(x.score.indicators.map((s) => [s.code, s.points]));
      return [...rank(x), x.agencyName, ...codes.map((c) => by.get(c) ?? null)];
    }),
    [...(res.ranked ? [8] : []), 36],
  );
  sheet(
    wb,
    vi(r.sheetGroups),
    `${title} — ${vi(r.sheetGroups)}`,
    note,
    [...rankHead, vi(r.unit), ...set.groups.map((g) => `${vi(g.name)} (${g.max})`), vi(r.total)],
    res.rows.map((x) => [...rank(x), x.agencyName, ...x.score.groups.map((g) => g.points), x.total]),
    [...(res.ranked ? [8] : []), 36, ...set.groups.map(() => 16)],
  );
  sheet(
    wb,
    vi(r.sheetTrends),
    `${vi(r.trends)} — ${vi(PEER_GROUP_TEXT[res.cycle.peer_group])}`,
    history.some((h) => h.illustrative) ? vi(r.illustrative) : '',
    [vi(r.year), vi(r.unit), vi(r.total), vi(r.max), vi(r.rank), vi(r.status)],
    history.map((h) => [h.year, names.get(h.agency_id) ?? String(h.agency_id), h.total, h.max, h.rank, vi(h.illustrative ? r.plausible : r.published)]),
    [8, 36, 12, 10, 8, 24],
  );
  return Buffer.from(await wb.xlsx.writeBuffer());
}
