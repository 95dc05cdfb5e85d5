// Where people land after signing in (issue 9): staff on their work, citizens on their account; and the line the
// sign-in page shows to say why a visitor was sent there, read from the page they were going to (`next`).
import type { SessionUser } from '../../platform/auth/roles.ts';
import type { Text } from '../../platform/web/i18n.ts';
import { signInReasons as r } from './messages.ts';

/** The roles that handle dossiers, whose work is the one-stop inbox. */
const OFFICER_ROLES: readonly string[] = ['one_stop_officer', 'specialist', 'leader'];

/** The page after a sign-in that asked for no other: officers' inbox, the administrators' home, else the account page. */
export function landingFor(user: SessionUser): string {
  if (user.kind === 'staff' && user.roles.some((role) => OFFICER_ROLES.includes(role))) return '/mot-cua';
  if (user.kind === 'staff' && user.roles.includes('admin')) return '/quan-tri';
  if (user.kind === 'staff' && user.roles.includes('school_admissions')) return '/truong/tuyen-sinh';
  // The education office's work is the admission figures (issue 11).
  if (user.kind === 'staff' && user.roles.includes('education_office')) return '/quan-ly/tuyen-sinh/so';
  // IT readiness, IT training and schools' IT equipment (issue 14): each role's own pages.
  if (user.kind === 'staff' && user.roles.some((role) => role.startsWith('readiness_'))) return '/chuyen-doi-so';
  if (user.kind === 'staff' && user.roles.includes('training_manager')) return '/dao-tao-cntt';
  if (user.kind === 'staff' && user.roles.includes('school_it')) return '/thiet-bi-cntt-truong';
  // Public-transport e-tickets (issue 15): the centre officer's search; an operator's clearing staff their clearing.
  if (user.kind === 'staff' && user.roles.includes('transit_officer')) return '/quan-ly/ve-dien-tu';
  if (user.kind === 'staff' && user.roles.includes('transit_operator')) return '/quan-ly/ve-dien-tu/doi-soat';
  // Driving licences (issue 16): the registry officer's look-up.
  if (user.kind === 'staff' && user.roles.includes('licence_officer')) return '/quan-ly/gplx';
  // Traffic signals (issue 16): the engineer's map of intersections.
  if (user.kind === 'staff' && user.roles.includes('signal_engineer')) return '/quan-ly/den-tin-hieu';
  return '/tai-khoan';
}

const REASONS: [RegExp, Text][] = [
  [/^\/dich-vu-cong\/[^/?]+\/nop(?:[/?]|$)/, r.submit],
  [/^\/(?:ho-so-cua-toi|ho-so)(?:[/?]|$)/, r.dossiers],
  [/^\/mot-cua(?:[/?]|$)/, r.oneStop],
  [/^\/(?:quan-tri|quan-ly)(?:[/?]|$)/, r.admin],
  [/^\/tai-khoan(?:[/?]|$)/, r.account],
];

/** Why the sign-in page was shown, when a protected page sent the visitor there; undefined without `next`. */
export function signInReason(next: string | undefined): Text | undefined {
  if (!next) return undefined;
  return REASONS.find(([re]) => re.test(next))?.[1] ?? r.other;
}
