// The verifiable lottery of school admission (issue 11 "Rules": where a priority group is oversubscribed, a
// lottery anyone can verify; the seed is published before the draw; the draw is a documented deterministic
// function of the seed and the sorted list of application numbers; a command recomputes it).
// Pure code: no database, no clock, no randomness except generateSeed(). The definition is in
// docs/admission-lottery.md; change nothing here without changing it there (a test holds them together).
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** The first line of a published draw: names this definition, so a later change cannot pass for it. */
export const DRAW_FORMAT = 'egov admission draw v1';

/** One application's place in a draw; rank 1 is drawn first. */
export interface DrawEntry {
  rank: number;
  applicationNo: string;
  /** SHA-256 of `seed:applicationNo` (UTF-8), 64 lowercase hex digits: the number the rank is by. */
  hash: string;
}

/** Input that the draw is not defined for (a bad seed, a bad or repeated application number). */
export class LotteryInputError extends Error {
  override name = 'LotteryInputError';
}

const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

// Printable ASCII without spaces: one unambiguous line each in the published files, and a sort order that is
// the same byte by byte everywhere (JavaScript, `LC_ALL=C sort`, SQL `COLLATE "C"`).
const APPLICATION_NO = /^[\x21-\x7e]{1,64}$/;
// eslint-disable-next-line no-control-regex -- control characters are what this refuses
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

/** What is wrong with a seed, or undefined: 1–200 characters, NFC, no control characters, no outer spaces. */
export function seedProblem(seed: string): string | undefined {
  if (seed.length === 0 || seed.length > 200) return 'the seed must have 1 to 200 characters';
  if (CONTROL.test(seed)) return 'the seed must not contain control characters or line breaks';
  if (seed.trim() !== seed) return 'the seed must not begin or end with a space';
  if (seed.normalize('NFC') !== seed) return 'the seed must be in Unicode NFC form';
  return undefined;
}

/** What is wrong with an application number, or undefined: 1–64 printable ASCII characters, no spaces. */
export function applicationNoProblem(no: string): string | undefined {
  return APPLICATION_NO.test(no) ? undefined : `"${no.slice(0, 70)}" is not an application number (1–64 printable ASCII characters, no spaces)`;
}

function checkSeed(seed: string): void {
  const problem = seedProblem(seed);
  if (problem) throw new LotteryInputError(problem);
}

/** A fresh seed: 32 random bytes as 64 hex digits. Keep it secret until the draw; publish its commitment first. */
export function generateSeed(): string {
  return randomBytes(32).toString('hex');
}

/** What is published before the draw: SHA-256 of the seed (UTF-8), 64 lowercase hex digits. */
export function seedCommitment(seed: string): string {
  checkSeed(seed);
  return sha256(seed);
}

/** Whether a revealed seed is the one committed to before the draw (hex in either case). */
export function seedMatchesCommitment(seed: string, commitment: string): boolean {
  if (seedProblem(seed) || !/^[0-9a-f]{64}$/i.test(commitment)) return false;
  return timingSafeEqual(Buffer.from(sha256(seed), 'hex'), Buffer.from(commitment, 'hex'));
}

/** The number an application is ranked by: SHA-256 of `seed + ":" + applicationNo`, as hex. */
export function drawHash(seed: string, applicationNo: string): string {
  return sha256(`${seed}:${applicationNo}`);
}

const byCodeUnit = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The application numbers in byte order; throws on a bad or repeated number (each application enters once). */
export function sortApplicationNos(applicationNos: readonly string[]): string[] {
  const sorted = [...applicationNos].sort(byCodeUnit);
  for (let i = 0; i < sorted.length; i++) {
    const no = sorted[i] ?? '';
    const problem = applicationNoProblem(no);
    if (problem) throw new LotteryInputError(problem);
    if (i > 0 && sorted[i - 1] === no) throw new LotteryInputError(`application ${no} appears more than once`);
  }
  return sorted;
}

/** SHA-256 of the sorted list, each number followed by a line feed: `LC_ALL=C sort file | sha256sum`. */
export function applicationListDigest(applicationNos: readonly string[]): string {
  return sha256(sortApplicationNos(applicationNos).map((no) => `${no}\n`).join(''));
}

/**
 * The draw: the sorted applications ranked by drawHash ascending, read as a 256-bit big-endian integer
 * (equal-length lowercase hex compares the same way); equal hashes (never seen for SHA-256) by application
 * number. Rank 1 is drawn first. The order of `applicationNos` does not matter.
 */
export function drawOrder(seed: string, applicationNos: readonly string[]): DrawEntry[] {
  checkSeed(seed);
  return sortApplicationNos(applicationNos)
    .map((applicationNo) => ({ applicationNo, hash: drawHash(seed, applicationNo) }))
    .sort((a, b) => byCodeUnit(a.hash, b.hash) || byCodeUnit(a.applicationNo, b.applicationNo))
    .map((e, i) => ({ rank: i + 1, ...e }));
}

/**
 * The published result of a draw, exactly as `egov admission draw` prints it: a header (format, seed,
 * commitment, count and digest of the list, places) and one line per application in rank order, with
 * "admitted" / "not admitted" when the number of places is given.
 */
export function formatDraw(seed: string, applicationNos: readonly string[], places?: number): string {
  if (places !== undefined && (!Number.isInteger(places) || places < 0)) throw new LotteryInputError('places must be a whole number ≥ 0');
  const order = drawOrder(seed, applicationNos);
  const width = String(order.length).length;
  const header = [
    DRAW_FORMAT,
    `seed: ${seed}`,
    `commitment sha256(seed): ${seedCommitment(seed)}`,
    `applications: ${order.length}, sha256 of the sorted list: ${applicationListDigest(applicationNos)}`,
    ...(places === undefined ? [] : [`places: ${places}`]),
    `rank application_no sha256(seed:application_no)${places === undefined ? '' : ' result'}`,
  ];
  const rows = order.map((e) => {
    const result = places === undefined ? '' : e.rank <= places ? ' admitted' : ' not admitted';
    return `${String(e.rank).padStart(width)} ${e.applicationNo} ${e.hash}${result}`;
  });
  return `${[...header, ...rows].join('\n')}\n`;
}

/** Parses an applications file: one number per line; surrounding spaces, CR and blank lines are ignored. */
export function parseApplicationList(text: string): string[] {
  return text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n|\r/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

export type DrawComparison = { same: true } | { same: false; line: number; published: string; recomputed: string };

/**
 * Whether a published result says what the recomputed one says. Layout does not count (line endings, runs of
 * spaces or tabs, blank lines, hex case); every word does. On a difference: the first differing line.
 */
export function compareDraws(published: string, recomputed: string): DrawComparison {
  const lines = (text: string): { no: number; text: string }[] =>
    text
      .replace(/^\uFEFF/, '')
      .split(/\r?\n|\r/)
      .map((raw, i) => ({ no: i + 1, text: raw.trim().replace(/[ \t]+/g, ' ').replace(/\b[0-9a-fA-F]{64}\b/g, (h) => h.toLowerCase()) }))
      .filter((l) => l.text !== '');
  const a = lines(published);
  const b = lines(recomputed);
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const p = a[i];
    const r = b[i];
    if (p?.text !== r?.text) return { same: false, line: p?.no ?? (a.at(-1)?.no ?? 0) + 1, published: p?.text ?? '(end of file)', recomputed: r?.text ?? '(end of result)' };
  }
  return { same: true };
}
