// The only code that reads and writes the admission tables (seed.ts bulk-loads the demo data).
import { sql } from 'kysely';
import type { AdmissionDb, ApplicationStatus, Level } from './tables.ts';

export interface Round {
  id: number;
  schoolYear: string;
  startYear: number;
  level: Level;
  name: string;
  nameEn: string;
  opensAt: Date;
  closesAt: Date;
}

export interface Child {
  id: number;
  personalId: string;
  fullName: string;
  birthDate: string;
  residenceUnit: string;
  residenceArea: string;
  finishedGrade5: boolean;
}

export interface School {
  id: number;
  code: string;
  name: string;
  ownership: 'public' | 'private';
  level: Level;
  wardCode: string;
  address: string;
}

export interface SchoolWithPlaces extends School {
  places: number;
}

export interface ApplicationRow {
  id: number;
  applicationNo: string;
  roundId: number;
  childId: number;
  schoolId: number;
  status: ApplicationStatus;
  inCatchment: boolean;
  priorityGroup: number;
  idempotencyKey: string;
  email: string | null;
  resultNote: string | null;
  appointmentAt: Date | null;
  appointmentPlace: string | null;
  createdAt: Date;
  updatedAt: Date;
}

const roundCols = [
  'r.id',
  'r.school_year as schoolYear',
  'y.start_year as startYear',
  'r.level',
  'r.name',
  'r.name_en as nameEn',
  'r.opens_at as opensAt',
  'r.closes_at as closesAt',
] as const;

const schoolCols = ['s.id', 's.code', 's.name', 's.ownership', 's.level', 's.ward_code as wardCode', 's.address'] as const;

const appCols = [
  'a.id',
  'a.application_no as applicationNo',
  'a.round_id as roundId',
  'a.child_id as childId',
  'a.school_id as schoolId',
  'a.status',
  'a.in_catchment as inCatchment',
  'a.priority_group as priorityGroup',
  'a.idempotency_key as idempotencyKey',
  'a.email',
  'a.result_note as resultNote',
  'a.appointment_at as appointmentAt',
  'a.appointment_place as appointmentPlace',
  'a.created_at as createdAt',
  'a.updated_at as updatedAt',
] as const;

export const admissionRepo = {
  async listRounds(db: AdmissionDb): Promise<Round[]> {
    return db
      .selectFrom('admission_rounds as r')
      .innerJoin('admission_school_years as y', 'y.code', 'r.school_year')
      .select(roundCols)
      .orderBy('r.opens_at')
      .execute();
  },

  async findRound(db: AdmissionDb, id: number): Promise<Round | undefined> {
    return db.selectFrom('admission_rounds as r').innerJoin('admission_school_years as y', 'y.code', 'r.school_year').select(roundCols).where('r.id', '=', id).executeTakeFirst();
  },

  async findChild(db: AdmissionDb, id: number): Promise<Child | undefined> {
    return db
      .selectFrom('admission_children')
      .select(['id', 'personal_id as personalId', 'full_name as fullName', 'birth_date as birthDate', 'residence_unit as residenceUnit', 'residence_area as residenceArea', 'finished_grade5 as finishedGrade5'])
      .where('id', '=', id)
      .executeTakeFirst();
  },

  /** Schools of the level with places in the round, each marked whether it serves the child's unit that school year. */
  async schoolsForRound(db: AdmissionDb, round: Round, child: Child): Promise<(SchoolWithPlaces & { inCatchment: boolean })[]> {
    const rows = await db
      .selectFrom('admission_round_places as p')
      .innerJoin('admission_schools as s', 's.id', 'p.school_id')
      .select([...schoolCols, 'p.places'])
      .select((eb) =>
        eb
          .exists(
            eb
              .selectFrom('admission_catchments as c')
              .select('c.id')
              .whereRef('c.school_id', '=', 's.id')
              .where('c.school_year', '=', round.schoolYear)
              .where('c.unit_code', '=', child.residenceUnit)
              // A catchment may name a part of a unit; a child whose part is unknown matches only whole-unit rows.
              .where((w) => w.or([w('c.area', '=', ''), w('c.area', '=', child.residenceArea)])),
          )
          .as('inCatchment'),
      )
      .where('p.round_id', '=', round.id)
      .where('s.level', '=', round.level)
      .execute();
    return rows.map((r) => ({ ...r, inCatchment: Boolean(r.inCatchment) }));
  },

  /** Active applications per school in the round (what "places left" subtracts). */
  async activeCounts(db: AdmissionDb, roundId: number): Promise<Map<number, number>> {
    const rows = await db
      .selectFrom('admission_applications')
      .select(['school_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('round_id', '=', roundId)
      .where('status', '<>', 'withdrawn')
      .groupBy('school_id')
      .execute();
    return new Map(rows.map((r) => [r.school_id, Number(r.n)]));
  },

  async findSchool(db: AdmissionDb, id: number): Promise<School | undefined> {
    return db.selectFrom('admission_schools as s').select(schoolCols).where('s.id', '=', id).executeTakeFirst();
  },

  async findSchoolByCode(db: AdmissionDb, code: string): Promise<School | undefined> {
    return db.selectFrom('admission_schools as s').select(schoolCols).where('s.code', '=', code).executeTakeFirst();
  },

  /** Inserts the application; nothing when its idempotency key is taken (a retry or a concurrent twin). */
  async insertApplication(
    db: AdmissionDb,
    a: { roundId: number; childId: number; schoolId: number; wardCode: string; inCatchment: boolean; priorityGroup: number; idempotencyKey: string; email: string | null; prefix: string; now: Date },
  ): Promise<ApplicationRow | undefined> {
    const no = sql<string>`${a.prefix} || '-' || lpad(nextval('admission_application_seq')::text, 7, '0')`;
    const row = await db
      .insertInto('admission_applications')
      .values({
        application_no: no,
        round_id: a.roundId,
        child_id: a.childId,
        school_id: a.schoolId,
        ward_code: a.wardCode,
        status: 'active',
        in_catchment: a.inCatchment,
        priority_group: a.priorityGroup,
        idempotency_key: a.idempotencyKey,
        email: a.email,
        created_at: a.now,
        updated_at: a.now,
      })
      .onConflict((oc) => oc.column('idempotency_key').doNothing())
      .returning('id')
      .executeTakeFirst();
    return row ? admissionRepo.findApplication(db, row.id) : undefined;
  },

  async findApplication(db: AdmissionDb, id: number): Promise<ApplicationRow | undefined> {
    return db.selectFrom('admission_applications as a').select(appCols).where('a.id', '=', id).executeTakeFirst();
  },

  async findByKey(db: AdmissionDb, key: string): Promise<ApplicationRow | undefined> {
    return db.selectFrom('admission_applications as a').select(appCols).where('a.idempotency_key', '=', key).executeTakeFirst();
  },

  /** The child's application that is not withdrawn in the round (at most one: the partial unique index). */
  async findCurrent(db: AdmissionDb, roundId: number, childId: number): Promise<ApplicationRow | undefined> {
    return db.selectFrom('admission_applications as a').select(appCols).where('a.round_id', '=', roundId).where('a.child_id', '=', childId).where('a.status', '<>', 'withdrawn').executeTakeFirst();
  },

  /** The child's latest application in the round, withdrawn or not. */
  async findLatest(db: AdmissionDb, roundId: number, childId: number): Promise<ApplicationRow | undefined> {
    return db.selectFrom('admission_applications as a').select(appCols).where('a.round_id', '=', roundId).where('a.child_id', '=', childId).orderBy('a.id', 'desc').limit(1).executeTakeFirst();
  },

  /** Moves an active application to another school; nothing when it is no longer active (a concurrent change). */
  async changeSchool(db: AdmissionDb, id: number, s: { schoolId: number; wardCode: string; inCatchment: boolean; priorityGroup: number; now: Date }): Promise<boolean> {
    const r = await db
      .updateTable('admission_applications')
      .set({ school_id: s.schoolId, ward_code: s.wardCode, in_catchment: s.inCatchment, priority_group: s.priorityGroup, updated_at: s.now })
      .where('id', '=', id)
      .where('status', '=', 'active')
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  },

  async withdraw(db: AdmissionDb, id: number, now: Date): Promise<boolean> {
    const r = await db
      .updateTable('admission_applications')
      .set({ status: 'withdrawn', withdrawn_at: now, updated_at: now })
      .where('id', '=', id)
      .where('status', '=', 'active')
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  },
};
