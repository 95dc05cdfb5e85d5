// Who handles feedback (least privilege, docs/feedback.md):
//  - the receiving office sorts incoming feedback (assigns it to an agency or rejects it): one-stop officers and
//    leaders of the city's Public Administration Service Centre, and administrators (who run the platform for the
//    city and are the demo's only staff at the centre);
//  - the assigned agency's specialists and leaders read its cases and write the answers; only a leader of that
//    agency approves publishing an answer. No one else on the staff sees a case: it holds the sender's contacts.
import { HttpErrors } from '../../platform/http/errors.ts';
import { requireStaff, type Actor } from '../../platform/auth/access.ts';
import { Role, type SessionUser } from '../../platform/auth/roles.ts';
import type { CaseRow } from './repo.ts';

export function isReceivingOffice(user: SessionUser, centreId: number | null): boolean {
  if (user.kind !== 'staff') return false;
  if (user.roles.includes(Role.admin)) return true;
  return centreId !== null && user.agencyId === centreId && (user.roles.includes(Role.oneStopOfficer) || user.roles.includes(Role.leader));
}

export function isAgencyHandler(user: SessionUser): boolean {
  return user.kind === 'staff' && user.agencyId !== null && (user.roles.includes(Role.specialist) || user.roles.includes(Role.leader));
}

/** Staff who may open the feedback pages at all. */
export function requireFeedbackStaff(actor: Actor, centreId: number | null): SessionUser {
  const user = requireStaff(actor);
  if (!isReceivingOffice(user, centreId) && !isAgencyHandler(user)) throw HttpErrors.FORBIDDEN();
  return user;
}

export const handlesCase = (user: SessionUser, row: CaseRow): boolean => isAgencyHandler(user) && row.agency_id !== null && row.agency_id === user.agencyId;

export function canSeeCase(user: SessionUser, row: CaseRow, centreId: number | null): boolean {
  return isReceivingOffice(user, centreId) || handlesCase(user, row);
}

export const mayPublish = (user: SessionUser, row: CaseRow): boolean => handlesCase(user, row) && user.roles.includes(Role.leader);
