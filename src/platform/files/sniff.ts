// What a file is, read from its bytes (magic numbers and structure), never from its name or the type the browser
// declares: an .exe renamed to .pdf is still an executable, and a "PDF" that is really an HTML application (HTA) or a
// batch file with "%PDF-" in front is refused. Attachments of dossiers may be PDF, JPEG or PNG only, and a PDF may
// not carry active content (JavaScript, launch actions, embedded files), which a reader's PDF viewer could run.
import { inflateSync } from 'node:zlib';

export const ATTACHMENT_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;
export type AttachmentType = (typeof ATTACHMENT_TYPES)[number];

/** Why a file is refused: not one of the types, active content in a PDF, or not the structure its type requires. */
export type AttachmentRefusal = 'type' | 'active-content' | 'malformed';

export type Inspection = { type: AttachmentType; refusal: null } | { type: null; refusal: AttachmentRefusal };

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const PDF_SIGNATURE = Buffer.from('%PDF-', 'latin1');
const JPEG_SIGNATURE = Buffer.from([0xff, 0xd8, 0xff]);
const JPEG_END = Buffer.from([0xff, 0xd9]);

/** Markup or shell commands that make a polyglot: a browser, mshta.exe or cmd.exe would run the file. */
const SCRIPT_MARKERS = /<\s*(script|html|hta:application|body|iframe|svg|object|embed)\b|^\s*@echo\b|\bpowershell(\.exe)?\s+-|\bcmd(\.exe)?\s+\/[ck]\b|\bmshta(\.exe)?\b/im;
/** PDF names of active content (PDF 32000-1 §12.6 actions, §7.11.4 embedded files), `#xx` escapes decoded first. */
const PDF_ACTIVE = /\/(JavaScript|JS|Launch|EmbeddedFiles?|RichMedia|ImportData|SubmitForm)(?![A-Za-z0-9])/;
const MAX_INFLATED = 64 * 1024 * 1024;

const latin1 = (b: Buffer): string => b.toString('latin1');
const decodeNames = (s: string): string => s.replace(/#([0-9a-fA-F]{2})/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));

/** The text of the PDF's compressed streams (object streams can hide /JavaScript), as far as they inflate. */
function inflatedStreams(b: Buffer): string[] {
  const out: string[] = [];
  let total = 0;
  let at = 0;
  for (;;) {
    const start = b.indexOf('stream', at, 'latin1');
    if (start < 0) break;
    let from = start + 6;
    if (b[from] === 0x0d) from++;
    if (b[from] === 0x0a) from++;
    const end = b.indexOf('endstream', from, 'latin1');
    if (end < 0) break;
    at = end + 9;
    if (b[start - 3] === 0x65 && b[start - 2] === 0x6e && b[start - 1] === 0x64) continue; // "endstream" itself
    try {
      const text = latin1(inflateSync(b.subarray(from, end), { maxOutputLength: MAX_INFLATED - total }));
      total += text.length;
      out.push(text);
    } catch {
      // Not deflated (or not completely): the raw bytes were scanned already.
    }
    if (total >= MAX_INFLATED) break;
  }
  return out;
}

function inspectPdf(b: Buffer): Inspection {
  // A PDF ends with %%EOF (PDF 32000-1 §7.5.5); a little trailing whitespace or padding is tolerated.
  if (!latin1(b.subarray(Math.max(0, b.length - 1024))).includes('%%EOF')) return { type: null, refusal: 'malformed' };
  const text = latin1(b);
  if (SCRIPT_MARKERS.test(text)) return { type: null, refusal: 'active-content' };
  if (PDF_ACTIVE.test(decodeNames(text))) return { type: null, refusal: 'active-content' };
  for (const s of inflatedStreams(b)) if (PDF_ACTIVE.test(decodeNames(s))) return { type: null, refusal: 'active-content' };
  return { type: 'application/pdf', refusal: null };
}

function inspectImage(b: Buffer, type: 'image/jpeg' | 'image/png'): Inspection {
  const ok =
    type === 'image/png'
      ? latin1(b.subarray(12, 16)) === 'IHDR' && b.indexOf('IEND', 16, 'latin1') > 0
      : b.indexOf(JPEG_END, 3) > 0;
  if (!ok) return { type: null, refusal: 'malformed' };
  if (SCRIPT_MARKERS.test(latin1(b))) return { type: null, refusal: 'active-content' };
  return { type, refusal: null };
}

/** The attachment type the content has and whether it is safe to keep, by its bytes. */
export function inspectAttachment(content: Uint8Array): Inspection {
  const b = Buffer.from(content.buffer, content.byteOffset, content.byteLength);
  if (b.subarray(0, PDF_SIGNATURE.length).equals(PDF_SIGNATURE)) return inspectPdf(b);
  if (b.subarray(0, JPEG_SIGNATURE.length).equals(JPEG_SIGNATURE)) return inspectImage(b, 'image/jpeg');
  if (b.subarray(0, PNG_SIGNATURE.length).equals(PNG_SIGNATURE)) return inspectImage(b, 'image/png');
  return { type: null, refusal: 'type' };
}

/** The attachment type the content has, or null when it is none of PDF, JPEG, PNG or not a safe, whole one. */
export function sniffAttachmentType(content: Uint8Array): AttachmentType | null {
  return inspectAttachment(content).type;
}

/** File name extension that goes with a type, for downloads. */
export function extensionOf(type: AttachmentType): string {
  return type === 'application/pdf' ? '.pdf' : type === 'image/jpeg' ? '.jpg' : '.png';
}
