// One dossier as the back office and its applicant see it: its facts, where it is in its workflow, the history, files,
// supplements, consultations, rating and feedback, and the actions the viewer may take now. The applicant and the
// staff who handle it see it all; a consulted agency only what it was sent (dossiers/privacy.ts readScope, applied
// here once for the case page, its files, its papers and the API); anyone else gets "not found".
import type { Platform } from '../../../platform/http/context.ts';
import { type Actor, requireUser } from '../../../platform/auth/access.ts';
import type { SessionUser } from '../../../platform/auth/roles.ts';
import { findAgencyById } from '../../units/index.ts';
import { loadAddressUnits, type AddressUnit } from '../../eforms/index.ts';
import {
  findProcedureVersionForDossier,
  type DossierProcedure,
  isDossierCode,
  DossierErrors,
  type DossierFile,
  dossierRows,
  type Dossier,
  type HistoryEntry,
  consultedDossier,
  readScope,
  type ReadScope,
  type SentToAgency,
  sentFiles,
} from '../../dossiers/index.ts';
import { citizenRepo, type StoredFeedback, type StoredRating } from '../citizen/repo.ts';
import { mayTake, relationOf, type Relation } from './access.ts';
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
  /** 'consulted': a consulted agency's view, only what it was sent (dossiers/privacy.ts); no papers, history or ratings. */
  scope: ReadScope;
  /** What the viewer's agency was sent, for scope 'consulted'. */
  sent: SentToAgency | null;
  /** The actions the viewer may take now, in the workflow's order. */
  actions: WorkflowAction[];
  /** The city's communes, to read the addresses in the e-form's answers (answersView). */
  units: AddressUnit[];
}

export interface CaseAccess {
  /** The dossier, reduced to what a consulted agency was sent when scope is 'consulted'. */
  c: Dossier;
  relation: Relation;
  scope: ReadScope;
  /** What the reader's agency was sent, for scope 'consulted' (all its consultations on the dossier together). */
  sent: SentToAgency | null;
}

/** The one access rule of every back-office read and action (dossiers/privacy.ts readScope): 404 for anyone else. */
export async function caseFor(platform: Platform, user: SessionUser, code: string): Promise<CaseAccess> {
  const db = platform.database.db;
  const c = isDossierCode(code) ? await dossierRows.findByCode(db, code) : undefined;
  if (!c) throw DossierErrors.DOSSIER_NOT_FOUND();
  const consulted = await caseRepo.consultedAgencies(db, c.id);
  const scope = readScope(user, c, consulted);
  if (!scope) throw DossierErrors.DOSSIER_NOT_FOUND();
  const relation = relationOf(user, c, consulted);
  if (scope === 'full') return { c, relation, scope, sent: null };
  const mine = (await caseRepo.consultations(db, c.id)).filter((k) => k.agencyId === user.agencyId);
  const sent = { documents: [...new Set(mine.flatMap((k) => k.documents))], includeAnswers: mine.some((k) => k.includeAnswers) };
  return { c: consultedDossier(c, sent), relation, scope, sent };
}

export async function getCaseView(platform: Platform, actor: Actor, code: string): Promise<CaseView> {
  const user = requireUser(actor);
  const { c, relation, scope, sent } = await caseFor(platform, user, code);
  const pdb = platform.database.db;
  const [workflow, procedure, allFiles, fullHistory, allSupplements, allConsultations, fullRating, allFeedback, units] = await Promise.all([
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
  // A consulted agency sees its own questions and the files it was sent, not the rest of the dossier's life.
  const consulting = scope === 'consulted';
  const files = sent ? sentFiles(allFiles, sent) : allFiles;
  const consultations = consulting ? allConsultations.filter((k) => k.agencyId === user.agencyId) : allConsultations;
  const history = consulting ? [] : fullHistory;
  const supplements = consulting ? [] : allSupplements;
  const rating = consulting ? undefined : fullRating;
  const feedback = consulting ? [] : allFeedback;
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
    scope,
    sent,
    actions,
    units,
  };
}

