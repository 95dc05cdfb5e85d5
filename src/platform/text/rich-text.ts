/**
 * Rich text written by editors (articles, pages, announcements): the one sanitiser through which it is stored, and
 * its plain-text forms for summaries, search keys, feeds and meta descriptions.
 *
 * sanitize-html parses with htmlparser2 and re-serialises only what the allowlist names, so the stored string is
 * rebuilt rather than filtered. What it does not decide for us (which URLs an editor may link or embed, NFC, control
 * characters) is decided here, on top of its own scheme check.
 */
import sanitizeHtml from 'sanitize-html';
import { stripControl } from './normalize.ts';

const ALLOWED_TAGS = [
  'p', 'br', 'h2', 'h3', 'h4', 'strong', 'b', 'em', 'i', 'u', 's', 'sub', 'sup', 'blockquote', 'ul', 'ol', 'li',
  'a', 'img', 'figure', 'figcaption', 'table', 'caption', 'thead', 'tbody', 'tr', 'th', 'td', 'hr', 'code', 'pre',
];

// Elements whose content is not reading text (code, styles, other markup languages, form controls, fallbacks): when
// they are dropped, their content goes with them. <noscript> here also makes sanitize-html skip it up to the
// browser's own end, which closes `<noscript><p title="</noscript><img onerror…>">` (mutation XSS).
export const NON_TEXT_TAGS = [
  'script', 'style', 'textarea', 'option', 'xmp', 'noscript', 'noembed', 'noframes', 'iframe', 'frame', 'frameset',
  'object', 'embed', 'applet', 'template', 'svg', 'math', 'select', 'button', 'title', 'head', 'plaintext', 'listing',
];

const SCOPES = ['row', 'col', 'rowgroup', 'colgroup'];

const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: ALLOWED_TAGS,
  allowedAttributes: {
    a: ['href', 'title', 'rel'],
    img: ['src', 'alt', 'width', 'height'],
    th: ['colspan', 'rowspan', 'scope'],
    td: ['colspan', 'rowspan', 'scope'],
  },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { img: ['https'] },
  allowedSchemesAppliedToAttributes: ['href', 'src', 'cite'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  nonTextTags: NON_TEXT_TAGS,
  parser: { lowerCaseTags: true, lowerCaseAttributeNames: true, decodeEntities: true },
  transformTags: {
    a: (tagName, attribs) => ({ tagName, attribs: linkAttributes(attribs) }),
    img: (tagName, attribs) => ({ tagName, attribs: imageAttributes(attribs) }),
    th: (tagName, attribs) => ({ tagName, attribs: cellAttributes(attribs) }),
    td: (tagName, attribs) => ({ tagName, attribs: cellAttributes(attribs) }),
  },
  // A link that lost its URL is just its text; an image without a source shows nothing but an empty box.
  exclusiveFilter: (frame) => {
    if (frame.tag === 'a' && frame.attribs.href === undefined) return 'excludeTag';
    return frame.tag === 'img' && frame.attribs.src === undefined;
  },
};

type Attributes = sanitizeHtml.Attributes;

function linkAttributes(attribs: Attributes): Attributes {
  const out: Attributes = {};
  const href = attribs.href === undefined ? undefined : safeLinkUrl(attribs.href);
  if (href !== undefined) {
    out.href = href;
    // Every link opens a page the city does not control: it must not get a handle on ours (window.opener) nor
    // learn which article sent the reader there.
    out.rel = 'noopener noreferrer';
  }
  if (attribs.title !== undefined) out.title = attribs.title;
  return out;
}

function imageAttributes(attribs: Attributes): Attributes {
  const out: Attributes = {};
  const src = attribs.src === undefined ? undefined : safeImageUrl(attribs.src);
  if (src !== undefined) out.src = src;
  out.alt = attribs.alt ?? '';
  for (const size of ['width', 'height'] as const) {
    const value = attribs[size];
    if (value !== undefined && /^\d{1,4}$/.test(value.trim())) out[size] = value.trim();
  }
  return out;
}

function cellAttributes(attribs: Attributes): Attributes {
  const out: Attributes = {};
  for (const span of ['colspan', 'rowspan'] as const) {
    const value = attribs[span];
    if (value !== undefined && /^\d{1,3}$/.test(value.trim())) out[span] = value.trim();
  }
  const scope = attribs.scope?.trim().toLowerCase();
  if (scope !== undefined && SCOPES.includes(scope)) out.scope = scope;
  return out;
}

/**
 * A URL as a browser reads it: it drops tab and newline anywhere and C0 controls and spaces around it, which is how
 * `jav&#x09;ascript:` and ` javascript:` get through naive checks.
 */
function browserUrl(raw: string): string {
  return raw.replace(/[\t\n\r]/g, '').replace(/^[\p{Cc} ]+|[\p{Cc} ]+$/gu, '');
}

const SCHEME = /^([a-z][a-z0-9+.-]*):/i;

/** http(s) and mailto, or a path on this site ("/tin-tuc/…", "#muc-2", "?trang=2", "van-ban.pdf"). */
function safeLinkUrl(raw: string): string | undefined {
  const url = browserUrl(raw);
  if (url === '') return undefined;
  const scheme = SCHEME.exec(url)?.[1]?.toLowerCase();
  if (scheme !== undefined) return ['http', 'https', 'mailto'].includes(scheme) ? url : undefined;
  // "//host" and "/\host" leave the site; so does anything with a backslash where browsers read a slash.
  if (/^[/\\][/\\]/.test(url) || url.includes('\\')) return undefined;
  // A colon before the first slash would be taken for a scheme by some parsers ("javascript&colon;…" decoded); and a
  // link within the portal is written from its root ("/thu-tuc/…"), a fragment or a query: nothing else passes.
  if (/^[^/?#]*:/.test(url) || !/^[/?#]/.test(url)) return undefined;
  return url;
}

/** Images come from this site ("/uploads/…") or over https: no data: URLs, no mixed content. */
function safeImageUrl(raw: string): string | undefined {
  const url = browserUrl(raw);
  if (/^https:\/\/[^/\\]/i.test(url) && !url.includes('\\')) return url;
  if (url.startsWith('/') && !/^[/\\][/\\]/.test(url) && !url.includes('\\')) return url;
  return undefined;
}

// Markup and text as sanitize-html serialises them: tags never hold a raw '>' (attribute values are escaped).
const TAG_OR_TEXT = /(<[^>]*>)/;

/**
 * NFC on each piece between tags, never across one: composing the whole string would turn '>' followed by U+0338
 * into '≯' and break a tag. A text that starts with a combining mark (it belonged to a letter before the tag) keeps
 * the mark as a character reference, so the stored string stays NFC whatever later normalises it again.
 */
function normaliseSerialised(html: string): string {
  return html
    .split(TAG_OR_TEXT)
    .map((piece) => {
      const text = piece.normalize('NFC');
      if (piece.startsWith('<')) return text;
      return text.replace(/^\p{M}+/u, (marks) =>
        [...marks].map((m) => `&#x${(m.codePointAt(0) ?? 0).toString(16)};`).join(''));
    })
    .join('');
}

/**
 * The only way rich text is stored. Keeps the allowlisted elements and attributes and nothing else, so no script can
 * reach a reader; text comes out NFC without control characters. Idempotent; '' when nothing readable is left.
 */
export function sanitizeRichText(html: string): string {
  const input = stripControl(html);
  if (input.trim() === '') return '';
  // sanitize-html's parser does not apply HTML's tree rules (a <p> inside a <p>, left when a refused element between
  // them goes): its output, parsed again, can come out different. Clean again until nothing changes, so what is
  // stored is what a second cleaning (and a browser) reads.
  let clean = normaliseSerialised(stripControl(sanitizeHtml(input, OPTIONS)).trim());
  for (let i = 0; i < 4; i++) {
    const again = normaliseSerialised(sanitizeHtml(clean, OPTIONS).trim());
    if (again === clean) break;
    clean = again;
  }
  // Editors' empty fields arrive as "<p><br></p>": store them as empty, so "no content" has one form.
  if (richTextToPlain(clean) === '' && !clean.includes('<img')) return '';
  return clean;
}

// Elements that end a line in plain text; cells are separated by a space.
const BLOCKS = new Set([
  'p', 'div', 'br', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'figure',
  'figcaption', 'table', 'caption', 'thead', 'tbody', 'tfoot', 'tr', 'hr', 'pre', 'address', 'article', 'aside',
  'section', 'header', 'footer', 'nav', 'main', 'details', 'summary',
]);
const CELLS = new Set(['td', 'th']);

const PLAIN_OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [...BLOCKS, ...CELLS],
  allowedAttributes: {},
  disallowedTagsMode: 'discard',
  nonTextTags: NON_TEXT_TAGS,
  parser: { lowerCaseTags: true, decodeEntities: true },
};

/** sanitize-html escapes exactly these in text; undo them, '&amp;' last. */
function unescapeSerialised(s: string): string {
  return s.replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&quot;', '"').replaceAll('&amp;', '&');
}

/**
 * Text only, for summaries, search keys, feeds and meta descriptions: one line per block, entities decoded,
 * whitespace collapsed, NFC. Accepts any HTML, stored or not; scripts, styles and comments give no text.
 */
export function richTextToPlain(html: string): string {
  const serialised = sanitizeHtml(stripControl(html), PLAIN_OPTIONS);
  let out = '';
  for (const piece of serialised.split(TAG_OR_TEXT)) {
    if (piece.startsWith('<')) {
      const name = /^<\/?([a-z0-9]+)/.exec(piece)?.[1] ?? '';
      if (BLOCKS.has(name)) out += '\n';
      else if (CELLS.has(name)) out += ' ';
    } else {
      out += unescapeSerialised(piece).replace(/\s+/g, ' ');
    }
  }
  return stripControl(out)
    .normalize('NFC')
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter((line) => line !== '')
    .join('\n');
}

/**
 * The start of the text, at most `maxChars` characters with the '…', cut between words (inside a word only when
 * the first word alone is too long). Counts code points, so no character is split.
 */
export function excerpt(html: string, maxChars: number): string {
  const chars = [...richTextToPlain(html).replace(/\n/g, ' ')];
  if (chars.length <= maxChars) return chars.join('');
  if (maxChars < 1) return '';
  const room = maxChars - 1;
  let cut = room;
  // Back up to a space unless the cut already falls between two words.
  if (!/\s/.test(chars[room] ?? ' ')) {
    while (cut > 0 && !/\s/.test(chars[cut - 1] ?? '')) cut--;
    if (cut === 0) cut = room;
  }
  const head = chars.slice(0, cut).join('').replace(/[\s,;:.–—-]+$/u, '');
  return `${head}…`;
}
