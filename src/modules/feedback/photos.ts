// Photos sent with feedback: at most MAX_PHOTOS images, each at most MAX_PHOTO_BYTES, JPEG, PNG or WebP by their bytes
// (never the name or the declared type). Every problem is reported at once, beside the file input (`photos`).
import type { FieldError } from '../../platform/http/errors.ts';
import { inspectAttachment, sha256Of } from '../../platform/files/index.ts';
import { bytesOf, cleanFileName, type IncomingFile, sizeOf } from '../dossiers/index.ts';
import { fieldErrors as m } from './messages.ts';
import { MAX_PHOTO_BYTES, MAX_PHOTOS, type PhotoType } from './schema.ts';

export interface AcceptedPhoto {
  mime: PhotoType;
  size: number;
  sha256: string;
  content: Buffer;
}

/** A WebP file: a RIFF container of type WEBP whose declared length fits the file (RFC 9649 §2). */
export function isWebp(b: Buffer): boolean {
  if (b.length < 20 || b.toString('latin1', 0, 4) !== 'RIFF' || b.toString('latin1', 8, 12) !== 'WEBP') return false;
  const declared = b.readUInt32LE(4) + 8;
  return declared <= b.length && declared >= 20 && ['VP8 ', 'VP8L', 'VP8X'].includes(b.toString('latin1', 12, 16));
}

export function photoType(b: Buffer): PhotoType | null {
  if (isWebp(b)) return 'image/webp';
  const i = inspectAttachment(b);
  return i.type === 'image/jpeg' || i.type === 'image/png' ? i.type : null;
}

const isBlank = (f: IncomingFile): boolean => sizeOf(f) === 0 && f.filename === '' && !f.truncated && !f.overTotal;
const MB = MAX_PHOTO_BYTES / (1024 * 1024);

export async function checkPhotos(files: readonly IncomingFile[]): Promise<{ accepted: AcceptedPhoto[]; errors: FieldError[] }> {
  const present = files.filter((f) => !isBlank(f));
  const errors: FieldError[] = [];
  const accepted: AcceptedPhoto[] = [];
  if (present.length > MAX_PHOTOS) return { accepted, errors: [{ field: 'photos', message: m.tooManyPhotos(MAX_PHOTOS) }] };
  for (const f of present) {
    const name = cleanFileName(f.filename);
    if (f.truncated || f.overTotal || sizeOf(f) > MAX_PHOTO_BYTES) {
      errors.push({ field: 'photos', message: m.tooLarge(name, MB) });
      continue;
    }
    const content = await bytesOf(f);
    const mime = photoType(content);
    if (!mime) {
      errors.push({ field: 'photos', message: m.notImage(name) });
      continue;
    }
    accepted.push({ mime, size: content.length, sha256: sha256Of(content), content });
  }
  return { accepted, errors };
}
