// Answers corrected with a supplement (issue 9): the applicant may correct the e-form's answers when sending what
// was asked for. They are checked again by the e-form (the same rules as on submission, Decree 61/2018 Art. 15:
// the dossier must be complete and valid), and what changed is kept with the supplement for the officer to see.
import type { Kysely } from 'kysely';
import type { PlatformTables } from '../../../platform/db/index.ts';
import type { FieldError } from '../../../platform/http/errors.ts';
import { changedAnswers, loadAddressUnits, validateEform, type AnswerChange, type EformDefinition } from '../../eforms/index.ts';

export interface CorrectedAnswers {
  errors: FieldError[];
  /** The answers to store (validated), null when they do not pass. */
  value: Record<string, unknown> | null;
  changes: AnswerChange[];
}

export async function correctedAnswers(db: Kysely<PlatformTables>, def: EformDefinition, current: Record<string, unknown>, posted: Record<string, unknown>, now: Date): Promise<CorrectedAnswers> {
  const units = await loadAddressUnits(db);
  const r = validateEform(def, posted, { units, now });
  if (!r.ok) return { errors: r.errors.map((e) => ({ field: e.field, message: e.message })), value: null, changes: [] };
  return { errors: [], value: r.value, changes: changedAnswers(def, current, r.value) };
}
