// Checks of the documents attached to an e-form: each required document is there, each file is of an accepted
// type (by its first bytes, not the name or the browser's word) and within its size.
import type { Text } from '../../platform/web/i18n.ts';
import type { AcceptType, EformDefinition, EformDocument } from './schema.ts';
import { documentFieldName } from './paths.ts';
import type { EformError } from './validate.ts';
import { fileReasons as fr } from './messages.ts';

export interface EformUpload {
  /** The posted field name, `files.<key>` (documentFieldName). */
  field: string;
  filename: string;
  size: number;
  /** The file's first bytes (at least 8), or the whole file. */
  head: Uint8Array;
}

export interface AcceptedFile {
  document: EformDocument;
  upload: EformUpload;
  /** The type read from the file's content. */
  mimeType: AcceptType;
}

export type EformFilesCheck = { ok: true; files: AcceptedFile[] } | { ok: false; errors: EformError[] };

const TYPE_NAMES: Record<AcceptType, string> = { 'application/pdf': 'PDF', 'image/jpeg': 'JPG', 'image/png': 'PNG' };

/** The accepted type a file's first bytes announce, if any. */
export function sniffType(head: Uint8Array): AcceptType | undefined {
  const starts = (sig: number[]): boolean => sig.every((b, i) => head[i] === b);
  if (starts([0x25, 0x50, 0x44, 0x46, 0x2d])) return 'application/pdf'; // %PDF-
  if (starts([0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  return undefined;
}

/** "PDF, JPG, PNG" */
export function typeNames(accept: readonly AcceptType[]): string {
  return accept.map((a) => TYPE_NAMES[a]).join(', ');
}

/** 5 MB, 1,5 MB / 1.5 MB, 800 KB. */
export function sizeText(bytes: number): Text {
  const mb = bytes / (1024 * 1024);
  if (mb >= 1) {
    const s = Number.isInteger(mb) ? String(mb) : mb.toFixed(1);
    return { vi: `${s.replace('.', ',')} MB`, en: `${s} MB` };
  }
  const kb = String(Math.max(1, Math.round(bytes / 1024)));
  return { vi: `${kb} KB`, en: `${kb} KB` };
}

/**
 * Matches uploads to the definition's documents. Unknown fields are ignored, as is an empty file input (a
 * browser posts one, with no name and no bytes, for every document left blank).
 */
export function checkEformFiles(def: EformDefinition, uploads: readonly EformUpload[]): EformFilesCheck {
  const errors: EformError[] = [];
  const files: AcceptedFile[] = [];
  for (const document of def.documents) {
    const field = documentFieldName(document.key);
    const upload = uploads.find((u) => u.field === field && !(u.size === 0 && u.filename === ''));
    const fail = (reason: Text): void => {
      errors.push({ field, message: { vi: `${document.name.vi}: ${reason.vi}`, en: `${document.name.en}: ${reason.en}` } });
    };
    if (!upload) {
      if (document.required) fail(fr.missing);
      continue;
    }
    if (upload.size === 0) {
      fail(fr.empty);
      continue;
    }
    if (upload.size > document.maxBytes) {
      const size = sizeText(document.maxBytes);
      fail({ vi: fr.tooLarge.vi.replace('{size}', size.vi), en: fr.tooLarge.en.replace('{size}', size.en) });
      continue;
    }
    const mimeType = sniffType(upload.head);
    if (!mimeType || !document.accept.includes(mimeType)) {
      const types = typeNames(document.accept);
      fail({ vi: fr.type.vi.replace('{types}', types), en: fr.type.en.replace('{types}', types) });
      continue;
    }
    files.push({ document, upload, mimeType });
  }
  return errors.length ? { ok: false, errors } : { ok: true, files };
}
