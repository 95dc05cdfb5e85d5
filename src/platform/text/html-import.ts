/**
 * Import of articles from the city's former portal: bytes in any of the encodings it used, text typed in TCVN3 (ABC)
 * or VNI fonts, page chrome around the article. Out comes stored rich text (sanitizeRichText), a title, and a
 * warning for everything a person should check, above all text that was already damaged before the import.
 */
import sanitizeHtml from 'sanitize-html';
import { decodeHtmlBytes, type HtmlEncoding } from './html-charset.ts';
import { detectEncoding, hasUnicodeOnlyLetters, toUnicode } from './legacy.ts';
import { richTextToPlain, sanitizeRichText } from './rich-text.ts';
import { isVietnameseSyllable } from './syllable.ts';

export type FontEncoding = 'unicode' | 'tcvn3' | 'vni' | 'mixed';

export interface ImportedHtml {
  title: string;
  /** Sanitised with sanitizeRichText. */
  html: string;
  /** How the bytes were read; a string argument counts as 'utf-8'. */
  encoding: HtmlEncoding;
  /** The font encoding of the text: 'mixed' when pieces of the page used different ones. */
  fontEncoding: FontEncoding;
  warnings: string[];
}

type Reading = 'unicode' | 'tcvn3' | 'vni';
const READINGS: readonly Reading[] = ['unicode', 'vni', 'tcvn3'];

/** Vietnamese-looking words less the rest, among words with non-ASCII letters (as detectEncoding judges). */
function plausibility(text: string): number {
  let score = 0;
  for (const word of text.match(/[^\s\d\p{P}\p{S}]+/gu) ?? []) {
    if (/\P{ASCII}/u.test(word)) score += isVietnameseSyllable(word) ? 1 : -1;
  }
  return score;
}

/**
 * How one piece of text is read: as the document's encoding unless another reads strictly better, so a short
 * piece that could be either follows the page, and a paragraph pasted from another source keeps its own.
 */
function readingOf(text: string, preferred: Reading): Reading {
  if (!/\P{ASCII}/u.test(text) || hasUnicodeOnlyLetters(text)) return 'unicode';
  let best = preferred;
  let bestScore = plausibility(toUnicode(text, preferred));
  for (const reading of READINGS) {
    const score = plausibility(toUnicode(text, reading));
    if (score > bestScore) [best, bestScore] = [reading, score];
  }
  return best;
}

const escapeText = (s: string): string => s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;')
  .replaceAll('"', '&quot;');
const unescapeText = (s: string): string =>
  s.replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&quot;', '"').replaceAll('&amp;', '&');

// Each piece of text in the skeleton is a marker made of noncharacters, which no page holds (they are removed from
// the input first) and sanitize-html leaves alone.
const MARK_OPEN = '\uFDD0';
const MARK_CLOSE = '\uFDD1';
const MARKS = /[\uFDD0\uFDD1]/g;
const RUN = /(?:\uFDD0\d+\uFDD1)+/g;

interface Piece {
  text: string;
  inTitle: boolean;
  inFirstH1: boolean;
}

interface Skeleton {
  /** The page with each piece of text (text node or alt/title value) replaced by its marker. */
  html: string;
  pieces: Piece[];
}

// Old pages' headings and boxes, in the article's outline (h1 is handled once the title is known).
const RENAME: Record<string, string> = { h5: 'h4', h6: 'h4', div: 'p' };
const BLOCKS = new Set([
  'div', 'p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'table', 'blockquote', 'pre', 'figure', 'hr',
  'center', 'section', 'article', 'header', 'footer', 'nav', 'aside', 'form', 'dl', 'address',
]);

/**
 * Runs through the page with sanitize-html's parser, keeping all markup (sanitizeRichText decides later), and takes
 * out the text. Text comes decoded, so an entity is converted as the letter it stands for and entity syntax is never
 * touched; the parser hands a text node over in several pieces (around entities), which are joined again later.
 */
function skeleton(page: string): Skeleton {
  const pieces: Piece[] = [];
  const open: string[] = [];
  let h1Count = 0;
  const mark = (text: string): string => {
    const inH1 = open.includes('h1');
    pieces.push({ text, inTitle: open.includes('title'), inFirstH1: inH1 && h1Count === 1 });
    return `${MARK_OPEN}${pieces.length - 1}${MARK_CLOSE}`;
  };
  // Layout boxes (<div>) become paragraphs when they hold only text; a box around blocks is just dropped, so no
  // paragraph ends up inside another. The attribs object returned here becomes the element's frame's own.
  const openDivs: { blocks: boolean }[] = [];
  const divs = new WeakMap<sanitizeHtml.Attributes, { blocks: boolean }>();
  const html = sanitizeHtml(page.replace(MARKS, ''), {
    allowedTags: false,
    allowedAttributes: false,
    // Script and style are kept only to be dropped by sanitizeRichText with their content.
    allowVulnerableTags: true,
    disallowedTagsMode: 'discard',
    parser: { lowerCaseTags: true, lowerCaseAttributeNames: true, decodeEntities: true },
    onOpenTag: (name) => {
      open.push(name);
      if (name === 'h1') h1Count++;
    },
    onCloseTag: (name) => {
      const at = open.lastIndexOf(name);
      if (at >= 0) open.splice(at, 1);
      if (name === 'div') openDivs.pop();
    },
    textFilter: (escaped) => mark(unescapeText(escaped)),
    transformTags: {
      '*': (tagName, attribs) => {
        const out = { ...attribs };
        for (const name of ['alt', 'title']) if (out[name] !== undefined) out[name] = mark(out[name]);
        const innermost = openDivs.at(-1);
        if (innermost !== undefined && BLOCKS.has(tagName)) innermost.blocks = true;
        if (tagName === 'div') {
          const div = { blocks: false };
          openDivs.push(div);
          divs.set(out, div);
        }
        return { tagName: RENAME[tagName] ?? tagName, attribs: out };
      },
    },
    exclusiveFilter: (frame) => (divs.get(frame.attribs)?.blocks === true ? 'excludeTag' : false),
  });
  return { html, pieces };
}

/** The runs of markers in the skeleton, each one text node (or attribute value) of the page. */
function runs(html: string): number[][] {
  return (html.match(RUN) ?? []).map((run) => run.split(MARK_CLOSE).filter(Boolean).map((m) => Number(m.slice(1))));
}

const collapse = (s: string): string => s.replace(/\s+/g, ' ').trim().normalize('NFC');

/** Words where a letter became "?" or U+FFFD in an earlier, lossy conversion ("L?y l?i m� b?o m?t"). */
export function damagedWords(text: string): string[] {
  const words: string[] = [];
  for (const token of text.split(/\s+/)) {
    // Addresses ("index.php?id=3", "a@b") hold question marks of their own.
    if (/[/=@]/.test(token)) continue;
    for (const word of token.match(/[\p{L}\p{M}\p{N}?\uFFFD]+/gu) ?? []) {
      if (word.includes('\uFFFD') || /\?[\p{L}\p{M}\p{N}]/u.test(word)) words.push(word);
    }
  }
  return words;
}

function plainTextToHtml(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n[^\S\n]*\n/)
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => paragraph !== '')
    .map((paragraph) => `<p>${escapeText(paragraph).replace(/\n/g, '<br>')}</p>`)
    .join('');
}

/** Imports one page (HTML or plain text) of the former portal. Never fails on bad input: it warns instead. */
export function importLegacyHtml(input: Buffer | string): ImportedHtml {
  const decoded = typeof input === 'string'
    ? { text: input.replace(/^\uFEFF/, ''), encoding: 'utf-8' as const, warnings: [] }
    : decodeHtmlBytes(input);
  const warnings = [...decoded.warnings];
  const isHtml = /<(?:[a-z!?]|\/[a-z])/i.test(decoded.text);
  const source = isHtml ? decoded.text : plainTextToHtml(decoded.text);

  const page = skeleton(source);
  const textOf = (run: number[]): string => run.map((i) => page.pieces[i]?.text ?? '').join('');
  const texts = runs(page.html).map(textOf);
  // The page's encoding is judged on the text that could be legacy at all; Unicode paragraphs would drown it.
  const detected = detectEncoding(texts.filter((t) => !hasUnicodeOnlyLetters(t)).join('\n'));
  const documentReading: Reading = detected === 'unknown' ? 'unicode' : detected;

  const used = new Set<Reading>();
  const convert = (text: string): string => {
    const reading = readingOf(text, documentReading);
    if (reading !== 'unicode' || hasUnicodeOnlyLetters(text)) used.add(reading);
    return toUnicode(text, reading);
  };
  const converted = page.html.replace(RUN, (run) => escapeText(convert(textOf(runs(run)[0] ?? []))));
  const piecesWhere = (inside: (p: Piece) => boolean): string =>
    page.pieces.filter(inside).map((p) => p.text).join('');
  const titleTag = collapse(convert(piecesWhere((p) => p.inTitle)));
  const firstH1 = collapse(convert(piecesWhere((p) => p.inFirstH1)));
  const title = titleTag || firstH1;
  if (title === '') warnings.push('no <title> or <h1>: title left empty');

  // The h1 that gives the title is not repeated in the body; other h1s fit the article's outline as h2.
  const body = (firstH1 !== '' && firstH1 === title ? converted.replace(/<h1\b[^>]*>[\s\S]*?<\/h1>/, '') : converted)
    .replace(/<(\/?)h1\b/g, '<$1h2');
  const html = sanitizeRichText(body);

  const images = (s: string): number => (s.match(/<img\b/g) ?? []).length;
  const droppedImages = images(body) - images(html);
  if (droppedImages > 0) {
    warnings.push(`${droppedImages} images dropped: their source is neither a path on this site ("/…") nor https`);
  }
  const damaged = [...new Set(damagedWords(`${title}\n${richTextToPlain(html)}`))];
  if (damaged.length > 0) {
    const shown = damaged.slice(0, 20).join(', ') + (damaged.length > 20 ? ', …' : '');
    warnings.push(`damaged text (letters lost as "?" or "\uFFFD") in ${damaged.length} words: ${shown}`);
  }
  const fontEncoding: FontEncoding = used.size > 1 ? 'mixed' : ([...used][0] ?? 'unicode');
  return { title, html, encoding: decoded.encoding, fontEncoding, warnings };
}
