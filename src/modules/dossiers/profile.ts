// What the signed-in citizen's account already tells about them: the e-form's prefilled fields on first display,
// and the applicant's details a form does not ask for.
import type { Kysely } from 'kysely';
import type { PlatformTables } from '../../platform/db/index.ts';
import type { SessionUser } from '../../platform/auth/roles.ts';
import { findAccountContact } from '../accounts/index.ts';
import { displayPhone, type ApplicantDefaults } from './applicant.ts';

const NONE: ApplicantDefaults = { fullName: '', personalId: '', phone: '', email: '' };

export async function applicantDefaults(db: Kysely<PlatformTables>, user: SessionUser): Promise<ApplicantDefaults> {
  if (user.kind !== 'citizen') return NONE;
  const contact = await findAccountContact(db, user.id);
  return {
    fullName: contact?.fullName ?? user.displayName,
    // The account's personal identification number; a self-registered citizen's username is that number too.
    personalId: contact?.personalId ?? (/^\d{12}$/.test(user.username) ? user.username : ''),
    phone: displayPhone(contact?.phone ?? null),
    email: contact?.email ?? '',
  };
}
