// One dossier as the back office and its applicant see it: its facts, where it is in its workflow, the history, files,
// supplements, consultations, rating and feedback, and the actions the viewer may take now. The applicant and the
// staff who handle it (workflow/access.ts canSeeCase) see it; anyone else gets "not found".
import type { Platform } from '../../../platform/http/context.ts';
import { type Actor, requireUser } from '../../../platform/auth/access.ts';
import type { SessionUser } from '../../../platform/auth/roles.ts';
import { findAgencyById } from '../../units/index.ts';
import { loadAddressUnits, type AddressUnit } from '../../eforms/index.ts';
import { findProcedureVersionForDossier, type DossierProcedure, isDossierCode, DossierErrors, type DossierFile, dossierRows, type Dossier, type HistoryEntry } from '../../dossiers/index.ts';
import { citizenRepo, type StoredFeedback, type StoredRating } from '../citizen/repo.ts';
import { canSeeCase, mayTake, relationOf, type Relation } from './access.ts';
import { actionsFrom, stateOf, type Workflow, type WorkflowAction, type WorkflowState } from './definition.ts';
import { getWorkflow } from './registry.ts';
import { supplementStage } from './rules.ts';
import { type Consultation, type Supplement, caseRepo } from './repo.ts';

export interface CaseView {
  case: Dossier;
  workflow: Workflow;
  state: WorkflowState | undefined;
  procedure: DossierProcedure | undefined;
  agencies: Map<number, { code: string; name: string }>;
  files: (DossierFile & { kind: string })[];
  history: HistoryEntry[];
  supplements: Supplement[];
  consultations: Consultation[];
  rating: StoredRating | null;
  feedback: StoredFeedback[];
  relation: Relation;
  /** The actions the viewer may take now, in the workflow's order. */
  actions: WorkflowAction[];
  /** The city's communes, to read the addresses in the e-form's answers (answersView). */
  units: AddressUnit[];
}

export async function caseFor(platform: Platform, user: SessionUser, code: string): Promise<{ c: Dossier; relation: Relation }> {
  const db = platform.database.db;
  const c = isDossierCode(code) ? await dossierRows.findByCode(db, code) : undefined;
  if (!c) throw DossierErrors.DOSSIER_NOT_FOUND();
  const consulted = await caseRepo.consultedAgencies(db, c.id);
  if (!canSeeCase(user, c, consulted)) throw DossierErrors.DOSSIER_NOT_FOUND();
  const relation = relationOf(user, c, consulted);
  return { c, relation };
}

export async function getCaseView(platform: Platform, actor: Actor, code: string): Promise<CaseView> {
  const user = requireUser(actor);
  const { c, relation } = await caseFor(platform, user, code);
  const pdb = platform.database.db;
  const [workflow, procedure, files, history, supplements, consultations, rating, feedback, units] = await Promise.all([
    getWorkflow(pdb, c.workflowCode),
    findProcedureVersionForDossier(pdb, c.procedureCode, c.procedureVersion),
    dossierRows.files(pdb, c.id),
    dossierRows.history(pdb, c.id),
    caseRepo.supplements(pdb, c.id),
    caseRepo.consultations(pdb, c.id),
    citizenRepo.rating(pdb, c.id),
    citizenRepo.feedback(pdb, c.id),
    loadAddressUnits(pdb),
  ]);
  const agencyIds = new Set<number>([c.agencyId, ...(c.handlingAgencyId ? [c.handlingAgencyId] : []), ...consultations.map((k) => k.agencyId), ...history.flatMap((h) => (h.agencyId ? [h.agencyId] : []))]);
  const agencies = new Map<number, { code: string; name: string }>();
  for (const id of agencyIds) {
    const a = await findAgencyById(pdb, id);
    if (a) agencies.set(id, { code: a.code, name: a.name });
  }
  // A consulted agency acts only while its own consultation is open.
  const openFor = new Set(consultations.filter((k) => !k.repliedAt).map((k) => k.agencyId));
  // Nor are actions offered that the law already rules out: a second apology, a second request at the same step.
  const stage = supplementStage(c.status);
  const ruledOut = (a: WorkflowAction): boolean =>
    (a.effect === 'apologize' && (c.apologizedAt !== null || c.dueDate === null)) || (a.effect === 'request_supplement' && supplements.some((x) => x.stage === stage));
  const actions = actionsFrom(workflow, c.status).filter((a) => mayTake(user, relation, a) && (a.scope !== 'consulted' || openFor.has(user.agencyId ?? -1)) && !ruledOut(a));
  return {
    case: c,
    workflow,
    state: stateOf(workflow, c.status),
    procedure,
    agencies,
    files,
    history,
    supplements,
    consultations,
    rating: rating ?? null,
    feedback,
    relation,
    actions,
    units,
  };
}

