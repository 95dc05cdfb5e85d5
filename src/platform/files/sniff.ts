// What a file is, read from its first bytes (magic numbers), never from its name or the type the browser declares:
// an .exe renamed to .pdf is still an executable. Attachments of dossiers may be PDF, JPEG or PNG only.

export const ATTACHMENT_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;
export type AttachmentType = (typeof ATTACHMENT_TYPES)[number];

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const PDF_SIGNATURE = Buffer.from('%PDF-', 'latin1');
const JPEG_SIGNATURE = Buffer.from([0xff, 0xd8, 0xff]);

/** The attachment type the content has, or null when it is none of PDF, JPEG, PNG. */
export function sniffAttachmentType(content: Uint8Array): AttachmentType | null {
  const b = Buffer.from(content.buffer, content.byteOffset, content.byteLength);
  if (b.subarray(0, PDF_SIGNATURE.length).equals(PDF_SIGNATURE)) return 'application/pdf';
  if (b.subarray(0, JPEG_SIGNATURE.length).equals(JPEG_SIGNATURE)) return 'image/jpeg';
  if (b.subarray(0, PNG_SIGNATURE.length).equals(PNG_SIGNATURE)) return 'image/png';
  return null;
}

/** File name extension that goes with a type, for downloads. */
export function extensionOf(type: AttachmentType): string {
  return type === 'application/pdf' ? '.pdf' : type === 'image/jpeg' ? '.jpg' : '.png';
}
