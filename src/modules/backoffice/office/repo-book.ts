// The tracking book's SQL (book.ts has its rules): the dossiers an agency received in a period, read through the
// dossiers module's published views `dossier_facts` and `dossier_event_facts` (migrations/0011; inlined by the planner,
// so the index (agency_id, received_at) of 0007 serves them as it served the table).
import { sql, type Kysely } from 'kysely';
import type { PlatformTables } from '../../../platform/db/index.ts';
import type { Applicant } from '../../dossiers/index.ts';

export interface BookLine {
  code: string;
  procedure_code: string;
  procedure_version: number;
  applicant: Applicant;
  agency_id: number;
  handling_agency_id: number | null;
  status: string;
  decision: string | null;
  received_at: Date;
  due_at: Date | null;
  result_at: Date | null;
  finished_at: Date | null;
  return_method: string | null;
  /** When the dossier was handed over for processing (its first 'accept'). */
  transferred_at: Date | null;
}

export const bookRepo = {
  /** How many dossiers the agency received in [start, end). */
  async count(db: Kysely<PlatformTables>, agencyId: number, start: Date, end: Date): Promise<number> {
    const r = await sql<{ n: number }>`select count(*)::int as n from dossier_facts d
      where d.agency_id = ${agencyId} and d.received_at >= ${start} and d.received_at < ${end}`.execute(db);
    return Number(r.rows[0]?.n ?? 0);
  },

  /** The first `limit` of them in order of receipt. */
  async lines(db: Kysely<PlatformTables>, agencyId: number, start: Date, end: Date, limit: number): Promise<BookLine[]> {
    const r = await sql<BookLine>`select d.code, d.procedure_code, d.procedure_version, d.applicant, d.agency_id, d.handling_agency_id, d.status,
        d.decision, d.received_at, d.due_at, d.result_at, d.finished_at, d.return_method,
        (select min(e.at) from dossier_event_facts e where e.dossier_id = d.id and e.kind = 'accept') as transferred_at
      from dossier_facts d
      where d.agency_id = ${agencyId} and d.received_at >= ${start} and d.received_at < ${end}
      order by d.received_at, d.id limit ${limit}`.execute(db);
    return r.rows;
  },
};
