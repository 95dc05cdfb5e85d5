// Checking the attachments of a submission: one file per document of the e-form, a PDF, JPEG or PNG by its content
// (magic bytes, never the name or the declared type), within the document's size and the platform's limits. Every
// problem is reported at once, beside the file input of its document (`files.<key>`).
import type { FieldError } from '../../platform/http/errors.ts';
import { readFile } from 'node:fs/promises';
import { type AttachmentType, type FileLimits, inspectAttachment, nameForType, refusalText, sha256Of, type TempUpload } from '../../platform/files/index.ts';
import { nfc, stripControl } from '../../platform/text/index.ts';
import { checkEformFiles, documentFieldName, type EformDefinition, type EformUpload } from '../eforms/index.ts';
import { formatSize } from './format.ts';
import { invalid as m } from './messages.ts';

export interface IncomingFile {
  docKey: string;
  filename: string;
  /** The bytes, when they are in memory (the JSON API, files kept with a draft)… */
  content?: Buffer | undefined;
  /** …or the temporary file a multipart upload was streamed to (read only when the file is checked). */
  temp?: TempUpload | undefined;
  /** The upload was cut at the per-file limit (multipart): the file is too large. */
  truncated?: boolean;
  /** The upload was dropped because the request's files went over the total limit. */
  overTotal?: boolean;
}

export interface AcceptedFile {
  docKey: string;
  originalName: string;
  mime: AttachmentType;
  size: number;
  sha256: string;
  /** The bytes in memory, or the path of the upload's temporary file (stored from there, one file at a time). */
  content?: Buffer | undefined;
  path?: string | undefined;
}

/** An incoming file's size, first bytes and whole content, wherever it is. */
export const sizeOf = (f: IncomingFile): number => f.temp?.size ?? f.content?.length ?? 0;
const headOf = (f: IncomingFile): Buffer => f.temp?.head ?? (f.content ?? Buffer.alloc(0)).subarray(0, 16);
export const bytesOf = async (f: IncomingFile): Promise<Buffer> => (f.temp ? readFile(f.temp.path) : (f.content ?? Buffer.alloc(0)));

/** The accepted form of a file whose type was found: its bytes stay where they are (a temporary file is not kept in memory). */
export function acceptedFrom(f: IncomingFile, bytes: Buffer): { size: number; sha256: string; content?: Buffer; path?: string } {
  if (f.temp) return { size: f.temp.size, sha256: f.temp.sha256, path: f.temp.path };
  return { size: bytes.length, sha256: sha256Of(bytes), content: bytes };
}

export function cleanFileName(name: string): string {
  const base = nfc(stripControl(name)).split(/[\\/]/).pop() ?? '';
  return base.trim().slice(0, 200) || 'tep-dinh-kem';
}

/** A browser posts an empty part, with no name and no bytes, for a file input left blank. */
const isBlank = (f: IncomingFile): boolean => sizeOf(f) === 0 && f.filename === '' && !f.truncated && !f.overTotal;

export async function checkAttachments(def: EformDefinition, files: readonly IncomingFile[], limits: FileLimits): Promise<{ accepted: AcceptedFile[]; errors: FieldError[] }> {
  const errors: FieldError[] = [];
  const present = files.filter((f) => !isBlank(f));
  const keys = new Set(def.documents.map((d) => d.key));
  const firstField = documentFieldName(def.documents[0]?.key ?? 'doc1');
  if (present.length > limits.maxFiles) errors.push({ field: firstField, message: m.tooManyFiles(limits.maxFiles) });
  if (present.some((f) => f.overTotal) || present.reduce((n, f) => n + sizeOf(f), 0) > limits.maxTotalBytes) {
    errors.push({ field: firstField, message: m.filesTooLarge(formatSize(limits.maxTotalBytes)) });
  }
  const seen = new Set<string>();
  const uploads: EformUpload[] = [];
  for (const f of present) {
    const field = documentFieldName(f.docKey);
    const name = cleanFileName(f.filename);
    if (!keys.has(f.docKey)) {
      errors.push({ field, message: m.unknownDocument(f.docKey) });
      continue;
    }
    const doc = def.documents.find((d) => d.key === f.docKey);
    const docName = doc?.name.vi ?? f.docKey;
    if (seen.has(f.docKey)) {
      errors.push({ field, message: m.oneFilePerDocument(docName) });
      continue;
    }
    seen.add(f.docKey);
    if (f.truncated || sizeOf(f) > limits.maxFileBytes) {
      errors.push({ field, message: m.fileTooLarge(name, docName, formatSize(limits.maxFileBytes)) });
      continue;
    }
    uploads.push({ field, filename: name, size: sizeOf(f), head: headOf(f) });
  }
  // Required documents, accepted types and each document's own size limit are the e-form's rules.
  const checked = checkEformFiles(def, uploads);
  if (!checked.ok) errors.push(...checked.errors.filter((e) => !errors.some((x) => x.field === e.field)));
  if (errors.length > 0) return { accepted: [], errors };
  const accepted: AcceptedFile[] = [];
  for (const f of present) {
    // The platform's own sniff decides the stored type; checkEformFiles already refused anything else.
    // One file in memory at a time: a temporary file is read here and its bytes dropped once checked.
    const bytes = await bytesOf(f);
    const found = inspectAttachment(bytes);
    if (!found.type) {
      const name = cleanFileName(f.filename);
      errors.push({ field: documentFieldName(f.docKey), message: found.refusal === 'type' ? m.fileType(name, f.docKey) : refusalText(found.refusal, name) });
      continue;
    }
    // The name kept is built from the type found in the bytes, never the uploaded extension ("x.pdf.hta" → "x.pdf").
    const originalName = nameForType(cleanFileName(f.filename), found.type);
    accepted.push({ docKey: f.docKey, originalName, mime: found.type, ...acceptedFrom(f, bytes) });
  }
  return { accepted, errors };
}
