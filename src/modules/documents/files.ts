// Files of documents: checked from their bytes (a file that is not what its name says is refused, platform/files
// sniff), PDFs' digital signatures verified and kept with the file so every reader sees the result, and the text of
// PDFs added to what the registry's search reads (documents.files_text; a scan is an image: no text, no OCR).
import { inspectAttachment, refusalText, sha256Of } from '../../platform/files/index.ts';
import type { FieldError } from '../../platform/http/errors.ts';
import { pdfText } from '../../platform/pdf/text.ts';
import { DocumentErrors } from './errors.ts';
import { FIELDS, fieldErrors } from './messages.ts';
import { type DocumentsDb, FILES_TEXT_MAX, type FileInfo, documentsRepo } from './repo.ts';

export interface DocFile {
  name: string;
  content: Buffer;
}

export const MAX_DOCUMENT_FILE_BYTES = 50 * 1024 * 1024;

export interface CheckedFile extends DocFile {
  mime: string;
  sha256: string;
  /** The text of a PDF once read (withText); '' for an image. */
  text?: string;
}

const isPdf = (f: CheckedFile): boolean => f.mime === 'application/pdf';

/**
 * The files with the text of their PDFs read: callers do this before their transaction, so that reading a large or
 * hostile PDF (up to 10 s each, platform/pdf/text.ts) does not hold the rows the transaction locks (the arrival or
 * number counter). storeFiles reads the text of a file that comes without it.
 */
export async function withText(files: readonly CheckedFile[]): Promise<CheckedFile[]> {
  const out: CheckedFile[] = [];
  for (const f of files) out.push(f.text !== undefined || !isPdf(f) ? f : { ...f, text: await pdfText(f.content, { maxChars: FILES_TEXT_MAX }) });
  return out;
}

/** Every file checked; all refusals at once, naming each file. */
export function checkFiles(files: readonly DocFile[], field: string): CheckedFile[] {
  const errors: FieldError[] = [];
  const out: CheckedFile[] = [];
  for (const file of files) {
    const name = file.name.replace(/[\\/]/g, '_').slice(-200) || 'tep';
    if (file.content.length > MAX_DOCUMENT_FILE_BYTES) {
      errors.push({ field, message: fieldErrors.file(name, { vi: 'quá 50 MB.', en: 'over 50 MB.' }) });
      continue;
    }
    const inspection = inspectAttachment(file.content);
    if (inspection.type === null) {
      errors.push({ field, message: refusalText(inspection.refusal, name) });
      continue;
    }
    out.push({ name, content: file.content, mime: inspection.type, sha256: sha256Of(file.content) });
  }
  if (errors.length > 0) throw DocumentErrors.INVALID({ fields: errors });
  return out;
}

export function requireSomeFile(files: readonly DocFile[]): void {
  if (files.length === 0) throw DocumentErrors.INVALID({ fields: [{ field: 'files', message: fieldErrors.needFile }] });
}

export type SignatureSummary = Record<string, unknown>;

/** The signatures of a PDF as checked now (JSON for the database), or null for an image. */
export type SignatureChecker = (pdf: Buffer) => Promise<SignatureSummary[]>;

export async function storeFiles(
  db: DocumentsDb,
  documentId: number,
  kind: 'main' | 'attachment' | 'signed' | 'scan',
  files: readonly CheckedFile[],
  addedBy: number | null,
  checkSignatures: SignatureChecker | null,
): Promise<FileInfo[]> {
  const stored: FileInfo[] = [];
  const texts: string[] = [];
  for (const f of files) {
    const signatures = isPdf(f) && checkSignatures ? await checkSignatures(f.content) : null;
    stored.push(
      await documentsRepo.addFile(db, {
        document_id: documentId,
        kind,
        name: f.name,
        mime: f.mime,
        size: f.content.length,
        sha256: f.sha256,
        content: f.content,
        signatures: signatures === null ? null : JSON.stringify(signatures),
        added_by: addedBy,
      }),
    );
    const text = f.text ?? (isPdf(f) ? await pdfText(f.content, { maxChars: FILES_TEXT_MAX }) : '');
    if (text !== '') texts.push(text);
  }
  // In the caller's transaction: the files and the text search reads are stored together or not at all.
  await documentsRepo.appendFilesText(db, documentId, texts.join(' ').slice(0, FILES_TEXT_MAX));
  return stored;
}

export { FIELDS as FILE_FIELDS };
