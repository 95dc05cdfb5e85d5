// Demo history (issue 14): 2016–2024 for every commune and ward and every department, INVENTED and marked
// `illustrative` (the pages and the workbook say so) — each unit starts between 35 % and 65 % of the maximum and
// improves by 1.5–4 points of share a year, with some noise; groups vary around the unit's level. The groups and
// maxima are the 2025 sets'. Seeded in bulk (one statement per 1,000 rows) from a fixed seed: the same every time.
import type { Platform } from '../../platform/http/context.ts';
import { seededRandom } from '../../platform/seeded-random.ts';
import { listAgencies } from '../units/index.ts';
import { AGENCY_KIND } from './form.ts';
import { clearIllustrative, type HistoryRow, upsertHistory } from './repo-history.ts';
import { rankScores } from './ranking.ts';
import { readinessDb } from './repo.ts';
import { loadShippedSet, type PeerGroup } from './sets.ts';

export const DEMO_YEARS = { from: 2016, to: 2024 } as const;

const clamp = (x: number) => Math.min(0.99, Math.max(0.05, x));
const r2 = (x: number) => Math.round(x * 100) / 100;

/** The illustrative rows of one peer group's units (ids), ranked year by year. */
export function illustrativeHistory(peerGroup: PeerGroup, agencyIds: readonly number[], years = DEMO_YEARS): HistoryRow[] {
  const set = loadShippedSet(peerGroup === 'commune' ? '2025-communes' : '2025-departments').set;
  const rand = seededRandom(peerGroup === 'commune' ? 2016 : 2017);
  const units = agencyIds.map((id) => ({ id, base: 0.35 + rand() * 0.3, growth: 0.015 + rand() * 0.025, offsets: set.groups.map(() => (rand() - 0.5) * 0.2) }));
  const rows: HistoryRow[] = [];
  for (let year = years.from; year <= years.to; year++) {
    const k = year - years.from;
    const scored = units.map((u) => {
      const level = u.base + u.growth * k + (rand() - 0.5) * 0.06;
      const shares: Record<string, number> = {};
      let total = 0;
      set.groups.forEach((g, i) => {
        const s = Math.round(clamp(level + (u.offsets[i] ?? 0) + (rand() - 0.5) * 0.04) * 10000) / 10000;
        shares[g.code] = s;
        total += s * g.max;
      });
      return { unit: String(u.id), total: r2(total), shares };
    });
    const ranked = rankScores(scored.map((s) => ({ unit: s.unit, total: s.total, max: set.totalPoints, share: 0, light: 'red', groups: [], indicators: [] })));
    const byUnit = new Map(scored.map((s) => [s.unit, s]));
    for (const x of ranked) {
      rows.push({ agency_id: Number(x.unit), year, peer_group: peerGroup, total: x.total, max: set.totalPoints, rank: x.rank, group_shares: byUnit.get(x.unit)!.shares, source: 'imported', illustrative: true });
    }
  }
  return rows;
}

/** Replaces the illustrative rows with a fresh copy for every commune and department. */
export async function seedDemoHistory(platform: Platform): Promise<{ rows: number }> {
  const db = readinessDb(platform.database.db);
  const rows: HistoryRow[] = [];
  for (const peerGroup of ['commune', 'department'] as const) {
    const agencies = await listAgencies(platform.database.db, { kind: AGENCY_KIND[peerGroup] });
    rows.push(...illustrativeHistory(peerGroup, agencies.map((a) => a.id)));
  }
  await db.transaction().execute(async (trx) => {
    await clearIllustrative(trx);
    await upsertHistory(trx, rows);
  });
  return { rows: rows.length };
}
