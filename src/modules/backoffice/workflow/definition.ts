// Workflow definitions as data (ARCHITECTURE "workflow steps as data"): data/workflows/*.json, loaded into the
// `workflows` table and validated here. A definition names the states a dossier passes through, the actions that move
// it, who may take each action (roles, and on behalf of which agency) and each step's share of the legal time.
// The rules the law fixes whatever the definition says (one apology, supplement limits, …) live in rules.ts.
import { z } from 'zod';
import { ROLES, type Role } from '../../../platform/auth/roles.ts';

const text = z.object({ vi: z.string().min(1), en: z.string().min(1) });
const role = z.enum(ROLES as unknown as [Role, ...Role[]]);

/** Whose dossier the actor must be working for: the agency that received it, the one handling it, one consulted, or the applicant. */
export const ACTOR_SCOPES = ['receiving', 'handling', 'consulted', 'applicant'] as const;
export type ActorScope = (typeof ACTOR_SCOPES)[number];

/** What an action asks of the actor besides pressing the button. */
export const REQUIREMENTS = ['comment', 'items', 'result_file', 'agencies', 'new_due_date', 'return_method', 'files', 'assignee', 'processing_days'] as const;
export type Requirement = (typeof REQUIREMENTS)[number];

/**
 * What the action asks of this dossier: its definition's list, and, to accept a dossier whose procedure states no
 * usable processing time (311 of the national catalogue's, e.g. "1"), the working days the receiving officer sets
 * for it, so that every accepted dossier has a return date (DOMAIN §4, Form 01).
 */
export function requirementsOf(a: Pick<WorkflowAction, 'effect' | 'requires'>, c: { dueDate: string | null }): Requirement[] {
  return a.effect === 'accept' && !c.dueDate && !a.requires.includes('processing_days') ? [...a.requires, 'processing_days'] : [...a.requires];
}

/** What each action does beyond changing the state; the engine (engine.ts) knows each effect. */
export const EFFECTS = [
  'accept', 'request_supplement', 'complete_supplement', 'refuse', 'assign', 'consult', 'reply_consultation',
  'submit_for_approval', 'send_back', 'approve', 'reject', 'record_result', 'return_result', 'apologize',
] as const;
export type Effect = (typeof EFFECTS)[number];

const action = z.object({
  key: z.string().regex(/^[a-z_]+$/),
  label: text,
  effect: z.enum(EFFECTS),
  from: z.array(z.string()).min(1),
  /** The state after the action; absent: the state does not change. */
  to: z.string().optional(),
  roles: z.array(role),
  scope: z.enum(ACTOR_SCOPES),
  requires: z.array(z.enum(REQUIREMENTS)).default([]),
  /** The official form the action issues (Circular 01/2018): 01 receipt, 02 supplement, 03 refusal, 04 apology. */
  form: z.enum(['01', '02', '03', '04']).optional(),
  /** The applicant is told (e-mail and SMS). */
  notify: z.boolean().default(false),
});

const state = z.object({
  key: z.string().regex(/^[a-z_]+$/),
  label: text,
  /** Share of the legal processing time this step may use (0–1); the shares of the working states sum to 1. */
  budget: z.number().min(0).max(1).default(0),
  /** The legal clock: runs, stops for the applicant, or the dossier is out of the process. */
  clock: z.enum(['running', 'paused', 'done']).default('running'),
  /** Who holds the dossier in this state (their inbox). */
  holder: z.enum(['receiving', 'handling', 'consulted', 'applicant', 'none']),
});

export const workflowSchema = z
  .object({
    code: z.string().regex(/^[a-z0-9][a-z0-9-]{1,40}$/),
    name: text,
    description: text,
    states: z.array(state).min(2),
    actions: z.array(action).min(1),
  })
  .superRefine((w, ctx) => {
    const keys = new Set(w.states.map((s) => s.key));
    if (keys.size !== w.states.length) ctx.addIssue({ code: 'custom', message: 'duplicate state key' });
    const actions = new Set<string>();
    for (const a of w.actions) {
      if (actions.has(a.key)) ctx.addIssue({ code: 'custom', message: `duplicate action ${a.key}` });
      actions.add(a.key);
      for (const s of [...a.from, ...(a.to ? [a.to] : [])]) {
        if (!keys.has(s)) ctx.addIssue({ code: 'custom', message: `action ${a.key}: unknown state ${s}` });
      }
    }
    const total = w.states.reduce((n, s) => n + s.budget, 0);
    if (Math.abs(total - 1) > 1e-6) ctx.addIssue({ code: 'custom', message: `state budgets sum to ${total}, not 1` });
  });

export type Workflow = z.infer<typeof workflowSchema>;
export type WorkflowAction = Workflow['actions'][number];
export type WorkflowState = Workflow['states'][number];

export function parseWorkflow(json: unknown): Workflow {
  return workflowSchema.parse(json);
}

export function stateOf(w: Workflow, key: string): WorkflowState | undefined {
  return w.states.find((s) => s.key === key);
}

export function actionOf(w: Workflow, key: string): WorkflowAction | undefined {
  return w.actions.find((a) => a.key === key);
}

/** The actions a dossier in `status` may take under `w`, in the definition's order. */
export function actionsFrom(w: Workflow, status: string): WorkflowAction[] {
  return w.actions.filter((a) => a.from.includes(status));
}
