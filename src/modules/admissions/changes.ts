// Within the window a parent may change school or withdraw; at any time they may see the application, after the
// window with its result and the in-person appointment (issue 11 "Parents"). Each change is one transaction with its
// audit row.
import type { Platform } from '../../platform/http/context.ts';
import { recordAudit } from '../../platform/audit/index.ts';
import { AdmissionErrors } from './errors.ts';
import { admissionRepo, type ApplicationRow, type Round } from './repo.ts';
import { PRIORITY, windowState, type WindowState } from './rules.ts';
import { PARENT, chosenSchool, db, identify, requireEligible, requireOpen, toApplication, type Application, type Credentials, type Ctx, type Identified } from './service.ts';
import { admissionDb } from './tables.ts';

async function current(platform: Platform, who: Identified): Promise<ApplicationRow> {
  const a = await admissionRepo.findCurrent(db(platform), who.round.id, who.child.id);
  if (!a) throw AdmissionErrors.NO_APPLICATION();
  return a;
}

/** Moves the child's application to another allowed school, within the window. */
export async function changeSchool(platform: Platform, input: Credentials & { schoolCode: string }, ctx: Ctx = {}): Promise<Application> {
  const now = ctx.now ?? new Date();
  const who = await identify(platform, input, ctx);
  requireOpen(who.round, now);
  requireEligible(who.round, who.child);
  const a = await current(platform, who);
  const school = await chosenSchool(platform, who, input.schoolCode);
  if (school.id === a.schoolId) throw AdmissionErrors.SAME_SCHOOL({ fields: [{ field: 'school', message: AdmissionErrors.SAME_SCHOOL().text }] });
  await platform.database.db.transaction().execute(async (trx) => {
    const group = school.inCatchment ? PRIORITY.inCatchment : PRIORITY.outOfCatchment;
    if (!(await admissionRepo.changeSchool(admissionDb(trx), a.id, { schoolId: school.id, wardCode: school.wardCode, inCatchment: school.inCatchment, priorityGroup: group, now }))) throw AdmissionErrors.NO_APPLICATION();
    await recordAudit(trx, { actor: PARENT, action: 'admissions.change_school', entity: 'admission_application', entityId: a.applicationNo, ip: ctx.ip ?? null, data: { from: a.schoolId, to: school.code } });
  });
  return viewOrThrow(platform, who);
}

/** Withdraws the child's application, within the window; the child may apply again while it is open. */
export async function withdraw(platform: Platform, input: Credentials, ctx: Ctx = {}): Promise<Application> {
  const now = ctx.now ?? new Date();
  const who = await identify(platform, input, ctx);
  requireOpen(who.round, now);
  const a = await current(platform, who);
  await platform.database.db.transaction().execute(async (trx) => {
    if (!(await admissionRepo.withdraw(admissionDb(trx), a.id, now))) throw AdmissionErrors.NO_APPLICATION();
    await recordAudit(trx, { actor: PARENT, action: 'admissions.withdraw', entity: 'admission_application', entityId: a.applicationNo, ip: ctx.ip ?? null, data: { round: who.round.id } });
  });
  const row = await admissionRepo.findApplication(db(platform), a.id);
  if (!row) throw AdmissionErrors.NO_APPLICATION();
  return toApplication(platform, row, who);
}

async function viewOrThrow(platform: Platform, who: Identified): Promise<Application> {
  return toApplication(platform, await current(platform, who), who);
}

/**
 * The child's application as the parent sees it, at any time: within the window to change or withdraw, after it
 * read-only with the result and the in-person appointment once the school records them. The latest one when none is
 * active (a withdrawn application stays visible).
 */
export async function viewApplication(platform: Platform, input: Credentials, ctx: Ctx = {}): Promise<Identified & { application: Application | undefined }> {
  const who = await identify(platform, input, ctx);
  const a = await admissionRepo.findLatest(db(platform), who.round.id, who.child.id);
  return { ...who, application: a ? await toApplication(platform, a, who) : undefined };
}

/** Rounds for the public page: open now first, then upcoming, then those closed (most recent first). */
export async function listRounds(platform: Platform, ctx: Ctx = {}): Promise<(Round & { window: WindowState })[]> {
  const now = ctx.now ?? new Date();
  const order: Record<WindowState, number> = { open: 0, upcoming: 1, closed: 2 };
  return (await admissionRepo.listRounds(db(platform)))
    .map((r) => ({ ...r, window: windowState(r, now) }))
    .sort((a, b) => order[a.window] - order[b.window] || (a.window === 'closed' ? b.closesAt.getTime() - a.closesAt.getTime() : a.opensAt.getTime() - b.opensAt.getTime()));
}
