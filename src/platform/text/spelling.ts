// Typo tolerance word by word, shared by the searches (procedures, the portal): a word a vocabulary never uses is
// replaced by the vocabulary's words within a small edit distance ("pep" → phep, "chnug" → chung). Vietnamese words
// are syllables: the accent-folded syllables of a whole portal number a few thousand, so trying them all costs well
// under a millisecond.

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

/** How far a word may be from a vocabulary word: one edit up to five letters, two beyond; none below three. */
export function maxEdits(word: string): number {
  return word.length < 3 || /^\d+$/.test(word) ? 0 : word.length <= 5 ? 1 : 2;
}

/**
 * The vocabulary's words nearest to `word` (accent-folded, [a-z0-9]), closest first, then the most used (`count`),
 * at most `limit`; [] when the word is known or nothing is near.
 */
export function nearestWords(word: string, vocabulary: ReadonlyMap<string, number>, limit = 3): { word: string; distance: number; count: number }[] {
  if (vocabulary.has(word)) return [];
  const max = maxEdits(word);
  if (max === 0) return [];
  const near: { word: string; distance: number; count: number }[] = [];
  for (const [w, count] of vocabulary) {
    const distance = editDistance(word, w, max);
    if (distance <= max) near.push({ word: w, distance, count });
  }
  near.sort((a, b) => a.distance - b.distance || b.count - a.count);
  return near.slice(0, limit);
}
