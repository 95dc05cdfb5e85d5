// Certificate codes: 12 random characters of Crockford's base32 (60 bits from the system's CSPRNG: unguessable) and one
// check character (Luhn mod 32, which catches every single mistyped character and most swapped neighbours).
// People may type them lower-case, with spaces or dashes, and O for 0, I or L for 1 (Crockford's decoding).
import { randomBytes } from 'node:crypto';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const N = ALPHABET.length;

function checkCharacter(body: string): string {
  let factor = 2;
  let sum = 0;
  for (let i = body.length - 1; i >= 0; i--) {
    let addend = factor * ALPHABET.indexOf(body[i] as string);
    factor = factor === 2 ? 1 : 2;
    addend = Math.floor(addend / N) + (addend % N);
    sum += addend;
  }
  return ALPHABET[(N - (sum % N)) % N] as string;
}

export function newCertificateCode(): string {
  const bytes = randomBytes(12);
  let body = '';
  for (const b of bytes) body += ALPHABET[b % N];
  return body + checkCharacter(body);
}

/** The code as stored (13 characters), or null when it is not one: wrong length, characters or check character. */
export function normaliseCode(input: string): string | null {
  if (input.length > 64) return null;
  const s = input.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  if (!/^[0-9A-HJKMNP-TV-Z]{13}$/.test(s)) return null;
  return checkCharacter(s.slice(0, 12)) === s[12] ? s : null;
}

/** XXXX-XXXX-XXXX-X, easier to read out and type. */
export const displayCode = (code: string): string => `${code.slice(0, 4)}-${code.slice(4, 8)}-${code.slice(8, 12)}-${code.slice(12)}`;
