// Typo tolerance word by word (platform/text/spelling.ts): a query word the catalogue never uses is replaced by the
// catalogue's words within a small edit distance ("pep" → phep, "giya" → giay). The vocabulary is every word of the
// procedure names and fields (accents folded: ~900 words for the national data).
import type { QueryTerm } from './search-repo.ts';
import { nearestWords } from '../../platform/text/spelling.ts';

export { editDistance } from '../../platform/text/spelling.ts';

export interface Vocabulary {
  /** Number of procedures. */
  total: number;
  /** Word → number of procedures whose name or field holds it. */
  counts: Map<string, number>;
}

const MAX_ALTERNATIVES = 3;

export function weightOf(vocab: Vocabulary, count: number): number {
  return Math.log(1 + vocab.total / (1 + count));
}

/** The query word as a search term: itself when the catalogue uses it, else its nearest words; undefined if none. */
export function termFor(word: string, vocab: Vocabulary): QueryTerm | undefined {
  const known = vocab.counts.get(word);
  if (known !== undefined) return { words: [word], weight: weightOf(vocab, known) };
  const picked = nearestWords(word, vocab.counts, MAX_ALTERNATIVES);
  if (picked.length === 0) return undefined;
  return { words: picked.map((n) => n.word), weight: weightOf(vocab, picked[0]?.count ?? 0) };
}
