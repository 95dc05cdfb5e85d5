/**
 * Code tables of the two legacy Vietnamese encodings still found in old Excel/Word files, written as the characters
 * the bytes become when read as Windows-1252 (all codes used here are 0xA0–0xFF, where Windows-1252 and Latin-1
 * agree).
 *
 * - TCVN3 (TCVN 5712:1993 "VN3", the ABC fonts .VnTime…): one byte per letter. VN3 has codes for the 67 lower-case
 *   accented letters but upper case only for Ă Â Ê Ô Ơ Ư Đ; upper-case letters with a tone were typed with the
 *   lower-case code in a capitals font (.VnTimeH), so the case of those letters is lost in the bytes.
 * - VNI-Windows: a base letter followed by a mark character (tone, or hat and tone), except a few single-byte
 *   letters (đ, ơ, ư, and i/ỵ with tones). Upper-case marks are the lower-case ones less 0x20.
 */

/** The five tones as Unicode combining marks, in the order used by the tables below. */
// Level, huyền, hỏi, ngã, sắc, nặng.
export const TONES = ['', '\u0300', '\u0309', '\u0303', '\u0301', '\u0323'] as const;

/** The twelve vowel letters in Unicode (lower case) that take tones. */
export const VOWELS = ['a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y'] as const;
type Vowel = (typeof VOWELS)[number];

export function withTone(vowel: string, tone: string): string {
  return (vowel + tone).normalize('NFC');
}

/** All 134 accented Vietnamese letters, 67 in each case: 12 vowels × 6 tones less the 6 ASCII vowels, and đ. */
export function accentedLetters(): string[] {
  const lower: string[] = ['đ'];
  for (const v of VOWELS) for (const t of TONES) {
    const letter = withTone(v, t);
    if (letter > '\u007f') lower.push(letter);
  }
  return [...lower, ...lower.map((l) => l.toUpperCase())];
}

// TCVN3 codes per vowel, in TONES order (level, huyền, hỏi, ngã, sắc, nặng). 0xAD (ư) is a soft hyphen in 1252.
const TCVN3_VOWELS: Record<Vowel, string> = {
  a: 'aµ¶·¸¹',
  ă: '¨»¼½¾Æ',
  â: '©ÇÈÉÊË',
  e: 'eÌÎÏÐÑ',
  ê: 'ªÒÓÔÕÖ',
  i: 'i×ØÜÝÞ',
  o: 'oßáâãä',
  ô: '«åæçèé',
  ơ: '¬êëìíî',
  u: 'uïñòóô',
  ư: '\u00adõö÷øù',
  y: 'yúûüýþ',
};
const TCVN3_OTHERS: Record<string, string> = { đ: '®', Ă: '¡', Â: '¢', Ê: '£', Ô: '¤', Ơ: '¥', Ư: '¦', Đ: '§' };

/** Unicode letter → TCVN3 code, for the 67 lower-case letters and the 7 upper-case letters VN3 encodes. */
export const TCVN3_ENCODE: ReadonlyMap<string, string> = (() => {
  const map = new Map<string, string>();
  for (const v of VOWELS) {
    [...TCVN3_VOWELS[v]].forEach((code, i) => {
      const letter = withTone(v, TONES[i] ?? '');
      if (letter > '\u007f') map.set(letter, code); // ý is 0xFD in both TCVN3 and Latin-1: keep it
    });
  }
  for (const [letter, code] of Object.entries(TCVN3_OTHERS)) map.set(letter, code);
  return map;
})();

/** TCVN3 code → Unicode letter. Codes of toned letters decode to lower case; see `restoreCase` in legacy.ts. */
export const TCVN3_DECODE: ReadonlyMap<string, string> = new Map([...TCVN3_ENCODE].map(([u, c]) => [c, u]));

// VNI mark characters (lower-case forms), in TONES order.
const VNI_TONE = ['', 'ø', 'û', 'õ', 'ù', 'ï'];
const VNI_CIRCUMFLEX = ['â', 'à', 'å', 'ã', 'á', 'ä'];
const VNI_BREVE = ['ê', 'è', 'ú', 'ü', 'é', 'ë'];
// i with tones and ỵ are single characters in VNI.
const VNI_I = ['i', 'ì', 'æ', 'ó', 'í', 'ò'];

/** The VNI spelling of a lower-case vowel with a tone. */
function vniVowel(vowel: Vowel, tone: number): string {
  const mark = VNI_TONE[tone] ?? '';
  switch (vowel) {
    case 'ă': return 'a' + (VNI_BREVE[tone] ?? '');
    case 'â': return 'a' + (VNI_CIRCUMFLEX[tone] ?? '');
    case 'ê': return 'e' + (VNI_CIRCUMFLEX[tone] ?? '');
    case 'ô': return 'o' + (VNI_CIRCUMFLEX[tone] ?? '');
    case 'ơ': return 'ô' + mark;
    case 'ư': return 'ö' + mark;
    case 'i': return VNI_I[tone] ?? 'i';
    case 'y': return tone === 5 ? 'î' : 'y' + mark;
    default: return vowel + mark;
  }
}

/** Unicode letter → VNI spelling, for all 134 accented letters. Upper case is the upper case of every character. */
export const VNI_ENCODE: ReadonlyMap<string, string> = (() => {
  const map = new Map<string, string>([['đ', 'ñ'], ['Đ', 'Ñ']]);
  for (const v of VOWELS) {
    TONES.forEach((tone, i) => {
      const letter = withTone(v, tone);
      if (letter <= '\u007f') return;
      const code = vniVowel(v, i);
      map.set(letter, code);
      map.set(letter.toUpperCase(), code.toUpperCase());
    });
  }
  return map;
})();

/** VNI single characters that are letters on their own (not marks): đ ơ ư ì í ỉ ĩ ị ỵ, both cases. */
export const VNI_SINGLE: ReadonlyMap<string, string> = new Map(
  [...VNI_ENCODE].filter(([, code]) => code.length === 1).map(([u, code]) => [code, u]),
);

/** VNI base letter + mark → Unicode letter, both in the same case. Mixed case (Aù) is handled by the decoder. */
export const VNI_PAIRS: ReadonlyMap<string, string> = new Map(
  [...VNI_ENCODE].filter(([, code]) => code.length === 2).map(([u, code]) => [code, u]),
);

/** Encodes Unicode text in a legacy encoding; for tests and for exports to old systems. */
export function encodeLegacy(s: string, encoding: 'tcvn3' | 'vni'): string {
  let out = '';
  for (const ch of s.normalize('NFC')) {
    if (encoding === 'vni') {
      out += VNI_ENCODE.get(ch) ?? ch;
    } else {
      // VN3 has no upper-case toned letters: the lower-case code stands for them (see header).
      out += TCVN3_ENCODE.get(ch) ?? TCVN3_ENCODE.get(ch.toLowerCase()) ?? ch;
    }
  }
  return out;
}
