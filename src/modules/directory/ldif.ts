// LDIF (RFC 2849) for the city's mail server and address books: plain entries (no change records), one per official,
// under a per-agency organizational unit. Pure functions, no I/O. A value that is not a SAFE-STRING (any non-ASCII
// character, as in every Vietnamese name, or a leading space, colon or "<", or a trailing space) is written base64
// with "::"; long lines are folded with a leading space on the continuation.
import { foldLine } from './vcard.ts';

export interface LdifEntry {
  dn: string;
  attributes: ReadonlyArray<readonly [name: string, value: string]>;
}

const EOL = '\n';
/** RFC 2849 sets no limit; 76 columns is what ldapsearch and most tools write. */
const MAX_OCTETS = 76;

/** SAFE-STRING of RFC 2849: ASCII without NUL, LF, CR; not starting with space, ":" or "<"; (SHOULD) not ending with a space. */
export function isSafeString(value: string): boolean {
  if (value === '') return true;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c === 0 || c === 10 || c === 13 || c > 127) return false;
  }
  if (/^[ :<]/.test(value)) return false;
  return !value.endsWith(' ');
}

/** One attribute line, base64 ("::") when the value is not a SAFE-STRING, folded. */
export function ldifLine(name: string, value: string): string {
  const line = isSafeString(value) ? `${name}: ${value}` : `${name}:: ${Buffer.from(value, 'utf8').toString('base64')}`;
  return foldLine(line, MAX_OCTETS, EOL) + EOL;
}

/** Escapes an attribute value for use in a DN (RFC 4514 §2.4). */
export function escapeDnValue(value: string): string {
  let out = value.replace(/[\\,+"<>;=]/g, (c) => `\\${c}`);
  if (out.startsWith(' ') || out.startsWith('#')) out = `\\${out}`;
  if (out.endsWith(' ') && out.length > 1) out = `${out.slice(0, -1)}\\ `;
  return out;
}

export function ldifEntry(e: LdifEntry): string {
  return ldifLine('dn', e.dn) + e.attributes.filter(([, v]) => v !== '').map(([n, v]) => ldifLine(n, v)).join('');
}

/** A whole LDIF file: the version line, then the entries separated by blank lines. */
export function ldif(entries: readonly LdifEntry[]): string {
  return [`version: 1${EOL}`, ...entries.map(ldifEntry)].join(EOL);
}
