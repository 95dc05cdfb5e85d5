/**
 * A plausibility check for Vietnamese syllables, used to tell which legacy encoding a text is in: decoded the right
 * way, almost every word is a Vietnamese syllable; decoded the wrong way, words come out as "Haứ" or "Noọi".
 * It accepts every real syllable and some impossible ones; it only has to separate real text from mojibake.
 */

const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/g;

const ONSET = '(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|b|c|d|đ|g|h|k|l|m|n|p|r|s|t|v|x)?';
// Vowel groups, including the semivowel endings -i/-y/-o/-u; longest first so the alternation tries them first.
const NUCLEUS = [
  'iêu', 'yêu', 'oai', 'oay', 'oao', 'oeo', 'uây', 'uôi', 'ươi', 'ươu', 'uya', 'uyê', 'uyu',
  'ai', 'ao', 'au', 'ay', 'âu', 'ây', 'eo', 'êu', 'ia', 'iê', 'iu', 'oa', 'oă', 'oe', 'oi', 'oo', 'ôi', 'ơi',
  'ua', 'uâ', 'uê', 'ui', 'uô', 'uơ', 'uy', 'ưa', 'ưi', 'ưu', 'ươ', 'yê',
  'a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y',
].join('|');
const CODA = '(?:ch|nh|ng|c|m|n|p|t)?';
const SYLLABLE = new RegExp(`^${ONSET}(?:${NUCLEUS})${CODA}$`);

/** True if `word` (letters only, any case) has the shape of a Vietnamese syllable with at most one tone. */
export function isVietnameseSyllable(word: string): boolean {
  const decomposed = word.toLowerCase().normalize('NFD');
  const tones = decomposed.match(TONE_MARKS)?.length ?? 0;
  if (tones > 1) return false;
  return SYLLABLE.test(decomposed.replace(TONE_MARKS, '').normalize('NFC'));
}
