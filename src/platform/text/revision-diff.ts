/**
 * Differences between two revisions of an article, as editors compare them in its history. The text is compared,
 * not the markup: a link or a bold word moved around is not what an editor reviews, and markup in the output would
 * be a way to run script in an editor's browser.
 */
import { diffWordsWithSpace } from 'diff';
import { richTextToPlain } from './rich-text.ts';

export interface DiffPart {
  kind: 'same' | 'added' | 'removed';
  /** Plain text, not HTML. */
  text: string;
  /** Words in the text (runs of letters or digits), for the summary line. */
  words: number;
}

export interface DiffCounts {
  wordsAdded: number;
  wordsRemoved: number;
}

// A pathological pair of revisions must not hold the event loop for long: past this, the whole text is shown as
// replaced, which is still true.
const DIFF_TIMEOUT_MS = 500;

function countWords(text: string): number {
  return text.match(/[\p{L}\p{N}]+/gu)?.length ?? 0;
}

/** Word-by-word differences between the text of two revisions (HTML or plain text), in reading order. */
export function revisionDiff(before: string, after: string): DiffPart[] {
  const old = richTextToPlain(before);
  const now = richTextToPlain(after);
  const changes = diffWordsWithSpace(old, now, { timeout: DIFF_TIMEOUT_MS }) ?? [
    { value: old, removed: true, added: false, count: 1 },
    { value: now, removed: false, added: true, count: 1 },
  ];
  const parts: DiffPart[] = [];
  for (const change of changes) {
    if (change.value === '') continue;
    const kind = change.added ? 'added' : change.removed ? 'removed' : 'same';
    parts.push({ kind, text: change.value, words: countWords(change.value) });
  }
  return parts;
}

/** Words added and removed, for a line such as "12 words added, 3 removed". */
export function diffCounts(parts: readonly DiffPart[]): DiffCounts {
  let wordsAdded = 0;
  let wordsRemoved = 0;
  for (const part of parts) {
    if (part.kind === 'added') wordsAdded += part.words;
    if (part.kind === 'removed') wordsRemoved += part.words;
  }
  return { wordsAdded, wordsRemoved };
}

function escapeHtml(s: string): string {
  return s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

/**
 * The differences as HTML for the history page: removed text in <del>, added text in <ins>, line breaks as <br>.
 * Every piece of text is escaped, so a revision holding markup shows it as text.
 */
export function revisionDiffHtml(before: string, after: string): string {
  return revisionDiff(before, after)
    .map((part) => {
      const text = escapeHtml(part.text).replaceAll('\n', '<br>\n');
      if (part.kind === 'added') return `<ins>${text}</ins>`;
      if (part.kind === 'removed') return `<del>${text}</del>`;
      return text;
    })
    .join('');
}
