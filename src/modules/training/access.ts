// Who does what: the city's IT-training office (training_manager) does everything here; a unit's staff, other roles
// and citizens get nothing (403 on every page and service). The public sees only what verify() returns.
import { type Actor, requireStaff } from '../../platform/auth/access.ts';
import { Role, type SessionUser } from '../../platform/auth/roles.ts';

export const requireManager = (actor: Actor): SessionUser => requireStaff(actor, Role.trainingManager);
