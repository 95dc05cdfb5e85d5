// Who does what (issue 16): only the signal centre's engineer (signal_engineer) opens the registry, designs and saves
// plans and sends them to the controllers; every other staff role and every citizen gets 403.
import { type Actor, requireStaff } from '../../platform/auth/access.ts';
import { Role, type SessionUser } from '../../platform/auth/roles.ts';

export const requireSignalEngineer = (actor: Actor): SessionUser => requireStaff(actor, Role.signalEngineer);
