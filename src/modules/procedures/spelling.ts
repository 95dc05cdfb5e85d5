// Typo tolerance word by word: a query word the catalogue never uses is replaced by the catalogue's words within a
// small edit distance ("pep" → phep, "giya" → giay). The vocabulary is every word of the procedure names and fields
// (accents folded: ~900 words for the national data), so trying them all costs well under a millisecond.
import type { QueryTerm } from './search-repo.ts';

export interface Vocabulary {
  /** Number of procedures. */
  total: number;
  /** Word → number of procedures whose name or field holds it. */
  counts: Map<string, number>;
}

const MAX_ALTERNATIVES = 3;

/** Optimal string alignment distance (Levenshtein plus swaps of neighbours), or max + 1 once it exceeds max. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev2: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, (prev2[j - 2] ?? 0) + 1);
      cur.push(d);
      best = Math.min(best, d);
    }
    if (best > max) return max + 1;
    prev2 = prev;
    prev = cur;
  }
  return prev[b.length] ?? max + 1;
}

export function weightOf(vocab: Vocabulary, count: number): number {
  return Math.log(1 + vocab.total / (1 + count));
}

/** The query word as a search term: itself when the catalogue uses it, else its nearest words; undefined if none. */
export function termFor(word: string, vocab: Vocabulary): QueryTerm | undefined {
  const known = vocab.counts.get(word);
  if (known !== undefined) return { words: [word], weight: weightOf(vocab, known) };
  if (word.length < 3 || /^\d+$/.test(word)) return undefined;
  const max = word.length <= 5 ? 1 : 2;
  const near: { word: string; distance: number; count: number }[] = [];
  for (const [w, count] of vocab.counts) {
    const distance = editDistance(word, w, max);
    if (distance <= max) near.push({ word: w, distance, count });
  }
  if (near.length === 0) return undefined;
  near.sort((a, b) => a.distance - b.distance || b.count - a.count);
  const picked = near.slice(0, MAX_ALTERNATIVES);
  return { words: picked.map((n) => n.word), weight: weightOf(vocab, picked[0]?.count ?? 0) };
}
