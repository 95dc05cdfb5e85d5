/**
 * Detection and conversion of legacy Vietnamese encodings (TCVN3/ABC and VNI-Windows) in imported spreadsheets and
 * documents, where they show up as Windows-1252 text: VNI "Haø Noäi", TCVN3 "Hµ Néi" for "Hà Nội".
 */
import { TCVN3_DECODE, VNI_PAIRS, VNI_SINGLE } from './legacy-tables.ts';
import { isVietnameseSyllable } from './syllable.ts';

export type TextEncoding = 'unicode' | 'tcvn3' | 'vni' | 'unknown';
export { accentedLetters, encodeLegacy } from './legacy-tables.ts';

/** Decodes VNI. A base letter takes its case from itself, so a mixed-case pair such as "Aù" still reads "Á". */
export function vniToUnicode(s: string): string {
  const chars = [...s.normalize('NFC')];
  let out = '';
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i] ?? '';
    const next = chars[i + 1];
    const pair = next === undefined ? undefined : VNI_PAIRS.get(ch.toLowerCase() + next.toLowerCase());
    if (pair !== undefined) {
      out += ch === ch.toLowerCase() ? pair : pair.toUpperCase();
      i++;
    } else {
      out += VNI_SINGLE.get(ch) ?? ch;
    }
  }
  return out;
}

interface Decoded {
  ch: string;
  /** A TCVN3 code of a toned letter: lower case in the bytes, but it may have been shown as a capital. */
  caseless: boolean;
}

/**
 * Decodes TCVN3. Toned capitals were typed with lower-case codes in a capitals font, so their case is guessed:
 * a word in capitals (a capital after its first letter, no small letter: "NéI") is all capitals, as is a word
 * standing between such words ("Hµ NéI", "NHµ ë X·"); a word opening a sentence gets a capital ("ñy ban"), and
 * so does a word among capitalised words, as in names ("NguyÔn ThÞ ¸nh" → "Nguyễn Thị Ánh"). The bytes cannot tell
 * "Phòng Ở" from "Phòng ở"; these guesses favour names and headings, which is what gets imported.
 */
export function tcvn3ToUnicode(s: string): string {
  const decoded: Decoded[] = [...s.normalize('NFC')].map((ch) => {
    const letter = TCVN3_DECODE.get(ch);
    if (letter === undefined) return { ch, caseless: false };
    // Codes from 0xB5 up are the toned letters; 0xA1–0xAE have a fixed case (Ă…Đ, ă…đ).
    return { ch: letter, caseless: ch.charCodeAt(0) >= 0xb5 };
  });
  const spans = findWords(decoded);
  const words = spans.map((w) => decoded.slice(w.start, w.end));
  const capitals = capitalWords(words);
  const initialCapital = words.map((letters, i) => capitals[i] !== true && startsWithCapital(letters));
  words.forEach((letters, i) => {
    const first = letters[0];
    if (capitals[i] === true) {
      for (const d of letters) if (d.caseless) d.ch = d.ch.toUpperCase();
    } else if (first?.caseless === true &&
      (opensSentence(decoded, spans[i]?.start ?? 0) || amongNames(initialCapital, i))) {
      first.ch = first.ch.toUpperCase();
    }
  });
  return decoded.map((d) => d.ch).join('');
}

function findWords(decoded: Decoded[]): { start: number; end: number }[] {
  const words: { start: number; end: number }[] = [];
  let start = -1;
  decoded.forEach((d, i) => {
    const isLetter = /\p{L}/u.test(d.ch);
    if (isLetter && start < 0) start = i;
    if (!isLetter && start >= 0) {
      words.push({ start, end: i });
      start = -1;
    }
  });
  if (start >= 0) words.push({ start, end: decoded.length });
  return words;
}

/**
 * Which words with toned letters are in capitals. Sure: no small letter and a capital after the first letter.
 * Then, spreading from those: a word with only a capital initial next to a capitals word, and a word with no cased
 * letter at all between two capitals words. Words without toned letters (acronyms: "Së KH&§T") are no evidence.
 */
function capitalWords(words: Decoded[][]): boolean[] {
  const cased = words.map((letters) => letters.filter((d) => !d.caseless));
  const noSmall = words.map((letters, i) =>
    letters.some((d) => d.caseless) && (cased[i] ?? []).every((d) => d.ch === d.ch.toUpperCase()));
  const caps = words.map((letters, i) =>
    noSmall[i] === true && letters.slice(1).some((d) => !d.caseless && d.ch !== d.ch.toLowerCase()));
  for (let changed = true; changed; ) {
    changed = false;
    words.forEach((_, i) => {
      if (caps[i] === true || noSmall[i] !== true) return;
      const before = caps[i - 1] === true;
      const after = caps[i + 1] === true;
      if ((cased[i]?.length ?? 0) > 0 ? before || after : before && after) {
        caps[i] = true;
        changed = true;
      }
    });
  }
  return caps;
}

/** A capital and then small (or toned) letters: "Thị", "Hµ"; not an acronym such as "UBND". */
function startsWithCapital(letters: Decoded[]): boolean {
  const [first, ...rest] = letters;
  if (first === undefined || first.caseless || first.ch === first.ch.toLowerCase()) return false;
  return rest.some((d) => d.caseless || d.ch !== d.ch.toUpperCase());
}

/** Both neighbours (or the only one) start with a capital, as in "Nguyễn Thị Ánh Tuyết". */
function amongNames(initialCapital: boolean[], i: number): boolean {
  const before = initialCapital[i - 1];
  const after = initialCapital[i + 1];
  if (before === undefined && after === undefined) return false;
  return before !== false && after !== false;
}

function opensSentence(decoded: Decoded[], start: number): boolean {
  for (let i = start - 1; i >= 0; i--) {
    const ch = decoded[i]?.ch ?? '';
    if (ch === '\n') return true;
    if (/\s/.test(ch)) continue;
    return /[.!?…]/.test(ch);
  }
  return true;
}

// Letters that exist only in Unicode Vietnamese (Ă Đ Ĩ Ũ Ơ Ư, the Ạ–ỹ block) or decomposed tones and hats.
const UNICODE_ONLY = /[\u0102\u0103\u0110\u0111\u0128\u0129\u0168\u0169\u01a0\u01a1\u01af\u01b0\u1ea0-\u1ef9]|\p{M}/u;
const NON_ASCII = /\P{ASCII}/u;

/**
 * Whether the text holds letters that no legacy encoding read as Windows-1252 can produce: such text is Unicode
 * whatever else it holds, and must not be converted.
 */
export function hasUnicodeOnlyLetters(s: string): boolean {
  return UNICODE_ONLY.test(s.normalize('NFC'));
}

/**
 * Guesses the encoding of a piece of text. Text with letters found only in Unicode Vietnamese is 'unicode'; plain
 * ASCII reads the same in every encoding and is reported as 'unicode' (nothing to convert). Otherwise the text is
 * decoded each way and the reading with the most Vietnamese-looking words wins; 'unknown' when none looks right.
 * Judge a whole column or document rather than one short cell when you can: more words, surer guess.
 */
export function detectEncoding(s: string): TextEncoding {
  const text = s.normalize('NFC');
  if (UNICODE_ONLY.test(text)) return 'unicode';
  if (!NON_ASCII.test(text)) return 'unicode';
  const candidates: [TextEncoding, string][] = [
    ['unicode', text],
    ['vni', vniToUnicode(text)],
    ['tcvn3', tcvn3ToUnicode(text)],
  ];
  let best: TextEncoding = 'unknown';
  let bestScore = 0;
  for (const [encoding, decoded] of candidates) {
    const score = plausibility(decoded);
    if (score > bestScore) {
      best = encoding;
      bestScore = score;
    }
  }
  return best;
}

/** Words with non-ASCII letters that look Vietnamese, less those that do not. ASCII words tell nothing. */
function plausibility(decoded: string): number {
  let score = 0;
  for (const word of decoded.match(/[^\s\d\p{P}\p{S}]+/gu) ?? []) {
    if (!NON_ASCII.test(word)) continue;
    score += isVietnameseSyllable(word) ? 1 : -1;
  }
  return score;
}

/** Converts text to Unicode NFC from the given encoding, or from the detected one. Unknown text is left as is. */
export function toUnicode(s: string, encoding: TextEncoding = detectEncoding(s)): string {
  switch (encoding) {
    case 'vni': return vniToUnicode(s).normalize('NFC');
    case 'tcvn3': return tcvn3ToUnicode(s).normalize('NFC');
    default: return s.normalize('NFC');
  }
}
