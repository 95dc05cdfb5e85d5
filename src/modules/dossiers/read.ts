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
import { stateLabels } from './states.ts';
import { findAgencyById } from '../units/index.ts';
import type { Text } from '../../platform/web/i18n.ts';
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

/** What anyone may learn of a code: its state, procedure, receiving agency and due date; nothing personal. */
export interface PublicStatus {
  code: string;
  status: string;
  statusLabel: Text;
  procedure: { code: string; name: string };
  agency: { code: string; name: string } | null;
  dueDate: string | null;
}

/** Public lookup (DOMAIN §4 "Lookup"): the code's state, procedure, agency and due date, nothing personal. */
export async function lookupStatus(platform: Platform, code: string): Promise<PublicStatus | undefined> {
  const c = code.trim().toUpperCase();
  if (!isDossierCode(c)) return undefined;
  const db = platform.database.db;
  const row = await dossierRepo.statusByCode(dossierDb(db), c);
  if (!row) return undefined;
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
