// A ruled table for long registers, in two passes: first every cell is wrapped into lines and the rows are placed
// on pages (a row never splits; the header row opens every page), so the page count is known before anything is
// drawn; then the pages are drawn one after the other and each can be let go as soon as it is full. Cells are
// wrapped here, word by word with the font's own widths, instead of by pdfkit's line wrapper: it is what keeps
// 10,000 rows to a few seconds.

export interface Column {
  header: string;
  /** Relative width: the columns share the frame's width in these proportions. */
  width: number;
  align?: 'left' | 'center' | 'right';
}

export interface TableStyle {
  left: number;
  width: number;
  fontSize: number;
  headerFontSize?: number;
  padding?: number;
}

interface Row {
  lines: string[][];
  height: number;
}

export interface TableLayout {
  widths: number[];
  header: Row;
  /** The rows of each page, in order. */
  pages: Row[][];
}

const FONT = 'serif';
const HEADER_FONT = 'serifBold';

/** Where to cut a word wider than the line: after the last "/" or "-" that fits (`10000/` `QĐ-UBND`), else between letters. */
function cutPoint(doc: PDFKit.PDFDocument, word: string, width: number): number {
  let cut = word.length - 1;
  while (cut > 1 && doc.widthOfString(word.slice(0, cut)) > width) cut--;
  for (let i = cut; i > 1; i--) if (word[i - 1] === '/' || word[i - 1] === '-') return i;
  return cut;
}

/** Splits a text into lines no wider than `width`; a word longer than a line is cut (see cutPoint). */
export function wrapText(doc: PDFKit.PDFDocument, text: string, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split(/\r?\n/)) {
    const words = paragraph.split(/\s+/).filter(Boolean);
    // Each word is measured once (pdfkit caches a word's shape); a line's width is its words' plus the spaces.
    const space = doc.widthOfString(' ');
    let line = '';
    let lineWidth = 0;
    for (const word of words) {
      const w = doc.widthOfString(word);
      if (line && lineWidth + space + w <= width) {
        line = `${line} ${word}`;
        lineWidth += space + w;
        continue;
      }
      if (line) lines.push(line);
      line = word;
      lineWidth = w;
      while (lineWidth > width && line.length > 1) {
        const cut = cutPoint(doc, line, width);
        lines.push(line.slice(0, cut));
        line = line.slice(cut);
        lineWidth = doc.widthOfString(line);
      }
    }
    if (line || lines.length === 0) lines.push(line);
  }
  return lines;
}

/**
 * Wraps every cell and places the rows on pages. `firstTop` is where the table starts on its first page (under
 * the title); later pages start at the top margin. A row taller than a whole page (a summary of several thousand
 * words) is cut to what a page holds, ending in "…", so that the table stays bounded.
 */
export function layoutTable(doc: PDFKit.PDFDocument, columns: readonly Column[], rows: Iterable<readonly string[]>, s: TableStyle, firstTop: number): TableLayout {
  const pad = s.padding ?? 3;
  const total = columns.reduce((sum, c) => sum + c.width, 0);
  const widths = columns.map((c) => (s.width * c.width) / total);
  const bottom = doc.page.height - doc.page.margins.bottom;

  doc.font(HEADER_FONT).fontSize(s.headerFontSize ?? s.fontSize);
  const headerLineHeight = doc.currentLineHeight();
  const headerLines = columns.map((c, i) => wrapText(doc, c.header, (widths[i] ?? 0) - 2 * pad));
  const header: Row = { lines: headerLines, height: Math.max(...headerLines.map((l) => l.length)) * headerLineHeight + 2 * pad };

  doc.font(FONT).fontSize(s.fontSize);
  const lineHeight = doc.currentLineHeight();
  const maxLines = Math.max(1, Math.floor((bottom - doc.page.margins.top - header.height - 2 * pad) / lineHeight));

  const pages: Row[][] = [[]];
  let y = firstTop + header.height;
  for (const cells of rows) {
    const lines = cells.map((text, i) => {
      const wrapped = wrapText(doc, text, (widths[i] ?? 0) - 2 * pad);
      if (wrapped.length <= maxLines) return wrapped;
      const kept = wrapped.slice(0, maxLines);
      kept[maxLines - 1] = `${kept[maxLines - 1] ?? ''}…`;
      return kept;
    });
    const height = Math.max(1, ...lines.map((l) => l.length)) * lineHeight + 2 * pad;
    const current = pages[pages.length - 1] as Row[];
    if (y + height > bottom && current.length > 0) {
      pages.push([]);
      y = doc.page.margins.top + header.height;
    }
    (pages[pages.length - 1] as Row[]).push({ lines, height });
    y += height;
  }
  return { widths, header, pages };
}

/** Draws one row at `y`, a ruled cell per column, and returns the y under it. */
function drawRow(doc: PDFKit.PDFDocument, layout: TableLayout, columns: readonly Column[], row: Row, y: number, s: TableStyle, isHeader: boolean): number {
  const pad = s.padding ?? 3;
  doc.font(isHeader ? HEADER_FONT : FONT).fontSize(isHeader ? (s.headerFontSize ?? s.fontSize) : s.fontSize);
  const lineHeight = doc.currentLineHeight();
  let x = s.left;
  row.lines.forEach((lines, i) => {
    const w = layout.widths[i] ?? 0;
    doc.rect(x, y, w, row.height).stroke();
    const align = isHeader ? 'center' : (columns[i]?.align ?? 'left');
    // Header cells are centred vertically too, as on the printed register.
    let ty = y + pad + (isHeader ? (row.height - 2 * pad - lines.length * lineHeight) / 2 : 0);
    for (const line of lines) {
      if (line) {
        const tw = align === 'left' ? 0 : doc.widthOfString(line);
        const tx = align === 'left' ? x + pad : align === 'center' ? x + (w - tw) / 2 : x + w - pad - tw;
        doc.text(line, tx, ty, { lineBreak: false });
      }
      ty += lineHeight;
    }
    x += w;
  });
  return y + row.height;
}

/**
 * Draws the table laid out by layoutTable, from `firstTop` on the current page. `onPageEnd` runs on each page
 * once it is full (the page number goes there), before the next page is added, and on the last page too.
 */
export function drawTable(
  doc: PDFKit.PDFDocument,
  columns: readonly Column[],
  layout: TableLayout,
  s: TableStyle,
  firstTop: number,
  onPageEnd: (pageIndex: number) => void,
): number {
  doc.lineWidth(0.5);
  let y = firstTop;
  layout.pages.forEach((rows, p) => {
    if (p > 0) {
      doc.addPage();
      y = doc.page.margins.top;
    }
    y = drawRow(doc, layout, columns, layout.header, y, s, true);
    for (const row of rows) y = drawRow(doc, layout, columns, row, y, s, false);
    onPageEnd(p);
  });
  return y;
}
