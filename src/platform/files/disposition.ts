import { ATTACHMENT_TYPES, type AttachmentType, extensionOf } from './sniff.ts';

// Content-Disposition for a download with a Vietnamese file name: an ASCII fallback plus the exact UTF-8 name
// (RFC 6266 / RFC 8187), so no header injection and the name survives in every browser.
export function contentDisposition(name: string, kind: 'attachment' | 'inline' = 'attachment'): string {
  const clean = name.replace(/[\p{Cc}"\\/]/gu, '_').slice(0, 200) || 'file';
  const ascii = clean
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^\x20-\x7e]/g, '_');
  const encoded = encodeURIComponent(clean).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

const TRAILING_EXTENSIONS = /(\.[A-Za-z0-9]{1,5})+$/;

/**
 * The name a stored file is shown and downloaded under: the uploaded name without its extension(s), plus the
 * extension of the type found in its bytes. "Giay chung sinh.pdf.hta" with PDF content is "Giay chung sinh.pdf".
 */
export function nameForType(name: string, type: string): string {
  const base = name.replace(/[\p{Cc}"\\/]/gu, '_').replace(TRAILING_EXTENSIONS, '').trim().slice(0, 180) || 'tep-dinh-kem';
  const known = (ATTACHMENT_TYPES as readonly string[]).includes(type);
  return `${base}${known ? extensionOf(type as AttachmentType) : '.bin'}`;
}
