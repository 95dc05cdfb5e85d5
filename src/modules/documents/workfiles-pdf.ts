// The work file with its documents in one PDF: the cover and the index (workfiles-export.ts; the index gives the page
// where each document starts), then each document in the index's order: a separator page naming it and listing its
// files (workfiles-pdf-pages.ts), then its files as stored — an issued document's signed PDF first, then an incoming
// one's electronic original or scan, then the attachments — a PDF's pages copied by pdf-lib, a JPEG or PNG image as
// one page fitted to A4. A file that cannot be read (damaged, encrypted) is replaced by a page saying so and the
// export carries on. Only the documents the index lists are included: those the user may see (workFileIndex,
// access.ts). Bounded: at most 100 MB of files and 2,000 pages, above which the export is refused with a message.
import { PDFDocument, type PDFImage, type PDFPage } from 'pdf-lib';
import type { Platform } from '../../platform/http/context.ts';
import { AppError } from '../../platform/http/errors.ts';
import { type DocumentRow, documentsDb, documentsRepo } from './repo.ts';
import { type WorkFileExport, workFilePdf } from './workfiles-export.ts';
import { WorkFileErrors, wfErrors } from './workfiles-messages.ts';
import { type FilePart, type PagesLayout, separatorPdf } from './workfiles-pdf-pages.ts';

export const BUNDLE_MAX_PAGES = 2000;
export const BUNDLE_MAX_BYTES = 100 * 1024 * 1024;

export interface BundleFile {
  id?: number;
  name: string;
  mime: string;
  content: Buffer;
}

const tooLarge = (): AppError => WorkFileErrors.TOO_LARGE(wfErrors.tooLarge(BUNDLE_MAX_PAGES, BUNDLE_MAX_BYTES / (1024 * 1024)));

const KIND_ORDER: Record<string, number> = { signed: 0, main: 1, scan: 2, attachment: 3 };

/** The files of each document (in the order of `documents`), read one at a time once their total size is known to fit. */
export async function workFileFiles(platform: Platform, documents: readonly DocumentRow[]): Promise<BundleFile[][]> {
  const db = documentsDb(platform.database.db);
  const infos = [];
  for (const d of documents) infos.push((await documentsRepo.files(db, d.id)).sort((a, b) => (KIND_ORDER[a.kind] ?? 9) - (KIND_ORDER[b.kind] ?? 9) || a.id - b.id));
  if (infos.flat().reduce((n, f) => n + f.size, 0) > BUNDLE_MAX_BYTES) throw tooLarge();
  const out: BundleFile[][] = [];
  for (const [i, files] of infos.entries()) {
    const read: BundleFile[] = [];
    for (const f of files) {
      const row = await documentsRepo.file(db, documents[i]!.id, f.id);
      if (row) read.push({ id: row.id, name: row.name, mime: row.mime, content: row.content });
    }
    out.push(read);
  }
  return out;
}

type Prepared = { kind: 'pages'; name: string; pages: PDFPage[] } | { kind: 'image'; name: string; image: PDFImage } | { kind: 'failed' | 'skipped'; name: string };

/** A file read into the output: its pages copied or its image embedded; `take` counts the pages against the bound. */
async function prepare(out: PDFDocument, f: BundleFile, take: (pages: number) => void): Promise<Prepared> {
  try {
    if (f.mime === 'application/pdf') {
      const src = await PDFDocument.load(f.content, { updateMetadata: false });
      const indices = src.getPageIndices();
      if (indices.length === 0) return { kind: 'failed', name: f.name };
      take(indices.length);
      return { kind: 'pages', name: f.name, pages: await out.copyPages(src, indices) };
    }
    if (f.mime === 'image/jpeg' || f.mime === 'image/png') {
      take(1);
      return { kind: 'image', name: f.name, image: f.mime === 'image/png' ? await out.embedPng(f.content) : await out.embedJpg(f.content) };
    }
    return { kind: 'skipped', name: f.name };
  } catch (err) {
    if (err instanceof AppError) throw err;
    // Damaged, encrypted (pdf-lib refuses those) or not what it claims to be: a notice page instead.
    return { kind: 'failed', name: f.name };
  }
}

function partOf(p: Prepared): FilePart {
  if (p.kind === 'pages') return { kind: 'pages', name: p.name, pages: p.pages.length, image: false };
  if (p.kind === 'image') return { kind: 'pages', name: p.name, pages: 1, image: true };
  return { kind: p.kind, name: p.name };
}

/** Where everything goes once the index takes `indexPages` pages after the cover. */
function layoutOf(parts: readonly (readonly FilePart[])[], indexPages: number): PagesLayout {
  let last = 1 + indexPages;
  const starts: number[] = [];
  const first: number[][] = [];
  for (const ps of parts) {
    starts.push(++last);
    first.push(
      ps.map((p) => {
        if (p.kind === 'skipped') return 0;
        const at = last + 1;
        last += p.kind === 'pages' ? p.pages : 1;
        return at;
      }),
    );
  }
  return { starts, total: last, first };
}

const A4: [number, number] = [595.28, 841.89];
const IMAGE_MARGIN = 28;

/** An image on a page of its own, A4 in the image's orientation, fitted inside a 1 cm margin and centred. */
function imagePage(out: PDFDocument, image: PDFImage): void {
  const [w, h] = image.width > image.height ? [A4[1], A4[0]] : A4;
  const page = out.addPage([w, h]);
  const scale = Math.min((w - 2 * IMAGE_MARGIN) / image.width, (h - 2 * IMAGE_MARGIN) / image.height);
  const [iw, ih] = [image.width * scale, image.height * scale];
  page.drawImage(image, { x: (w - iw) / 2, y: (h - ih) / 2, width: iw, height: ih });
}

/** The cover, the index and the documents with their files (`files` in the order of x.documents), as one PDF. */
export async function workFileBundlePdf(x: WorkFileExport, files: readonly (readonly BundleFile[])[]): Promise<Buffer> {
  if (files.flat().reduce((n, f) => n + f.content.length, 0) > BUNDLE_MAX_BYTES) throw tooLarge();
  const out = await PDFDocument.create();
  // The cover, one page of index at least, and a separator per document.
  let pages = 2 + x.documents.length;
  const take = (n: number): void => {
    pages += n;
    if (pages > BUNDLE_MAX_PAGES) throw tooLarge();
  };
  take(0);
  const prepared: Prepared[][] = [];
  for (const fs of x.documents.map((_, i) => files[i] ?? [])) {
    const ps: Prepared[] = [];
    for (const f of fs) ps.push(await prepare(out, f, take));
    prepared.push(ps);
  }
  const parts = prepared.map((ps) => ps.map(partOf));

  // The index's length decides where the documents start, which the index prints: laid out again until it holds.
  let indexPages = 1;
  let layout = layoutOf(parts, indexPages);
  let base = await PDFDocument.load(await workFilePdf(x, layout));
  for (let tries = 0; base.getPageCount() - 1 !== indexPages && tries < 4; tries++) {
    indexPages = base.getPageCount() - 1;
    layout = layoutOf(parts, indexPages);
    base = await PDFDocument.load(await workFilePdf(x, layout));
  }
  if (layout.total > BUNDLE_MAX_PAGES) throw tooLarge();

  for (const p of await out.copyPages(base, base.getPageIndices())) out.addPage(p);
  if (x.documents.length > 0) {
    const seps = await PDFDocument.load(await separatorPdf(x, parts, layout));
    const sepPages = await out.copyPages(seps, seps.getPageIndices());
    let s = 0;
    for (const ps of prepared) {
      out.addPage(sepPages[s++]!);
      for (const p of ps) {
        if (p.kind === 'pages') for (const page of p.pages) out.addPage(page);
        else if (p.kind === 'image') imagePage(out, p.image);
        else if (p.kind === 'failed') out.addPage(sepPages[s++]!);
      }
    }
  }
  out.setTitle(`Hồ sơ ${x.file.code} - ${x.file.title}`);
  out.setAuthor(x.agency.name);
  out.setProducer('egov');
  out.setCreator('egov');
  out.setLanguage('vi-VN');
  return Buffer.from(await out.save());
}
