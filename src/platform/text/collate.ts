/**
 * Vietnamese sort order. PGlite has no Vietnamese collation, so lists of names are sorted in the app
 * (ARCHITECTURE.md). Node's full-ICU build knows Vietnamese; a Node built with small-icu does not, and then we
 * fall back to our own comparator by the Vietnamese alphabet.
 */

export const viCollator = new Intl.Collator('vi');

/** Ă sorts after every A-word and Đ after every D-word only with real Vietnamese data; root collation differs. */
function intlKnowsVietnamese(): boolean {
  return viCollator.compare('Ăa', 'Ab') > 0 && viCollator.compare('Đa', 'Dz') > 0;
}

// The Vietnamese alphabet, with f j w z (loanwords, foreign names) in their Latin places as ICU puts them.
const ALPHABET = ['a', 'ă', 'â', 'b', 'c', 'd', 'đ', 'e', 'ê', 'f', 'g', 'h', 'i', 'j', 'k', 'l', 'm', 'n', 'o', 'ô',
  'ơ', 'p', 'q', 'r', 's', 't', 'u', 'ư', 'v', 'w', 'x', 'y', 'z'];
const LETTER_RANK = new Map(ALPHABET.map((letter, i) => [letter, i]));

// Tone order of Vietnamese dictionaries and of CLDR: level, huyền, hỏi, ngã, sắc, nặng.
const TONE_RANK = new Map([['\u0300', 1], ['\u0309', 2], ['\u0303', 3], ['\u0301', 4], ['\u0323', 5]]);

interface SortKey {
  primary: number[];
  tones: number[];
  cases: number[];
}

/** Character classes ordered as ICU orders them: whitespace, punctuation, digits, letters, everything else. */
function primaryWeight(ch: string): number {
  const letter = LETTER_RANK.get(ch);
  if (letter !== undefined) return 3000 + letter;
  const code = ch.codePointAt(0) ?? 0;
  if (/\s/.test(ch)) return 1;
  if (code >= 0x30 && code <= 0x39) return 2000 + code;
  if (code < 0x80) return 100 + code;
  return 0x10000 + code;
}

function sortKey(s: string): SortKey {
  const key: SortKey = { primary: [], tones: [], cases: [] };
  // NFC keeps ă â ê ô ơ ư as single letters; splitting off only the tone lets the letter keep its own rank.
  for (const ch of s.normalize('NFC')) {
    const parts = [...ch.normalize('NFD')];
    const tone = parts.map((p) => TONE_RANK.get(p) ?? 0).find((t) => t > 0) ?? 0;
    const base = parts.filter((p) => !TONE_RANK.has(p)).join('').normalize('NFC');
    const lower = base.toLowerCase();
    // Other accents (ç, ñ in foreign names) are ignored at the primary level, as a secondary difference would be.
    const letter = LETTER_RANK.has(lower) ? lower : lower.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
    key.primary.push(primaryWeight(letter));
    key.tones.push(tone);
    key.cases.push(base === lower ? 0 : 1);
  }
  return key;
}

function compareArrays(a: number[], b: number[]): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d < 0 ? -1 : 1;
  }
  return a.length === b.length ? 0 : a.length < b.length ? -1 : 1;
}

/** Compares by the Vietnamese alphabet: letters first, then tones, then case (lower before upper). */
export function compareViAlphabet(a: string, b: string): number {
  const ka = sortKey(a);
  const kb = sortKey(b);
  return (
    compareArrays(ka.primary, kb.primary) || compareArrays(ka.tones, kb.tones) || compareArrays(ka.cases, kb.cases)
  );
}

const compare: (a: string, b: string) => number = intlKnowsVietnamese() ? viCollator.compare : compareViAlphabet;

export function compareVi(a: string, b: string): number {
  return compare(a, b);
}

/** Returns a new array sorted in Vietnamese order; the input is left as it was. */
export function sortVi(items: readonly string[]): string[];
export function sortVi<T>(items: readonly T[], key: (item: T) => string): T[];
export function sortVi<T>(items: readonly T[], key?: (item: T) => string): T[] {
  const keyOf = key ?? ((item: T) => String(item));
  return items
    .map((item) => ({ item, k: keyOf(item) }))
    .sort((x, y) => compare(x.k, y.k))
    .map(({ item }) => item);
}
