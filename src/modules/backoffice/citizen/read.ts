// The dossier as its applicant sees it on their own pages: the back office's case view, for the applicant only
// (anyone else, staff included, gets "not found": these pages are the citizen's, not the back office's).
import type { Actor } from '../../../platform/auth/access.ts';
import type { Platform } from '../../../platform/http/context.ts';
import { DossierErrors } from '../../dossiers/index.ts';
import { type CaseView, getCaseView } from '../workflow/view.ts';

export async function applicantView(platform: Platform, actor: Actor, code: string): Promise<CaseView> {
  const view = await getCaseView(platform, actor, code);
  if (!view.relation.applicant) throw DossierErrors.DOSSIER_NOT_FOUND();
  return view;
}
