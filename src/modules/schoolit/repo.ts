// The only code that touches the schools' IT tables (migration 0042).
import type { Generated, Kysely, Selectable } from 'kysely';
import type { PlatformTables } from '../../platform/db/index.ts';

export type ReportState = 'draft' | 'submitted' | 'checked' | 'returned';
export const REPORT_STATES: readonly ReportState[] = ['draft', 'submitted', 'checked', 'returned'];

/** The counts a school enters (whole numbers 0…10,000), in the form's order. */
export const COUNT_FIELDS = ['computers_teaching', 'computers_admin', 'computer_rooms', 'networked_rooms', 'projectors', 'screens', 'pupils'] as const;
export type CountField = (typeof COUNT_FIELDS)[number];
export type ValueField = CountField | 'internet' | 'bandwidth_mbps';
export const VALUE_FIELDS: readonly ValueField[] = [...COUNT_FIELDS.slice(0, 6), 'internet', 'bandwidth_mbps', 'pupils'];

export type ReportValues = { [K in CountField]: number | null } & { internet: boolean | null; bandwidth_mbps: number | null };

interface ReportTable extends ReportValues {
  id: Generated<number>;
  school_id: number;
  school_year: string;
  state: Generated<ReportState>;
  office_comment: string | null;
  version: Generated<number>;
  submitted_at: Date | null;
  submitted_by: number | null;
  decided_at: Date | null;
  decided_by: number | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export type SchoolItTables = {
  schoolit_reports: ReportTable;
  schoolit_staff: { account_id: number; school_id: number };
  accounts: { id: number; username: string };
};
export type SchoolItDb = Kysely<PlatformTables & SchoolItTables>;
export type ReportRow = Selectable<ReportTable>;

export const schoolItDb = (db: Kysely<PlatformTables>): SchoolItDb => db.withTables<SchoolItTables>();

export const EMPTY_VALUES: ReportValues = {
  computers_teaching: null,
  computers_admin: null,
  computer_rooms: null,
  networked_rooms: null,
  projectors: null,
  screens: null,
  pupils: null,
  internet: null,
  bandwidth_mbps: null,
};

export const schoolItRepo = {
  async staffSchoolIds(db: SchoolItDb, accountId: number): Promise<number[]> {
    return (await db.selectFrom('schoolit_staff').select('school_id').where('account_id', '=', accountId).execute()).map((r) => r.school_id);
  },

  async attach(db: SchoolItDb, accountId: number, schoolId: number): Promise<void> {
    await db.insertInto('schoolit_staff').values({ account_id: accountId, school_id: schoolId }).onConflict((oc) => oc.doNothing()).execute();
  },

  async findReport(db: SchoolItDb, schoolId: number, schoolYear: string, lock = false): Promise<ReportRow | undefined> {
    const q = db.selectFrom('schoolit_reports').selectAll().where('school_id', '=', schoolId).where('school_year', '=', schoolYear);
    return (lock ? q.forUpdate() : q).executeTakeFirst();
  },

  async findReportById(db: SchoolItDb, id: number, lock = false): Promise<ReportRow | undefined> {
    const q = db.selectFrom('schoolit_reports').selectAll().where('id', '=', id);
    return (lock ? q.forUpdate() : q).executeTakeFirst();
  },

  async reportsOfYear(db: SchoolItDb, schoolYear: string, state?: ReportState): Promise<ReportRow[]> {
    let q = db.selectFrom('schoolit_reports').selectAll().where('school_year', '=', schoolYear);
    if (state) q = q.where('state', '=', state);
    return q.execute();
  },

  /** A new draft; false when a twin was created meanwhile. */
  async createDraft(db: SchoolItDb, schoolId: number, schoolYear: string): Promise<boolean> {
    const row = await db
      .insertInto('schoolit_reports')
      .values({ school_id: schoolId, school_year: schoolYear })
      .onConflict((oc) => oc.columns(['school_id', 'school_year']).doNothing())
      .returning('id')
      .executeTakeFirst();
    return row !== undefined;
  },

  async update(db: SchoolItDb, id: number, set: Partial<Omit<ReportRow, 'id' | 'school_id' | 'school_year' | 'created_at' | 'version' | 'updated_at'>>): Promise<ReportRow> {
    return db
      .updateTable('schoolit_reports')
      .set((eb) => ({ ...set, version: eb('version', '+', 1), updated_at: new Date() }))
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
  },
};
