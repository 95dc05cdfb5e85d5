// Who may see and act on a dossier (issue 4 "Access"): the applicant sees their own; staff see the dossiers of the
// agency that received them, of the agency handling them, and of an agency consulted on them; an officer of one
// ward can neither see nor act on another ward's dossiers. Acting also needs the action's role and scope.
import type { SessionUser } from '../../../platform/auth/roles.ts';
import type { ActorScope, WorkflowAction } from './definition.ts';
import type { Dossier } from '../../dossiers/index.ts';

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

export function canSeeCase(rel: Relation): boolean {
  return rel.receiving || rel.handling || rel.consulted || rel.applicant;
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
