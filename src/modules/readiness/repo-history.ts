// The only code that touches `readiness_history` (migrations/0044_readiness_history.sql): one row per unit, year and
// peer group — its total, rank and each group's share. history.ts builds a published cycle's rows; history-seed.ts
// the illustrative years of the demo.
import { sql } from 'kysely';
import type { ReadinessDb } from './repo.ts';
import type { PeerGroup } from './sets.ts';

export type HistorySource = 'published' | 'imported';

export interface HistoryTable {
  agency_id: number;
  year: number;
  peer_group: PeerGroup;
  total: number;
  max: number;
  rank: number | null;
  /** Group code → points ÷ the group's maximum. */
  group_shares: Record<string, number>;
  source: HistorySource;
  illustrative: boolean;
  recorded_at?: Date;
}

export type HistoryTables = { readiness_history: HistoryTable };
export type HistoryRow = Omit<HistoryTable, 'recorded_at'>;

const db$ = (db: ReadinessDb) => db.withTables<HistoryTables>();

/** Inserts or replaces rows (one statement per 1,000 rows; the JSON columns as JSON). */
export async function upsertHistory(db: ReadinessDb, rows: readonly HistoryRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 1000) {
    const part = rows.slice(i, i + 1000).map((r) => ({ ...r, group_shares: JSON.stringify(r.group_shares) }));
    await db$(db)
      .insertInto('readiness_history')
      .values(part as never)
      .onConflict((oc) =>
        oc.columns(['agency_id', 'year', 'peer_group']).doUpdateSet((eb) => ({
          total: eb.ref('excluded.total'),
          max: eb.ref('excluded.max'),
          rank: eb.ref('excluded.rank'),
          group_shares: eb.ref('excluded.group_shares'),
          source: eb.ref('excluded.source'),
          illustrative: eb.ref('excluded.illustrative'),
          recorded_at: sql<Date>`now()`,
        })),
      )
      .execute();
  }
}

/** Removes the illustrative rows (before the demo seeds them again). */
export async function clearIllustrative(db: ReadinessDb): Promise<void> {
  await db$(db).deleteFrom('readiness_history').where('illustrative', '=', true).execute();
}

/** A unit's rows in a peer group, oldest first. */
export function unitHistory(db: ReadinessDb, agencyId: number, peerGroup: PeerGroup): Promise<HistoryRow[]> {
  return db$(db)
    .selectFrom('readiness_history')
    .select(['agency_id', 'year', 'peer_group', 'total', 'max', 'rank', 'group_shares', 'source', 'illustrative'])
    .where('agency_id', '=', agencyId)
    .where('peer_group', '=', peerGroup)
    .orderBy('year')
    .execute();
}

/** Every unit's rows of a peer group (for the export's trend sheet), by year then rank. */
export function peerHistory(db: ReadinessDb, peerGroup: PeerGroup): Promise<HistoryRow[]> {
  return db$(db)
    .selectFrom('readiness_history')
    .select(['agency_id', 'year', 'peer_group', 'total', 'max', 'rank', 'group_shares', 'source', 'illustrative'])
    .where('peer_group', '=', peerGroup)
    .orderBy('year')
    .orderBy('rank')
    .orderBy('agency_id')
    .execute();
}

export interface YearSummary {
  year: number;
  units: number;
  /** Mean of total ÷ max over the peer group. */
  meanShare: number;
  bestShare: number;
  illustrative: boolean;
}

/** The peer group's year by year figures: how many units, the mean and best share of the maximum. */
export async function peerYears(db: ReadinessDb, peerGroup: PeerGroup): Promise<YearSummary[]> {
  const rows = await db$(db)
    .selectFrom('readiness_history')
    .select((eb) => [
      'year',
      eb.fn.countAll<string>().as('units'),
      sql<number>`avg(total / max)`.as('mean_share'),
      sql<number>`max(total / max)`.as('best_share'),
      sql<boolean>`bool_or(illustrative)`.as('illustrative'),
    ])
    .where('peer_group', '=', peerGroup)
    .groupBy('year')
    .orderBy('year')
    .execute();
  return rows.map((r) => ({ year: r.year, units: Number(r.units), meanShare: Number(r.mean_share), bestShare: Number(r.best_share), illustrative: r.illustrative === true }));
}
