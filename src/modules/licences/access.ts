// Who does what (issue 16): only the registry's officer (licence_officer) looks licences up, imports them and records
// deductions and tests; every other staff role and every citizen gets 403. The public sees only what verify.ts returns.
import { type Actor, requireStaff } from '../../platform/auth/access.ts';
import { Role, type SessionUser } from '../../platform/auth/roles.ts';

export const requireLicenceOfficer = (actor: Actor): SessionUser => requireStaff(actor, Role.licenceOfficer);
