// The rush path's reads and writes (issue 11 "The rush"), beside repo.ts: one query finds the code, its child and
// round and what an idempotency key already holds; one multi-row insert writes a whole group-commit batch.
import { sql } from 'kysely';
import type { ApplicationRow, Child, Round, School } from './repo.ts';
import { createBatcher, preparedQuery, type Batcher, type Database } from '../../platform/db/index.ts';
import { admissionDb, type AdmissionDb } from './tables.ts';

export interface CodeFound {
  /** The school that issued the code. */
  schoolId: number;
  child: Child;
  round: Round;
  /** The application the idempotency key already names (any child), when a key was given. */
  earlier: ApplicationRow | undefined;
}

export interface NewApplicationRow {
  roundId: number;
  childId: number;
  schoolId: number;
  wardCode: string;
  inCatchment: boolean;
  priorityGroup: number;
  idempotencyKey: string;
  email: string | null;
  /** Application numbers read `<prefix>-0000001`. */
  prefix: string;
  now: Date;
}

const appColumns = [
  'id',
  'application_no as applicationNo',
  'round_id as roundId',
  'child_id as childId',
  'school_id as schoolId',
  'status',
  'in_catchment as inCatchment',
  'priority_group as priorityGroup',
  'idempotency_key as idempotencyKey',
  'email',
  'result_note as resultNote',
  'appointment_at as appointmentAt',
  'appointment_place as appointmentPlace',
  'created_at as createdAt',
  'updated_at as updatedAt',
] as const;

type FoundRow = { i: number; schoolId: number; cId: number; rId: number; aId: number | null } & Omit<Child, 'id'> & Omit<Round, 'id'>;

/**
 * The rush's look-up for many requests at once: code i of $1 with idempotency key i of $2 ('' for none), each
 * answer tagged with its position. Built once, prepared once per connection (platform/db/prepared.ts).
 */
const findCodesQuery = preparedQuery<[codes: string[], keys: string[]], FoundRow>(
  'admissions_find_codes',
  (db) => sql<FoundRow>`
    select k.i, e.school_id as "schoolId", c.id as "cId", c.personal_id as "personalId", c.full_name as "fullName",
      c.birth_date as "birthDate", c.residence_unit as "residenceUnit", c.residence_area as "residenceArea",
      c.finished_grade5 as "finishedGrade5", r.id as "rId", r.school_year as "schoolYear", y.start_year as "startYear",
      r.level, r.name, r.name_en as "nameEn", r.opens_at as "opensAt", r.closes_at as "closesAt", a.id as "aId"
    from unnest(${[]}::text[], ${[]}::text[]) with ordinality as k(code, key, i)
    join admission_enrolment_codes e on e.code = k.code
    join admission_children c on c.id = e.child_id
    join admission_rounds r on r.id = e.round_id
    join admission_school_years y on y.code = r.school_year
    left join admission_applications a on a.idempotency_key = k.key`.compile(db),
);

interface CodeAsked {
  code: string;
  key: string;
}

const codeLoaders = new WeakMap<Database, Batcher<CodeAsked, FoundRow | undefined>>();

/**
 * Look-ups gathered into one statement: the opening minute's thousands of requests a second cost the database a
 * few dozen statements, not one round trip each (issue 11, "The rush"; docs/rush.md).
 */
function codeLoader(database: Database): Batcher<CodeAsked, FoundRow | undefined> {
  let l = codeLoaders.get(database);
  if (l) return l;
  l = createBatcher<CodeAsked, FoundRow | undefined>({
    maxBatch: 200,
    maxWaitMs: 0,
    // PGlite has one connection; on PostgreSQL a few statements overlap, leaving the pool room for the writes.
    concurrency: database.kind === 'postgres' ? 3 : 1,
    run: async (asked) => {
      const rows = await findCodesQuery.run(database, asked.map((a) => a.code), asked.map((a) => a.key));
      const byPosition = new Map(rows.map((r) => [Number(r.i), r]));
      return asked.map((_, n) => ({ ok: true, value: byPosition.get(n + 1) }));
    },
  });
  codeLoaders.set(database, l);
  return l;
}

export const rushRepo = {
  /**
   * Code, child, round and (with `key`) the application that key holds, in one statement with the other requests
   * of the moment (codeLoader).
   */
  async findCode(database: Database, code: string, key?: string): Promise<CodeFound | undefined> {
    const r = await codeLoader(database).submit({ code, key: key ?? '' });
    if (!r) return undefined;
    const child: Child = {
      id: r.cId,
      personalId: r.personalId,
      fullName: r.fullName,
      birthDate: r.birthDate,
      residenceUnit: r.residenceUnit,
      residenceArea: r.residenceArea,
      finishedGrade5: r.finishedGrade5,
    };
    const round: Round = { id: r.rId, schoolYear: r.schoolYear, startYear: r.startYear, level: r.level, name: r.name, nameEn: r.nameEn, opensAt: r.opensAt, closesAt: r.closesAt };
    // A key that names an application is a retry, rare beside first submissions: its row is read then.
    const earlier = r.aId == null ? undefined : await admissionDb(database.db).selectFrom('admission_applications').select(appColumns).where('id', '=', r.aId).executeTakeFirst();
    return { schoolId: r.schoolId, child, round, earlier };
  },

  /** Every school, by id (a few thousand rows at most; cached by the service). */
  async allSchools(db: AdmissionDb): Promise<Map<number, School>> {
    const rows = await db.selectFrom('admission_schools as s').select(['s.id', 's.code', 's.name', 's.ownership', 's.level', 's.ward_code as wardCode', 's.address']).execute();
    return new Map(rows.map((s) => [s.id, s]));
  },

  /**
   * Inserts a batch in one statement; a key already taken is skipped (its item then finds the earlier row). The
   * one-active-per-child index still fails the whole statement, and group commit tries each item alone.
   */
  async insertApplications(db: AdmissionDb, items: readonly NewApplicationRow[]): Promise<ApplicationRow[]> {
    if (items.length === 0) return [];
    return db
      .insertInto('admission_applications')
      .values(
        items.map((a) => ({
          application_no: sql<string>`${a.prefix} || '-' || lpad(nextval('admission_application_seq')::text, 7, '0')`,
          round_id: a.roundId,
          child_id: a.childId,
          school_id: a.schoolId,
          ward_code: a.wardCode,
          status: 'active' as const,
          in_catchment: a.inCatchment,
          priority_group: a.priorityGroup,
          idempotency_key: a.idempotencyKey,
          email: a.email,
          created_at: a.now,
          updated_at: a.now,
        })),
      )
      .onConflict((oc) => oc.column('idempotency_key').doNothing())
      .returning(appColumns)
      .execute();
  },
};
