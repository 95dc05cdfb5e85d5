// Hostile values for the fuzz suite (fast-check arbitraries): what a careless or malicious client may send in any
// query parameter, path segment, form field or JSON member.
import fc from 'fast-check';

const MB = 1024 * 1024;

/** Strings that broke, or could break, something once: control characters, encodings, sizes, injections. */
export const hostileText: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '\0',
    'a\0b',
    'Nguyễn\0',
    '\uD800',
    'x\uDC00y',
    '\uDBFF',
    'a'.repeat(MB),
    'ệ'.repeat(MB / 4),
    '2147483648',
    '-2147483649',
    '9223372036854775808',
    '99999999999999999999999999',
    '-1',
    '0',
    '1e308',
    '-0',
    'NaN',
    'Infinity',
    '0x1F',
    '2200-01-01',
    '1899-12-31',
    '0000-00-00',
    '2024-02-30',
    '2024-13-01',
    '31/12/2200',
    '99/99/9999',
    'not-a-date',
    'Vie\u0323\u0302t Nam',
    'Haø Noäi',
    'Hµ Néi',
    'NguyÔn ThÞ ¸nh',
    '<script>alert(1)</script>',
    '"><img src=x onerror=alert(1)>',
    "' OR 1=1 --",
    "'; drop table dossiers; --",
    '../../../../etc/passwd',
    '..%2f..%2fetc%2fpasswd',
    '/static/../package.json',
    '//evil.example/',
    'https://evil.example/',
    'javascript:alert(1)',
    '/trang-chủ',
    '\r\nX-Injected: 1',
    '%00',
    '%',
    '{"a":1}',
    '',
    ' ',
    '\u202Eevil',
    '\uFEFF',
    '🙂'.repeat(1000),
  ),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.integer().map(String),
  fc.bigInt({ min: -(2n ** 70n), max: 2n ** 70n }).map(String),
  fc.date({ min: new Date('0001-01-01'), max: new Date('9999-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
);

function nested(depth: number): unknown {
  let v: unknown = 'x';
  for (let i = 0; i < depth; i++) v = i % 2 ? [v] : { a: v };
  return v;
}

/** Any JSON value: hostile text, wrong types, huge and negative numbers, deep nesting. */
export const hostileJson: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: hostileText },
  fc.constantFrom<unknown>(
    null,
    true,
    false,
    0,
    -1,
    2147483648,
    -2147483649,
    Number.MAX_SAFE_INTEGER + 2,
    1e308,
    -1e308,
    0.5,
    [],
    {},
    nested(40),
    nested(5000),
    { __proto__: { admin: true } },
    JSON.parse('{"__proto__":{"admin":true}}'),
    ['\0'],
  ),
  fc.integer(),
  fc.double(),
  fc.array(hostileText, { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 8 }), hostileText, { maxKeys: 3 }),
);

/** How the values go to a route: which field gets the hostile value, whether others are missing or extra. */
export interface Case {
  /** Index of the field (query, body or path) that gets `value`. */
  target: number;
  where: 'query' | 'body' | 'path';
  value: unknown;
  /** Give every known field the value, not only the target. */
  spray: boolean;
  /** Leave the other known fields out (missing fields) instead of giving them plain values. */
  dropOthers: boolean;
  /** An extra field nobody expects. */
  extra: [string, unknown] | null;
  /** How a body is sent. */
  encoding: 'form' | 'json' | 'multipart' | 'broken-multipart' | 'raw';
  who: 'anonymous' | 'citizen' | 'staff' | 'registry';
}

export function caseArb(encodings: Case['encoding'][]): fc.Arbitrary<Case> {
  return fc.record({
    target: fc.nat({ max: 50 }),
    where: fc.constantFrom('query', 'body', 'path'),
    value: hostileJson,
    spray: fc.boolean(),
    dropOthers: fc.boolean(),
    extra: fc.option(fc.tuple(fc.oneof(fc.string({ maxLength: 10 }), fc.constantFrom('__proto__', 'constructor', '\0', '\uD800')), hostileJson), { nil: null }),
    encoding: fc.constantFrom(...encodings),
    who: fc.constantFrom('anonymous', 'citizen', 'staff', 'registry'),
  });
}

/** Percent-encodes like encodeURIComponent, but lets a lone surrogate through as the bytes a sloppy client sends. */
export function encodeLoose(s: string): string {
  let out = '';
  for (const ch of s) {
    if (/[\uD800-\uDFFF]/u.test(ch)) out += '%ED%A0%80';
    else out += encodeURIComponent(ch);
  }
  return out;
}
