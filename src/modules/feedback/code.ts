// Tracking codes of feedback: PA-YYMM-NNNNNN ("phản ánh", the Vietnam year and month it was sent, six digits). The
// digits are the case's number from a sequence, permuted (an affine map modulo 10^6, a bijection): consecutive cases
// get unrelated-looking codes, so a code says nothing about how many cases there are. A code alone opens nothing: the
// lookup also needs the sender's phone number or e-mail address (service.ts), and failed lookups are throttled.
import { vietnamDateOf } from '../../platform/calendar/index.ts';

const MOD = 1_000_000;
/** Coprime with 10^6, so n → (n × A + B) mod 10^6 is one-to-one. */
const A = 370_471;
const B = 582_917;
export const FEEDBACK_CODE = /^PA-[0-9]{4}-[0-9]{6}$/;

export function feedbackCode(seq: number, at: Date): string {
  const day = vietnamDateOf(at);
  const digits = (Number((BigInt(seq % MOD) * BigInt(A) + BigInt(B)) % BigInt(MOD))).toString().padStart(6, '0');
  return `PA-${day.slice(2, 4)}${day.slice(5, 7)}-${digits}`;
}

/** The code as typed (spaces, lower case) in its stored form, or null. */
export function normaliseCode(raw: string): string | null {
  const c = raw.trim().toUpperCase().replace(/\s+/g, '');
  return FEEDBACK_CODE.test(c) ? c : null;
}
