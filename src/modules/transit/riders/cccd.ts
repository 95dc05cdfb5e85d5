// The chip citizen-ID card (CCCD) as a transit medium and as proof of age (TRANSPORT.md §1: riders aged 60+ travel free
// and may tap their CCCD). Only its structure is checked here, and only a keyed hash of the number is ever stored.
//
// Structure of the 12-digit personal identification number (Decree 137/2015/NĐ-CP Art. 13; Circular 59/2021/TT-BCA
// Art. 7, which keeps the layout of Circular 07/2016/TT-BCA):
//   digits 1–3  the code of the province (or country) where the birth was registered, from the circular's appendix;
//   digit 4     sex and century of birth: 20th century (1900–1999) male 0, female 1; 21st (2000–2099) 2 / 3;
//               22nd 4 / 5; 23rd 6 / 7; 24th 8 / 9 — so the digit divided by 2 (rounded down) is the century after
//               the 20th, and it must agree with the date of birth's century;
//   digits 5–6  the last two digits of the year of birth, which must agree with the date of birth;
//   digits 7–12 a random number.
import { createHmac, hkdfSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadSealer, parseKey } from '../../../platform/auth/sealed.ts';
import { isValidIsoDate } from '../../../platform/calendar/dates.ts';
import type { Config } from '../../../platform/config.ts';

/** Province codes of the appendix (the 63 provinces before the 2025 merger; numbers already issued keep them).
 *  Data, not a rule: extend it if a code is added (e.g. for births registered abroad). */
export const PROVINCE_CODES: ReadonlySet<string> = new Set(
  ('001 002 004 006 008 010 011 012 014 015 017 019 020 022 024 025 026 027 030 031 033 034 035 036 037 038 040 042 044 045 046 048 049 ' +
    '051 052 054 056 058 060 062 064 066 067 068 070 072 074 075 077 079 080 082 083 084 086 087 089 091 092 093 094 095 096').split(' '),
);

export type CccdCheck = { ok: true } | { ok: false; reason: 'format' | 'province' | 'birth_date' | 'century' | 'year' };

/** Whether a 12-digit number can belong to someone born on `dateOfBirth` (YYYY-MM-DD). */
export function checkCccd(number: string, dateOfBirth: string, provinces: ReadonlySet<string> = PROVINCE_CODES): CccdCheck {
  if (!/^[0-9]{12}$/.test(number)) return { ok: false, reason: 'format' };
  if (!provinces.has(number.slice(0, 3))) return { ok: false, reason: 'province' };
  if (!isValidIsoDate(dateOfBirth)) return { ok: false, reason: 'birth_date' };
  const year = Number(dateOfBirth.slice(0, 4));
  if (year < 1900 || year > 2399) return { ok: false, reason: 'birth_date' };
  const centuryCode = Math.floor(Number(number[3]) / 2);
  if (centuryCode !== Math.floor((year - 1900) / 100)) return { ok: false, reason: 'century' };
  if (number.slice(4, 6) !== dateOfBirth.slice(2, 4)) return { ok: false, reason: 'year' };
  return { ok: true };
}

/** The day of the `years`-th birthday; someone born on 29 February has it on 1 March in a common year. */
export function birthdayAt(dateOfBirth: string, years: number): string {
  const y = Number(dateOfBirth.slice(0, 4)) + years;
  const md = dateOfBirth.slice(5);
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return md === '02-29' && !leap ? `${y}-03-01` : `${y}-${md}`;
}

/** The key of the CCCD hash, derived (HKDF) from the configured secret key, so the hash means nothing without it. */
export function cccdHashKey(config: Pick<Config, 'secretKey' | 'secretKeyFile' | 'production' | 'varDir'>): Buffer {
  loadSealer(config); // fails as the rest of the app does when no key is configured; makes the local key outside production
  const master = config.secretKey ?? parseKey(readFileSync(config.secretKeyFile ?? join(config.varDir, 'secret.key'), 'utf8'));
  if (!master) throw new Error('the secret key is not readable');
  return Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), 'egov transit cccd v1', 32));
}

/** The stored form of a CCCD number: HMAC-SHA-256 under the derived key, 64 hex digits. */
export function cccdMediaKey(key: Buffer, number: string): string {
  return createHmac('sha256', key).update(number).digest('hex');
}
