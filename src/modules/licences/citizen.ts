// For the online renewal (procedure 3.000347, renewal.ts): the licences a citizen holds, each with what renewalPath
// (rules/renewal.ts) says a renewal needs. Revoked and replaced licences are left out: only a licence in the registry
// and in force is renewed. A module-to-module call: the procedure checks that its actor is this citizen before it
// asks; here the account must be a citizen's with a citizen-ID number, or nothing is returned.
import { vietnamDateOf } from '../../platform/calendar/dates.ts';
import type { Platform } from '../../platform/http/context.ts';
import { findAccountContact } from '../accounts/index.ts';
import { type LicenceRow, type LicencesDb, licencesDb, licencesRepo } from './repo.ts';
import { renewalPath, type RenewalPath } from './rules/renewal.ts';

export interface HeldLicenceView {
  number: string;
  licenceClass: string;
  old: boolean;
  birthDate: string;
  issuedOn: string;
  expiresOn: string | null;
  points: number;
  restriction: string | null;
  renewal: RenewalPath;
  /** A penalty case is open on it (cases.ts). */
  violationPending: boolean;
}

export async function licencesOfCitizen(platform: Platform, citizenId: number, opts: { today?: string; wanted?: Record<string, string> } = {}): Promise<HeldLicenceView[]> {
  if (!Number.isSafeInteger(citizenId) || citizenId <= 0) return [];
  const contact = await findAccountContact(platform.database.db, citizenId);
  if (!contact?.personalId) return [];
  return licencesOfHolder(licencesDb(platform.database.db), contact.personalId, opts);
}

/** The licences in force of the holder with this citizen-ID number (the caller has checked who asks). */
export async function licencesOfHolder(db: LicencesDb, pin: string, opts: { today?: string; wanted?: Record<string, string> } = {}): Promise<HeldLicenceView[]> {
  const today = opts.today ?? vietnamDateOf(new Date());
  const held = (await licencesRepo.ofHolder(db, pin)).filter((l: LicenceRow) => l.status === 'valid');
  // A penalty case still open on the licence (cases.ts) is "a violation being processed": no renewal (Circular
  // 12/2025/TT-BCA Art. 21).
  const pending = await licencesRepo.withOpenCase(db, held.map((l) => l.id));
  return held.map((l) => ({
    number: l.number,
    licenceClass: l.licence_class,
    old: l.old,
    birthDate: l.birth_date,
    issuedOn: l.issued_on,
    expiresOn: l.expires_on,
    points: l.points,
    restriction: l.restriction,
    violationPending: pending.has(l.id),
    renewal: renewalPath({ number: l.number, licenceClass: l.licence_class, old: l.old, expiresOn: l.expires_on, violationPending: pending.has(l.id) }, today, opts.wanted?.[l.number]),
  }));
}
