// The nightly recompute of the cached points (time alone changes them: 12 months without a deduction restore all 12,
// Law 36/2024 Art. 58). Set-based and chunked by id range: per chunk, one UPDATE puts back 12 on licences without any
// event whose cache says otherwise; one SELECT reads the events of the chunk's other licences, pointsOn (rules/points.ts,
// the one place of the rule) computes each record, and one UPDATE from a JSON recordset writes only the values that
// changed. Each chunk is its own short transaction, so a long run never holds locks on the whole table. A system job:
// no acting user (the scheduler calls it; officers' changes recompute their licence in their own transaction).
import { sql } from 'kysely';
import type { Platform } from '../../platform/http/context.ts';
import { asPointsEvent } from './record.ts';
import { type EventRow, licencesDb } from './repo.ts';
import { pointsOn } from './rules/points.ts';

export const RECOMPUTE_CHUNK = 50_000;

export interface RecomputeResult {
  licences: number;
  withEvents: number;
  changed: number;
  chunks: number;
}

export async function recomputePoints(platform: Platform, asOf: string, opts: { chunk?: number } = {}): Promise<RecomputeResult> {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf)) throw new Error(`recomputePoints: asOf must be YYYY-MM-DD, got ${asOf}`);
  const chunk = Math.max(1, opts.chunk ?? RECOMPUTE_CHUNK);
  const db = licencesDb(platform.database.db);
  const range = (await sql<{ lo: string | null; hi: string | null; n: string }>`select min(id)::text as lo, max(id)::text as hi, count(*)::text as n from licences`.execute(db)).rows[0];
  const out: RecomputeResult = { licences: Number(range?.n ?? 0), withEvents: 0, changed: 0, chunks: 0 };
  if (!range?.lo || !range.hi) return out;
  for (let lo = Number(range.lo); lo <= Number(range.hi); lo += chunk) {
    const hi = lo + chunk - 1;
    out.chunks++;
    await db.transaction().execute(async (trx) => {
      const reset = await sql`update licences l set points = 12, points_as_of = ${asOf}::date
        where l.id between ${lo} and ${hi} and l.points <> 12
          and not exists (select 1 from licence_points_events e where e.licence_id = l.id and e.effective_on <= ${asOf}::date)`.execute(trx);
      out.changed += Number(reset.numAffectedRows ?? 0);
      const rows = (
        await sql<EventRow & { current: number }>`select e.id::int as id, e.licence_id::int as licence_id, e.kind, to_char(e.effective_on, 'YYYY-MM-DD') as effective_on,
            e.points::int as points, e.decision, l.points::int as current
          from licence_points_events e join licences l on l.id = e.licence_id
          where e.licence_id between ${lo} and ${hi} and e.effective_on <= ${asOf}::date
          order by e.licence_id, e.effective_on, e.id`.execute(trx)
      ).rows;
      const changes: { id: number; points: number }[] = [];
      for (let i = 0; i < rows.length; ) {
        const id = rows[i]!.licence_id;
        let j = i;
        while (j < rows.length && rows[j]!.licence_id === id) j++;
        const points = pointsOn(rows.slice(i, j).map(asPointsEvent), asOf).points;
        out.withEvents++;
        if (points !== rows[i]!.current) changes.push({ id, points });
        i = j;
      }
      if (changes.length > 0) {
        await sql`update licences l set points = v.points, points_as_of = ${asOf}::date
          from json_to_recordset(${JSON.stringify(changes)}::json) as v(id bigint, points smallint) where l.id = v.id`.execute(trx);
        out.changed += changes.length;
      }
    });
  }
  return out;
}
