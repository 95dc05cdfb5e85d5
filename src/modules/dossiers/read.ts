// Reading dossiers, each with its access rule at the top (DOMAIN §4 "Lookup"): anyone may learn a code's status;
// the applicant, and the staff of the receiving agency, see the dossier, its files and its timeline.
import type { Platform } from '../../platform/http/context.ts';
import { type Actor, requireUser } from '../../platform/auth/access.ts';
import type { SessionUser } from '../../platform/auth/roles.ts';
import { HttpErrors } from '../../platform/http/errors.ts';
import { isDossierCode } from './code.ts';
import { DossierErrors } from './errors.ts';
import { dossierRepo } from './repo.ts';
import type { Dossier, DossierEvent, DossierFile, Payment } from './schema.ts';
import { dossierDb } from './tables.ts';
import { attachmentStore } from './storage.ts';
import { findProcedureVersionForDossier } from './catalogue.ts';
import type { Readable } from 'node:stream';

export interface DossierView {
  dossier: Dossier;
  files: DossierFile[];
  events: DossierEvent[];
  payments: Payment[];
}

export function canSee(user: SessionUser, d: Dossier): boolean {
  if (user.kind === 'citizen') return d.applicantAccountId === user.id;
  return user.agencyId !== null && user.agencyId === d.agencyId;
}

/** Public lookup: the code and its status only, nothing personal. */
export async function lookupStatus(platform: Platform, code: string): Promise<{ code: string; status: string } | undefined> {
  const c = code.trim().toUpperCase();
  if (!isDossierCode(c)) return undefined;
  return dossierRepo.statusByCode(dossierDb(platform.database.db), c);
}

/** The dossier for its applicant or the receiving agency's staff; anyone else learns nothing (404, not 403). */
export async function getDossier(platform: Platform, actor: Actor, code: string): Promise<Dossier> {
  const user = requireUser(actor);
  const d = isDossierCode(code) ? await dossierRepo.findByCode(dossierDb(platform.database.db), code) : undefined;
  if (!d || !canSee(user, d)) throw DossierErrors.DOSSIER_NOT_FOUND();
  return d;
}

export async function getDossierView(platform: Platform, actor: Actor, code: string): Promise<DossierView> {
  const dossier = await getDossier(platform, actor, code);
  const db = dossierDb(platform.database.db);
  const [files, events, payments] = await Promise.all([
    dossierRepo.filesOf(db, [dossier.id]),
    dossierRepo.eventsOf(db, [dossier.id]),
    dossierRepo.paymentsOf(db, dossier.id),
  ]);
  return { dossier, files: files.get(dossier.id) ?? [], events: events.get(dossier.id) ?? [], payments };
}

/** Every dossier the signed-in citizen submitted, newest first, with files and timeline. */
export async function listMyDossiers(platform: Platform, actor: Actor): Promise<DossierView[]> {
  const user = requireUser(actor);
  if (user.kind !== 'citizen') throw HttpErrors.FORBIDDEN();
  const db = dossierDb(platform.database.db);
  const dossiers = await dossierRepo.listByApplicant(db, user.id);
  const ids = dossiers.map((d) => d.id);
  const [files, events] = await Promise.all([dossierRepo.filesOf(db, ids), dossierRepo.eventsOf(db, ids)]);
  return dossiers.map((dossier) => ({ dossier, files: files.get(dossier.id) ?? [], events: events.get(dossier.id) ?? [], payments: [] }));
}

/** An attachment's bytes, for the applicant or the receiving agency's staff. */
export async function openDossierFile(platform: Platform, actor: Actor, code: string, fileId: number): Promise<{ file: DossierFile; stream: Readable }> {
  const dossier = await getDossier(platform, actor, code);
  const file = Number.isSafeInteger(fileId) ? await dossierRepo.file(dossierDb(platform.database.db), dossier.id, fileId) : undefined;
  if (!file) throw DossierErrors.FILE_NOT_FOUND();
  return { file, stream: await attachmentStore(platform).stream(file.sha256) };
}

/** Procedure names of the versions the dossiers were received under, keyed `code@version`. */
export async function procedureNames(platform: Platform, items: readonly DossierView[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const { dossier: d } of items) {
    const key = `${d.procedureCode}@${d.procedureVersion}`;
    if (out.has(key)) continue;
    const p = await findProcedureVersionForDossier(platform.database.db, d.procedureCode, d.procedureVersion);
    out.set(key, p?.name ?? d.procedureCode);
  }
  return out;
}
