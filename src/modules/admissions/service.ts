// The parents' side of online admission (DOMAIN §8, issue 11): find the child by enrolment code and personal ID,
// list the schools they may choose, apply, change school, withdraw, and see the result. No HTTP here.
//
// Decisions: a second submission with a new key for a child who already has an active application is refused
// (ALREADY_APPLIED) rather than taken as a change; changing school is its own action, so a double submit from two
// tabs can never silently move a child. A withdrawn child may apply again while the round is open.
import type { Platform } from '../../platform/http/context.ts';
import type { FieldError } from '../../platform/http/errors.ts';
import { ttlCache } from './cache.ts';
import { AdmissionErrors } from './errors.ts';
import { exactTime } from './format.ts';
import { fieldText, roundTimes } from './messages.ts';
import { confirmationEmail } from './notify.ts';
import { applicationWriter } from './commit.ts';
import { admissionRepo, type ApplicationRow, type Child, type Round, type School, type SchoolWithPlaces } from './repo.ts';
import { rushRepo } from './repo-rush.ts';
import {
  CODE_PATTERN,
  IDEMPOTENCY_KEY_PATTERN,
  LEVEL_PREFIX,
  PERSONAL_ID_PATTERN,
  PRIORITY,
  eligibility,
  normaliseCode,
  normalisePersonalId,
  windowState,
  type WindowState,
} from './rules.ts';
import { admissionDb, type AdmissionDb } from './tables.ts';

export { NOTIFY_JOB } from './commit.ts';

export interface Ctx {
  /** The clock of the rules (tests); the app server's clock by default. */
  now?: Date;
  ip?: string | null;
}

export interface Credentials {
  code: string;
  personalId: string;
}

export interface EligibleSchool extends SchoolWithPlaces {
  inCatchment: boolean;
  /** Places minus active applications, a few seconds old at most; in-catchment schools are offered even when 0. */
  placesLeft: number;
}

export interface Identified {
  round: Round;
  child: Child;
  /** The school that issued the code. */
  issuedBy: School;
  window: WindowState;
}

export interface Application {
  applicationNo: string;
  status: ApplicationRow['status'];
  round: Round;
  child: Child;
  school: School;
  inCatchment: boolean;
  priorityGroup: number;
  email: string | null;
  createdAt: Date;
  updatedAt: Date;
  resultNote: string | null;
  appointmentAt: Date | null;
  appointmentPlace: string | null;
}

/** Parents apply without an account: the audit rows name them so. */
export const PARENT = { id: null, label: 'parent' } as const;
export const db = (p: Platform): AdmissionDb => admissionDb(p.database.db);

function checkCredentials(c: Credentials): Credentials {
  const code = normaliseCode(c.code);
  const personalId = normalisePersonalId(c.personalId);
  const fields: FieldError[] = [];
  if (!CODE_PATTERN.test(code)) fields.push({ field: 'code', message: code === '' ? fieldText.codeMissing : fieldText.codeFormat });
  if (!PERSONAL_ID_PATTERN.test(personalId)) fields.push({ field: 'personal_id', message: personalId === '' ? fieldText.idMissing : fieldText.idFormat });
  if (fields.length > 0) throw AdmissionErrors.INVALID_INPUT({ fields });
  return { code, personalId };
}

/** The child and round an enrolment code names; refused when the code is unknown or issued to another child. */
export async function identify(platform: Platform, credentials: Credentials, ctx: Ctx = {}): Promise<Identified> {
  const { earlier: _, ...who } = await identifyWithKey(platform, credentials, ctx);
  return who;
}

/** identify() and, in the same query, the application an idempotency key already holds (issue 11: cheap reads). */
async function identifyWithKey(platform: Platform, credentials: Credentials, ctx: Ctx, key?: string): Promise<Identified & { earlier: ApplicationRow | undefined }> {
  const c = checkCredentials(credentials);
  const row = await rushRepo.findCode(platform.database, c.code, key);
  if (!row) throw AdmissionErrors.CODE_NOT_FOUND({ fields: [{ field: 'code', message: AdmissionErrors.CODE_NOT_FOUND().text }] });
  // The code and the ID number must name the same child: one alone never opens a child's application.
  if (row.child.personalId !== c.personalId) throw AdmissionErrors.CHILD_MISMATCH({ fields: [{ field: 'personal_id', message: AdmissionErrors.CHILD_MISMATCH().text }] });
  const issuedBy = await schoolById(platform, row.schoolId);
  if (!issuedBy) throw AdmissionErrors.CODE_NOT_FOUND();
  return { round: row.round, child: row.child, issuedBy, window: windowState(row.round, ctx.now ?? new Date()), earlier: row.earlier };
}

export function requireOpen(round: Round, now: Date): void {
  const state = windowState(round, now);
  const details = { opens_at: round.opensAt.toISOString(), closes_at: round.closesAt.toISOString() };
  if (state === 'upcoming') throw AdmissionErrors.ROUND_NOT_OPEN({ details, ...roundTimes.notOpen(exactTime(round.opensAt)) });
  if (state === 'closed') throw AdmissionErrors.ROUND_CLOSED({ details, ...roundTimes.closed(exactTime(round.closesAt)) });
}

export function requireEligible(round: Round, child: Child): void {
  const e = eligibility(round.level, round.startYear, child);
  if (!e.ok) throw e.reason === 'age' ? AdmissionErrors.NOT_ELIGIBLE_AGE() : AdmissionErrors.NOT_ELIGIBLE_GRADE5();
}

// Places left are read during the rush by every parent; a count a few seconds old is enough (the allocation after
// the window decides, issue 11 "Rules"). The schools serving a unit change only when the office edits them.
const counts = ttlCache<Map<number, number>>(5_000);
const schoolLists = ttlCache<(SchoolWithPlaces & { inCatchment: boolean })[]>(30_000);
const schoolsById = ttlCache<Map<number, School>>(30_000);

/** A school by id from the cached list; a school added since is read from the database. */
async function schoolById(platform: Platform, id: number): Promise<School | undefined> {
  const cached = (await schoolsById.get(platform.database, 'all', () => rushRepo.allSchools(db(platform)))).get(id);
  return cached ?? admissionRepo.findSchool(db(platform), id);
}

/** Drops the cached school lists and counts (after places or catchments are edited). */
export function clearAdmissionCaches(platform: Platform): void {
  counts.clear(platform.database);
  schoolLists.clear(platform.database);
  schoolsById.clear(platform.database);
}

const collator = new Intl.Collator('vi');

/**
 * The schools a child may choose (issue 11): the schools whose catchment holds the child's residence, which must take
 * them (DOMAIN §8: in-catchment children are guaranteed a place), then the other schools of the level with places left.
 */
export async function eligibleSchools(platform: Platform, round: Round, child: Child): Promise<EligibleSchool[]> {
  const [schools, applied] = await schoolsAndCounts(platform, round, child);
  return schools.map((s) => ({ ...s, placesLeft: Math.max(0, s.places - (applied.get(s.id) ?? 0)) })).filter((s) => s.inCatchment || s.placesLeft > 0);
}

/** The cached list, already in the order parents see (in-catchment first, then by name), and the cached counts. */
function schoolsAndCounts(platform: Platform, round: Round, child: Child) {
  return Promise.all([
    schoolLists.get(platform.database, `${round.id}|${child.residenceUnit}|${child.residenceArea}`, async () =>
      (await admissionRepo.schoolsForRound(db(platform), round, child)).sort((a, b) => Number(b.inCatchment) - Number(a.inCatchment) || collator.compare(a.name, b.name)),
    ),
    counts.get(platform.database, String(round.id), () => admissionRepo.activeCounts(db(platform), round.id)),
  ]);
}

/** Step one of the parents' form: who the child is, and the schools to choose from, while the round is open. */
export async function lookUp(platform: Platform, credentials: Credentials, ctx: Ctx = {}): Promise<Identified & { schools: EligibleSchool[]; current: Application | undefined }> {
  const who = await identify(platform, credentials, ctx);
  requireOpen(who.round, ctx.now ?? new Date());
  requireEligible(who.round, who.child);
  const current = await admissionRepo.findCurrent(db(platform), who.round.id, who.child.id);
  return { ...who, schools: await eligibleSchools(platform, who.round, who.child), current: current ? await toApplication(platform, current, who) : undefined };
}

export async function chosenSchool(platform: Platform, who: Identified, schoolCode: string): Promise<EligibleSchool> {
  // The rush path: one school looked up in the cached list, not the whole list rebuilt per request.
  const [schools, applied] = await schoolsAndCounts(platform, who.round, who.child);
  const code = schoolCode.trim().toUpperCase();
  const s = schools.find((x) => x.code === code);
  const school = s ? { ...s, placesLeft: Math.max(0, s.places - (applied.get(s.id) ?? 0)) } : undefined;
  if (!school || !(school.inCatchment || school.placesLeft > 0)) throw AdmissionErrors.SCHOOL_NOT_ALLOWED({ fields: [{ field: 'school', message: AdmissionErrors.SCHOOL_NOT_ALLOWED().text }] });
  return school;
}

export async function toApplication(platform: Platform, a: ApplicationRow, who: Pick<Identified, 'round' | 'child'>): Promise<Application> {
  const school = await schoolById(platform, a.schoolId);
  if (!school) throw AdmissionErrors.NO_APPLICATION();
  return applicationOf(a, who, school);
}

/** Without a query: usable inside a transaction (PGlite has one connection, a query beside it would wait forever). */
function applicationOf(a: ApplicationRow, who: Pick<Identified, 'round' | 'child'>, s: School): Application {
  const school: School = { id: s.id, code: s.code, name: s.name, ownership: s.ownership, level: s.level, wardCode: s.wardCode, address: s.address };
  return {
    applicationNo: a.applicationNo,
    status: a.status,
    round: who.round,
    child: who.child,
    school,
    inCatchment: a.inCatchment,
    priorityGroup: a.priorityGroup,
    email: a.email,
    createdAt: a.createdAt,
    updatedAt: a.updatedAt,
    resultNote: a.resultNote,
    appointmentAt: a.appointmentAt,
    appointmentPlace: a.appointmentPlace,
  };
}

export interface ApplyInput extends Credentials {
  schoolCode: string;
  idempotencyKey: string;
  /** Where the confirmation goes (optional). */
  email?: string | undefined;
}

const EMAIL = /^[^\s@]{1,64}@[^\s@]{1,190}\.[^\s@]{2,63}$/;
const UNIQUE_VIOLATION = '23505';

function isOneActiveViolation(err: unknown): boolean {
  const e = err as { code?: string; constraint?: string; message?: string };
  return e.code === UNIQUE_VIOLATION && (e.constraint === 'admission_applications_one_active' || String(e.message).includes('admission_applications_one_active'));
}

/**
 * Submits an application (issue 11 "The rush"): group commit writes it with its audit row and, when an e-mail
 * address is given, the confirmation mail, in one short transaction shared with the other submissions of the same
 * moment; this resolves only after that transaction has committed. The same idempotency key always returns the
 * first application (`replayed`), even after the close.
 */
export async function apply(platform: Platform, input: ApplyInput, ctx: Ctx = {}): Promise<{ application: Application; replayed: boolean }> {
  const now = ctx.now ?? new Date();
  const email = (input.email ?? '').trim();
  const fields: FieldError[] = [];
  if (!IDEMPOTENCY_KEY_PATTERN.test(input.idempotencyKey)) fields.push({ field: 'idempotency_key', message: fieldText.keyFormat });
  if (email !== '' && !EMAIL.test(email)) fields.push({ field: 'email', message: fieldText.emailFormat });
  if (input.schoolCode.trim() === '') fields.push({ field: 'school', message: fieldText.schoolMissing });
  if (fields.length > 0) throw AdmissionErrors.INVALID_INPUT({ fields });
  const { earlier, ...who } = await identifyWithKey(platform, input, ctx, input.idempotencyKey);

  // A retry (double click, lost answer, restarted server) finds what the first attempt committed.
  const replay = async (row: ApplicationRow | undefined): Promise<{ application: Application; replayed: boolean } | undefined> => {
    if (!row) return undefined;
    if (row.childId !== who.child.id) throw AdmissionErrors.KEY_REUSED();
    return { application: await toApplication(platform, row, who), replayed: true };
  };
  const first = await replay(earlier);
  if (first) return first;

  requireOpen(who.round, now);
  requireEligible(who.round, who.child);
  const school = await chosenSchool(platform, who, input.schoolCode);
  try {
    const row = await applicationWriter(platform).submit({
      roundId: who.round.id,
      childId: who.child.id,
      schoolId: school.id,
      wardCode: school.wardCode,
      inCatchment: school.inCatchment,
      priorityGroup: school.inCatchment ? PRIORITY.inCatchment : PRIORITY.outOfCatchment,
      idempotencyKey: input.idempotencyKey,
      email: email || null,
      prefix: `${LEVEL_PREFIX[who.round.level]}-${String(who.round.startYear % 100).padStart(2, '0')}`,
      now,
      ip: ctx.ip ?? null,
      auditData: { round: who.round.id, school: school.code, in_catchment: school.inCatchment },
      mailFor: (a) => confirmationEmail(platform, applicationOf(a, who, school)),
    });
    if (row) return { application: applicationOf(row, who, school), replayed: false };
    // The key was taken meanwhile (a concurrent twin): its row answers, or KEY_REUSED for another child.
    const twin = await replay(await admissionRepo.findByKey(db(platform), input.idempotencyKey));
    if (twin) return twin;
    throw AdmissionErrors.KEY_REUSED();
  } catch (err) {
    // Issue 11: the database holds one active application per child per round; a second one is refused, not merged.
    if (isOneActiveViolation(err)) throw AdmissionErrors.ALREADY_APPLIED();
    throw err;
  }
}
