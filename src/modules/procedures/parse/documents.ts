// Required documents (thành phần hồ sơ) from the portal's flattened table, where each row is its name, the file
// name of its form (if any) and its count glued together:
//   "Văn bản đề nghị hủy tài khoản điện tử (NA20).Mau NA20-BCA.docx1 bản chính"
//   "Ảnh chụp hiện trạng cây xanh0 bản chính,1 bản sao"
//   "Tờ khai …1 bản chínhBản sao …1 bản sao"
// The count may run into digits that end the name ("… năm 20261 bản chính" is "… năm 2026" + 1): counts are 0–9 or
// written 01–09, so a longer run gives its last digit to the count. A form file's name is cut from the text before
// its extension at the last separator (";", ")", "." after a word or a legal number such as NĐ-CP), at a legal
// number that runs into it ("…/NĐ-CPMẫu số 01.docx"), or else where a word runs into a capital ("…khoáng sảnMau 07").
import type { RequiredDocument } from '../schema.ts';

export interface DocumentsParse {
  items: RequiredDocument[];
  empty: boolean;
  /** Why some items could not be fully read; empty when all were. */
  problems: string[];
  /** The text of the first item with a problem. */
  sample?: string;
}

interface Problems {
  reasons: string[];
  sample?: string;
}

function problem(p: Problems, reason: string, text: string): void {
  if (!p.reasons.includes(reason)) p.reasons.push(reason);
  p.sample ??= text;
}

// A count ends the row: the next row (a capital, a digit, a bullet) or the end follows it; "01 bản chính văn bản …"
// inside a name is no count.
const MARKER = /(?<![\d(])(\d+) bản chính(?:\s*,\s*(\d+) bản sao)?(?=$|\s*[\p{Lu}\d\-+•*|(;.,])|(?<![\d(]|chính,\s?)(\d+) bản sao(?=$|\p{Lu}|[-+•*|(])/gu;
const EXTENSION = /(?<=[\p{L}\d)\]])\.(docx|doc|pdf|xlsx|xls|odt|rar|zip)/giu;
const ISSUERS =
  'CP|TTg|BTC|BCA|NHNN|BNNMT|BNNPTNT|BTNMT|BXD|BTP|BGTVT|BKHĐT|BLĐTBXH|BYT|BCT|BQP|BNG|BNV|BTTTT|BKHCN|BGDĐT|BVHTTDL|VPCP|UBCKNN|HĐND|UBND|TANDTC|VKSNDTC|KTNN|QH\\d*|UBTVQH\\d*';
const LEGAL_GLUE = new RegExp(`(?:NĐ|TT|QĐ|NQ|TTLT|TTg)\\s?-\\s?(?:${ISSUERS})(?=[\\p{L}\\d])`, 'gu');
const LEGAL_END = new RegExp(`(?:NĐ|TT|QĐ|NQ|TTLT)\\s?-\\s?(?:${ISSUERS})$`, 'u');
const WINDOW = 120;

function count(run: string): { value: number; carry: string } {
  if (run.length === 1 || (run.length === 2 && run.startsWith('0'))) return { value: Number(run), carry: '' };
  return { value: Number(run.slice(-1)), carry: run.slice(0, -1) };
}

function isAlnum(ch: string | undefined): boolean {
  return ch !== undefined && /[\p{L}\d]/u.test(ch);
}

const AFTER_DOT = /([\p{Ll}).]|\d{1,2}\/\d{1,2}\/\d{4})$/u;
const LEAD_IN = /(theo mẫu|quy định)(?=[\p{L}\d])/giu;
const PREFIX = /^(mẫu|mau|phụ lục|phu luc)/i;

/** Where the form file's name starts in `s` (the text before its extension); -1 when no place is found. */
export function formFileStart(s: string): number {
  const from = Math.max(1, s.length - WINDOW);
  let strong = -1;
  let digitDot = -1;
  for (let i = from; i < s.length; i++) {
    const prev = s[i - 1];
    if (!isAlnum(s[i])) continue;
    if (prev === ';' || prev === ')') strong = i;
    else if (prev === '.') {
      const before = s.slice(0, i - 1);
      if (AFTER_DOT.test(before) || LEGAL_END.test(before)) strong = i;
      else if (/\d$/.test(before) && /\p{Lu}/u.test(s[i] ?? '')) digitDot = i;
    }
  }
  for (const m of s.matchAll(LEGAL_GLUE)) {
    const end = (m.index ?? 0) + m[0].length;
    if (end >= from && end > strong) strong = end;
  }
  if (strong >= 0) return strong;
  for (let i = from; i < s.length; i++) {
    const prev = s[i - 1] ?? '';
    const glued = /[\p{Ll}\d]/u.test(prev) && /\p{Lu}/u.test(s[i] ?? '');
    const prefix = /[\p{L}\d]/u.test(prev) && PREFIX.test(s.slice(i));
    if (glued || prefix) return i;
  }
  if (digitDot >= 0) return digitDot;
  let leadIn = -1;
  for (const m of s.matchAll(LEAD_IN)) leadIn = (m.index ?? 0) + m[0].length;
  if (leadIn >= from) return leadIn;
  return s.length <= 60 ? 0 : -1;
}

function cleanName(s: string): string {
  return s
    .replace(/^[\s\-+•*|;,.]+/, '')
    .replace(/[\s;,|]+$/, '')
    .trim();
}

/** Splits an item's text into its name and the form files named at its end. */
function nameAndFiles(text: string, problems: Problems): { name: string; files: string[] } {
  const exts = [...text.matchAll(EXTENSION)];
  if (exts.length === 0) return { name: cleanName(text), files: [] };
  const first = exts[0] as RegExpMatchArray;
  const head = text.slice(0, first.index);
  const start = formFileStart(head);
  const files: string[] = [];
  let cursor = 0;
  let name: string;
  if (start < 0) {
    problem(problems, 'form file name not separated from the document name', text);
    name = cleanName(head);
    cursor = (first.index ?? 0) + first[0].length;
  } else {
    name = cleanName(head.slice(0, start));
    cursor = start;
  }
  for (const m of exts) {
    const end = (m.index ?? 0) + m[0].length;
    if (end <= cursor) continue;
    const file = text.slice(cursor, end).trim();
    if (file.length > m[0].length) files.push(file);
    else if (files.length > 0) files[files.length - 1] += m[0];
    cursor = end;
  }
  const rest = cleanName(text.slice(cursor));
  if (rest !== '') name = name === '' ? rest : `${name} ${rest}`;
  return { name: name === '' ? (files[0] ?? '') : name, files };
}

function item(text: string, originals: number | null, copies: number | null, problems: Problems): RequiredDocument {
  const { name, files } = nameAndFiles(text, problems);
  return { name, originals, copies, form_file: files[0] ?? null, form_files: files };
}

export function parseDocuments(input: string | null | undefined): DocumentsParse {
  const text = (input ?? '').trim();
  if (text === '' || /^không có thông tin$/i.test(text)) return { items: [], empty: true, problems: [] };
  const problems: Problems = { reasons: [] };
  const items: RequiredDocument[] = [];
  let cursor = 0;
  for (const m of text.matchAll(MARKER)) {
    const start = m.index ?? 0;
    const standaloneCopies = m[3] !== undefined;
    const run = count((standaloneCopies ? m[3] : m[1]) ?? '0');
    const segment = text.slice(cursor, start) + run.carry;
    cursor = start + m[0].length;
    const originals = standaloneCopies ? 0 : run.value;
    const copies = standaloneCopies ? run.value : m[2] === undefined ? 0 : count(m[2]).value;
    if (cleanName(segment) === '') continue;
    items.push(item(segment, originals, copies, problems));
  }
  const tail = text.slice(cursor);
  if (/\p{L}/u.test(tail)) {
    problem(problems, items.length === 0 ? 'no counts' : 'text after the last document', tail);
    items.push(item(tail, null, null, problems));
  }
  const out: DocumentsParse = { items, empty: false, problems: problems.reasons };
  if (problems.sample !== undefined) out.sample = problems.sample;
  return out;
}
