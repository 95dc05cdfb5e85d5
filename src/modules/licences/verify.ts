// What the public sees from the e-licence's QR code (no sign-in): the validity and the class, the last 4 digits of the
// number, nothing else — no name, no birth date, no citizen-ID number, no points history. The token is random
// (import.ts) and checked for its shape before the database is asked.
import { vietnamDateOf } from '../../platform/calendar/dates.ts';
import type { Platform } from '../../platform/http/context.ts';
import { licencesDb, licencesRepo } from './repo.ts';
import { validityOf, type Validity } from './validity.ts';

export interface PublicLicence {
  validity: Validity;
  licenceClass: string;
  old: boolean;
  expiresOn: string | null;
  last4: string;
  checkedOn: string;
}

export const isVerifyToken = (s: unknown): s is string => typeof s === 'string' && /^[A-Za-z0-9_-]{22,64}$/.test(s);

export async function verifyLicence(platform: Platform, token: unknown, opts: { today?: string } = {}): Promise<PublicLicence | undefined> {
  if (!isVerifyToken(token)) return undefined;
  const l = await licencesRepo.byToken(licencesDb(platform.database.db), token);
  if (!l) return undefined;
  const today = opts.today ?? vietnamDateOf(new Date());
  return { validity: validityOf(l, today), licenceClass: l.licence_class, old: l.old, expiresOn: l.expires_on, last4: l.number.slice(-4), checkedOn: today };
}
