// One dossier's history as the workflow engine would have written it (workflow/engine.ts, effects.ts): every action
// moves the row's columns the same way and leaves a process-history row (Form 05's hand-overs). The planner
// (lifecycle.ts) schedules the actions in office minutes; only those before `now` are applied.
import { type Deadline, endOfVietnamDay, vietnamInstant } from '../../../platform/calendar/index.ts';
import { SYSTEM_ACTOR } from '../workflow/sweeps.ts';
import { outcomeOf, stepDue } from '../workflow/rules.ts';
import type { Applicant } from '../../dossiers/index.ts';
import type { Officer, OfficerRole, SeedAgency, SeedContext } from './context.ts';
import type { SeedProcedure } from './procedures.ts';
import type { Rng } from './random.ts';
import type { ConsultationRow, DeadlineJson, DossierRow, EventRow, SeededDossier, Status, SupplementRow } from './rows.ts';

export interface StoryBase {
  agency: SeedAgency;
  procedure: SeedProcedure;
  channel: 'online' | 'counter';
  handlingId: number;
  applicant: Applicant;
  applicantAccountId?: number;
  rng: Rng;
}

type Run = (at: Date) => void;

export function deadlineJson(d: Deadline, p: SeedProcedure): DeadlineJson {
  return { explanation: d.explanation, provisional: d.provisional, amount: p.time.amount, unit: p.time.unit };
}

export class Story {
  readonly row: DossierRow;
  readonly events: EventRow[] = [];
  readonly supplements: SupplementRow[] = [];
  readonly consultations: ConsultationRow[] = [];
  readonly #steps: { om: number; run: Run }[] = [];
  #last = -Infinity;
  /** When the current state was entered (for the step's due time). */
  #enteredAt: Date;

  constructor(
    readonly ctx: SeedContext,
    readonly base: StoryBase,
    receivedAt: Date,
    due: Deadline,
  ) {
    const p = base.procedure;
    this.#enteredAt = receivedAt;
    this.row = {
      agency_id: base.agency.id,
      procedure_code: p.code,
      procedure_version: p.version,
      channel: base.channel,
      applicant: base.applicant,
      status: 'received',
      received_at: receivedAt,
      ...this.dueColumns(due),
      fee_total_dong: p.feeDong,
      payment_status: p.feeDong > 0 ? 'unpaid' : 'none',
      created_at: receivedAt,
      updated_at: receivedAt,
      workflow_code: p.workflow,
      online_level: p.online ? (p.onlineLevel ?? 'partial') : 'none',
      row_version: 1,
      clock_started_at: receivedAt,
      ...(base.applicantAccountId === undefined ? {} : { applicant_account_id: base.applicantAccountId }),
    };
  }

  dueColumns(d: Deadline): Pick<DossierRow, 'due_at' | 'due_date' | 'deadline'> {
    return { due_at: d.dueAt, due_date: d.dueDate, deadline: deadlineJson(d, this.base.procedure) };
  }

  officer(agencyId: number, role: OfficerRole): Officer {
    return this.base.rng.pick(this.ctx.officers(agencyId, role));
  }

  /** Schedules an action at office minute `om` (kept after the previous one); returns the minute it got. */
  at(om: number, run: Run): number {
    const t = Math.max(Math.round(om), this.#last + 1);
    this.#last = t;
    this.#steps.push({ om: t, run });
    return t;
  }

  /** A history row and the state change, as the engine writes them. */
  event(at: Date, kind: string, to: Status, by: Officer, agencyId: number, extra: { note?: Record<string, unknown>; comment?: string } = {}): void {
    const e: EventRow = { at, actor: by.name, kind, note: extra.note ?? {}, agency_id: agencyId, to_status: to };
    if (this.events.length > 0) e.from_status = this.row.status;
    if (by.id !== undefined) e.actor_id = by.id;
    if (extra.comment) e.comment = extra.comment;
    this.events.push(e);
    if (to !== this.row.status) this.#enteredAt = at;
    this.row.status = to;
    this.row.row_version = this.events.length;
    this.row.updated_at = at;
  }

  /** Applies what happened before `now` and fills the columns that depend on where the dossier stands. */
  finish(extra: { paidOm?: number; ratedOm?: number } = {}): SeededDossier & { paidAt?: Date; ratedAt?: Date } {
    const { ctx } = this;
    for (const s of this.#steps) {
      if (s.om >= ctx.nowOm) break;
      s.run(ctx.work.at(s.om));
    }
    const r = this.row;
    const done = r.status === 'refused' || r.status === 'returned';
    const running = !done && r.status !== 'supplement' && r.status !== 'result_ready';
    if (running && r.due_at) {
      const budget = this.ctx.budgets[this.base.procedure.workflow][r.status] ?? 0;
      const at = stepDue(ctx.work.calendar, { now: this.#enteredAt, budget, legalWorkingDays: this.base.procedure.legalWorkingDays, dueAt: r.due_at, endOfDay: endOfVietnamDay });
      if (at) r.step_due_at = at;
    }
    this.flags();
    const out: SeededDossier & { paidAt?: Date; ratedAt?: Date } = { row: r, events: this.events, supplements: this.supplements, consultations: this.consultations };
    if (extra.paidOm !== undefined && extra.paidOm < ctx.nowOm) out.paidAt = ctx.work.at(extra.paidOm);
    if (extra.ratedOm !== undefined && extra.ratedOm < ctx.nowOm) out.ratedAt = ctx.work.at(extra.ratedOm);
    return out;
  }

  /**
   * What the deadline sweeps (workflow/sweeps.ts, every quarter of an hour) would have flagged under the last due date,
   * each flag with its system event in the history (the row's version does not change): overdue once the due time
   * passed without a result; due soon from the working day before it, kept for the dossiers still in progress only
   * (it is a reminder, not a hand-over, and a finished dossier's would add a row to most histories).
   */
  flags(): void {
    const r = this.row;
    if (!r.due_at || !r.due_date || r.status === 'refused') return;
    const { work } = this.ctx;
    const until = (r.result_at ?? (r.status === 'supplement' ? r.paused_at : undefined) ?? this.ctx.now).getTime();
    const since = Math.max(r.clock_started_at.getTime(), r.apologized_at?.getTime() ?? 0);
    const dueAt = r.due_at.getTime();
    const sweep = (t: number) => Math.ceil(t / 900_000) * 900_000 + 60_000;
    const dueIdx = work.indexOf(r.due_date);
    const inProgress = !r.finished_at && !r.result_at && r.status !== 'supplement';
    if (inProgress && dueIdx !== undefined && dueIdx > 0) {
      const soon = sweep(Math.max(vietnamInstant(work.day(dueIdx - 1), 0).getTime(), since));
      if (soon < until && soon < dueAt) this.flag('due_soon', new Date(soon));
    }
    const over = sweep(dueAt);
    if (over < until && over > since) this.flag('overdue', new Date(over));
  }

  flag(kind: 'due_soon' | 'overdue', at: Date): void {
    const r = this.row;
    if (kind === 'due_soon') r.due_soon_at = at;
    else r.overdue_at = at;
    this.events.push({ at, actor: SYSTEM_ACTOR, kind, note: { due_date: r.due_date, due_at: r.due_at }, agency_id: r.handling_agency_id ?? r.agency_id });
  }

  resolve(at: Date): void {
    const r = this.row;
    r.result_at = at;
    r.outcome = outcomeOf(at, r.due_at ?? null, r.due_date ?? null);
    delete r.step_due_at;
  }
}
