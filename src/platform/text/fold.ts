/**
 * Accent folding and search keys.
 *
 * The database searches on `lower(f_unaccent(text))`; `searchKey` must give the same string for Vietnamese text so
 * that a key computed in the app (for a query, or for PGlite tests) matches the stored one.
 */

// Combining diacritical marks (U+0300–U+036F) cover all five Vietnamese tones and the breve, circumflex and horn.
const COMBINING = /[\u0300-\u036f]/g;

/**
 * Removes Vietnamese diacritics: "Đường Hoàng Quốc Việt" → "Duong Hoang Quoc Viet". Đ/đ is a letter of its own
 * (a stroke, not a combining mark, so NFD leaves it intact); PostgreSQL's unaccent maps it to D/d, and so do we.
 */
export function foldAccents(s: string): string {
  return s.normalize('NFD').replace(COMBINING, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').normalize('NFC');
}

/**
 * Search key: NFC, accents folded, lower case, runs of whitespace collapsed to one space, trimmed.
 * "  Phường   Hoàn Kiếm " → "phuong hoan kiem".
 */
export function searchKey(s: string): string {
  return foldAccents(s.normalize('NFC')).toLowerCase().replace(/\s+/g, ' ').trim();
}
