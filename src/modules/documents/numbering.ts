// Numbers and notations of documents (Decree 30/2020 Appendix I §II.4 and Art. 15): the number is the document's
// order in the agency's year, written with a leading zero below 10; the notation is the type's abbreviation and the
// issuer's (`05/QĐ-UBND`), or for an official letter (công văn) the issuer's and the drafting unit's (`125/UBND-VP`).
import type { Agency } from '../units/index.ts';
import { OFFICIAL_LETTER } from './types.ts';

/** Decree 30 Appendix I: numbers below 10 are written with a leading zero. */
export function formatNumber(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

export function numberNotation(number: number, notation: string): string {
  return `${formatNumber(number)}/${notation}`;
}

/** The issuer's abbreviation in notations: a people's committee is `UBND`; other agencies their short name run together. */
export function issuerAbbreviation(agency: Pick<Agency, 'kind' | 'shortName' | 'name'>): string {
  if (agency.kind === 'city_committee' || agency.kind === 'commune_committee') return 'UBND';
  const short = agency.shortName?.replace(/\s+/g, '');
  if (short) return short;
  return agency.name
    .split(/\s+/)
    .map((w) => w[0]?.toUpperCase() ?? '')
    .join('');
}

export function notationFor(typeCode: string, issuer: string, draftingUnit: string): string {
  if (typeCode === OFFICIAL_LETTER) return draftingUnit ? `${issuer}-${draftingUnit}` : issuer;
  return `${typeCode}-${issuer}`;
}

const NUMBER_NOTATION = /^\s*(\d{1,6})\s*\/\s*([\p{L}\d][\p{L}\d.\-/ ]{0,59})\s*$/u;

/** `125/UBND-VP` → { number: 125, notation: 'UBND-VP' }; null when it is not of that shape. */
export function parseNumberNotation(s: string): { number: number; notation: string } | null {
  const m = NUMBER_NOTATION.exec(s.normalize('NFC'));
  if (!m) return null;
  const number = Number(m[1]);
  if (number < 1) return null;
  return { number, notation: m[2]!.replace(/\s+/g, '') };
}
