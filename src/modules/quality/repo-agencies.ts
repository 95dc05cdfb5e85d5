// The per-agency table of the city's figures: the same counts as repo.ts (over the same published views), grouped by agency. A dossier counts for its
// receiving agency and, when another agency handles it, for that one too, as the figures of one agency do.
import { sql, type Kysely } from 'kysely';
import type { PlatformTables } from '../../platform/db/index.ts';
import { openAt, procedureFilter, type Range } from './repo.ts';

export interface AgencyRow {
  agency_id: number;
  received: number;
  online: number;
  resolved: number;
  early: number;
  on_time: number;
  late: number;
  seconds: number;
  in_progress: number;
  overdue: number;
  rated: number;
  satisfied: number;
}

const AGENCIES = sql`cross join lateral (values (d.agency_id), (case when d.handling_agency_id <> d.agency_id then d.handling_agency_id end)) as a(id)`;

type Part = Partial<AgencyRow> & { agency_id: number };

export async function agencyRows(db: Kysely<PlatformTables>, codes: string[] | null, r: Range, run: <T>(q: (db: Kysely<PlatformTables>) => Promise<T>) => Promise<T>): Promise<AgencyRow[]> {
  const parts = await Promise.all([
    run((x) =>
      sql<Part>`select a.id as agency_id, count(*) as received, count(*) filter (where d.channel = 'online') as online
        from dossier_facts d ${AGENCIES}
        where a.id is not null and d.received_at >= ${r.start} and d.received_at < ${r.end} ${procedureFilter(codes)}
        group by a.id`.execute(x),
    ),
    run((x) =>
      sql<Part>`select a.id as agency_id, count(*) as resolved,
          count(*) filter (where d.outcome = 'early') as early, count(*) filter (where d.outcome = 'on_time') as on_time,
          count(*) filter (where d.outcome = 'late') as late, sum(extract(epoch from d.result_at - d.received_at))::float8 as seconds
        from dossier_facts d ${AGENCIES}
        where a.id is not null and d.result_at >= ${r.start} and d.result_at < ${r.end} ${procedureFilter(codes)}
        group by a.id`.execute(x),
    ),
    run((x) =>
      sql<Part>`select a.id as agency_id, count(*) as in_progress,
          count(*) filter (where d.due_at < ${r.asOf} and not (d.status = 'supplement' and d.paused_at <= ${r.asOf})) as overdue
        from dossier_facts d ${AGENCIES}
        where a.id is not null and ${openAt(r)} ${procedureFilter(codes)}
        group by a.id`.execute(x),
    ),
    run((x) =>
      sql<Part>`select a.id as agency_id, count(*) as rated, count(*) filter (where r.overall >= 2) as satisfied
        from rating_facts r join dossier_facts d on d.id = r.dossier_id ${AGENCIES}
        where a.id is not null and r.rated_at >= ${r.start} and r.rated_at < ${r.end} ${procedureFilter(codes)}
        group by a.id`.execute(x),
    ),
  ]);
  const byAgency = new Map<number, AgencyRow>();
  for (const part of parts) {
    for (const row of part.rows) {
      const id = Number(row.agency_id);
      const acc = byAgency.get(id) ?? { agency_id: id, received: 0, online: 0, resolved: 0, early: 0, on_time: 0, late: 0, seconds: 0, in_progress: 0, overdue: 0, rated: 0, satisfied: 0 };
      for (const [k, v] of Object.entries(row)) if (k !== 'agency_id' && v !== null) (acc as unknown as Record<string, number>)[k] = Number(v);
      byAgency.set(id, acc);
    }
  }
  return [...byAgency.values()];
}
