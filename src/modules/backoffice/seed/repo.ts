// The seed's SQL: a batch in ONE transaction with one multi-row INSERT per table (platform/db/bulk.ts). The batch first
// takes its numbers as submissions do and its ids (the dossiers module's bulk writers), then writes its rows: the
// dossiers module's tables through those writers, the back office's own (supplements, consultations, ratings) here.
import { sql, type Kysely } from 'kysely';
import { insertJsonRows, type BulkColumns, type PlatformTables } from '../../../platform/db/index.ts';
import { dossierBulk } from '../../dossiers/index.ts';
import type { DayGroup } from './rows.ts';

const SUPPLEMENTS: BulkColumns = [
  ['dossier_id', 'bigint'], ['stage', 'text'], ['items', 'jsonb'], ['reason', 'text'], ['requested_by', 'bigint'],
  ['requested_at', 'timestamptz'], ['completed_at', 'timestamptz'],
];
const CONSULTATIONS: BulkColumns = [
  ['dossier_id', 'bigint'], ['agency_id', 'bigint'], ['question', 'text'], ['requested_by', 'bigint'], ['requested_at', 'timestamptz'],
  ['due_at', 'timestamptz'], ['replied_at', 'timestamptz'], ['replied_by', 'bigint'], ['reply', 'text'],
];
const RATINGS: BulkColumns = [['dossier_id', 'bigint'], ['overall', 'smallint'], ['criteria', 'jsonb'], ['comment', 'text'], ['rated_at', 'timestamptz']];

export interface BatchCounts {
  dossiers: number;
  events: number;
  supplements: number;
  consultations: number;
  ratings: number;
  payments: number;
}

export async function writeBatch(db: Kysely<PlatformTables>, groups: readonly DayGroup[]): Promise<BatchCounts> {
  const n = groups.reduce((s, g) => s + g.dossiers.length, 0);
  return db.transaction().execute(async (trx) => {
    // Seed data can be written again: a crash may lose the last batches (never half of one), and no commit waits for
    // its WAL flush.
    await sql`set local synchronous_commit = off`.execute(trx);
    // Circular 01/2018 Art. 19: each agency's numbers of the day, taken n at a time.
    const lastOf = await dossierBulk.takeNumbers(trx, groups.map((g) => ({ agencyId: g.agencyId, day: g.day, n: g.dossiers.length })));
    const ids = await dossierBulk.reserveIds(trx, n);
    let k = 0;
    const dossiers = [];
    const events = [];
    const supplements = [];
    const consultations = [];
    const ratings = [];
    const payments = [];
    for (const g of groups) {
      const last = lastOf.get(`${g.agencyId}|${g.day}`) ?? g.dossiers.length;
      const yymmdd = g.day.slice(2).replaceAll('-', '');
      let seq = last - g.dossiers.length;
      for (const d of g.dossiers) {
        const id = Number(ids[k++]);
        d.row.id = id;
        d.row.code = `${g.agencyCode}-${yymmdd}-${String(++seq).padStart(4, '0')}`;
        dossiers.push(d.row);
        for (const e of d.events) events.push(Object.assign(e, { dossier_id: id }));
        for (const s of d.supplements) supplements.push(Object.assign(s, { dossier_id: id }));
        for (const c of d.consultations) consultations.push(Object.assign(c, { dossier_id: id }));
        if (d.rating) ratings.push(Object.assign(d.rating, { dossier_id: id }));
        if (d.payment) payments.push(Object.assign(d.payment, { dossier_id: id }));
      }
    }
    // The dossiers module's rows through its bulk writers, the back office's own here; one transaction for all.
    await dossierBulk.insertDossiers(trx, dossiers);
    await dossierBulk.insertEvents(trx, events);
    await insertJsonRows(trx, 'dossier_supplements', SUPPLEMENTS, supplements);
    await insertJsonRows(trx, 'dossier_consultations', CONSULTATIONS, consultations);
    await insertJsonRows(trx, 'dossier_ratings', RATINGS, ratings);
    await dossierBulk.insertPayments(trx, payments);
    return { dossiers: n, events: events.length, supplements: supplements.length, consultations: consultations.length, ratings: ratings.length, payments: payments.length };
  });
}
