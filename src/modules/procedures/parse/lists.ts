// The smaller fields of a procedure: channels, levels, lists of names, steps, results and legal basis.
import type { Channel, LegalDocument, Level, ResultDocument } from '../schema.ts';
import { CHANNELS } from '../schema.ts';

const NO_INFO = /^(không có thông tin)?$/i;

/** "Trực tuyến; Dịch vụ bưu chính; Trực tiếp" → ['direct', 'post', 'online'] (always in this order). */
export function parseChannels(input: string | null | undefined, hasOnline?: boolean): Channel[] {
  const s = (input ?? '').toLowerCase();
  const found = new Set<Channel>();
  for (const part of s.split(/[;,/]/)) {
    const p = part.trim();
    if (p.includes('trực tuyến') || p.includes('qua mạng')) found.add('online');
    else if (p.includes('bưu chính') || p.includes('bưu điện')) found.add('post');
    else if (p.includes('trực tiếp')) found.add('direct');
  }
  if (hasOnline) found.add('online');
  return CHANNELS.filter((c) => found.has(c));
}

export function channelOf(name: string): Channel | null {
  return parseChannels(name)[0] ?? null;
}

// Since 1 July 2025 there are no districts (DOMAIN §2): what a district did, the commune level does now.
const LEVEL_WORDS: [RegExp, Level][] = [
  [/cấp bộ|trung ương/i, 'ministry'],
  [/cấp tỉnh/i, 'province'],
  [/cấp xã|cấp huyện/i, 'commune'],
];

/** "Cấp bộ, Cấp tỉnh, Cơ quan khác" → ['ministry', 'province', 'other']. */
export function parseLevels(input: string | null | undefined): Level[] {
  const found = new Set<Level>();
  for (const part of (input ?? '').split(',')) {
    const p = part.trim();
    if (p === '') continue;
    found.add(LEVEL_WORDS.find(([re]) => re.test(p))?.[1] ?? 'other');
  }
  return (['ministry', 'province', 'commune', 'other'] as const).filter((l) => found.has(l));
}

/**
 * A comma-separated list of names where names may hold commas themselves: "Tổ chức (không bao gồm doanh nghiệp,
 * HTX), Công dân Việt Nam, Cán bộ, công chức, viên chức" → three names. Commas inside parentheses do not split, and
 * a piece that starts in lower case continues the name before it.
 */
export function splitNames(input: string | null | undefined): string[] {
  const s = (input ?? '').trim();
  if (NO_INFO.test(s)) return [];
  const pieces: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of s) {
    if (ch === '(') depth++;
    else if (ch === ')') depth = Math.max(0, depth - 1);
    if ((ch === ',' || ch === ';') && depth === 0) {
      pieces.push(cur.trim());
      cur = '';
    } else cur += ch;
  }
  pieces.push(cur.trim());
  const names: string[] = [];
  for (const p of pieces) {
    if (p === '') continue;
    const last = names.length - 1;
    if (last >= 0 && /^\p{Ll}/u.test(p)) names[last] = `${names[last]}, ${p}`;
    else names.push(p);
  }
  return [...new Set(names.filter((n) => !NO_INFO.test(n)))];
}

/** Text, or null when the source says there is nothing ("Không có thông tin"). */
export function textOrNull(input: string | null | undefined): string | null {
  const s = (input ?? '').trim();
  return NO_INFO.test(s) ? null : s;
}

/** "Bước 1: …\nBước 2: …" → one entry per step; text without steps stays one entry. */
export function parseSteps(input: string | null | undefined): string[] {
  const s = textOrNull(input);
  if (s === null) return [];
  return s
    .split(/\n(?=\s*[-–*]?\s*Bước\s*\d+)/)
    .map((x) => x.trim())
    .filter((x) => x !== '');
}

/** "Giấy phép lái xeMã: KQ.G01.000185" → [{ name: 'Giấy phép lái xe', code: 'KQ.G01.000185' }]. */
export function parseResult(input: string | null | undefined): ResultDocument[] {
  const s = textOrNull(input);
  if (s === null) return [];
  const out: ResultDocument[] = [];
  let cursor = 0;
  for (const m of s.matchAll(/Mã:\s*(KQ\.[A-Z0-9]+\.\d+)/g)) {
    const name = s.slice(cursor, m.index).trim();
    out.push({ name, code: m[1] ?? null });
    cursor = (m.index ?? 0) + m[0].length;
  }
  const rest = s.slice(cursor).trim();
  if (rest !== '') out.push({ name: rest, code: null });
  return out;
}

/**
 * Legal basis: the numbers ("12/2025/TT-BCA; 06/2025/TT-BTC") with their titles cut from the flattened text where
 * each title runs into its number ("Thông tư số 12/2025/TT-BCA ngày … quốc tế12/2025/TT-BCAThông tư …"). A number
 * counts there only where it is glued to what precedes it (inside a title it follows a space).
 */
export function parseLegalBasis(numbersText: string | null | undefined, text: string | null | undefined): LegalDocument[] {
  const numbers = [...new Set((numbersText ?? '').split(';').map((n) => n.trim()).filter((n) => n !== ''))];
  const full = textOrNull(text) ?? '';
  const placed: { number: string; start: number; end: number }[] = [];
  for (const number of numbers) {
    let at = -1;
    for (let i = full.indexOf(number); i >= 0; i = full.indexOf(number, i + 1)) {
      const prev = full[i - 1];
      if (i === 0 || (prev !== undefined && !/[\s\d/]/.test(prev))) at = i;
    }
    if (at >= 0) placed.push({ number, start: at, end: at + number.length });
  }
  placed.sort((a, b) => a.start - b.start);
  const titles = new Map<string, string>();
  let cursor = 0;
  for (const p of placed) {
    if (p.start < cursor) continue;
    const title = full.slice(cursor, p.start).trim();
    if (title !== '') titles.set(p.number, title);
    cursor = p.end;
  }
  return numbers.map((number) => ({ number, title: titles.get(number) ?? null }));
}
