import { searchKey } from './fold.ts';

/** URL slug: "Phường Hoàn Kiếm" → "phuong-hoan-kiem". Anything but a–z and 0–9 becomes a single hyphen. */
export function slugify(s: string): string {
  return searchKey(s)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
