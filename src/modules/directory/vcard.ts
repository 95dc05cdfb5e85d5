// vCard 4.0 (RFC 6350) for the staff directory's address-book export: one card per official. Pure functions, no I/O.
// Lines end in CRLF and are folded at 75 octets (§3.2) without splitting a UTF-8 character; text values escape
// backslash, comma, semicolon and newlines (§3.4).

export interface VCardPerson {
  fullName: string;
  /** Family name, given names (N's first two components). */
  family: string;
  given: string;
  /** ORG: the agency, then the department within it (omitted when blank). */
  organisation: string;
  department: string;
  title: string;
  email: string;
  /** As published (e.g. "024 3825 3536 máy lẻ 12"); TEL carries it as a tel: URI. */
  officePhone: string;
  /** tel: URI of the office phone, or '' when there is none. */
  officePhoneUri: string;
}

const CRLF = '\r\n';
const MAX_OCTETS = 75;

/** Escapes a TEXT value: `\` `,` `;` and newlines (RFC 6350 §3.4). */
export function escapeText(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/,/g, '\\,').replace(/;/g, '\\;').replace(/\r\n|\r|\n/g, '\\n');
}

/**
 * Folds a content line into lines of at most `max` octets (the continuation's leading space counts), breaking only
 * between characters, so no multi-byte UTF-8 sequence is split. Shared with the LDIF writer (RFC 2849 folds alike).
 */
export function foldLine(line: string, max = MAX_OCTETS, eol = CRLF): string {
  if (Buffer.byteLength(line, 'utf8') <= max) return line;
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  let limit = max;
  for (const ch of line) {
    const size = Buffer.byteLength(ch, 'utf8');
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
      limit = max - 1; // continuation lines start with a space
    }
    current += ch;
    octets += size;
  }
  parts.push(current);
  return parts.join(`${eol} `);
}

function contentLine(name: string, value: string): string {
  return foldLine(`${name}:${value}`) + CRLF;
}

/** One vCard 4.0. */
export function vcard(p: VCardPerson): string {
  const org = [p.organisation, p.department].filter((s) => s.trim() !== '').map(escapeText).join(';');
  let out = `BEGIN:VCARD${CRLF}VERSION:4.0${CRLF}`;
  out += contentLine('FN', escapeText(p.fullName));
  out += contentLine('N', [p.family, p.given, '', '', ''].map(escapeText).join(';'));
  if (org !== '') out += contentLine('ORG', org);
  if (p.title.trim() !== '') out += contentLine('TITLE', escapeText(p.title));
  out += contentLine('EMAIL;TYPE=work', escapeText(p.email));
  if (p.officePhoneUri !== '') out += contentLine('TEL;VALUE=uri;TYPE=work,voice', p.officePhoneUri);
  return `${out}END:VCARD${CRLF}`;
}

/** Cards one after another, as a .vcf file holds them. */
export function vcards(people: readonly VCardPerson[]): string {
  return people.map(vcard).join('');
}
