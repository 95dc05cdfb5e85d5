// The printed report of a cycle (pdfkit with the platform's Vietnamese fonts, src/platform/pdf): the title, the
// plausible note, the ranking table and, when a unit is given, its scorecard (groups with subtotals, every indicator
// with points of its maximum, its level in words and its notes) and its strongest and weakest indicators. The rows are
// what the user may see (results.ts).
import { createPdf, mm, pdfToBuffer } from '../../platform/pdf/index.ts';
import { formatValue } from '../../platform/web/charts.ts';
import { t } from '../../platform/web/i18n.ts';
import type { CycleResults } from './dashboards.ts';
import { strongestWeakest } from './ranking.ts';
import { LIGHT_TEXT, PEER_GROUP_TEXT, r } from './results-messages.ts';
import type { ResultRow } from './results.ts';
import { indicatorName, notesOf, valueText } from './views/results-scorecard.tsx';

const vi = (x: { vi: string; en: string }, vars?: Record<string, string | number>) => t('vi', x, vars);
const n = (v: number) => formatValue('vi', v);
const p = (v: number) => formatValue('vi', v, 'percent');

/** A ruled table; a row never splits, the header row opens every page. */
function table(doc: PDFKit.PDFDocument, headers: string[], widths: number[], rows: string[][], size = 9): void {
  const left = doc.page.margins.left;
  const full = doc.page.width - left - doc.page.margins.right;
  const total = widths.reduce((a, b) => a + b, 0);
  const w = widths.map((x) => (x * full) / total);
  const pad = 3;
  const heightOf = (cells: string[], font: string) => {
    doc.font(font).fontSize(size);
    return Math.max(...cells.map((c, i) => doc.heightOfString(c || ' ', { width: (w[i] ?? 0) - 2 * pad }))) + 2 * pad;
  };
  const draw = (cells: string[], font: string, y: number, h: number) => {
    doc.font(font).fontSize(size).lineWidth(0.5);
    let x = left;
    cells.forEach((c, i) => {
      doc.rect(x, y, w[i] ?? 0, h).stroke();
      doc.text(c, x + pad, y + pad, { width: (w[i] ?? 0) - 2 * pad });
      x += w[i] ?? 0;
    });
    return y + h;
  };
  const bottom = doc.page.height - doc.page.margins.bottom;
  const hh = heightOf(headers, 'serifBold');
  let y = draw(headers, 'serifBold', doc.y, hh);
  for (const row of rows) {
    const h = heightOf(row, 'serif');
    if (y + h > bottom) {
      doc.addPage();
      y = draw(headers, 'serifBold', doc.page.margins.top, hh);
    }
    y = draw(row, 'serif', y, h);
  }
  doc.x = left;
  doc.y = y + mm(4);
}

function heading(doc: PDFKit.PDFDocument, text: string, size = 12): void {
  if (doc.y > doc.page.height - doc.page.margins.bottom - mm(30)) doc.addPage();
  doc.font('serifBold').fontSize(size).text(text, doc.page.margins.left, doc.y, { align: 'left' });
  doc.moveDown(0.4);
}

function scorecard(doc: PDFKit.PDFDocument, res: CycleResults, row: ResultRow): void {
  doc.addPage();
  heading(doc, vi(r.scorecardTitle, { unit: row.agencyName, year: res.cycle.year }), 13);
  doc.font('serif').fontSize(11).text(`${vi(r.total)}: ${n(row.total)} / ${row.max}${row.rank !== null ? ` — ${vi(r.rank)} ${row.rank}` : ''} — ${vi(LIGHT_TEXT[row.light])}`);
  doc.moveDown(0.5);
  const sw = strongestWeakest(row.score);
  for (const [title, list] of [[vi(r.strongest), sw.strongest], [vi(r.weakest), sw.weakest]] as const) {
    heading(doc, title, 11);
    doc.font('serif').fontSize(10);
    list.forEach((s, i) => doc.text(`${i + 1}. ${s.code} ${indicatorName('vi', res.loaded, s.code)}: ${n(s.points)} / ${s.max} (${p(s.share)})`));
    doc.moveDown(0.5);
  }
  const headers = [r.code, r.indicator, r.value, r.points, r.level, r.notes].map((h) => vi(h));
  for (const g of res.loaded.set.groups) {
    const sub = row.score.groups.find((x) => x.code === g.code)!;
    heading(doc, `${g.code}. ${vi(g.name)} — ${vi(r.subtotal)}: ${n(sub.points)} / ${g.max} (${vi(LIGHT_TEXT[sub.light])})`, 11);
    const rows = row.score.indicators
      .filter((s) => s.group === g.code)
      .map((s) => [s.code, indicatorName('vi', res.loaded, s.code), valueText('vi', res.loaded, s), `${n(s.points)} / ${s.max}`, vi(LIGHT_TEXT[s.light]), notesOf('vi', s).join(' ')]);
    table(doc, headers, [8, 34, 12, 12, 12, 30], rows, 8.5);
  }
}

/** The report; `unit`: the agency whose scorecard follows the ranking (it must be among the rows). */
export async function resultsPdf(res: CycleResults, unit?: ResultRow): Promise<Buffer> {
  const title = vi(r.rankingTitle, { group: vi(PEER_GROUP_TEXT[res.cycle.peer_group]), year: res.cycle.year });
  const doc = createPdf({ size: 'A4', title });
  doc.font('serifBold').fontSize(14).text(vi(r.reportTitle), { align: 'center' });
  doc.fontSize(13).text(title, { align: 'center' });
  doc.moveDown(0.5);
  doc.font('serifItalic').fontSize(10).text(vi(res.published ? r.published : r.provisional));
  if (res.loaded.set.plausible) doc.text(vi(r.plausibleSet));
  doc.moveDown(0.5);
  const headers = [...(res.ranked ? [vi(r.rank)] : []), vi(r.unit), vi(r.total), vi(r.level), ...res.loaded.set.groups.map((g) => g.code)];
  const rows = res.rows.map((x) => [...(res.ranked ? [String(x.rank ?? '')] : []), x.agencyName, `${n(x.total)} / ${x.max}`, vi(LIGHT_TEXT[x.light]), ...x.score.groups.map((g) => n(g.points))]);
  table(doc, headers, [...(res.ranked ? [6] : []), 30, 14, 12, ...res.loaded.set.groups.map(() => 8)], rows, 8.5);
  if (unit) scorecard(doc, res, unit);
  return pdfToBuffer(doc);
}
