// Access checks sit at the top of every service function: services take the acting user and call these.
import { HttpErrors } from '../http/errors.ts';
import type { Role, SessionUser } from './roles.ts';

export type Actor = SessionUser | null;

export function requireUser(actor: Actor): SessionUser {
  if (!actor) throw HttpErrors.UNAUTHENTICATED();
  return actor;
}

export function requireStaff(actor: Actor, ...roles: Role[]): SessionUser {
  const user = requireUser(actor);
  if (user.kind !== 'staff') throw HttpErrors.FORBIDDEN();
  if (roles.length > 0 && !roles.some((r) => user.roles.includes(r))) throw HttpErrors.FORBIDDEN();
  return user;
}

export function hasRole(actor: Actor, role: Role): boolean {
  return !!actor && actor.kind === 'staff' && actor.roles.includes(role);
}
