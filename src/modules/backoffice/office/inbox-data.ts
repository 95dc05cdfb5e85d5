// The inbox page's data: the workflow inbox (workflow/inbox.ts) plus what a row shows besides its columns: the
// procedure's name (from a small cache: a published version does not change), the state's label in the dossier's
// workflow, and whether it is overdue or due by the end of the next working day.
import type { Platform } from '../../../platform/http/context.ts';
import type { Actor } from '../../../platform/auth/access.ts';
import { endOfVietnamDay, vietnamDateOf } from '../../../platform/calendar/index.ts';
import type { Text } from '../../../platform/web/i18n.ts';
import { getWorkCalendar } from '../../calendar/index.ts';
import { findProcedureVersionForDossier } from '../../dossiers/index.ts';
import { inbox, type Inbox, type InboxQuery, type InboxRow } from '../workflow/inbox.ts';
import { getWorkflow, shippedWorkflows } from '../workflow/registry.ts';

export type DueFlag = 'overdue' | 'due_soon' | null;

export interface InboxPageRow extends InboxRow {
  procedureName: string;
  statusLabel: Text;
  due: DueFlag;
}

export interface InboxPage extends Omit<Inbox, 'rows'> {
  rows: InboxPageRow[];
  q: string;
}

const NAME_CACHE_MAX = 500;
const names = new Map<string, string>();

async function procedureName(platform: Platform, code: string, version: number): Promise<string> {
  const key = `${code}@${version}`;
  const hit = names.get(key);
  if (hit !== undefined) return hit;
  const p = await findProcedureVersionForDossier(platform.database.db, code, version);
  if (names.size >= NAME_CACHE_MAX) names.delete(names.keys().next().value as string);
  // Unknown versions are not cached: the catalogue may import them later.
  if (p) names.set(key, p.name);
  return p?.name ?? code;
}

/** The state labels of every workflow (the inbox rows do not say which workflow a dossier follows). */
async function stateLabels(platform: Platform): Promise<Map<string, Text>> {
  const out = new Map<string, Text>();
  for (const shipped of shippedCodes()) {
    const w = await getWorkflow(platform.database.db, shipped);
    for (const s of w.states) if (!out.has(s.key)) out.set(s.key, s.label);
  }
  return out;
}

let codes: string[] | undefined;
function shippedCodes(): string[] {
  codes ??= shippedWorkflows().map((w) => w.code).sort((a, b) => (a === 'standard' ? -1 : b === 'standard' ? 1 : a.localeCompare(b)));
  return codes;
}

/** The clock runs in these states only; a dossier waiting for the applicant or with its result is not late. */
const CLOCK_STOPPED = new Set(['supplement', 'result_ready', 'refused', 'returned']);

export function dueFlag(row: Pick<InboxRow, 'status' | 'dueAt'>, now: Date, soon: Date): DueFlag {
  if (!row.dueAt || CLOCK_STOPPED.has(row.status)) return null;
  if (row.dueAt < now) return 'overdue';
  return row.dueAt <= soon ? 'due_soon' : null;
}

export async function inboxPage(platform: Platform, actor: Actor, query: InboxQuery, now: Date = new Date()): Promise<InboxPage> {
  const box = await inbox(platform, actor, query, now);
  const cal = await getWorkCalendar(platform);
  const soon = endOfVietnamDay(cal.nextWorkingDay(vietnamDateOf(now)));
  const labels = await stateLabels(platform);
  const rows: InboxPageRow[] = [];
  for (const r of box.rows) {
    rows.push({
      ...r,
      procedureName: await procedureName(platform, r.procedureCode, r.procedureVersion),
      statusLabel: labels.get(r.status) ?? { vi: r.status, en: r.status },
      due: dueFlag(r, now, soon),
    });
  }
  return { ...box, rows, q: (query.q ?? '').trim() };
}
