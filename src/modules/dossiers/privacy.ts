// Least privilege over personal data (Decree 13/2023/NĐ-CP on the protection of personal data, Art. 3 "purpose
// limitation" and "data minimisation"; Art. 26 on logging processing): the applicant's name, personal identification
// number, address, contacts, answers and attachments are read only by the people who handle the dossier, and every
// read by staff is recorded so the applicant can see who read it.
//
// THE rule, used by every read path (citizen pages, officer pages, files, Forms 01–05, the API, the actions):
//   - the applicant (the account that submitted it);
//   - a one-stop officer, specialist or leader of the agency that received the dossier or handles it;
//   - a specialist or leader of an agency consulted on it (liên thông), the ones who answer what it was sent.
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

export function mayReadPersonalData(
  user: SessionUser,
  d: Pick<Dossier, 'agencyId' | 'handlingAgencyId' | 'applicantAccountId'>,
  consultedAgencyIds: readonly number[] = [],
): boolean {
  if (user.kind === 'citizen') return d.applicantAccountId !== null && d.applicantAccountId === user.id;
  const a = user.agencyId;
  if (a === null) return false;
  if ((a === d.agencyId || a === (d.handlingAgencyId ?? d.agencyId)) && holds(user, CASE_ROLES)) return true;
  return consultedAgencyIds.includes(a) && holds(user, CONSULTED_ROLES);
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
