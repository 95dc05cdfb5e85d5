// The one place request text is checked and normalised, before any schema or handler sees it: query, path
// parameters and body (JSON, form, multipart fields). A NUL byte or a lone UTF-16 surrogate is refused (400), as is
// a value nested deeper than MAX_DEPTH; text typed in a legacy Vietnamese encoding (VNI, TCVN3) is converted to
// Unicode, and every string is NFC (ARCHITECTURE.md: text is stored NFC).
import { detectEncoding, toUnicode } from '../text/index.ts';
import { HttpErrors } from './errors.ts';

/** Deepest nesting of objects and arrays a request may carry. No form or API body here needs more than a few. */
export const MAX_DEPTH = 32;
/** Longer strings are not guessed for a legacy encoding (NFC only): legacy text is typed in short fields. */
const LEGACY_MAX = 4000;
/** Secrets and tokens are compared byte for byte: only NFC, never a guessed re-encoding. */
const VERBATIM_KEY = /pass|mat_khau|secret|token|csrf|otp|totp|signature|hash/i;

const NUL = /\0/;
// In a `u` expression a well-formed pair is one code point, so only a lone surrogate matches.
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;
const REPLACEMENT = /\uFFFD/;

/** The text fields a request carries, checked and normalised; throws a 400 AppError on NUL, lone surrogates, depth. */
export function cleanInput<T>(value: T): T {
  return cleanValue(value, 0, '') as T;
}

/**
 * The same for what was percent-decoded from the URL (query, path): there, bytes that are not UTF-8 arrive as U+FFFD,
 * which nobody types, so it is refused as the form parser refuses it (body.ts).
 */
export function cleanUrlInput<T>(value: T): T {
  if (REPLACEMENT.test(JSON.stringify(value) ?? '')) throw HttpErrors.BAD_UTF8();
  return cleanInput(value);
}

function cleanString(s: string, key: string): string {
  if (NUL.test(s)) throw HttpErrors.NUL_CHARACTER();
  if (LONE_SURROGATE.test(s)) throw HttpErrors.BAD_UTF8();
  const n = s.normalize('NFC');
  if (n.length > LEGACY_MAX || VERBATIM_KEY.test(key)) return n;
  const enc = detectEncoding(n);
  return enc === 'vni' || enc === 'tcvn3' ? toUnicode(n, enc) : n;
}

function cleanValue(value: unknown, depth: number, key: string): unknown {
  if (typeof value === 'string') return cleanString(value, key);
  if (value === null || typeof value !== 'object') return value;
  if (depth >= MAX_DEPTH) throw HttpErrors.TOO_DEEP();
  if (Array.isArray(value)) return value.map((v) => cleanValue(v, depth + 1, key));
  const proto: unknown = Object.getPrototypeOf(value);
  // Class instances (an uploaded file, a Buffer, a Date) are not text: left as they are.
  if (proto !== Object.prototype && proto !== null) return value;
  const out: Record<string, unknown> = proto === null ? Object.create(null) : {};
  for (const [k, inner] of Object.entries(value)) {
    // defineProperty, not assignment: a key "__proto__" from a request body must stay an ordinary property.
    Object.defineProperty(out, cleanString(k, 'key'), {
      value: cleanValue(inner, depth + 1, k),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return out;
}

/**
 * Refuses JSON text nested deeper than MAX_DEPTH before it is parsed, so no later recursive walk (normalisation,
 * validation) can overflow the stack. A linear scan that skips strings.
 */
export function checkJsonDepth(text: string): void {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > MAX_DEPTH) throw HttpErrors.TOO_DEEP();
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
}

/**
 * A Location header may carry only visible ASCII: anything else (a Vietnamese `next` page, a space) is
 * percent-encoded, so a redirect never fails on writing its headers.
 */
export function safeLocation(location: string): string {
  if (/^[\x21-\x7e]*$/.test(location)) return location;
  let out = '';
  for (const ch of location) {
    out += /[\x21-\x7e]/.test(ch) ? ch : LONE_SURROGATE.test(ch) ? '' : encodeURIComponent(ch);
  }
  return out;
}
