// The applicant's three forms on their dossier page: complete a requested supplement online (files and a note),
// rate the service (overall and each criterion of Circular 01/2018), and send feedback. Each carries the CSRF token
// and, after a refused post, what was typed and the error beside each field.
import type { FastifyRequest } from 'fastify';
import { CsrfField } from '../../../../platform/web/layout.tsx';
import { formatDateTime, t } from '../../../../platform/web/i18n.ts';
import type { Supplement } from '../../workflow/repo.ts';
import { OVERALL_LABEL, RATING_CRITERIA } from '../criteria.ts';
import { feedbackForm as fm, ratingForm as rm, supplementForm as sm } from '../messages.ts';
import { Vi } from '../../../dossiers/index.ts';
import { describedBy, HintAndError, ScoreGroup, TextArea, type FormState } from './kit.tsx';
import { fieldId, renderEformFields, type AddressUnit, type EformDefinition, type EformError } from '../../../eforms/index.ts';

/** The e-form's fields, filled with the answers on the dossier (or what was typed), to correct with the supplement. */
function AnswerFields({ req, def, answers, units, state }: { req: FastifyRequest; def: EformDefinition; answers: Record<string, unknown>; units: readonly AddressUnit[]; state?: FormState | undefined }): JSX.Element {
  const lang = req.lang;
  const typed = state?.form === 'supplement' && state.values._answers === '1';
  const errors: EformError[] = [];
  for (const path of Object.keys(def.ui.fields)) {
    const message = state?.form === 'supplement' ? state.errors.get(fieldId(path)) : undefined;
    if (message) errors.push({ field: path, message: { vi: message, en: message } });
  }
  return (
    <details class="answers-edit" open={errors.length > 0 || undefined}>
      <summary safe>{t(lang, sm.answers)}</summary>
      <p class="hint" safe>
        {t(lang, sm.answersHint)}
      </p>
      <input type="hidden" name="_answers" value="1" />
      {renderEformFields({ lang, def: { ...def, documents: [] }, values: typed ? state.values : answers, errors, units })}
    </details>
  );
}

/** The id of the input that shows a field's error, per form (the error summary links to it). */
export const fieldIds = {
  // An e-form answer corrected with the supplement has its own field (issue 9).
  supplement: (field: string): string => (field === 'comment' ? 'supplement-note' : field === 'files' || field.startsWith('files.') ? 'supplement-file-1' : fieldId(field)),
  rating: (field: string): string => (field === 'overall' ? 'rating-overall' : field === 'comment' ? 'rating-comment' : `rating-${field.replace(/^criteria\./, '')}`),
  feedback: (): string => 'feedback-message',
};

function stateFor(state: FormState | undefined, form: FormState['form']): { value: (id: string) => string | undefined; error: (id: string) => string | undefined } {
  const s = state?.form === form ? state : undefined;
  return { value: (id) => s?.values[id], error: (id) => s?.errors.get(id) };
}

export function SupplementForm({
  req,
  code,
  version,
  supplement,
  state,
  eform,
}: {
  req: FastifyRequest;
  code: string;
  version: number;
  supplement: Supplement;
  state?: FormState | undefined;
  /** The e-form and the answers on the dossier, to correct them with the supplement (issue 9). */
  eform?: { def: EformDefinition; answers: Record<string, unknown>; units: readonly AddressUnit[] } | undefined;
}): JSX.Element {
  const lang = req.lang;
  const s = stateFor(state, 'supplement');
  const fileError = s.error('supplement-file-1');
  const hint = t(lang, sm.hint);
  return (
    <form method="post" action={`/ho-so-cua-toi/${encodeURIComponent(code)}/bo-sung`} enctype="multipart/form-data">
      <CsrfField req={req} />
      <input type="hidden" name="version" value={String(version)} />
      {state?.form === 'supplement' ? (
        <p class="hint" safe>
          {t(lang, sm.reattach)}
        </p>
      ) : (
        ''
      )}
      <div class={fileError ? 'field field-error' : 'field'}>
        <fieldset aria-describedby={describedBy('supplement-file-1', hint, fileError)}>
          <legend safe>{t(lang, sm.files)}</legend>
          <HintAndError id="supplement-file-1" hint={hint} error={fileError} />
          {[...supplement.items.map((i) => t(lang, sm.fileFor, { item: i.text })), t(lang, sm.other)].map((label, n) => (
            <div class="field">
              <label for={`supplement-file-${n + 1}`} safe>
                {label}
              </label>
              <input type="file" id={`supplement-file-${n + 1}`} name={`files.bs${n + 1}`} accept=".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png" />
            </div>
          ))}
        </fieldset>
      </div>
      {eform ? <AnswerFields req={req} def={eform.def} answers={eform.answers} units={eform.units} state={state} /> : ''}
      <TextArea id="supplement-note" label={t(lang, sm.note)} value={s.value('supplement-note')} error={s.error('supplement-note')} />
      <button type="submit" safe>
        {t(lang, sm.submit)}
      </button>
    </form>
  );
}

export function RatingForm({ req, code, state }: { req: FastifyRequest; code: string; state?: FormState | undefined }): JSX.Element {
  const lang = req.lang;
  const s = stateFor(state, 'rating');
  return (
    <form method="post" action={`/ho-so-cua-toi/${encodeURIComponent(code)}/danh-gia`} novalidate>
      <CsrfField req={req} />
      <p safe>{t(lang, rm.intro)}</p>
      <ScoreGroup lang={lang} id="rating-overall" name="overall" legend={OVERALL_LABEL} value={s.value('rating-overall')} error={s.error('rating-overall')} />
      {RATING_CRITERIA.map((c) => (
        <ScoreGroup lang={lang} id={`rating-${c.key}`} name={`criteria.${c.key}`} legend={c.label} hint={c.hint} value={s.value(`rating-${c.key}`)} error={s.error(`rating-${c.key}`)} />
      ))}
      <TextArea id="rating-comment" label={t(lang, rm.comment)} value={s.value('rating-comment')} error={s.error('rating-comment')} />
      <button type="submit" safe>
        {t(lang, rm.submit)}
      </button>
    </form>
  );
}

export function FeedbackList({ req, feedback }: { req: FastifyRequest; feedback: { id: number; message: string; createdAt: Date; answer: string | null; answeredAt: Date | null }[] }): JSX.Element {
  const lang = req.lang;
  if (feedback.length === 0) return <></>;
  return (
    <ul class="feedback">
      {feedback.map((f) => (
        <li id={`gop-y-${f.id}`}>
          <p class="muted" safe>
            {t(lang, fm.sent, { at: formatDateTime(lang, f.createdAt) })}
          </p>
          <p class="pre-line" safe>
            {f.message}
          </p>
          {f.answer && f.answeredAt ? (
            <>
              <p>
                <strong safe>{t(lang, fm.answer, { at: formatDateTime(lang, f.answeredAt) })}</strong>
              </p>
              <p class="pre-line">
                <Vi lang={lang} text={f.answer} />
              </p>
            </>
          ) : (
            <p class="muted" safe>
              {t(lang, fm.waiting)}
            </p>
          )}
        </li>
      ))}
    </ul>
  );
}

export function FeedbackForm({ req, code, perDay, state }: { req: FastifyRequest; code: string; perDay: number; state?: FormState | undefined }): JSX.Element {
  const lang = req.lang;
  const s = stateFor(state, 'feedback');
  return (
    <form method="post" action={`/ho-so-cua-toi/${encodeURIComponent(code)}/gop-y`} novalidate>
      <CsrfField req={req} />
      <TextArea id="feedback-message" label={t(lang, fm.label)} hint={t(lang, fm.hint, { n: perDay })} value={s.value('feedback-message')} error={s.error('feedback-message')} rows={5} />
      <button type="submit" safe>
        {t(lang, fm.submit)}
      </button>
    </form>
  );
}
