// The return appointment of a dossier: the procedure's processing time counted by the working-day calendar from the
// moment of receipt (DOMAIN §5), with the explanation printed on the receipt.
import type { Platform } from '../../platform/http/context.ts';
import { computeDeadline } from '../calendar/index.ts';
import { timeLimitOf } from '../procedures/index.ts';
import type { DossierProcedure } from './catalogue.ts';
import type { DeadlineInfo } from './schema.ts';

export interface DossierDeadline {
  dueAt: Date;
  dueDate: string;
  explanation: { vi: string; en: string };
  provisional: boolean;
  amount: number;
  unit: string;
}

/**
 * Undefined when the procedure states no usable processing time; the agency then sets the date on receipt
 * (setDeadline). Such a procedure is not offered online (procedures' onlineSubmission, the same timeLimitOf).
 */
export async function deadlineFor(platform: Platform, procedure: DossierProcedure, received: Date): Promise<DossierDeadline | undefined> {
  const limit = timeLimitOf(procedure.processingTime);
  if (!limit) return undefined;
  const d = await computeDeadline(platform, { received, amount: limit.amount, unit: limit.unit });
  return { dueAt: d.dueAt, dueDate: d.dueDate, explanation: d.explanation, provisional: d.provisional, amount: limit.amount, unit: limit.unit };
}

/**
 * The return date when the complete dossier comes back after a supplement: the clock restarts from zero (DOMAIN §4),
 * counting the procedure's time, or where it states none the working days the receiving officer set on acceptance
 * (kept with the dossier's deadline); undefined when neither is known yet (the officer sets it on acceptance).
 */
export async function restartDeadline(platform: Platform, procedure: DossierProcedure, set: DeadlineInfo | null, now: Date): Promise<DossierDeadline | undefined> {
  const own = await deadlineFor(platform, procedure, now);
  if (own) return own;
  const days = set?.unit === 'working_days' ? set.amount : undefined;
  return days !== undefined && Number.isInteger(days) && days > 0 ? setDeadline(platform, now, days) : undefined;
}

/** The return date from a number of working days the receiving officer sets (the procedure states none). */
export async function setDeadline(platform: Platform, received: Date, workingDays: number): Promise<DossierDeadline> {
  const d = await computeDeadline(platform, { received, amount: workingDays, unit: 'working_days' });
  return { dueAt: d.dueAt, dueDate: d.dueDate, explanation: d.explanation, provisional: d.provisional, amount: workingDays, unit: 'working_days' };
}

/** The dossier's columns for a return date: due_at, due_date, and how it was counted (shown with the date). */
export function deadlineColumns(d: DossierDeadline): { due_at: Date; due_date: string; deadline: string } {
  return { due_at: d.dueAt, due_date: d.dueDate, deadline: JSON.stringify({ explanation: d.explanation, provisional: d.provisional, amount: d.amount, unit: d.unit }) };
}
