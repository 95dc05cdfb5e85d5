// One dossier as the back office and its applicant see it: its facts, where it is in its workflow, the history, files,
// supplements, consultations, rating and feedback, and the actions the viewer may take now. Staff of the receiving,
// handling or a consulted agency and the applicant see it; anyone else gets "not found".
import type { Platform } from '../../../platform/http/context.ts';
import { type Actor, requireUser } from '../../../platform/auth/access.ts';
import type { SessionUser } from '../../../platform/auth/roles.ts';
import { findAgencyById } from '../../units/index.ts';
import { findProcedureVersionForDossier, type DossierProcedure } from '../../dossiers/catalogue.ts';
import { isDossierCode } from '../../dossiers/code.ts';
import { DossierErrors } from '../../dossiers/errors.ts';
import type { DossierFile } from '../../dossiers/schema.ts';
import { dossierDb } from '../../dossiers/tables.ts';
import { canSeeCase, mayTake, relationOf, type Relation } from './access.ts';
import { actionsFrom, stateOf, type Workflow, type WorkflowAction, type WorkflowState } from './definition.ts';
import { getWorkflow } from './registry.ts';
import { supplementStage } from './rules.ts';
import { type Case, type Consultation, type HistoryEntry, type Supplement, caseRepo } from './repo.ts';

export interface CaseView {
  case: Case;
  workflow: Workflow;
  state: WorkflowState | undefined;
  procedure: DossierProcedure | undefined;
  agencies: Map<number, { code: string; name: string }>;
  files: (DossierFile & { kind: string })[];
  history: HistoryEntry[];
  supplements: Supplement[];
  consultations: Consultation[];
  rating: { overall: number; criteria: Record<string, number>; comment: string | null; ratedAt: Date } | null;
  feedback: { id: number; message: string; createdAt: Date; answer: string | null; answeredAt: Date | null }[];
  relation: Relation;
  /** The actions the viewer may take now, in the workflow's order. */
  actions: WorkflowAction[];
}

export async function caseFor(platform: Platform, user: SessionUser, code: string): Promise<{ c: Case; relation: Relation }> {
  const db = dossierDb(platform.database.db);
  const c = isDossierCode(code) ? await caseRepo.findByCode(db, code) : undefined;
  if (!c) throw DossierErrors.DOSSIER_NOT_FOUND();
  const relation = relationOf(user, c, await caseRepo.consultedAgencies(db, c.id));
  if (!canSeeCase(relation)) throw DossierErrors.DOSSIER_NOT_FOUND();
  return { c, relation };
}

export async function getCaseView(platform: Platform, actor: Actor, code: string): Promise<CaseView> {
  const user = requireUser(actor);
  const { c, relation } = await caseFor(platform, user, code);
  const pdb = platform.database.db;
  const db = dossierDb(pdb);
  const [workflow, procedure, files, history, supplements, consultations, rating, feedback] = await Promise.all([
    getWorkflow(pdb, c.workflowCode),
    findProcedureVersionForDossier(pdb, c.procedureCode, c.procedureVersion),
    db.selectFrom('dossier_files').selectAll().where('dossier_id', '=', c.id).orderBy('id').execute(),
    caseRepo.history(db, c.id),
    caseRepo.supplements(db, c.id),
    caseRepo.consultations(db, c.id),
    db.selectFrom('dossier_ratings').selectAll().where('dossier_id', '=', c.id).executeTakeFirst(),
    db.selectFrom('dossier_feedback').selectAll().where('dossier_id', '=', c.id).orderBy('id').execute(),
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
    files: files.map((f) => ({ id: f.id, docKey: f.doc_key, originalName: f.original_name, mime: f.mime, size: Number(f.size), sha256: f.sha256, kind: f.kind })),
    history,
    supplements,
    consultations,
    rating: rating ? { overall: rating.overall, criteria: (rating.criteria ?? {}) as Record<string, number>, comment: rating.comment, ratedAt: rating.rated_at } : null,
    feedback: feedback.map((f) => ({ id: f.id, message: f.message, createdAt: f.created_at, answer: f.answer, answeredAt: f.answered_at })),
    relation,
    actions,
  };
}

