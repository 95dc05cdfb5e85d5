// Who does what (issue 15): a citizen acts on their own transit account; the centre's staff (transit_officer) on any;
// an operator's clearing staff (transit_operator) handles debt and reads the lists; nobody else gets anything.
import { type Actor, requireStaff, requireUser } from '../../../platform/auth/access.ts';
import { Role, type SessionUser } from '../../../platform/auth/roles.ts';
import { HttpErrors } from '../../../platform/http/errors.ts';
import type { TransitAccount } from './repo.ts';

export const requireOfficer = (actor: Actor): SessionUser => requireStaff(actor, Role.transitOfficer);
export const requireClearing = (actor: Actor): SessionUser => requireStaff(actor, Role.transitOfficer, Role.transitOperator);

/** The account's own citizen or a transit officer; checked before anything is read beyond the account row. */
export function requireOwnerOrOfficer(actor: Actor, account: Pick<TransitAccount, 'citizen_account_id'>): SessionUser {
  const user = requireUser(actor);
  if (user.kind === 'citizen' && user.id === account.citizen_account_id) return user;
  if (user.kind === 'staff' && user.roles.includes(Role.transitOfficer)) return user;
  throw HttpErrors.FORBIDDEN();
}
