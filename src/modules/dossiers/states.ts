// One label per dossier state (issue 9): the workflow definitions (data/workflows/*.json) name every state, and every
// page, PDF, mail and API prints that name. The back office owns the definitions; this module reads them through the
// view workflow_state_labels (migrations/0017), refreshed at most once a minute, and from the shipped files until the
// reference data is loaded. The standard workflow's label wins where two workflows name a state differently.
//   const labels = await stateLabels(db); labels.of('received', 'vi')  // 'Chờ tiếp nhận'
//   statusLabel('received')                                             // { vi, en } as last read
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Kysely } from 'kysely';
import type { PlatformTables } from '../../platform/db/index.ts';
import type { Lang, Text } from '../../platform/web/i18n.ts';
import { stateLabelRepo, type StateLabelRow } from './repo-states.ts';

const WORKFLOWS_DIR = fileURLToPath(new URL('../../../data/workflows/', import.meta.url));
const PREFERRED = 'standard';
const TTL_MS = 60_000;

export interface StateLabels {
  /** The state's label in `lang`; an unknown state prints its key. */
  of(state: string, lang: Lang): string;
  text(state: string): Text;
}

function toMap(rows: StateLabelRow[]): Map<string, Text> {
  const sorted = [...rows].sort((a, b) => Number(b.workflowCode === PREFERRED) - Number(a.workflowCode === PREFERRED));
  const map = new Map<string, Text>();
  for (const r of sorted) if (!map.has(r.state)) map.set(r.state, { vi: r.vi, en: r.en });
  return map;
}

function shippedRows(): StateLabelRow[] {
  const rows: StateLabelRow[] = [];
  for (const f of readdirSync(WORKFLOWS_DIR).filter((n) => n.endsWith('.json'))) {
    const w = JSON.parse(readFileSync(join(WORKFLOWS_DIR, f), 'utf8')) as { code: string; states: { key: string; label: Text }[] };
    for (const s of w.states) rows.push({ workflowCode: w.code, state: s.key, vi: s.label.vi, en: s.label.en });
  }
  return rows;
}

let current = toMap(shippedRows());
let readAt = 0;

const labels: StateLabels = {
  of: (state, lang) => statusLabel(state)[lang],
  text: (state) => statusLabel(state),
};

/** The labels as the workflow definitions in the database name them (cached for a minute). */
export async function stateLabels(db: Kysely<PlatformTables>): Promise<StateLabels> {
  if (Date.now() - readAt >= TTL_MS) {
    readAt = Date.now();
    // A failed read keeps the labels already known: a page still prints its state while the database recovers.
    const rows = await stateLabelRepo.all(db).catch(() => []);
    if (rows.length > 0) current = toMap(rows);
  }
  return labels;
}

/** The label last read (the shipped definitions' before the first read). */
export function statusLabel(status: string): Text {
  return current.get(status) ?? { vi: status, en: status };
}
