// Who sees and does what with a document (issue 13: access limited to the agency and to the people a document was
// assigned to; confidential documents only to named people). Least privilege:
// - the agency's registry clerks and leaders see its documents; a specialist sees what was assigned to them, what
//   they drafted, and what the agency issued;
// - a confidential document only its drafter, the clerk who registered it, the people it was assigned to and the
//   readers named on it (a leader too only when named or assigned);
// - administrators keep accounts, not papers: they see documents only through a role in the agency.
import { type Actor, requireStaff } from '../../platform/auth/access.ts';
import { Role, type SessionUser } from '../../platform/auth/roles.ts';
import { DocumentErrors } from './errors.ts';
import { type DocumentRow, type DocumentsDb, documentsRepo } from './repo.ts';

export const DOCUMENT_ROLES = [Role.registryClerk, Role.leader, Role.specialist] as const;

/** Staff with a role in the registry's work, in an agency. */
export function requireDocumentStaff(actor: Actor): SessionUser & { agencyId: number } {
  const user = requireStaff(actor, ...DOCUMENT_ROLES);
  if (user.agencyId === null) throw DocumentErrors.NOT_ALLOWED();
  return user as SessionUser & { agencyId: number };
}

export const isClerk = (u: SessionUser): boolean => u.roles.includes(Role.registryClerk);
export const isLeader = (u: SessionUser): boolean => u.roles.includes(Role.leader);

export async function canSee(db: DocumentsDb, user: SessionUser, doc: DocumentRow): Promise<boolean> {
  if (user.kind !== 'staff' || user.agencyId !== doc.agency_id) return false;
  if (!DOCUMENT_ROLES.some((r) => user.roles.includes(r))) return false;
  if (doc.drafted_by === user.id || doc.registered_by === user.id) return true;
  if (doc.secrecy === 'confidential') return documentsRepo.isReader(db, doc.id, user.id);
  if (isClerk(user) || isLeader(user)) return true;
  if (doc.direction === 'out' && (doc.state === 'issued' || doc.state === 'recalled')) return true;
  return documentsRepo.isReader(db, doc.id, user.id);
}

/** The document if the user may see it; otherwise the same 404 as for a document that does not exist. */
export async function documentForUser(db: DocumentsDb, actor: Actor, id: number, lock = false): Promise<{ user: SessionUser & { agencyId: number }; doc: DocumentRow }> {
  const user = requireDocumentStaff(actor);
  const doc = Number.isSafeInteger(id) && id > 0 ? await (lock ? documentsRepo.lock(db, id) : documentsRepo.find(db, id)) : undefined;
  if (!doc || !(await canSee(db, user, doc))) throw DocumentErrors.NOT_FOUND();
  return { user, doc };
}
