// Who does what in the self-assessment cycle (issue 14). Access is checked at the top of every service function:
// - a unit's IT officer (readiness_reporter) fills and submits only its own unit's form, and sees only that one
//   until the results are published;
// - the city's office (readiness_reviewer) opens cycles, sees every form, asks questions, reopens a late form and
//   publishes; the appraisal council (readiness_council) sees every form and adjusts scores, with a reason;
// - a form another unit's officer asks for is "not found", the same answer as for a form that does not exist.
import { type Actor, requireStaff } from '../../platform/auth/access.ts';
import { Role, type SessionUser } from '../../platform/auth/roles.ts';
import { ReadinessErrors } from './errors.ts';
import { type CycleRow, type FormRow, type ReadinessDb, readinessRepo } from './repo.ts';

export type Reporter = SessionUser & { agencyId: number };

export const READINESS_ROLES = [Role.readinessReporter, Role.readinessReviewer, Role.readinessCouncil] as const;

export const isReviewer = (u: SessionUser): boolean => u.roles.includes(Role.readinessReviewer);
export const isCouncil = (u: SessionUser): boolean => u.roles.includes(Role.readinessCouncil);
/** The city's office and the council see every unit's form. */
export const seesAll = (u: SessionUser): boolean => isReviewer(u) || isCouncil(u);

export function requireReporter(actor: Actor): Reporter {
  const user = requireStaff(actor, Role.readinessReporter);
  if (user.agencyId === null) throw ReadinessErrors.NOT_ALLOWED();
  return user as Reporter;
}

export const requireReviewer = (actor: Actor): SessionUser => requireStaff(actor, Role.readinessReviewer);
export const requireCouncil = (actor: Actor): SessionUser => requireStaff(actor, Role.readinessCouncil);
export const requireReadinessStaff = (actor: Actor): SessionUser => requireStaff(actor, ...READINESS_ROLES);

/** May the user see this form? Its own unit's officer, the office and the council. */
export function maySeeForm(u: SessionUser, form: FormRow): boolean {
  if (seesAll(u)) return true;
  return u.roles.includes(Role.readinessReporter) && u.agencyId === form.agency_id;
}

/** The form (locked when asked) and its cycle if the user may see it; otherwise FORM_NOT_FOUND. */
export async function formForUser(db: ReadinessDb, actor: Actor, id: number, lock = false): Promise<{ user: SessionUser; form: FormRow; cycle: CycleRow }> {
  const user = requireReadinessStaff(actor);
  const form = Number.isSafeInteger(id) && id > 0 ? await readinessRepo.findForm(db, id, lock) : undefined;
  if (!form || !maySeeForm(user, form)) throw ReadinessErrors.FORM_NOT_FOUND();
  const cycle = (await readinessRepo.findCycle(db, form.cycle_id))!;
  return { user, form, cycle };
}

/** The cycle, or CYCLE_NOT_FOUND. */
export async function cycleOf(db: ReadinessDb, id: number, lock = false): Promise<CycleRow> {
  const cycle = Number.isSafeInteger(id) && id > 0 ? await readinessRepo.findCycle(db, id, lock) : undefined;
  if (!cycle) throw ReadinessErrors.CYCLE_NOT_FOUND();
  return cycle;
}

/** Every change is refused once the cycle's results are published. */
export function notPublished(cycle: CycleRow): void {
  if (cycle.state === 'published') throw ReadinessErrors.PUBLISHED();
}
