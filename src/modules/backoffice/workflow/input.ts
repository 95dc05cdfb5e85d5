// Checking what an action asks for (its `requires`), every problem at once with a Vietnamese and English message
// beside the field. Files are sniffed by content like the submission's attachments.
import type { Kysely } from 'kysely';
import type { PlatformTables } from '../../../platform/db/index.ts';
import type { FieldError } from '../../../platform/http/errors.ts';
import { type FileLimits, inspectAttachment, nameForType, refusalText } from '../../../platform/files/index.ts';
import { isInputDate } from '../../../platform/calendar/index.ts';
import { findAgencyByCode } from '../../units/index.ts';
import { acceptedFrom, bytesOf, cleanFileName, type IncomingFile, sizeOf } from '../../dossiers/index.ts';
import type { Requirement } from './definition.ts';
import { fieldText as t } from './messages.ts';

export const RETURN_METHODS = ['counter', 'post', 'online'] as const;
export type ReturnMethod = (typeof RETURN_METHODS)[number];

export interface ActionInput {
  action: string;
  /** The dossier's `row_version` the actor saw; a different current version means someone acted first. */
  version?: number | undefined;
  comment?: string | undefined;
  items?: { docKey?: string | null | undefined; text: string }[] | undefined;
  agencies?: { code: string; dueDate?: string | undefined }[] | undefined;
  newDueDate?: string | undefined;
  returnMethod?: string | undefined;
  assigneeId?: number | undefined;
  /** Working days to the return date, set on acceptance when the procedure states none. */
  processingDays?: number | undefined;
  files?: IncomingFile[] | undefined;
  /** Corrected e-form answers sent with a supplement (issue 9): the whole form, flat or nested. */
  form?: Record<string, unknown> | undefined;
  /** A consultation (issue 10): the ids of the dossier's files sent to the agencies, and whether the e-form's answers. */
  documents?: number[] | undefined;
  includeAnswers?: boolean | undefined;
}

export interface CheckedFile {
  docKey: string;
  originalName: string;
  mime: string;
  size: number;
  sha256: string;
  /** The bytes in memory, or the upload's temporary file (stored from there). */
  content?: Buffer | undefined;
  path?: string | undefined;
}

export interface CheckedInput {
  comment: string | null;
  items: { docKey: string | null; text: string }[];
  agencies: { id: number; code: string; name: string; dueDate: string | null }[];
  newDueDate: string | null;
  returnMethod: ReturnMethod | null;
  assigneeId: number | null;
  processingDays: number | null;
  files: CheckedFile[];
  /** The files and answers sent with a consultation; the effect checks the ids are the dossier's. */
  documents: number[];
  includeAnswers: boolean;
  /** The corrected answers (validated) and what changed, set by the engine for a supplement that carries them. */
  answers?: { value: Record<string, unknown>; changes: { field: string; old: unknown; new: unknown }[] } | undefined;
}

const MAX_TEXT = 4000;
export const MAX_PROCESSING_DAYS = 250;

export async function checkInput(
  db: Kysely<PlatformTables>,
  requires: readonly Requirement[],
  input: ActionInput,
  limits: FileLimits,
): Promise<{ value: CheckedInput; errors: FieldError[] }> {
  const errors: FieldError[] = [];
  const need = new Set(requires);
  const comment = (input.comment ?? '').trim();
  if (comment.length > MAX_TEXT) errors.push({ field: 'comment', message: t.tooLong(MAX_TEXT) });
  if (need.has('comment') && comment === '') errors.push({ field: 'comment', message: t.commentRequired });

  const items = (input.items ?? []).map((i) => ({ docKey: i.docKey ?? null, text: (i.text ?? '').trim() })).filter((i) => i.text !== '');
  if (need.has('items') && items.length === 0) errors.push({ field: 'items', message: t.itemsRequired });
  if (items.some((i) => i.text.length > MAX_TEXT)) errors.push({ field: 'items', message: t.tooLong(MAX_TEXT) });

  const agencies: CheckedInput['agencies'] = [];
  if (need.has('agencies')) {
    const asked = input.agencies ?? [];
    if (asked.length === 0) errors.push({ field: 'agencies', message: t.agenciesRequired });
    for (const a of asked) {
      const found = await findAgencyByCode(db, a.code.trim());
      if (!found) {
        errors.push({ field: 'agencies', message: t.agencyUnknown(a.code) });
        continue;
      }
      if (agencies.some((x) => x.id === found.id)) continue;
      if (a.dueDate && !isInputDate(a.dueDate)) errors.push({ field: 'agencies', message: t.dateInvalid });
      agencies.push({ id: found.id, code: found.code, name: found.name, dueDate: a.dueDate || null });
    }
  }

  const newDueDate = input.newDueDate?.trim() || null;
  if (need.has('new_due_date') && (!newDueDate || !isInputDate(newDueDate))) errors.push({ field: 'new_due_date', message: t.dateInvalid });

  const rm = input.returnMethod?.trim() || null;
  const returnMethod = rm && (RETURN_METHODS as readonly string[]).includes(rm) ? (rm as ReturnMethod) : null;
  if (need.has('return_method') && !returnMethod) errors.push({ field: 'return_method', message: t.returnMethodRequired });

  const assigneeId = input.assigneeId !== undefined && Number.isSafeInteger(input.assigneeId) ? input.assigneeId : null;
  if (need.has('assignee') && assigneeId === null) errors.push({ field: 'assignee', message: t.assigneeRequired });

  // A processing time the officer sets: whole working days, at most a year's worth.
  const pd = input.processingDays;
  const processingDays = pd !== undefined && Number.isSafeInteger(pd) && pd >= 1 && pd <= MAX_PROCESSING_DAYS ? pd : null;
  if (need.has('processing_days') && processingDays === null) errors.push({ field: 'processing_days', message: t.processingDaysInvalid(MAX_PROCESSING_DAYS) });

  const files: CheckedFile[] = [];
  const fileField = need.has('result_file') ? 'result_file' : 'files';
  for (const f of (input.files ?? []).filter((x) => sizeOf(x) > 0 || x.truncated)) {
    const name = cleanFileName(f.filename);
    if (f.truncated || f.overTotal || sizeOf(f) > limits.maxFileBytes) {
      errors.push({ field: fileField, message: t.fileTooLarge(name) });
      continue;
    }
    const bytes = await bytesOf(f);
    const found = inspectAttachment(bytes);
    if (!found.type) {
      errors.push({ field: fileField, message: found.refusal === 'type' ? t.fileType(name) : refusalText(found.refusal, name) });
      continue;
    }
    const mime = found.type;
    files.push({ docKey: f.docKey || 'supplement', originalName: nameForType(name, mime), mime, ...acceptedFrom(f, bytes) });
  }
  if ((need.has('files') || need.has('result_file')) && files.length === 0 && !errors.some((e) => e.field === fileField)) {
    errors.push({ field: fileField, message: need.has('result_file') ? t.resultFileRequired : t.filesRequired });
  }
  const documents = [...new Set(input.documents ?? [])];
  const includeAnswers = input.includeAnswers === true;
  return { value: { comment: comment || null, items, agencies, newDueDate, returnMethod, assigneeId, processingDays, files, documents, includeAnswers }, errors };
}
