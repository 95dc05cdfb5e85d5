// Dossier codes (Circular 01/2018/TT-VPCP Art. 19): <13-character agency identifier>-YYMMDD-XXXX, where YYMMDD is
// the receipt date in Vietnam (UTC+7, whatever the server's time zone) and XXXX the 4-digit sequence of that agency
// on that day.
import { vietnamDateOf } from '../../platform/calendar/index.ts';

export const DOSSIER_CODE = /^(\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2})-(\d{6})-(\d{4})$/;
export const MAX_SEQUENCE = 9999;

export function isDossierCode(s: string): boolean {
  return DOSSIER_CODE.test(s);
}

/** The Vietnam date ('YYYY-MM-DD') on which a dossier received at `received` is numbered. */
export function receiptDay(received: Date): string {
  return vietnamDateOf(received);
}

/** The code without its number, '<agency>-YYMMDD': the database appends '-XXXX' as it takes the number (repo.assignCode). */
export function codePrefix(agencyCode: string, received: Date): string {
  return `${agencyCode}-${receiptDay(received).slice(2).replaceAll('-', '')}`;
}

export function dossierCode(agencyCode: string, received: Date, sequence: number): string {
  if (!Number.isInteger(sequence) || sequence < 1 || sequence > MAX_SEQUENCE) throw new RangeError(`sequence out of range: ${sequence}`);
  return `${codePrefix(agencyCode, received)}-${String(sequence).padStart(4, '0')}`;
}
