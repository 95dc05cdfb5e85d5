// Reading dossiers, each with its access rule at the top (DOMAIN §4 "Lookup"): anyone who knows a code and the last
// digits of the applicant's phone may learn its status; the applicant, and the staff who handle the dossier
// (privacy.ts, Decree 13/2023/NĐ-CP), see the dossier, its files and its timeline.
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
import { stateLabels } from './states.ts';
import { findAgencyById } from '../units/index.ts';
import type { Text } from '../../platform/web/i18n.ts';
import { mayReadPersonalData } from './privacy.ts';
import type { Readable } from 'node:stream';
import { timingSafeEqual } from 'node:crypto';

export interface DossierView {
  dossier: Dossier;
  files: DossierFile[];
  events: DossierEvent[];
  payments: Payment[];
}

/** The applicant, or staff who handle the dossier (privacy.ts); consultations are the back office's and not asked here. */
export function canSee(user: SessionUser, d: Dossier): boolean {
  return mayReadPersonalData(user, d);
}

/** What anyone may learn of a code: its state, procedure, receiving agency and due date; nothing personal. */
export interface PublicStatus {
  code: string;
  status: string;
  statusLabel: Text;
  procedure: { code: string; name: string };
  agency: { code: string; name: string } | null;
  dueDate: string | null;
}

/**
 * Public lookup (DOMAIN §4 "Lookup"): the code's state, procedure, agency and due date, nothing personal, for whoever
 * also gives the last 4 digits of the applicant's phone number (of their personal ID number when the dossier has no
 * phone), which the receipt's holder knows and a stranger counting through consecutive codes does not (issue 10: codes
 * are sequential per agency and day, Circular 01/2018 Art. 19, so a code alone would reveal each agency's daily volume
 * and every dossier's status). A wrong or missing answer is "not found", the same as an unknown code.
 */
export async function lookupStatus(platform: Platform, code: string, last4: string): Promise<PublicStatus | undefined> {
  const c = code.trim().toUpperCase();
  const digits = last4.replace(/\s+/g, '');
  if (!isDossierCode(c) || !/^\d{4}$/.test(digits)) return undefined;
  const db = platform.database.db;
  const row = await dossierRepo.statusByCode(dossierDb(db), c);
  if (!row) return undefined;
  const expected = (row.phone ?? row.personalId ?? '').replace(/\D/g, '').slice(-4);
  if (expected.length !== 4 || !timingSafeEqual(Buffer.from(expected), Buffer.from(digits))) return undefined;
  const [labels, procedure, agency] = await Promise.all([
    stateLabels(db),
    findProcedureVersionForDossier(db, row.procedure_code, row.procedure_version),
    findAgencyById(db, row.agency_id),
  ]);
  return {
    code: row.code,
    status: row.status,
    statusLabel: labels.text(row.status),
    procedure: { code: row.procedure_code, name: procedure?.name ?? row.procedure_code },
    agency: agency ? { code: agency.code, name: agency.name } : null,
    dueDate: row.due_date,
  };
}

/** The dossier for its applicant or the staff who handle it; anyone else learns nothing (404, not 403). */
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

/** An attachment's bytes, for the applicant or the staff who handle the dossier. */
export async function openDossierFile(platform: Platform, actor: Actor, code: string, fileId: number): Promise<{ dossier: Dossier; file: DossierFile; stream: Readable }> {
  const dossier = await getDossier(platform, actor, code);
  const file = Number.isSafeInteger(fileId) ? await dossierRepo.file(dossierDb(platform.database.db), dossier.id, fileId) : undefined;
  if (!file) throw DossierErrors.FILE_NOT_FOUND();
  return { dossier, file, stream: await attachmentStore(platform).stream(file.sha256) };
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
