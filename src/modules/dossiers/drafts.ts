// Drafts: a citizen's unfinished form for one procedure, kept on the server so that it can be resumed on another
// device (GOV.UK: multi-step journeys keep their state server-side). The files uploaded with it are kept too
// (dossier_draft_files, the content in the attachment store), so that the check-your-answers page can submit them.
import type { Platform } from '../../platform/http/context.ts';
import { type Actor, requireUser } from '../../platform/auth/access.ts';
import { HttpErrors } from '../../platform/http/errors.ts';
import { recordAudit } from '../../platform/audit/index.ts';
import { findProcedureForDossier } from './catalogue.ts';
import { DossierErrors } from './errors.ts';
import { dossierRepo } from './repo.ts';
import { dossierDb } from './tables.ts';
import type { FieldError } from '../../platform/http/errors.ts';
import { checkAttachments, type IncomingFile, sizeOf } from './attachments.ts';
import type { DossierProcedure } from './catalogue.ts';
import { attachmentLimits, attachmentStore, putOne } from './storage.ts';

/** A file kept with a draft: its document, name, type, size and content address. */
export interface KeptFile {
  docKey: string;
  originalName: string;
  mime: string;
  size: number;
  sha256: string;
}

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

/**
 * Keeps the files just uploaded with the draft, one per document (a new one replaces the one before). They are
 * checked like a submission's (type by content, sizes); documents not uploaded now are not required here: the
 * check-your-answers step asks for them. Returns the problems with the uploads, nothing kept when there are any.
 */
export async function keepDraftFiles(platform: Platform, actor: Actor, procedure: DossierProcedure, uploads: readonly IncomingFile[], ip?: string | null): Promise<FieldError[]> {
  const user = citizen(actor);
  const present = uploads.filter((f) => sizeOf(f) > 0 || f.filename !== '' || f.truncated || f.overTotal);
  if (present.length === 0) return [];
  const optional = { ...procedure.form, documents: procedure.form.documents.map((d) => ({ ...d, required: false })) };
  const att = await checkAttachments(optional, present, attachmentLimits(platform));
  if (att.errors.length > 0) return att.errors;
  const store = attachmentStore(platform);
  for (const f of att.accepted) await putOne(store, f);
  await platform.database.db.transaction().execute(async (trx) => {
    const tdb = dossierDb(trx);
    await dossierRepo.addStoredFiles(tdb, att.accepted.map((f) => ({ sha256: f.sha256, size: f.size, mime: f.mime })));
    for (const f of att.accepted) await dossierRepo.putDraftFile(tdb, user.id, procedure.code, f);
    await recordAudit(trx, { actor, action: 'dossiers.draft_files', entity: 'dossier_draft', entityId: procedure.code, ip: ip ?? null, data: { files: att.accepted.length } });
  });
  return [];
}

export async function draftFilesOf(platform: Platform, actor: Actor, procedureCode: string): Promise<KeptFile[]> {
  const user = citizen(actor);
  return dossierRepo.draftFiles(dossierDb(platform.database.db), user.id, procedureCode);
}

/** The kept files as uploads again (their content from the store), to submit with the draft. */
export async function keptUploads(platform: Platform, kept: readonly KeptFile[]): Promise<IncomingFile[]> {
  const store = attachmentStore(platform);
  return Promise.all(kept.map(async (f) => ({ docKey: f.docKey, filename: f.originalName, content: await store.read(f.sha256) })));
}
