// The admission rules that need no database: who may apply to a level, when a round takes applications, and the
// shapes of what parents type (DOMAIN §8, issue 11).
import type { Level } from './tables.ts';

/**
 * Age eligibility per level (issue 11 "Rules"; DOMAIN §8): grade 1 takes children turning 6 in the calendar year the
 * school year starts (Circular 28/2020/TT-BGDĐT Art. 33: six years old, counted by year of birth); kindergarten's
 * admission round is for the 5-year-olds' class, children turning 5 that year; grade 6 takes children who finished
 * grade 5 (the primary-school completion the school records), whatever their age.
 */
export type Eligibility = { ok: true } | { ok: false; reason: 'age' | 'grade5' };

export const AGE_BY_LEVEL: Record<Exclude<Level, 'grade6'>, number> = { kindergarten: 5, grade1: 6 };

export function eligibility(level: Level, startYear: number, child: { birthDate: string; finishedGrade5: boolean }): Eligibility {
  if (level === 'grade6') return child.finishedGrade5 ? { ok: true } : { ok: false, reason: 'grade5' };
  const birthYear = Number(child.birthDate.slice(0, 4));
  return startYear - birthYear === AGE_BY_LEVEL[level] ? { ok: true } : { ok: false, reason: 'age' };
}

export type WindowState = 'upcoming' | 'open' | 'closed';

/** A round takes applications from its opening instant (inclusive) until its closing instant (exclusive). */
export function windowState(round: { opensAt: Date; closesAt: Date }, now: Date): WindowState {
  if (now.getTime() < round.opensAt.getTime()) return 'upcoming';
  if (now.getTime() >= round.closesAt.getTime()) return 'closed';
  return 'open';
}

/** Enrolment codes are printed in groups ("L1AB-CD2E-F3"); spaces, dashes and case do not matter. */
export function normaliseCode(raw: string): string {
  return raw.normalize('NFC').toUpperCase().replace(/[\s-]/g, '');
}

export const CODE_PATTERN = /^[A-Z0-9]{6,20}$/;

/** The 12-digit personal identification number (DOMAIN §9); spaces are forgiven. */
export function normalisePersonalId(raw: string): string {
  return raw.replace(/\s/g, '');
}

export const PERSONAL_ID_PATTERN = /^[0-9]{12}$/;

/** Idempotency keys: the form's hidden token or an integrator's header, printable ASCII. */
export const IDEMPOTENCY_KEY_PATTERN = /^[\x21-\x7e]{8,200}$/;

/** Priority groups (lower is served first): in-catchment children are guaranteed a place (DOMAIN §8). */
export const PRIORITY = { inCatchment: 1, outOfCatchment: 2 } as const;

export const LEVEL_PREFIX: Record<Level, string> = { kindergarten: 'MN', grade1: 'L1', grade6: 'L6' };
