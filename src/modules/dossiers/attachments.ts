// Checking the attachments of a submission: one file per document of the e-form, a PDF, JPEG or PNG by its content
// (magic bytes, never the name or the declared type), within the document's size and the platform's limits. Every
// problem is reported at once, beside the file input of its document (`files.<key>`).
import type { FieldError } from '../../platform/http/errors.ts';
import { type AttachmentType, type FileLimits, inspectAttachment, nameForType, refusalText, sha256Of } from '../../platform/files/index.ts';
import { nfc, stripControl } from '../../platform/text/index.ts';
import { checkEformFiles, documentFieldName, type EformDefinition, type EformUpload } from '../eforms/index.ts';
import { formatSize } from './format.ts';
import { invalid as m } from './messages.ts';

export interface IncomingFile {
  docKey: string;
  filename: string;
  content: Buffer;
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
  content: Buffer;
}

export function cleanFileName(name: string): string {
  const base = nfc(stripControl(name)).split(/[\\/]/).pop() ?? '';
  return base.trim().slice(0, 200) || 'tep-dinh-kem';
}

/** A browser posts an empty part, with no name and no bytes, for a file input left blank. */
const isBlank = (f: IncomingFile): boolean => f.content.length === 0 && f.filename === '' && !f.truncated && !f.overTotal;

export function checkAttachments(def: EformDefinition, files: readonly IncomingFile[], limits: FileLimits): { accepted: AcceptedFile[]; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const present = files.filter((f) => !isBlank(f));
  const keys = new Set(def.documents.map((d) => d.key));
  const firstField = documentFieldName(def.documents[0]?.key ?? 'doc1');
  if (present.length > limits.maxFiles) errors.push({ field: firstField, message: m.tooManyFiles(limits.maxFiles) });
  if (present.some((f) => f.overTotal) || present.reduce((n, f) => n + f.content.length, 0) > limits.maxTotalBytes) {
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
    if (f.truncated || f.content.length > limits.maxFileBytes) {
      errors.push({ field, message: m.fileTooLarge(name, docName, formatSize(limits.maxFileBytes)) });
      continue;
    }
    uploads.push({ field, filename: name, size: f.content.length, head: f.content.subarray(0, 16) });
  }
  // Required documents, accepted types and each document's own size limit are the e-form's rules.
  const checked = checkEformFiles(def, uploads);
  if (!checked.ok) errors.push(...checked.errors.filter((e) => !errors.some((x) => x.field === e.field)));
  if (errors.length > 0) return { accepted: [], errors };
  const accepted: AcceptedFile[] = [];
  for (const f of present) {
    // The platform's own sniff decides the stored type; checkEformFiles already refused anything else.
    const found = inspectAttachment(f.content);
    if (!found.type) {
      const name = cleanFileName(f.filename);
      errors.push({ field: documentFieldName(f.docKey), message: found.refusal === 'type' ? m.fileType(name, f.docKey) : refusalText(found.refusal, name) });
      continue;
    }
    // The name kept is built from the type found in the bytes, never the uploaded extension ("x.pdf.hta" → "x.pdf").
    const originalName = nameForType(cleanFileName(f.filename), found.type);
    accepted.push({ docKey: f.docKey, originalName, mime: found.type, size: f.content.length, sha256: sha256Of(f.content), content: f.content });
  }
  return { accepted, errors };
}
