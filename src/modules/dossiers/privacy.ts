// Least privilege over personal data (Decree 13/2023/NĐ-CP on the protection of personal data, Art. 3 "purpose
// limitation" and "data minimisation"; Art. 26 on logging processing): the applicant's name, personal identification
// number, address, contacts, answers and attachments are read only by the people who handle the dossier, and every
// read by staff is recorded so the applicant can see who read it.
//
// THE rule, used by every read path (citizen pages, officer pages, files, Forms 01–05, the API, the actions):
//   - the applicant (the account that submitted it);
//   - a one-stop officer, specialist or leader of the agency that received the dossier or handles it;
//   - a specialist or leader of an agency consulted on it (liên thông), the ones who answer: only what it was sent
//     (scope 'consulted': the files the consulting officer chose, the answers if chosen, no ID number nor contacts).
// Editors, moderators, administrators and registry clerks, whatever their agency, read no dossier: they get 404.
import type { Platform } from '../../platform/http/context.ts';
import type { Role, SessionUser } from '../../platform/auth/roles.ts';
import { listAudit, recordAudit } from '../../platform/audit/index.ts';
import type { Dossier } from './schema.ts';

/** The roles that handle a dossier at the receiving or handling agency. */
export const CASE_ROLES: readonly Role[] = ['one_stop_officer', 'specialist', 'leader'];
/** The roles of a consulted agency that answer the consultation (workflow lien-thong, reply_consultation). */
export const CONSULTED_ROLES: readonly Role[] = ['specialist', 'leader'];

const holds = (user: SessionUser, roles: readonly Role[]): boolean => user.roles.some((r) => roles.includes(r));

/**
 * How much of the dossier a reader sees: 'full' (the applicant, the receiving or handling agency's officers) or
 * 'consulted' (a consulted agency's specialist or leader: what it was sent, consultedDossier below); null: nothing (404).
 */
export type ReadScope = 'full' | 'consulted';

export function readScope(
  user: SessionUser,
  d: Pick<Dossier, 'agencyId' | 'handlingAgencyId' | 'applicantAccountId'>,
  consultedAgencyIds: readonly number[] = [],
): ReadScope | null {
  if (user.kind === 'citizen') return d.applicantAccountId !== null && d.applicantAccountId === user.id ? 'full' : null;
  const a = user.agencyId;
  if (a === null) return null;
  if ((a === d.agencyId || a === (d.handlingAgencyId ?? d.agencyId)) && holds(user, CASE_ROLES)) return 'full';
  return consultedAgencyIds.includes(a) && holds(user, CONSULTED_ROLES) ? 'consulted' : null;
}

export function mayReadPersonalData(
  user: SessionUser,
  d: Pick<Dossier, 'agencyId' | 'handlingAgencyId' | 'applicantAccountId'>,
  consultedAgencyIds: readonly number[] = [],
): boolean {
  return readScope(user, d, consultedAgencyIds) !== null;
}

/** What the consulting officer sent an agency: the ids of the dossier's files, and whether the e-form's answers. */
export interface SentToAgency {
  documents: readonly number[];
  includeAnswers: boolean;
}

/**
 * The dossier as a consulted agency sees it (Decree 13/2023 Art. 3, data minimisation): its code, procedure, dates and
 * the applicant's name, but no personal identification number, phone, e-mail or address, and the e-form's answers only
 * if they were sent. Its files are narrowed with sentFiles.
 */
export function consultedDossier(d: Dossier, sent: SentToAgency): Dossier {
  return { ...d, applicant: { name: d.applicant.name, personal_id: '', phone: null, email: null, address: '' }, formData: sent.includeAnswers ? d.formData : {} };
}

/** Only the files that were sent. */
export function sentFiles<F extends { id: number }>(files: readonly F[], sent: SentToAgency): F[] {
  return files.filter((f) => sent.documents.includes(f.id));
}

/** What a read showed: the officer's page, a file, a paper (PDF), the API's answer, the citizen-side receipt. */
export type ReadWhat = 'page' | 'file' | 'pdf' | 'api' | 'receipt';

export const READ_ACTION = 'dossier.read';

/**
 * One audit row per read of the dossier's personal data by staff (who, which dossier, what, when). The reader's name,
 * roles and agency are kept as they were then, for the applicant's list of readers. The applicant's own reads are not
 * recorded.
 */
export async function recordDossierRead(platform: Platform, user: SessionUser, d: Pick<Dossier, 'code' | 'agencyId'>, what: ReadWhat, extra: { ip?: string | null; file?: number; paper?: string } = {}): Promise<void> {
  if (user.kind !== 'staff') return;
  await recordAudit(platform.database.db, {
    actor: user,
    action: READ_ACTION,
    entity: 'dossier',
    entityId: d.code,
    agencyId: user.agencyId,
    ip: extra.ip ?? null,
    data: {
      what,
      name: user.displayName,
      roles: user.roles,
      agency: user.agencyName,
      ...(extra.file !== undefined ? { file: extra.file } : {}),
      ...(extra.paper !== undefined ? { paper: extra.paper } : {}),
    },
  });
}

export interface DossierRead {
  at: Date;
  name: string;
  roles: Role[];
  agency: string | null;
  what: ReadWhat;
}

/** The latest staff reads of a dossier, newest first (for its applicant: access checked by the caller). */
export async function dossierReads(platform: Platform, code: string, limit = 100): Promise<DossierRead[]> {
  const rows = await listAudit(platform.database.db, { entity: 'dossier', entityId: code, action: READ_ACTION, limit });
  return rows.map((r) => {
    const data = (r.data ?? {}) as { what?: ReadWhat; name?: string; roles?: Role[]; agency?: string | null };
    return { at: r.at, name: data.name ?? r.actorLabel ?? '', roles: Array.isArray(data.roles) ? data.roles : [], agency: data.agency ?? null, what: data.what ?? 'page' };
  });
}
