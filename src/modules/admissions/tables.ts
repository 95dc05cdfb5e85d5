// Kysely types of the admissions module's tables (migrations/0024_admissions.sql); only repo.ts and seed code use them.
import type { ColumnType, Generated, Kysely } from 'kysely';
import type { PlatformTables } from '../../platform/db/index.ts';

export type Level = 'kindergarten' | 'grade1' | 'grade6';
export type ApplicationStatus = 'active' | 'withdrawn' | 'admitted' | 'not_admitted' | 'confirmed';
type Big = ColumnType<number, number, number>;
type Day = ColumnType<string, string, string>;

export interface SchoolYearsTable {
  code: string;
  start_year: number;
  name: string;
}

export interface RoundsTable {
  id: Generated<number>;
  school_year: string;
  level: Level;
  name: string;
  name_en: string;
  opens_at: Date;
  closes_at: Date;
  created_at: Generated<Date>;
}

export interface SchoolsTable {
  id: Generated<number>;
  code: string;
  name: string;
  ownership: 'public' | 'private';
  level: Level;
  ward_code: string;
  address: string;
}

export interface RoundPlacesTable {
  round_id: Big;
  school_id: Big;
  places: number;
}

export interface CatchmentsTable {
  id: Generated<number>;
  school_year: string;
  school_id: Big;
  unit_code: string;
  area: Generated<string>;
  updated_at: Generated<Date>;
}

export interface ChildrenTable {
  id: Generated<number>;
  personal_id: string;
  full_name: string;
  birth_date: Day;
  residence_unit: string;
  residence_area: Generated<string>;
  finished_grade5: Generated<boolean>;
  created_at: Generated<Date>;
}

export interface EnrolmentCodesTable {
  code: string;
  round_id: Big;
  child_id: Big;
  school_id: Big;
  issued_at: Generated<Date>;
}

export interface ApplicationsTable {
  id: Generated<number>;
  application_no: string;
  round_id: Big;
  child_id: Big;
  school_id: Big;
  ward_code: string;
  status: ApplicationStatus;
  in_catchment: boolean;
  priority_group: number;
  idempotency_key: string;
  email: string | null;
  result_note: string | null;
  appointment_at: Date | null;
  appointment_place: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  withdrawn_at: Date | null;
}

export type AdmissionTables = {
  admission_school_years: SchoolYearsTable;
  admission_rounds: RoundsTable;
  admission_schools: SchoolsTable;
  admission_round_places: RoundPlacesTable;
  admission_catchments: CatchmentsTable;
  admission_children: ChildrenTable;
  admission_enrolment_codes: EnrolmentCodesTable;
  admission_applications: ApplicationsTable;
};

export type AdmissionDb = Kysely<PlatformTables & AdmissionTables>;

export function admissionDb(db: Kysely<PlatformTables>): AdmissionDb {
  return db.withTables<AdmissionTables>();
}
