// Light normalisation of English words, so that an English query finds the English names whatever the spelling and
// number: "driving license" finds "driving licence", "permits" finds "permit", "legalization" finds "legalisation".
// The stored English names are indexed in this form (names-en.ts) and query words are matched in it too (search.ts).
//
// It leaves Vietnamese words typed without accents as they are: no Vietnamese syllable ends in "s" or holds a "z"
// (finals are vowels or c, ch, m, n, ng, nh, p, t), and the spellings mapped below are not Vietnamese syllables. The
// few foreign abbreviations of the Vietnamese names it would change ("CITES") are kept as typed by the search, which
// takes a word the catalogue knows as it is (search.ts).

/** American (and variant) spellings → the British ones the English names use. */
const SPELLINGS: Readonly<Record<string, string>> = {
  license: 'licence',
  center: 'centre',
  program: 'programme',
  defense: 'defence',
  offense: 'offence',
  labor: 'labour',
  harbor: 'harbour',
  catalog: 'catalogue',
  enrollment: 'enrolment',
  practise: 'practice',
  judgement: 'judgment',
  aging: 'ageing',
  fulfill: 'fulfil',
  gray: 'grey',
  favor: 'favour',
  honor: 'honour',
  meter: 'metre',
  liter: 'litre',
};

/** A plural or third-person "s" dropped: "permits" → "permit", "copies" → "copy", "taxes" → "tax". */
function singular(w: string): string {
  if (w.length < 4 || !w.endsWith('s') || /(ss|us|is)$/.test(w)) return w;
  if (w.endsWith('ies') && w.length > 4) return `${w.slice(0, -3)}y`;
  if (/(ss|x|z|ch|sh)es$/.test(w)) return w.slice(0, -2);
  return w.slice(0, -1);
}

/** "-ize", "-ization" (American and Oxford spelling) → "-ise", "-isation". */
function britishSuffix(w: string): string {
  return w.replace(/iz(e|es|ed|ing|ation|ations)$/, 'is$1');
}

/** One lower-case word ([a-z0-9]) in the form the English names are indexed in. */
export function englishWord(word: string): string {
  const one = britishSuffix(singular(word));
  return SPELLINGS[one] ?? one;
}

/**
 * Words that tell nothing about a procedure. They are left out of the indexed English names: in a catalogue of
 * Vietnamese names, "a" or "of" would be rare words and weigh more in a query than "birth" does.
 */
export const ENGLISH_STOP_WORDS: ReadonlySet<string> = new Set(
  'a an the of for to in on at by with from and or as into onto its their his her who whom which that this these those is are be been was were'.split(' '),
);

/** Lower-case, accent-free text ([a-z0-9] words) as indexed: every word in its English form, stop words left out. */
export function englishKey(key: string): string {
  return key
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== '' && !ENGLISH_STOP_WORDS.has(w))
    .map(englishWord)
    .join(' ');
}
