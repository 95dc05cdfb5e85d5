// Who may see and act on a dossier (issue 4 "Access", issue 10 "Least privilege"): seeing is the dossiers module's one
// rule over personal data (mayReadPersonalData, dossiers/privacy.ts, Decree 13/2023/NĐ-CP): the applicant, a one-stop
// officer, specialist or leader of the receiving or handling agency, a specialist or leader of a consulted agency; an
// editor, administrator or registry clerk sees none, and an officer of one ward none of another's. Acting also needs
// the action's role and scope.
import type { SessionUser } from '../../../platform/auth/roles.ts';
import type { ActorScope, WorkflowAction } from './definition.ts';
import { type Dossier, mayReadPersonalData } from '../../dossiers/index.ts';

export interface Relation {
  receiving: boolean;
  handling: boolean;
  consulted: boolean;
  applicant: boolean;
}

export function relationOf(user: SessionUser, c: Pick<Dossier, 'agencyId' | 'handlingAgencyId' | 'applicantAccountId'>, consultedAgencyIds: readonly number[]): Relation {
  if (user.kind === 'citizen') return { receiving: false, handling: false, consulted: false, applicant: c.applicantAccountId === user.id };
  const a = user.agencyId;
  return {
    receiving: a !== null && a === c.agencyId,
    handling: a !== null && a === (c.handlingAgencyId ?? c.agencyId),
    consulted: a !== null && consultedAgencyIds.includes(a),
    applicant: false,
  };
}

/** May this user read the dossier (and so its personal data)? The one rule of dossiers/privacy.ts. */
export function canSeeCase(user: SessionUser, c: Pick<Dossier, 'agencyId' | 'handlingAgencyId' | 'applicantAccountId'>, consultedAgencyIds: readonly number[]): boolean {
  return mayReadPersonalData(user, c, consultedAgencyIds);
}

export function inScope(rel: Relation, scope: ActorScope): boolean {
  return rel[scope];
}

/** The action's role and scope; roles [] means the applicant's own action. */
export function mayTake(user: SessionUser, rel: Relation, action: WorkflowAction): boolean {
  if (!inScope(rel, action.scope)) return false;
  if (action.scope === 'applicant') return user.kind === 'citizen';
  return user.kind === 'staff' && action.roles.some((r) => user.roles.includes(r));
}
