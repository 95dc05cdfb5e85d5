// Actions that end a dossier against the applicant (refuse at intake, reject after appraisal) are asked twice: the
// form carries a required "I confirm" box, checked here on the server, so that it holds without JavaScript.
import type { FieldError } from '../../../platform/http/errors.ts';
import type { WorkflowAction } from '../workflow/definition.ts';
import { confirmText } from './messages.ts';

/** The form field of the confirmation box. */
export const CONFIRM_FIELD = 'confirm';

const DESTRUCTIVE = new Set<WorkflowAction['effect']>(['refuse', 'reject']);

export function isDestructive(a: Pick<WorkflowAction, 'effect'>): boolean {
  return DESTRUCTIVE.has(a.effect);
}

/** The error beside the box when a destructive action was posted without it; none otherwise. */
export function missingConfirmation(a: Pick<WorkflowAction, 'effect'>, body: Record<string, unknown>): FieldError[] {
  if (!isDestructive(a)) return [];
  const v = body[CONFIRM_FIELD];
  const ticked = v === 'yes' || (Array.isArray(v) && v.includes('yes'));
  return ticked ? [] : [{ field: CONFIRM_FIELD, message: confirmText.missing }];
}
