// The text of a PDF, for full-text search: unpdf (pdf.js's serverless build, pure JavaScript, no worker thread).
// Only what the PDF carries as text: a scan (an image of a page) has none, and there is no OCR here.
// Bounded in pages, characters and time, and never throws: a damaged, encrypted or hostile file gives ''.
// unpdf is loaded on first use; loading it stubs a few browser globals (navigator, DOMMatrix) and polyfills
// Promise.withResolvers and friends on Node 20 (they exist from Node 22).

export interface PdfTextOptions {
  /** Pages read at most, from the first (default 200). */
  maxPages?: number;
  /** Characters kept at most (default 200,000). */
  maxChars?: number;
  /** Time allowed (default 10 s): the pages read by then are kept. pdf.js works in steps, so the limit holds to about
   * one step's work (parsing one page's content); a step itself is not interrupted. */
  timeoutMs?: number;
}

type Unpdf = typeof import('unpdf');
let unpdf: Promise<Unpdf> | null = null;
const load = (): Promise<Unpdf> => (unpdf ??= import('unpdf'));

export async function pdfText(pdf: Buffer, opts: PdfTextOptions = {}): Promise<string> {
  const maxPages = opts.maxPages ?? 200;
  const maxChars = opts.maxChars ?? 200_000;
  const timeoutMs = opts.timeoutMs ?? 10_000;
  if (pdf.length < 8 || maxPages <= 0 || maxChars <= 0) return '';
  let pdfjs: Awaited<ReturnType<Unpdf['getResolvedPDFJS']>>;
  try {
    pdfjs = await (await load()).getResolvedPDFJS();
  } catch {
    return '';
  }
  // pdf.js may take the array's buffer over: a copy, so the caller's bytes stay theirs.
  const task = pdfjs.getDocument({ data: new Uint8Array(pdf), disableFontFace: true, useSystemFonts: false, verbosity: 0, stopAtErrors: false });
  let timedOut = false;
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<void>((resolve) => {
    timer = setTimeout(() => {
      timedOut = true;
      resolve();
    }, timeoutMs);
  });
  // Pages read before the deadline are kept.
  const parts: string[] = [];
  const read = async (): Promise<void> => {
    const doc = await task.promise;
    let length = 0;
    for (let n = 1; n <= Math.min(doc.numPages, maxPages) && length < maxChars && !timedOut; n++) {
      let text = '';
      try {
        const page = await doc.getPage(n);
        const content = await page.getTextContent();
        page.cleanup();
        // pdf.js puts the spaces it sees between words into the items; a line's end is a flag.
        for (const item of content.items) if ('str' in item) text += item.str + (item.hasEOL ? '\n' : '');
      } catch {
        continue; // a damaged page: the others still count
      }
      if (timedOut) break;
      parts.push(text);
      length += text.length;
    }
  };
  const reading = read();
  reading.catch(() => undefined);
  try {
    await Promise.race([reading, deadline]);
  } catch {
    // not a PDF, encrypted with a password, damaged beyond reading: no text (or the pages read before)
  } finally {
    clearTimeout(timer);
    await task.destroy().catch(() => undefined);
  }
  return parts.join('\n').normalize('NFC').replace(/\s+/gu, ' ').trim().slice(0, maxChars);
}
