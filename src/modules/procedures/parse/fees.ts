// Fees (phí, lệ phí) as lines of integer đồng, from either of two shapes of text:
//
// 1. The national portal's list: "<amount> Việt Nam Đồng(<description>) / Miễn phí(<description>) / …", one entry
//    per channel or case. Its structured amount is unreliable ("135 VNĐ(Lệ phí …: 135.000 đồng/lần)",
//    "120 VNĐ(20.000 vnđ/tờ khai)", "1100 VNĐ(… 100.000 đồng/lần …)"), and "Miễn phí" is also written when the
//    amount was only given in the description ("Miễn phí(- Lệ phí cấp giấy phép lái xe: 135.000 đồng/lần …)"). So:
//    - amounts written in đồng inside the description win, one line per amount ("- …" and ";" separate cases);
//    - otherwise a structured amount of at least 1.000 đồng is taken as it is;
//    - a smaller structured amount (e.g. "120 VNĐ") cannot be trusted: the amount is left null and reported;
//    - "Miễn phí" with no description, or one that says none is due ("Không", "Không quy định", "Miễn …"), is 0;
//      "Miễn phí(Mức thu do HĐND cấp tỉnh quy định)" and the like leave the amount null and are reported;
//    - foreign currency ("100 USD") leaves amount_dong null and is reported.
// 2. Free text: "Lệ phí: 50.000 đồng", "100.000đ/lần", "Không", "Miễn phí", "5 triệu đồng".
import type { FeeLine } from '../schema.ts';

export interface FeeParse {
  lines: FeeLine[];
  /** True when the source says nothing ("", "Không có thông tin"). */
  empty: boolean;
  /** Why some line has no amount; empty when every line was read. */
  problems: string[];
  /** The text of the first line without an amount. */
  sample?: string;
}

const NO_INFO = /^(không có thông tin)?$/i;
const HEAD = /^\s*(?:(\d[\d.,]*)\s*(Việt Nam Đồng|VNĐ|VND|đồng|USD|EUR)|(Miễn phí)|(Không có thông tin))/i;
const ENTRY_SPLIT = /\s+\/\s+(?=(?:\d[\d.,]*\s*(?:Việt Nam Đồng|VNĐ|VND|USD|EUR)|Miễn phí|Không có thông tin))/i;
// An amount in đồng: "135.000 đồng", "20.000Đ", "25.000.000đ", "50,000 VNĐ", "5 triệu đồng". The currency must not
// run into a word ("01 đơn" is no amount).
const AMOUNT = /(?<![\d\p{L}/])(\d{1,3}(?:[.,]\d{3})+|\d+(?:[.,]\d+)?)\s*(triệu\s*(?:đồng|đ|vnđ)?|đồng|vnđ|vnd|đ)(?![\p{L}\d])/giu;
const NOTHING_DUE = /^[-\s(]*(không|chưa quy định|miễn)/i;

/** "1.025.000" or "1,025,000" → 1025000; "1,5" → 1.5. */
function readNumber(s: string): number {
  if (/^\d{1,3}([.,]\d{3})+$/.test(s)) return Number(s.replace(/[.,]/g, ''));
  return Number(s.replace(',', '.'));
}

interface Found {
  amount: number;
  index: number;
}

function amountsIn(text: string): Found[] {
  const out: Found[] = [];
  for (const m of text.matchAll(AMOUNT)) {
    const n = readNumber(m[1] ?? '');
    const million = (m[2] ?? '').toLowerCase().startsWith('triệu');
    const amount = Math.round(million ? n * 1_000_000 : n);
    if (Number.isFinite(amount)) out.push({ amount, index: m.index ?? 0 });
  }
  return out;
}

function cleanLabel(s: string): string {
  return s
    .replace(/^[\s\-+•*(]+/, '')
    .replace(/[\s:–-]+$/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** One line per case that names an amount in đồng; the label is what comes before the amount. */
function linesFromText(text: string): FeeLine[] {
  const cases = text
    .split(/(?:^|\s)[-+•]\s+|;\s*|\n+/)
    .map((c) => c.trim())
    .filter((c) => c !== '');
  const lines: FeeLine[] = [];
  for (const c of cases) {
    const found = amountsIn(c)[0];
    if (found) lines.push({ label: cleanLabel(c.slice(0, found.index)), amount_dong: found.amount, text: c });
  }
  return lines;
}

/** Strips the outer parentheses of "(…)" even when the closing one was cut off. */
function description(rest: string): string {
  let d = rest.trim();
  if (d.startsWith('(')) d = d.slice(1);
  if (d.endsWith(')') && (d.match(/\(/g)?.length ?? 0) < (d.match(/\)/g)?.length ?? 0)) d = d.slice(0, -1);
  return d.trim();
}

function parseEntry(entry: string, problems: string[]): FeeLine[] {
  const head = HEAD.exec(entry);
  if (!head) return [];
  if (head[4]) return [];
  const desc = description(entry.slice(head[0].length));
  const text = entry.trim();
  const fromDesc = linesFromText(desc);
  if (fromDesc.length > 0) return fromDesc;
  if (head[3]) {
    if (desc === '' || NOTHING_DUE.test(desc)) return [{ label: desc, amount_dong: 0, text }];
    problems.push('free, but the description names no amount');
    return [{ label: desc, amount_dong: null, text }];
  }
  const amount = readNumber(head[1] ?? '');
  const currency = (head[2] ?? '').toUpperCase();
  if (currency === 'USD' || currency === 'EUR') {
    problems.push('foreign currency');
    return [{ label: desc, amount_dong: null, text }];
  }
  if (Number.isInteger(amount) && amount >= 1000) return [{ label: desc, amount_dong: amount, text }];
  problems.push('implausible amount');
  return [{ label: desc, amount_dong: null, text }];
}

export function parseFees(input: string | null | undefined): FeeParse {
  const text = (input ?? '').trim();
  if (NO_INFO.test(text)) return { lines: [], empty: true, problems: [] };
  const problems: string[] = [];
  let lines: FeeLine[];
  if (HEAD.test(text)) {
    lines = text.split(ENTRY_SPLIT).flatMap((e) => parseEntry(e, problems));
    if (lines.length === 0) return { lines: [], empty: true, problems: [] };
  } else if (/^(không|không thu|miễn|miễn (phí|lệ phí|thu).*)\.?$/i.test(text)) {
    lines = [{ label: '', amount_dong: 0, text }];
  } else {
    lines = linesFromText(text);
    if (lines.length === 0) {
      problems.push('unrecognised');
      lines = [{ label: '', amount_dong: null, text }];
    }
  }
  const out: FeeParse = { lines, empty: false, problems: [...new Set(problems)] };
  const unread = lines.find((l) => l.amount_dong === null);
  if (unread) out.sample = unread.text;
  return out;
}
