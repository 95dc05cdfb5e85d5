// Who does what with the schools' IT reports (issue 14). Access is checked at the top of every service function:
// - a school's IT officer (school_it) sees and edits only the reports of the schools schoolit_staff attaches them to;
//   another school is "not found", the same answer as a school that does not exist;
// - the education office (education_office) sees every school's report, checks (accepts) or returns it.
import { type Actor, requireStaff } from '../../platform/auth/access.ts';
import { Role, type SessionUser } from '../../platform/auth/roles.ts';
import type { Platform } from '../../platform/http/context.ts';
import { listSchools, type School } from '../admissions/index.ts';
import { SchoolItErrors } from './errors.ts';
import { schoolItDb, schoolItRepo } from './repo.ts';

export const requireOfficer = (actor: Actor): SessionUser => requireStaff(actor, Role.schoolIt);
export const requireOffice = (actor: Actor): SessionUser => requireStaff(actor, Role.educationOffice);

/** The schools the officer reports for, by name. */
export async function officerSchools(platform: Platform, actor: Actor): Promise<School[]> {
  const user = requireOfficer(actor);
  const ids = await schoolItRepo.staffSchoolIds(schoolItDb(platform.database.db), user.id);
  return listSchools(platform, { ids });
}

/** The school by code when the officer reports for it; SCHOOL_NOT_FOUND otherwise. */
export async function ownSchool(platform: Platform, actor: Actor, schoolCode: unknown): Promise<{ user: SessionUser; school: School }> {
  const user = requireOfficer(actor);
  if (typeof schoolCode !== 'string' || !/^[A-Z0-9]{4,20}$/.test(schoolCode)) throw SchoolItErrors.SCHOOL_NOT_FOUND();
  const ids = await schoolItRepo.staffSchoolIds(schoolItDb(platform.database.db), user.id);
  const [school] = await listSchools(platform, { code: schoolCode, ids });
  if (!school) throw SchoolItErrors.SCHOOL_NOT_FOUND();
  return { user, school };
}

/**
 * The school year a date falls in: a Vietnamese school year opens on 5 September and reports are made from
 * August on, so August 2026 to July 2027 is "2026-2027" (Vietnam time).
 */
export function schoolYearOf(now: Date = new Date()): string {
  const local = new Date(now.getTime() + 7 * 3_600_000);
  const y = local.getUTCFullYear();
  const start = local.getUTCMonth() >= 7 ? y : y - 1;
  return `${start}-${start + 1}`;
}

/** '2026-2027' as typed, or the start year as a number; undefined when it is neither. */
export function parseSchoolYear(v: unknown): string | undefined {
  if (typeof v === 'number' && Number.isInteger(v) && v >= 2000 && v <= 2100) return `${v}-${v + 1}`;
  if (typeof v !== 'string' || !/^\d{4}-\d{4}$/.test(v)) return undefined;
  const [a, b] = v.split('-').map(Number) as [number, number];
  return a >= 2000 && a <= 2100 && b === a + 1 ? v : undefined;
}
