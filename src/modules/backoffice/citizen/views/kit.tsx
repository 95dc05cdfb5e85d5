// Small form pieces of the applicant's dossier page: the state of a form after a refused post, a textarea with its
// hint and error, and a group of 1–3 radios in a fieldset with its legend (GOV.UK radios).
import type { Lang, Text } from '../../../../platform/web/i18n.ts';
import { t } from '../../../../platform/web/i18n.ts';
import { SCORE_LABELS, SCORES } from '../criteria.ts';
import { describedBy, HintAndError, TextAreaField } from '../../../../platform/web/layout.tsx';

export { describedBy, HintAndError };

export type FormName = 'supplement' | 'rating' | 'feedback';

/** A post that was refused: which form, what was typed, the error beside each field (keyed by the input's id). */
export interface FormState {
  form: FormName;
  values: Record<string, string>;
  errors: Map<string, string>;
}

export const TextArea = TextAreaField;

/** Radios 1–3 (not satisfied, satisfied, very satisfied); the first radio carries the group's id for the error summary. */
export function ScoreGroup(p: { lang: Lang; id: string; name: string; legend: Text; hint?: Text; value?: string | undefined; error?: string | undefined }): JSX.Element {
  const hint = p.hint ? t(p.lang, p.hint) : undefined;
  return (
    <div class={p.error ? 'field field-error' : 'field'}>
      <fieldset aria-describedby={describedBy(p.id, hint, p.error)}>
        <legend safe>{t(p.lang, p.legend)}</legend>
        <HintAndError id={p.id} hint={hint} error={p.error} />
        {SCORES.map((s, i) => {
          const id = i === 0 ? p.id : `${p.id}-${s}`;
          return (
            <div class="choice">
              <input type="radio" id={id} name={p.name} value={String(s)} checked={p.value === String(s)} />
              <label for={id} safe>
                {`${s} — ${t(p.lang, SCORE_LABELS[s])}`}
              </label>
            </div>
          );
        })}
      </fieldset>
    </div>
  );
}
