// Daily clearing with each operator (TRANSPORT.md §1: clearing moved from monthly to daily, fully electronic). A trip
// counts for the operator whose validator recorded its first tap; how revenue is split between operators is not
// published [U], so each trip's amount goes whole to that operator. An operator's clearing staff see their agency's
// operators only (agencies.ts).
import type { Actor } from '../../../platform/auth/access.ts';
import { requireStaff } from '../../../platform/auth/access.ts';
import { Role } from '../../../platform/auth/roles.ts';
import type { Platform } from '../../../platform/http/context.ts';
import { requireClearsFor } from './agencies.ts';
import { TapErrors } from './errors.ts';
import { tapsDb, tapsRepo } from './repo.ts';

export interface Clearing {
  operatorCode: string;
  serviceDay: string;
  /** Whether the day was priced; an unpriced day clears nothing yet. */
  priced: boolean;
  trips: number;
  revenue: number;
  /** rule id → { trips, revenue }, rule ids sorted. */
  byRule: { ruleId: string; trips: number; revenue: number }[];
}

const OPERATOR = /^[A-Za-z0-9_-]{1,32}$/;

export async function clearingFor(platform: Platform, actor: Actor, operatorCode: string, day: string): Promise<Clearing> {
  requireStaff(actor, Role.transitOfficer, Role.transitOperator);
  if (!OPERATOR.test(operatorCode)) throw TapErrors.OPERATOR_INVALID({ details: { operatorCode } });
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) throw TapErrors.DAY_INVALID({ details: { day } });
  await requireClearsFor(platform, actor, operatorCode);
  const db = tapsDb(platform.database.db);
  const priced = (await tapsRepo.dayRun(db, day)) !== undefined;
  const trips = await tapsRepo.tripsOf(db, day, operatorCode);
  const rules = new Map<string, { trips: number; revenue: number }>();
  for (const t of trips) {
    const r = rules.get(t.rule_id) ?? { trips: 0, revenue: 0 };
    rules.set(t.rule_id, { trips: r.trips + 1, revenue: r.revenue + Number(t.amount) });
  }
  const byRule = [...rules].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([ruleId, r]) => ({ ruleId, ...r }));
  return { operatorCode, serviceDay: day, priced, trips: trips.length, revenue: byRule.reduce((s, r) => s + r.revenue, 0), byRule };
}

/**
 * The file the operator receives for a day: UTF-8 with a byte-order mark (so spreadsheet programs read Vietnamese),
 * CRLF line ends, comma-separated, one row per rule id then a total row:
 *   ngay_phuc_vu (service day, YYYY-MM-DD), don_vi (operator code), quy_tac (the fare rule id: a leg_group_id,
 *   `pass:…`, `transfer:…`, `category:…`, `free-zone:…`, … or TONG for the total), so_chuyen (trips), doanh_thu_vnd
 *   (revenue in đồng, integer).
 */
export async function clearingFile(platform: Platform, actor: Actor, operatorCode: string, day: string): Promise<{ filename: string; body: string }> {
  const c = await clearingFor(platform, actor, operatorCode, day);
  const cell = (v: string | number) => (typeof v === 'number' || /^[A-Za-z0-9_.:>*-]*$/.test(v) ? String(v) : `"${v.replaceAll('"', '""')}"`);
  const rows: (string | number)[][] = [['ngay_phuc_vu', 'don_vi', 'quy_tac', 'so_chuyen', 'doanh_thu_vnd']];
  for (const r of c.byRule) rows.push([day, operatorCode, r.ruleId, r.trips, r.revenue]);
  rows.push([day, operatorCode, 'TONG', c.trips, c.revenue]);
  return { filename: `doi-soat-${operatorCode}-${day}.csv`, body: `\uFEFF${rows.map((r) => r.map(cell).join(',')).join('\r\n')}\r\n` };
}
