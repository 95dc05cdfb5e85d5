// A ruled table for printed forms (the control sheet, the tracking book): cells wrap, a row never splits, and the
// header row is repeated at the top of every page the table runs onto.

export interface TableColumn {
  header: string;
  /** Relative width; the columns share the frame's width in these proportions. */
  width: number;
  align?: 'left' | 'center' | 'right';
}

export interface TableStyle {
  left: number;
  width: number;
  fontSize: number;
  padding?: number;
  font?: string;
  headerFont?: string;
}

export function drawTable(doc: PDFKit.PDFDocument, columns: readonly TableColumn[], rows: readonly (readonly string[])[], s: TableStyle): void {
  const pad = s.padding ?? 3;
  const total = columns.reduce((sum, c) => sum + c.width, 0);
  const widths = columns.map((c) => (s.width * c.width) / total);
  const font = s.font ?? 'serif';
  const headerFont = s.headerFont ?? 'serifBold';
  doc.fontSize(s.fontSize).lineWidth(0.5);

  const heightOf = (cells: readonly string[], f: string): number => {
    doc.font(f);
    const h = cells.map((text, i) => doc.heightOfString(text || ' ', { width: (widths[i] ?? 0) - 2 * pad }));
    return Math.max(...h) + 2 * pad;
  };
  const drawRow = (cells: readonly string[], f: string, y: number, h: number, header: boolean): void => {
    let x = s.left;
    cells.forEach((text, i) => {
      const w = widths[i] ?? 0;
      doc.rect(x, y, w, h).stroke();
      const align = header ? 'center' : (columns[i]?.align ?? 'left');
      // The height option keeps pdfkit from flowing a cell onto a new page of its own.
      doc.font(f).text(text, x + pad, y + pad, { width: w - 2 * pad, height: h - 2 * pad + 1, align });
      x += w;
    });
  };
  const bottom = (): number => doc.page.height - doc.page.margins.bottom;
  const headers = columns.map((c) => c.header);
  const headerHeight = heightOf(headers, headerFont);

  let y = doc.y;
  const header = (): void => {
    drawRow(headers, headerFont, y, headerHeight, true);
    y += headerHeight;
  };
  header();
  for (const row of rows) {
    const h = heightOf(row, font);
    if (y + h > bottom()) {
      doc.addPage();
      y = doc.page.margins.top;
      header();
    }
    drawRow(row, font, y, h, false);
    y += h;
  }
  doc.font('serif');
  doc.x = s.left;
  doc.y = y + 6;
}
