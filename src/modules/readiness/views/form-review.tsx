// The parts of the form page about its review: the office's questions (with the unit's answer box), the office's
// actions (ask, mark reviewed, reopen a late form), the council's adjustment and the list of adjustments.
import type { FastifyRequest } from 'fastify';
import type { FieldError } from '../../../platform/http/errors.ts';
import { t } from '../../../platform/web/i18n.ts';
import { attrValue, CsrfField } from '../../../platform/web/layout.tsx';
import type { FormView } from '../form.ts';
import { pm } from '../page-messages.ts';
import type { LoadedSet } from '../sets.ts';
import { formUrl } from '../urls.ts';
import { dateText, errorOf } from './parts.tsx';

export interface ReviewProps {
  req: FastifyRequest;
  view: FormView;
  loaded: LoadedSet;
  errors: FieldError[];
  reporter: boolean;
  reviewer: boolean;
  council: boolean;
  deadlinePassed: boolean;
  /** Account names, for who adjusted. */
  names: Map<number, string>;
}

function TextBox({ p, id, name, label }: { p: ReviewProps; id: string; name: string; label: string }): JSX.Element {
  const error = errorOf(p.req.lang, p.errors, name);
  return (
    <div class={error ? 'field field-error' : 'field'}>
      <label for={id} safe>{label}</label>
      {error ? <p class="error-message" id={`${id}-error`} safe>{error}</p> : ''}
      <textarea id={id} name={name} rows="3" aria-describedby={error ? `${id}-error` : undefined}></textarea>
    </div>
  );
}

export function Questions(p: ReviewProps): JSX.Element {
  const lang = p.req.lang;
  const { form, questions } = p.view;
  if (questions.length === 0) return <></>;
  const canAnswer = p.reporter && form.state === 'returned';
  return (
    <section aria-labelledby="questions-h" id="questions">
      <h2 id="questions-h" safe>{t(lang, pm.questions)}</h2>
      {questions.map((q) => (
        <div class="readiness-question">
          <p>
            <strong safe>{q.code ? `${q.code}: ` : `${t(lang, pm.wholeForm)}: `}</strong>
            <span safe>{q.question}</span> <span class="hint" safe>{`(${dateText(q.asked_at)})`}</span>
          </p>
          {q.answer !== null ? (
            <p safe>{`${t(lang, pm.answer)}: ${q.answer}`}</p>
          ) : canAnswer ? (
            <form method="post" action={`${formUrl(form.id)}/tra-loi/${q.id}`}>
              <CsrfField req={p.req} />
              <TextBox p={p} id={`answer-${q.id}`} name="answer" label={`${t(lang, pm.answer)} (${q.code ?? t(lang, pm.wholeForm)})`} />
              <button type="submit" safe>{t(lang, pm.sendAnswer)}</button>
            </form>
          ) : (
            ''
          )}
        </div>
      ))}
    </section>
  );
}

export function ReviewActions(p: ReviewProps): JSX.Element {
  const lang = p.req.lang;
  const { form, cycle, adjustments } = p.view;
  const live = cycle.state !== 'published';
  const codes = [...p.loaded.indicators.keys()];
  const options = codes.map((c) => ({ value: c, label: `${c}. ${t(lang, p.loaded.indicators.get(c)!.name)} (${p.loaded.indicators.get(c)!.max})` }));
  const submittedish = form.state === 'submitted' || form.state === 'reviewed';
  return (
    <>
      {p.reviewer && live ? (
        <section aria-labelledby="review-h">
          <h2 id="review-h" safe>{t(lang, pm.ask)}</h2>
          {submittedish ? (
            <form method="post" action={`${formUrl(form.id)}/hoi`}>
              <CsrfField req={p.req} />
              <div class="field">
                <label for="ask-code" safe>{t(lang, pm.aboutCode)}</label>
                <select id="ask-code" name="code">
                  <option value="" safe>{t(lang, pm.wholeForm)}</option>
                  {options.map((o) => (
                    <option value={attrValue(o.value)} safe>{o.label}</option>
                  ))}
                </select>
              </div>
              <TextBox p={p} id="ask-question" name="question" label={t(lang, pm.question)} />
              <button type="submit" safe>{t(lang, pm.ask)}</button>
            </form>
          ) : (
            ''
          )}
          {form.state === 'submitted' ? (
            <form method="post" action={`${formUrl(form.id)}/da-tham-dinh`} class="inline-form">
              <CsrfField req={p.req} />
              <button type="submit" safe>{t(lang, pm.markReviewed)}</button>
            </form>
          ) : (
            ''
          )}
          {form.submitted_at === null && p.deadlinePassed && cycle.state === 'open' ? (
            <form method="post" action={`${formUrl(form.id)}/mo-lai`}>
              <CsrfField req={p.req} />
              <TextBox p={p} id="reopen-reason" name="reason" label={`${t(lang, pm.reopen)} — ${t(lang, pm.reason)}`} />
              <button type="submit" safe>{t(lang, pm.reopen)}</button>
            </form>
          ) : (
            ''
          )}
        </section>
      ) : (
        ''
      )}
      {p.council && live && (form.state === 'reviewed' || form.state === 'adjusted') ? (
        <section aria-labelledby="adjust-h">
          <h2 id="adjust-h" safe>{t(lang, pm.adjust)}</h2>
          <form method="post" action={`${formUrl(form.id)}/dieu-chinh`}>
            <CsrfField req={p.req} />
            <div class="field">
              <label for="adjust-code" safe>{t(lang, pm.indicator)}</label>
              <select id="adjust-code" name="code">
                {options.map((o) => (
                  <option value={attrValue(o.value)} safe>{o.label}</option>
                ))}
              </select>
            </div>
            <div class={errorOf(lang, p.errors, 'points') ? 'field field-error' : 'field'}>
              <label for="adjust-points" safe>{t(lang, pm.newPoints)}</label>
              {errorOf(lang, p.errors, 'points') ? <p class="error-message" id="adjust-points-error" safe>{errorOf(lang, p.errors, 'points')!}</p> : ''}
              <input id="adjust-points" name="points" type="text" inputmode="decimal" class="input-short" aria-describedby={errorOf(lang, p.errors, 'points') ? 'adjust-points-error' : undefined} />
            </div>
            <TextBox p={p} id="adjust-reason" name="reason" label={t(lang, pm.reason)} />
            <button type="submit" safe>{t(lang, pm.adjust)}</button>
          </form>
        </section>
      ) : (
        ''
      )}
      {adjustments.length > 0 ? (
        <div class="table-frame cards-on-phone">
          <table>
            <caption safe>{t(lang, pm.adjustments)}</caption>
            <thead>
              <tr>
                {[pm.indicator, pm.before, pm.after, pm.reason, pm.who, pm.when].map((h) => (
                  <th scope="col" safe>{t(lang, h)}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {adjustments.map((a) => (
                <tr>
                  <td data-label={t(lang, pm.indicator)} safe>{a.code}</td>
                  <td data-label={t(lang, pm.before)} safe>{String(a.points_before)}</td>
                  <td data-label={t(lang, pm.after)} safe>{String(a.points_after)}</td>
                  <td data-label={t(lang, pm.reason)} safe>{a.reason}</td>
                  <td data-label={t(lang, pm.who)} safe>{a.adjusted_by === null ? '—' : (p.names.get(a.adjusted_by) ?? '—')}</td>
                  <td data-label={t(lang, pm.when)} safe>{dateText(a.adjusted_at)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        ''
      )}
    </>
  );
}
