// The school's side of admission (issue 11 "Schools see and confirm their applicants"; DOMAIN §8): a school's
// admissions officer (role school_admissions) works only for the schools admission_school_staff attaches them to, and
// sees only those schools' applicants, with only what confirming them needs (no parent e-mail, no idempotency key).
// Access checks sit at the top of every function: the officer's role, then the school among theirs (404 otherwise,
// so another school's existence is not confirmed by a 403).
import type { Kysely } from 'kysely';
import type { PlatformTables } from '../../platform/db/index.ts';
import type { Platform } from '../../platform/http/context.ts';
import { requireStaff, type Actor } from '../../platform/auth/access.ts';
import { Role, type SessionUser } from '../../platform/auth/roles.ts';
import { recordAudit } from '../../platform/audit/index.ts';
import { defineErrors } from '../../platform/http/errors.ts';
import { admissionRepo, type Round, type School } from './repo.ts';
import { admissionDb, type AdmissionDb, type ApplicationStatus, type Level } from './tables.ts';

export const SchoolErrors = defineErrors({
  SCHOOL_NOT_FOUND: { status: 404, vi: 'Không tìm thấy trường trong danh sách trường bạn phụ trách.', en: 'The school is not among the schools you work for.' },
  ROUND_NOT_FOUND: { status: 404, vi: 'Không tìm thấy đợt tuyển sinh của trường.', en: 'The school has no such admission round.' },
  APPLICATION_NOT_FOUND: { status: 404, vi: 'Không tìm thấy hồ sơ của trường với số này.', en: 'The school has no application with this number.' },
  NOT_CONFIRMABLE: {
    status: 409,
    vi: 'Chỉ xác nhận nhập học được hồ sơ đã trúng tuyển (sau khi công bố kết quả).',
    en: 'Only an admitted application (after the results are published) can be confirmed.',
  },
  CONFIRM_MISSING: { status: 400, vi: 'Vui lòng đánh dấu ô xác nhận.', en: 'Please tick the confirmation box.' },
});

type StaffTable = {
  admission_school_staff: { account_id: number; school_id: number };
  accounts: { id: number; username: string };
};
const staffDb = (db: Kysely<PlatformTables>) => db.withTables<StaffTable>();

export interface Applicant {
  applicationNo: string;
  childName: string;
  birthDate: string;
  inCatchment: boolean;
  priorityGroup: number;
  status: ApplicationStatus;
  submittedAt: Date;
  updatedAt: Date;
}

export interface ApplicantFilter {
  status?: ApplicationStatus | undefined;
  inCatchment?: boolean | undefined;
}

export interface ApplicantList {
  school: School;
  rounds: Round[];
  round: Round;
  places: number;
  /** Applications that hold or seek a place (every status but withdrawn), whatever the filter. */
  counted: number;
  applicants: Applicant[];
}

/** The schools the officer works for, by name. */
export async function officerSchools(platform: Platform, actor: Actor): Promise<School[]> {
  const user = requireStaff(actor, Role.schoolAdmissions);
  const ids = await staffDb(platform.database.db).selectFrom('admission_school_staff').select('school_id').where('account_id', '=', user.id).execute();
  const db = admissionDb(platform.database.db);
  const out: School[] = [];
  for (const r of ids) {
    const s = await db.selectFrom('admission_schools').select(['id', 'code', 'name', 'ownership', 'level', 'ward_code as wardCode', 'address']).where('id', '=', r.school_id).executeTakeFirst();
    if (s) out.push(s);
  }
  return out.sort((a, b) => a.name.localeCompare(b.name, 'vi'));
}

/** The school by code when the officer works for it; SCHOOL_NOT_FOUND otherwise (also for a school that does not exist). */
export async function ownSchool(platform: Platform, actor: Actor, schoolCode: string): Promise<{ user: SessionUser; school: School }> {
  const user = requireStaff(actor, Role.schoolAdmissions);
  const school = await admissionRepo.findSchoolByCode(admissionDb(platform.database.db), schoolCode);
  if (!school) throw SchoolErrors.SCHOOL_NOT_FOUND();
  const link = await staffDb(platform.database.db)
    .selectFrom('admission_school_staff')
    .select('school_id')
    .where('account_id', '=', user.id)
    .where('school_id', '=', school.id)
    .executeTakeFirst();
  if (!link) throw SchoolErrors.SCHOOL_NOT_FOUND();
  return { user, school };
}

/** The rounds of the school's level that give it places, latest first; `roundId` picks one, else the latest. */
export async function roundsOf(db: AdmissionDb, school: School, roundId?: number): Promise<{ rounds: Round[]; round: Round; places: number }> {
  const all = (await admissionRepo.listRounds(db)).filter((r) => r.level === school.level).reverse();
  const places = await db.selectFrom('admission_round_places').select(['round_id', 'places']).where('school_id', '=', school.id).execute();
  const rounds = all.filter((r) => places.some((p) => p.round_id === r.id));
  const round = roundId === undefined ? rounds[0] : rounds.find((r) => r.id === roundId);
  if (!round) throw SchoolErrors.ROUND_NOT_FOUND();
  return { rounds, round, places: places.find((p) => p.round_id === round.id)?.places ?? 0 };
}

export async function schoolApplicants(
  platform: Platform,
  actor: Actor,
  input: { schoolCode: string; roundId?: number | undefined; filter?: ApplicantFilter },
): Promise<ApplicantList> {
  const { school } = await ownSchool(platform, actor, input.schoolCode);
  const db = admissionDb(platform.database.db);
  const { rounds, round, places } = await roundsOf(db, school, input.roundId);
  const counted = await db
    .selectFrom('admission_applications')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('round_id', '=', round.id)
    .where('school_id', '=', school.id)
    .where('status', '<>', 'withdrawn')
    .executeTakeFirstOrThrow();
  let q = db
    .selectFrom('admission_applications as a')
    .innerJoin('admission_children as c', 'c.id', 'a.child_id')
    .select([
      'a.application_no as applicationNo',
      'c.full_name as childName',
      'c.birth_date as birthDate',
      'a.in_catchment as inCatchment',
      'a.priority_group as priorityGroup',
      'a.status',
      'a.created_at as submittedAt',
      'a.updated_at as updatedAt',
    ])
    .where('a.round_id', '=', round.id)
    .where('a.school_id', '=', school.id);
  const f = input.filter ?? {};
  if (f.status) q = q.where('a.status', '=', f.status);
  if (f.inCatchment !== undefined) q = q.where('a.in_catchment', '=', f.inCatchment);
  const rows = await q.orderBy('a.created_at').orderBy('a.id').execute();
  return { school, rounds, round, places, counted: Number(counted.n), applicants: rows };
}

/**
 * The in-person confirmation (DOMAIN §8: after the results, "then in-person confirmation"): the parent brings the
 * papers to the school, and the officer records that the admitted child takes the place: admitted → confirmed. An
 * application still in the window (active) cannot be confirmed — the parent may still change school or withdraw.
 */
export async function confirmEnrolment(
  platform: Platform,
  actor: Actor,
  input: { schoolCode: string; applicationNo: string; confirmed: boolean; ip?: string | null },
): Promise<Applicant> {
  const { user, school } = await ownSchool(platform, actor, input.schoolCode);
  if (!input.confirmed) throw SchoolErrors.CONFIRM_MISSING({ fields: [{ field: 'confirm', message: { vi: 'Vui lòng đánh dấu ô xác nhận.', en: 'Please tick the confirmation box.' } }] });
  return platform.database.db.transaction().execute(async (ptrx) => {
    const trx = admissionDb(ptrx);
    const app = await trx
      .selectFrom('admission_applications')
      .select(['id', 'status'])
      .where('application_no', '=', input.applicationNo)
      .where('school_id', '=', school.id)
      .forUpdate()
      .executeTakeFirst();
    if (!app) throw SchoolErrors.APPLICATION_NOT_FOUND();
    if (app.status !== 'admitted') throw SchoolErrors.NOT_CONFIRMABLE({ details: { status: app.status } });
    await trx.updateTable('admission_applications').set({ status: 'confirmed', updated_at: new Date() }).where('id', '=', app.id).execute();
    await recordAudit(ptrx, {
      actor: user,
      action: 'admissions.confirm_enrolment',
      entity: 'admission_application',
      entityId: app.id,
      ip: input.ip ?? null,
      data: { application_no: input.applicationNo, school: school.code, before: app.status, after: 'confirmed' },
    });
    const row = await trx
      .selectFrom('admission_applications as a')
      .innerJoin('admission_children as c', 'c.id', 'a.child_id')
      .select(['a.application_no as applicationNo', 'c.full_name as childName', 'c.birth_date as birthDate', 'a.in_catchment as inCatchment', 'a.priority_group as priorityGroup', 'a.status', 'a.created_at as submittedAt', 'a.updated_at as updatedAt'])
      .where('a.id', '=', app.id)
      .executeTakeFirstOrThrow();
    return row;
  });
}

/** Attaches an officer to a school (demo seed and tests; the office's staff pages later). Idempotent. */
export async function attachOfficer(db: Kysely<PlatformTables>, accountId: number, schoolId: number): Promise<void> {
  await staffDb(db).insertInto('admission_school_staff').values({ account_id: accountId, school_id: schoolId }).onConflict((oc) => oc.doNothing()).execute();
}

/** The demo's school officer (accounts' DEMO_ACCOUNTS) works for the school of the demo children of Hoàn Kiếm. */
export const DEMO_OFFICER = { username: 'demo.truong', schoolCode: 'TH00070A' } as const;

export async function attachDemoOfficer(platform: Platform): Promise<void> {
  const db = platform.database.db;
  const acc = await staffDb(db).selectFrom('accounts').select('id').where('username', '=', DEMO_OFFICER.username).executeTakeFirst();
  const school = await admissionRepo.findSchoolByCode(admissionDb(db), DEMO_OFFICER.schoolCode);
  if (acc && school) await attachOfficer(db, acc.id, school.id);
}

/**
 * The schools, by level and unit where asked, for modules that report per school (schools' IT equipment, issue 14).
 * No access check: a school's name, level, unit and address are public (the parents' pages list them).
 */
export async function listSchools(platform: Platform, filter: { level?: Level; wardCode?: string; code?: string; ids?: readonly number[] } = {}): Promise<School[]> {
  let q = admissionDb(platform.database.db).selectFrom('admission_schools').select(['id', 'code', 'name', 'ownership', 'level', 'ward_code as wardCode', 'address']);
  if (filter.level) q = q.where('level', '=', filter.level);
  if (filter.wardCode) q = q.where('ward_code', '=', filter.wardCode);
  if (filter.code) q = q.where('code', '=', filter.code);
  if (filter.ids) {
    if (filter.ids.length === 0) return [];
    q = q.where('id', 'in', [...filter.ids]);
  }
  return (await q.execute()).sort((a, b) => a.name.localeCompare(b.name, 'vi'));
}
