/**
 * Unicode normalisation at the system boundary.
 *
 * Vietnamese letters can arrive precomposed ("ệ" = U+1EC7) or decomposed ("e" + U+0323 + U+0302), depending on
 * the keyboard (Unikey, macOS Telex) and the browser. Both look the same but compare, index and hash differently,
 * so every incoming string is normalised to NFC once, at the HTTP boundary, and stored NFC (ARCHITECTURE.md).
 */

export function nfc(s: string): string {
  return s.normalize('NFC');
}

/**
 * NFC-normalises every string (values and keys) in a JSON-like value, recursively, without trimming or otherwise
 * changing content. Arrays and plain objects (including null-prototype objects made by query-string parsers) are
 * copied; anything else (numbers, Dates, Buffers, class instances) is returned as is. The input is not mutated.
 */
export function deepNfc<T>(value: T): T {
  return normaliseValue(value) as T;
}

function normaliseValue(value: unknown): unknown {
  if (typeof value === 'string') return value.normalize('NFC');
  if (Array.isArray(value)) return value.map(normaliseValue);
  if (value === null || typeof value !== 'object') return value;
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return value;
  const out: Record<string, unknown> = proto === null ? Object.create(null) : {};
  for (const [key, inner] of Object.entries(value)) {
    // defineProperty, not assignment: a key "__proto__" from a request body must stay an ordinary property.
    Object.defineProperty(out, key.normalize('NFC'), {
      value: normaliseValue(inner),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return out;
}

// C0 and C1 control characters (and DEL) except tab and line feed: they are invisible, break CSV/PDF output and
// are never meant in a form field. Carriage return goes too, so CRLF from browsers' textareas becomes LF.
const CONTROL = /(?![\n\t])\p{Cc}/gu;

export function stripControl(s: string): string {
  return s.replace(CONTROL, '');
}
