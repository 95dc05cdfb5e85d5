// Deadline sweeps (DOMAIN §4 "Late dossiers", §5): a scheduled job flags in-progress dossiers that are due soon or past
// their due date, writes the event into their history and tells the handling agency's staff by e-mail.
// - Due soon: the apology with a new return date (Form 04) must be issued at least 1 working day before the due date
//   (Decree 61/2018 Art. 19, as amended), so the warning goes out on the last working day before the due date (or
//   earlier, `leadWorkingDays`), counted on the working-day calendar: Tết, holidays and make-up Saturdays included.
// - Overdue: the due time has passed and no result is recorded.
// Each flag is set once (`due_soon_at`, `overdue_at`): a second run finds nothing. Batches are bounded and taken with
// SKIP LOCKED, so a huge backlog is worked off over several short transactions and two sweeps never flag one dossier
// twice. Flagging is not a transition: `row_version` stays, so an officer's open form is not made stale.
import type { Kysely, Transaction } from 'kysely';
import { recordAudit } from '../../../platform/audit/index.ts';
import { type WorkCalendar, endOfVietnamDay, vietnamDateOf } from '../../../platform/calendar/index.ts';
import type { PlatformTables } from '../../../platform/db/index.ts';
import type { Platform } from '../../../platform/http/context.ts';
import type { Role } from '../../../platform/auth/roles.ts';
import { findStaffWithRole, type StaffSummary } from '../../accounts/index.ts';
import { getWorkCalendar } from '../../calendar/index.ts';
import { officialEmailsOf } from '../../directory/index.ts';
import { findAgencyById } from '../../units/index.ts';
import { dossierRows, formatIsoDate, type FlaggedDossier } from '../../dossiers/index.ts';
import { type DeadlineLine, dueSoonMail, overdueMail } from './notify-messages.ts';

export const DEADLINE_SWEEP_JOB = 'dossier.deadline-sweep';
export const DEADLINE_SWEEP_CRON = '*/15 * * * *';
/** Warn on the n-th working day before the due date or later; 1 = the last day on which Form 04 may still be issued. */
export const DUE_SOON_WORKING_DAYS = 1;
export const SWEEP_BATCH = 500;
/** Batches per kind and run: at most 20 × 500 dossiers a quarter of an hour; the rest waits for the next run. */
export const SWEEP_MAX_BATCHES = 20;
export const SYSTEM_ACTOR = 'Hệ thống';

export interface SweepOptions {
  now?: Date;
  batch?: number;
  leadWorkingDays?: number;
  maxBatches?: number;
}

export interface SweepResult {
  /** Codes of the dossiers flagged by this run. */
  dueSoon: string[];
  overdue: string[];
}

type Flag = 'due_soon' | 'overdue';

type Flagged = FlaggedDossier;

/** Staff link to the dossier. */
export const staffDossierUrl = (baseUrl: string, code: string): string => `${baseUrl}/mot-cua/ho-so/${encodeURIComponent(code)}`;

async function record(trx: Transaction<PlatformTables>, flag: Flag, rows: Flagged[], now: Date): Promise<void> {
  await dossierRows.addHistoryRows(
    trx,
    rows.map((r) => ({
      dossierId: r.id,
      entry: { actorId: null, actor: SYSTEM_ACTOR, kind: flag, note: { due_date: dueDateOf(r), due_at: r.due_at.toISOString() }, at: now, agencyId: r.handling_agency_id ?? r.agency_id },
    })),
  );
  // One audit row per batch; each dossier's own history has its event.
  await recordAudit(trx, {
    actor: { id: null, label: 'system' },
    action: `dossiers.${flag}`,
    entity: 'dossier',
    data: { count: rows.length, codes: rows.map((r) => r.code) },
  });
}

const dueDateOf = (r: Flagged): string => r.due_date ?? vietnamDateOf(r.due_at);
const both = (iso: string) => ({ vi: formatIsoDate('vi', iso), en: formatIsoDate('en', iso) });

/** Who is told: the handling agency's specialists and leaders (before it is accepted: the receiving agency's one-stop officers and leaders); overdue: its leaders. */
function rolesFor(flag: Flag, handled: boolean): Role[] {
  if (flag === 'overdue') return ['leader'];
  return handled ? ['specialist', 'leader'] : ['one_stop_officer', 'leader'];
}

/** The staff to tell, each at their official address in the staff directory (issue 12) if they have one, else their account's. */
async function recipients(db: Kysely<PlatformTables>, agencyId: number, roles: Role[]): Promise<StaffSummary[]> {
  const byId = new Map<number, StaffSummary>();
  for (const role of roles) for (const s of await findStaffWithRole(db, agencyId, role)) byId.set(s.id, s);
  const official = await officialEmailsOf(db, [...byId.keys()]);
  return [...byId.values()].map((s) => ({ ...s, email: official.get(s.id) ?? s.email })).filter((s) => s.email);
}

async function tellStaff(trx: Transaction<PlatformTables>, platform: Platform, flag: Flag, rows: Flagged[], cal: WorkCalendar): Promise<void> {
  const groups = new Map<string, { agencyId: number; handled: boolean; rows: Flagged[] }>();
  for (const r of rows) {
    const agencyId = r.handling_agency_id ?? r.agency_id;
    const key = `${agencyId}:${r.handling_agency_id !== null}`;
    const g = groups.get(key) ?? { agencyId, handled: r.handling_agency_id !== null, rows: [] };
    g.rows.push(r);
    groups.set(key, g);
  }
  for (const g of groups.values()) {
    const agency = await findAgencyById(trx, g.agencyId);
    const dossiers: DeadlineLine[] = g.rows.map((r) => ({
      code: r.code,
      procedureCode: r.procedure_code,
      due: both(dueDateOf(r)),
      apologyBy: r.apologized_at ? null : both(cal.addWorkingDays(dueDateOf(r), -1)),
      url: staffDossierUrl(platform.config.baseUrl, r.code),
    }));
    for (const s of await recipients(trx, g.agencyId, rolesFor(flag, g.handled))) {
      const v = { name: s.fullName, agency: agency?.name ?? '', dossiers };
      const mail = flag === 'due_soon' ? dueSoonMail(v) : overdueMail(v);
      await platform.mailer.enqueue(trx, { to: s.email ?? '', subject: mail.subject, text: mail.text });
    }
  }
}

async function sweepOnce(platform: Platform, flag: Flag, now: Date, range: { from?: Date; before: Date }, batch: number, cal: WorkCalendar): Promise<string[]> {
  return platform.database.db.transaction().execute(async (trx) => {
    // The dossier rows are the dossiers module's: it sets the flag (SKIP LOCKED, bounded batch) and returns them.
    const rows = await dossierRows.flagDeadlines(trx, flag, now, range, batch);
    if (rows.length === 0) return [];
    await record(trx, flag, rows, now);
    await tellStaff(trx, platform, flag, rows, cal);
    return rows.map((r) => r.code);
  });
}

/** One batch of dossiers due on or before the `leadWorkingDays`-th working day after today (Vietnam), not yet overdue. */
export async function sweepDueSoon(platform: Platform, opts: SweepOptions = {}): Promise<string[]> {
  const now = opts.now ?? new Date();
  const cal = await getWorkCalendar(platform);
  const lastDueDay = cal.addWorkingDays(vietnamDateOf(now), opts.leadWorkingDays ?? DUE_SOON_WORKING_DAYS);
  const before = new Date(endOfVietnamDay(lastDueDay).getTime() + 1);
  return sweepOnce(platform, 'due_soon', now, { from: now, before }, opts.batch ?? SWEEP_BATCH, cal);
}

/** One batch of dossiers whose due time has passed. */
export async function sweepOverdue(platform: Platform, opts: SweepOptions = {}): Promise<string[]> {
  const now = opts.now ?? new Date();
  const cal = await getWorkCalendar(platform);
  return sweepOnce(platform, 'overdue', now, { before: now }, opts.batch ?? SWEEP_BATCH, cal);
}

/** Both sweeps, batch after batch until a batch comes back short or `maxBatches` were taken. */
export async function sweepDeadlines(platform: Platform, opts: SweepOptions = {}): Promise<SweepResult> {
  const o = { ...opts, now: opts.now ?? new Date() };
  const batch = o.batch ?? SWEEP_BATCH;
  const result: SweepResult = { dueSoon: [], overdue: [] };
  for (const [kind, sweep] of [['overdue', sweepOverdue], ['dueSoon', sweepDueSoon]] as const) {
    for (let i = 0; i < (o.maxBatches ?? SWEEP_MAX_BATCHES); i++) {
      const codes = await sweep(platform, o);
      result[kind].push(...codes);
      if (codes.length < batch) break;
    }
  }
  return result;
}

/** The module's `jobs` hook: the sweep every quarter of an hour (Vietnam time). */
export async function registerDeadlineSweeps(platform: Platform): Promise<void> {
  await platform.jobs.work(DEADLINE_SWEEP_JOB, async () => {
    await sweepDeadlines(platform);
  });
  await platform.jobs.schedule(DEADLINE_SWEEP_JOB, DEADLINE_SWEEP_CRON);
}
