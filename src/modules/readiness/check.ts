// What the form page shows as it is typed (issue 14): the values typed merged over the saved ones (nothing is saved),
// the values that do not parse, the validation rules broken (both sides) and the provisional points per indicator.
// A `relative` indicator is compared with the unit's own value here (full points when it has one): the peer group's
// best is known only once the forms are in, and the results page shows the real points.
import type { FieldError } from '../../platform/http/errors.ts';
import type { FormRow } from './repo.ts';
import { type BrokenRule, scoreUnit, validateValues, valueOf } from './scoring.ts';
import type { LoadedSet } from './sets.ts';
import { mergeTyped } from './values.ts';

export interface Checked {
  errors: FieldError[];
  broken: BrokenRule[];
  points: Record<string, { points: number; max: number }>;
  total: number;
  max: number;
}

export function checkTyped(loaded: LoadedSet, form: Pick<FormRow, 'form_values' | 'explanations'>, typed: { values?: Record<string, unknown>; explanations?: Record<string, unknown> }): Checked {
  const m = mergeTyped(loaded, { values: form.form_values, explanations: form.explanations }, typed);
  const best = new Map<string, number>();
  for (const i of loaded.set.indicators) {
    const v = valueOf(m.values, i.code);
    if (i.rule.kind === 'relative' && typeof v === 'number' && v > 0) best.set(i.code, v);
  }
  const score = scoreUnit(loaded, { unit: 'form', values: m.values, explanations: m.explanations }, best);
  const points: Checked['points'] = {};
  for (const s of score.indicators) points[s.code] = { points: s.points, max: s.max };
  return { errors: m.errors, broken: validateValues(loaded, m.values), points, total: score.total, max: score.max };
}
