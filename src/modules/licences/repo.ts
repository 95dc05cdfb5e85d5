// The only code that touches the licence tables (migrations/0054_licences.sql).
import { type Generated, type Kysely, sql } from 'kysely';
import type { PlatformTables } from '../../platform/db/index.ts';

export type LicenceStatus = 'valid' | 'revoked' | 'replaced';
export type EventKind = 'deduction' | 'test_passed';

interface LicencesTable {
  id: Generated<number>;
  number: string;
  holder_pin: string;
  full_name: string;
  birth_date: string;
  licence_class: string;
  old: Generated<boolean>;
  issued_on: string;
  expires_on: string | null;
  province_code: string;
  status: Generated<LicenceStatus>;
  restriction: string | null;
  points: Generated<number>;
  points_as_of: string | null;
  verify_token: string;
  imported_by: number | null;
  status_reason: Generated<string | null>;
  status_on: Generated<string | null>;
  replaced_by: Generated<number | null>;
  dossier_code: Generated<string | null>;
  created_at: Generated<Date>;
}
interface CasesTable {
  id: Generated<number>;
  licence_id: number;
  decision: string;
  opened_on: string;
  closed_on: string | null;
  outcome: string | null;
  opened_by: number | null;
  closed_by: number | null;
  created_at: Generated<Date>;
}
interface NoticesTable {
  licence_id: number;
  expires_on: string;
  sent_at: Generated<Date>;
  mailed: Generated<number>;
}
interface EventsTable {
  id: Generated<number>;
  licence_id: number;
  kind: EventKind;
  effective_on: string;
  points: number | null;
  decision: string | null;
  recorded_by: number | null;
  created_at: Generated<Date>;
}

export type LicencesTables = { licences: LicencesTable; licence_points_events: EventsTable; licence_cases: CasesTable; licence_expiry_notices: NoticesTable };
export type LicencesDb = Kysely<PlatformTables & LicencesTables>;
export const licencesDb = (db: Kysely<PlatformTables>): LicencesDb => db as unknown as LicencesDb;
export const asPlatformDb = (db: LicencesDb): Kysely<PlatformTables> => db as unknown as Kysely<PlatformTables>;

export interface LicenceRow {
  id: number;
  number: string;
  holder_pin: string;
  full_name: string;
  birth_date: string;
  licence_class: string;
  old: boolean;
  issued_on: string;
  expires_on: string | null;
  province_code: string;
  status: LicenceStatus;
  restriction: string | null;
  points: number;
  points_as_of: string | null;
  verify_token: string;
  status_reason: string | null;
  status_on: string | null;
  dossier_code: string | null;
}
export interface CaseRow {
  id: number;
  licence_id: number;
  decision: string;
  opened_on: string;
  closed_on: string | null;
  outcome: string | null;
}
export interface EventRow {
  id: number;
  licence_id: number;
  kind: EventKind;
  effective_on: string;
  points: number | null;
  decision: string | null;
}

/** Dates as ISO days on both drivers. */
const DAY = (col: string) => sql<string>`to_char(${sql.ref(col)}, 'YYYY-MM-DD')`;

const licenceColumns = (db: LicencesDb) =>
  db
    .selectFrom('licences as l')
    .select(['l.id', 'l.number', 'l.holder_pin', 'l.full_name', 'l.licence_class', 'l.old', 'l.province_code', 'l.status', 'l.restriction', 'l.points', 'l.verify_token', 'l.status_reason', 'l.dossier_code'])
    .select([DAY('l.status_on').as('status_on'), DAY('l.birth_date').as('birth_date'), DAY('l.issued_on').as('issued_on'), DAY('l.expires_on').as('expires_on'), DAY('l.points_as_of').as('points_as_of')]);

export const licencesRepo = {
  byNumber: (db: LicencesDb, number: string, lock = false): Promise<LicenceRow | undefined> => {
    const q = licenceColumns(db).where('l.number', '=', number);
    return (lock ? q.forUpdate() : q).executeTakeFirst() as Promise<LicenceRow | undefined>;
  },
  byToken: (db: LicencesDb, token: string) => licenceColumns(db).where('l.verify_token', '=', token).executeTakeFirst() as Promise<LicenceRow | undefined>,
  ofHolder: (db: LicencesDb, pin: string) => licenceColumns(db).where('l.holder_pin', '=', pin).orderBy('l.issued_on', 'desc').orderBy('l.id').execute() as Promise<LicenceRow[]>,
  existingNumbers: async (db: LicencesDb, numbers: readonly string[]): Promise<Set<string>> =>
    numbers.length === 0 ? new Set() : new Set((await db.selectFrom('licences').select('number').where('number', 'in', [...numbers]).execute()).map((r) => r.number)),
  eventsOf: (db: LicencesDb, licenceId: number): Promise<EventRow[]> =>
    db
      .selectFrom('licence_points_events')
      .select(['id', 'licence_id', 'kind', 'points', 'decision'])
      .select(DAY('effective_on').as('effective_on'))
      .where('licence_id', '=', licenceId)
      .orderBy('effective_on')
      .orderBy('id')
      .execute(),
  byDossier: (db: LicencesDb, code: string) => licenceColumns(db).where('l.dossier_code', '=', code).executeTakeFirst() as Promise<LicenceRow | undefined>,
  casesOf: (db: LicencesDb, licenceId: number): Promise<CaseRow[]> =>
    db
      .selectFrom('licence_cases')
      .select(['id', 'licence_id', 'decision', 'outcome'])
      .select([DAY('opened_on').as('opened_on'), DAY('closed_on').as('closed_on')])
      .where('licence_id', '=', licenceId)
      .orderBy('opened_on', 'desc')
      .orderBy('id', 'desc')
      .execute(),
  /** The licences among `ids` with a penalty case still open. */
  withOpenCase: async (db: LicencesDb, ids: readonly number[]): Promise<Set<number>> =>
    ids.length === 0
      ? new Set()
      : new Set((await db.selectFrom('licence_cases').select('licence_id').where('licence_id', 'in', [...ids]).where('closed_on', 'is', null).execute()).map((r) => r.licence_id)),
  setPoints: (db: LicencesDb, id: number, points: number, asOf: string) => db.updateTable('licences').set({ points, points_as_of: asOf }).where('id', '=', id).execute(),
};
