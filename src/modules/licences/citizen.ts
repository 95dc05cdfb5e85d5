// For the online renewal (procedure 3.000347, a later piece): the licences a citizen holds, each with what
// renewalPath (rules/renewal.ts) says a renewal needs. Revoked and replaced licences are left out: only a licence in
// the registry and in force is renewed. A module-to-module call: the procedure checks that its actor is this citizen
// before it asks; here the account must be a citizen's with a citizen-ID number, or nothing is returned.
import { vietnamDateOf } from '../../platform/calendar/dates.ts';
import type { Platform } from '../../platform/http/context.ts';
import { findAccountContact } from '../accounts/index.ts';
import { type LicenceRow, licencesDb, licencesRepo } from './repo.ts';
import { renewalPath, type RenewalPath } from './rules/renewal.ts';

export interface HeldLicenceView {
  number: string;
  licenceClass: string;
  old: boolean;
  issuedOn: string;
  expiresOn: string | null;
  points: number;
  restriction: string | null;
  renewal: RenewalPath;
}

export async function licencesOfCitizen(platform: Platform, citizenId: number, opts: { today?: string; wanted?: Record<string, string> } = {}): Promise<HeldLicenceView[]> {
  if (!Number.isSafeInteger(citizenId) || citizenId <= 0) return [];
  const contact = await findAccountContact(platform.database.db, citizenId);
  if (!contact?.personalId) return [];
  const today = opts.today ?? vietnamDateOf(new Date());
  const held = (await licencesRepo.ofHolder(licencesDb(platform.database.db), contact.personalId)).filter((l: LicenceRow) => l.status === 'valid');
  // No penalty case is tracked here yet [U]: violationPending is false until the penalty registry is connected.
  return held.map((l) => ({
    number: l.number,
    licenceClass: l.licence_class,
    old: l.old,
    issuedOn: l.issued_on,
    expiresOn: l.expires_on,
    points: l.points,
    restriction: l.restriction,
    renewal: renewalPath({ number: l.number, licenceClass: l.licence_class, old: l.old, expiresOn: l.expires_on, violationPending: false }, today, opts.wanted?.[l.number]),
  }));
}
