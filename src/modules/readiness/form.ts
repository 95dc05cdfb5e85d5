// A unit's self-assessment form (issue 14): opened as a draft the first time its IT officer asks for it, with the
// values the platform knows filled in and their source kept; saved as drafts (a value of the wrong type is named and
// the value saved before kept; broken validation rules come back as warnings); submitted once every rule holds and
// every input has a value or an explanation, by the deadline unless the reviewing office reopened the form (then it
// is marked late). A form the office returned with questions is resubmitted once they are answered. Each change
// checks access first and writes its audit row in the same transaction; nothing changes after publication.
import type { Actor } from '../../platform/auth/access.ts';
import { vietnamDateOf } from '../../platform/calendar/index.ts';
import type { Platform } from '../../platform/http/context.ts';
import { listAgencies } from '../units/index.ts';
import { cycleOf, formForUser, notPublished, requireReporter } from './access.ts';
import { ReadinessErrors } from './errors.ts';
import { audit, type CycleRow, type EvidenceInfo, type FormRow, type QuestionRow, type AdjustmentRow, type ReadinessDb, readinessDb, readinessRepo } from './repo.ts';
import { type BrokenRule, validateValues, type UnitValues } from './scoring.ts';
import { inputsOf, type LoadedSet, type PlatformSource } from './sets.ts';
import { loadVersion } from './sets-store.ts';
import { mergeTyped, missingInputs, ruleErrors } from './values.ts';

/**
 * The figures the platform knows of a unit (dossiers handled online and on time, portal presence, documents handled
 * on time), supplied by the caller, so that this module reads no other module's tables. A source it cannot give is
 * left out and the unit types the value.
 */
export type PlatformFigures = (q: { agencyId: number; year: number; sources: readonly PlatformSource[] }) => Promise<Partial<Record<PlatformSource, number | boolean>>>;

export const noPlatformFigures: PlatformFigures = async () => ({});

/** The cycle's indicator set: the version it was opened on (readiness_sets), checked once per process. Inside a
 *  transaction pass the transaction (PGlite has one connection). */
export function setOf(db: ReadinessDb, cycle: Pick<CycleRow, 'set_id' | 'set_version'>): Promise<LoadedSet> {
  return loadVersion(db, cycle.set_id, cycle.set_version);
}

/** The agency kind that makes up each peer group. */
export const AGENCY_KIND = { commune: 'commune_committee', department: 'department' } as const;

export interface FormView {
  form: FormRow;
  cycle: CycleRow;
  /** Validation rules the saved values break (warnings while drafting). */
  warnings: BrokenRule[];
  evidence: EvidenceInfo[];
  questions: QuestionRow[];
  adjustments: AdjustmentRow[];
}

async function viewOf(platform: Platform, form: FormRow, cycle: CycleRow): Promise<FormView> {
  const db = readinessDb(platform.database.db);
  return {
    form,
    cycle,
    warnings: validateValues(await setOf(db, cycle), form.form_values),
    evidence: await readinessRepo.evidenceOf(db, form.id),
    questions: await readinessRepo.questionsOf(db, form.id),
    adjustments: await readinessRepo.adjustmentsOf(db, form.id),
  };
}

/** The reporter's own unit's form of the cycle, created as a draft on first open with the platform's figures. */
export async function formFor(platform: Platform, actor: Actor, cycleId: number, figures: PlatformFigures = noPlatformFigures, ip: string | null = null): Promise<FormView> {
  const user = requireReporter(actor);
  const db = readinessDb(platform.database.db);
  const cycle = await cycleOf(db, cycleId);
  const existing = await readinessRepo.formOf(db, cycle.id, user.agencyId);
  if (existing) return viewOf(platform, existing, cycle);
  notPublished(cycle);
  if (cycle.state !== 'open') throw ReadinessErrors.CYCLE_CLOSED();
  const agencies = await listAgencies(platform.database.db, { kind: AGENCY_KIND[cycle.peer_group] });
  if (!agencies.some((a) => a.id === user.agencyId)) throw ReadinessErrors.NOT_IN_PEER_GROUP();
  // Outside the transaction: the caller's figures may read other modules' data through the pool.
  const loaded = await setOf(db, cycle);
  const wanted = inputsOf(loaded).filter((f) => f.platformSource);
  const known = wanted.length > 0 ? await figures({ agencyId: user.agencyId, year: cycle.year, sources: [...new Set(wanted.map((f) => f.platformSource!))] }) : {};
  const values: UnitValues = {};
  const sources: Record<string, string> = {};
  for (const f of wanted) {
    const v = known[f.platformSource!];
    if ((f.type === 'number' && typeof v === 'number' && Number.isFinite(v)) || (f.type === 'boolean' && typeof v === 'boolean')) {
      values[f.code] = v;
      sources[f.code] = f.platformSource!;
    }
  }
  const form = await db.transaction().execute(async (trx) => {
    const made = await readinessRepo.insertForm(trx, { cycle_id: cycle.id, agency_id: user.agencyId, form_values: values, sources });
    if (!made) return (await readinessRepo.formOf(trx, cycle.id, user.agencyId))!;
    await audit(trx, { actor: user, action: 'readiness.form_opened', entity: 'readiness_form', entityId: made.id, agencyId: user.agencyId, ip, data: { cycle: cycle.id, filled: sources } });
    return made;
  });
  return viewOf(platform, form, cycle);
}

/** A form as its unit's officer, the office or the council see it. */
export async function formById(platform: Platform, actor: Actor, formId: number): Promise<FormView> {
  const { form, cycle } = await formForUser(readinessDb(platform.database.db), actor, formId);
  return viewOf(platform, form, cycle);
}

export interface Typed {
  values?: Record<string, unknown>;
  explanations?: Record<string, unknown>;
  /** The form's version the page was showing (optimistic lock). */
  version: number;
}

export interface Saved extends FormView {
  /** Values that did not parse: each named, the value saved before kept. */
  errors: { field: string; message: { vi: string; en: string } }[];
}

const EDITABLE = ['draft', 'returned'] as const;
const editable = (f: FormRow): boolean => (EDITABLE as readonly string[]).includes(f.state);

/** Saves what was typed into the unit's draft (or returned form); bad values are reported, the rest is saved. */
export async function saveDraft(platform: Platform, actor: Actor, formId: number, typed: Typed, ip: string | null = null): Promise<Saved> {
  requireReporter(actor);
  const db = readinessDb(platform.database.db);
  const { user, cycle } = await formForUser(db, actor, formId);
  notPublished(cycle);
  const { form, errors } = await db.transaction().execute(async (trx) => {
    const { form: f } = await formForUser(trx, actor, formId, true);
    if (f.agency_id !== user.agencyId) throw ReadinessErrors.FORM_NOT_FOUND();
    if (!editable(f)) throw ReadinessErrors.WRONG_STATE();
    if (f.version !== typed.version) throw ReadinessErrors.STALE();
    const m = mergeTyped(await setOf(trx, cycle), { values: f.form_values, explanations: f.explanations }, typed);
    if (m.changed.length === 0) return { form: f, errors: m.errors };
    // A value the unit changed is its own now: the platform's source is no longer shown for it.
    const sources = Object.fromEntries(Object.entries(f.sources).filter(([code]) => !m.changed.includes(code)));
    const after = await readinessRepo.updateForm(trx, f.id, { form_values: m.values, explanations: m.explanations, sources });
    await audit(trx, { actor: user, action: 'readiness.draft_saved', entity: 'readiness_form', entityId: f.id, agencyId: f.agency_id, ip, data: { changed: m.changed, refused: m.errors.map((e) => e.field) } });
    return { form: after, errors: m.errors };
  });
  return { ...(await viewOf(platform, form, cycle)), errors };
}

/**
 * Submits the unit's form. Refused after the deadline (Vietnam's date) unless the office reopened the form, then
 * recorded as late; refused while a validation rule is broken, an input has neither value nor explanation, or a
 * question of the office is unanswered. A returned form is resubmitted whatever the date.
 */
export async function submit(platform: Platform, actor: Actor, formId: number, version: number, ip: string | null = null, now = new Date()): Promise<FormView> {
  requireReporter(actor);
  const db = readinessDb(platform.database.db);
  const result = await db.transaction().execute(async (trx) => {
    const { user, form: f } = await formForUser(trx, actor, formId, true);
    const cycle = await cycleOf(trx, f.cycle_id);
    if (f.agency_id !== user.agencyId) throw ReadinessErrors.FORM_NOT_FOUND();
    notPublished(cycle);
    if (!editable(f)) throw ReadinessErrors.WRONG_STATE();
    if (f.version !== version) throw ReadinessErrors.STALE();
    const first = f.submitted_at === null;
    let late = f.late;
    if (first) {
      if (cycle.state !== 'open') throw ReadinessErrors.CYCLE_CLOSED();
      if (vietnamDateOf(now) > cycle.deadline) {
        if (f.reopened_at === null) throw ReadinessErrors.LATE({ details: { deadline: cycle.deadline } });
        late = true;
      }
    } else if ((await readinessRepo.questionsOf(trx, f.id)).some((q) => q.answer === null)) {
      throw ReadinessErrors.QUESTIONS_OPEN();
    }
    const loaded = await setOf(trx, cycle);
    const broken = validateValues(loaded, f.form_values);
    if (broken.length > 0) throw ReadinessErrors.RULES_BROKEN({ fields: ruleErrors(broken) });
    const missing = missingInputs(loaded, f.form_values, f.explanations);
    if (missing.length > 0) throw ReadinessErrors.MISSING_VALUES({ fields: missing });
    const after = await readinessRepo.updateForm(trx, f.id, { state: 'submitted', late, ...(first ? { submitted_at: now, submitted_by: user.id } : {}) });
    await audit(trx, { actor: user, action: first ? 'readiness.submitted' : 'readiness.resubmitted', entity: 'readiness_form', entityId: f.id, agencyId: f.agency_id, ip, data: { late, deadline: cycle.deadline } });
    return { form: after, cycle };
  });
  return viewOf(platform, result.form, result.cycle);
}
