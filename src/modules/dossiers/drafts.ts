// Drafts: a citizen's unfinished form for one procedure, kept on the server so that it can be resumed on another
// device (GOV.UK: multi-step journeys keep their state server-side). Files are not kept in drafts.
import type { Platform } from '../../platform/http/context.ts';
import { type Actor, requireUser } from '../../platform/auth/access.ts';
import { HttpErrors } from '../../platform/http/errors.ts';
import { recordAudit } from '../../platform/audit/index.ts';
import { findProcedureForDossier } from './catalogue.ts';
import { DossierErrors } from './errors.ts';
import { dossierRepo } from './repo.ts';
import { dossierDb } from './tables.ts';

const MAX_DRAFT_CHARS = 100_000;

export type DraftData = Record<string, string | string[]>;

/** Only the answers: text values of ordinary fields (no tokens, no files). */
export function draftFields(body: Record<string, unknown>): DraftData {
  const out: DraftData = {};
  for (const [k, v] of Object.entries(body)) {
    if (k.startsWith('_') || k.startsWith('files.') || k.length > 120) continue;
    if (typeof v === 'string') out[k] = v;
    else if (Array.isArray(v) && v.every((x) => typeof x === 'string')) out[k] = v as string[];
  }
  return out;
}

function citizen(actor: Actor): { id: number } {
  const user = requireUser(actor);
  if (user.kind !== 'citizen') throw HttpErrors.FORBIDDEN();
  return user;
}

export async function saveDraft(platform: Platform, actor: Actor, procedureCode: string, data: DraftData, ip?: string | null): Promise<void> {
  const user = citizen(actor);
  const procedure = await findProcedureForDossier(platform.database.db, procedureCode);
  if (!procedure) throw DossierErrors.PROCEDURE_NOT_FOUND();
  if (JSON.stringify(data).length > MAX_DRAFT_CHARS) throw DossierErrors.DRAFT_INVALID();
  await platform.database.db.transaction().execute(async (trx) => {
    await dossierRepo.saveDraft(dossierDb(trx), user.id, procedure.code, data);
    await recordAudit(trx, { actor, action: 'dossiers.draft_save', entity: 'dossier_draft', entityId: procedure.code, ip: ip ?? null });
  });
}

export async function loadDraft(platform: Platform, actor: Actor, procedureCode: string): Promise<{ data: DraftData; updatedAt: Date } | undefined> {
  const user = citizen(actor);
  const d = await dossierRepo.findDraft(dossierDb(platform.database.db), user.id, procedureCode);
  return d ? { data: d.data as DraftData, updatedAt: d.updatedAt } : undefined;
}
