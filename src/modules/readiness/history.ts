// Readiness over the years (issue 14): one row per unit, year and peer group in `readiness_history`
// (repo-history.ts) — its total, rank and each group's share. Publication writes the cycle's rows (recordHistory,
// called in publish's transaction); earlier years are imported, or invented for the demo and marked illustrative
// (history-seed.ts).
import type { CycleRow, FormRow, ReadinessDb } from './repo.ts';
import { type HistoryRow, upsertHistory } from './repo-history.ts';
import type { UnitScore } from './scoring.ts';

/** The published forms' rows of a cycle (total, rank, group shares), replacing what an import had for that year. */
export async function recordHistory(db: ReadinessDb, cycle: Pick<CycleRow, 'year' | 'peer_group'>, forms: readonly FormRow[]): Promise<number> {
  const rows: HistoryRow[] = [];
  for (const f of forms) {
    const s = f.score as UnitScore | null;
    if (!s || f.total === null) continue;
    const shares: Record<string, number> = {};
    for (const g of s.groups) shares[g.code] = Math.round(g.share * 10000) / 10000;
    rows.push({ agency_id: f.agency_id, year: cycle.year, peer_group: cycle.peer_group, total: f.total, max: s.max, rank: f.rank, group_shares: shares, source: 'published', illustrative: false });
  }
  await upsertHistory(db, rows);
  return rows.length;
}
