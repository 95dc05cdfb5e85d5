// An action form's post, read into the engine's ActionInput (only what the action requires) and kept as typed so
// that a refused post shows the form again with nothing lost.
import { uploadsOf } from '../../dossiers/index.ts';
import { requirementsOf, type WorkflowAction } from '../workflow/definition.ts';
import type { ActionInput } from '../workflow/input.ts';

/** What the officer typed into one action's form, as strings, to fill the form again. */
export interface TypedValues {
  comment: string;
  items: string;
  agencies: string[];
  /** Reply dates by agency code. */
  agencyDue: Record<string, string>;
  newDueDate: string;
  returnMethod: string;
  assignee: string;
  processingDays: string;
  /** A consultation: the ids of the files ticked, and the answers' box. */
  documents: string[];
  includeAnswers: boolean;
}

export const EMPTY_TYPED: TypedValues = { comment: '', items: '', agencies: [], agencyDue: {}, newDueDate: '', returnMethod: '', assignee: '', processingDays: '', documents: [], includeAnswers: false };

/** Field name of an agency's reply date: `due.<agency code>`. */
export const agencyDueField = (code: string): string => `due.${code}`;

const str = (body: Record<string, unknown>, k: string): string => {
  const v = body[k];
  if (typeof v === 'string') return v;
  if (Array.isArray(v) && typeof v[0] === 'string') return v[0];
  return '';
};

const list = (body: Record<string, unknown>, k: string): string[] => {
  const v = body[k];
  if (typeof v === 'string') return v === '' ? [] : [v];
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string' && x !== '') : [];
};

export function typedValues(body: Record<string, unknown>): TypedValues {
  const agencies = list(body, 'agencies').slice(0, 100);
  const agencyDue: Record<string, string> = {};
  for (const code of agencies) agencyDue[code] = str(body, agencyDueField(code)).trim();
  return {
    comment: str(body, 'comment'),
    items: str(body, 'items'),
    agencies,
    agencyDue,
    newDueDate: str(body, 'new_due_date').trim(),
    returnMethod: str(body, 'return_method').trim(),
    assignee: str(body, 'assignee').trim(),
    processingDays: str(body, 'processing_days').trim(),
    documents: list(body, 'documents').slice(0, 500),
    includeAnswers: str(body, 'include_answers') === 'yes',
  };
}

/** The hidden `version` field: the row version the officer saw; undefined when absent or malformed. */
export function versionOf(body: Record<string, unknown>): number | undefined {
  const v = str(body, 'version');
  return /^\d{1,9}$/.test(v) ? Number(v) : undefined;
}

/** The engine's input for `action` on this dossier: only what it asks for (requirementsOf), plus an optional comment. */
export function actionInputOf(action: WorkflowAction, c: { dueDate: string | null }, body: Record<string, unknown>): ActionInput {
  const v = typedValues(body);
  const need = new Set(requirementsOf(action, c));
  const input: ActionInput = { action: action.key, version: versionOf(body), comment: v.comment };
  if (need.has('items')) {
    input.items = v.items
      .split(/\r?\n/)
      .map((line) => line.replace(/^\s*(?:[-*•]|\d+[.)])\s*/, '').trim())
      .filter((line) => line !== '')
      .map((text) => ({ text }));
  }
  if (need.has('agencies')) input.agencies = v.agencies.map((code) => ({ code, ...(v.agencyDue[code] ? { dueDate: v.agencyDue[code] } : {}) }));
  if (action.effect === 'consult') {
    // An id that is not a number is not one of the dossier's files: the engine refuses it beside the field.
    input.documents = v.documents.map((d) => (/^\d{1,15}$/.test(d) ? Number(d) : -1));
    input.includeAnswers = v.includeAnswers;
  }
  if (need.has('new_due_date')) input.newDueDate = v.newDueDate;
  if (need.has('return_method')) input.returnMethod = v.returnMethod;
  if (need.has('assignee') && /^\d{1,15}$/.test(v.assignee)) input.assigneeId = Number(v.assignee);
  // Not a whole number of days (or empty): NaN, which the engine refuses beside the field.
  if (need.has('processing_days')) input.processingDays = /^\d{1,4}$/.test(v.processingDays) ? Number(v.processingDays) : NaN;
  if (need.has('files') || need.has('result_file')) input.files = uploadsOf(body);
  return input;
}
