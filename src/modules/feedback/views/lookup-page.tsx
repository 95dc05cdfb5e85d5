// /phan-anh-kien-nghi/tra-cuu: the sender finds their case by its code and their phone or e-mail (posted, so neither
// stands in a URL), sees its history and the answer, and rates the answer once it is there.
import type { FastifyRequest } from 'fastify';
import type { FieldError } from '../../../platform/http/errors.ts';
import { formatDateTime, formatIsoDay, t } from '../../../platform/web/i18n.ts';
import { CsrfField, ErrorSummary, Field, HintAndError, Page, TextAreaField, attrValue } from '../../../platform/web/layout.tsx';
import { categoryLabels, FIELDS, ratingLabels, statusLabels } from '../messages.ts';
import { pm } from '../page-messages.ts';
import type { FeedbackStatus } from '../schema.ts';
import { canRate, type SenderView } from '../service.ts';
import { errorsByField, summary } from './parts.tsx';

export const LOOKUP_URL = '/phan-anh-kien-nghi/tra-cuu';

export interface LookupState {
  code: string;
  contact: string;
  errors: readonly FieldError[];
  found?: (SenderView & { agencyName: string | null; unitName: string }) | undefined;
  rated?: boolean;
}

function CaseView({ req, state }: { req: FastifyRequest; state: LookupState }): JSX.Element {
  const lang = req.lang;
  const f = state.found;
  if (!f) return <></>;
  const r = f.row;
  const e = errorsByField(lang, state.errors);
  return (
    <section aria-labelledby="case-title">
      <h2 id="case-title" safe>
        {`${r.code}: ${r.title}`}
      </h2>
      {state.rated ? (
        <p class="notice success" role="status" safe>
          {t(lang, pm.ratedThanks)}
        </p>
      ) : (
        ''
      )}
      <dl class="facts">
        <dt safe>{t(lang, pm.status)}</dt>
        <dd safe>{t(lang, statusLabels[r.status])}</dd>
        <dt safe>{t(lang, FIELDS.category)}</dt>
        <dd safe>{t(lang, categoryLabels[r.category])}</dd>
        <dt safe>{t(lang, pm.location)}</dt>
        <dd safe>{[r.address, f.unitName].filter(Boolean).join(', ')}</dd>
        <dt safe>{t(lang, pm.photoCount)}</dt>
        <dd safe>{String(f.photos.length)}</dd>
        {f.agencyName ? (
          <>
            <dt safe>{t(lang, FIELDS.agency)}</dt>
            <dd safe>{f.agencyName}</dd>
          </>
        ) : (
          ''
        )}
        {r.due_date ? (
          <>
            <dt safe>{t(lang, pm.dueDate)}</dt>
            <dd safe>{formatIsoDay(r.due_date)}</dd>
          </>
        ) : (
          ''
        )}
      </dl>
      <p class="pre-line" safe>
        {r.description}
      </p>
      {r.reject_reason ? (
        <>
          <h3 safe>{t(lang, pm.rejected)}</h3>
          <p class="pre-line" safe>
            {r.reject_reason}
          </p>
        </>
      ) : (
        ''
      )}
      {r.answer ? (
        <>
          <h3 safe>{t(lang, pm.answer)}</h3>
          <p class="pre-line" id="answer" safe>
            {r.answer}
          </p>
        </>
      ) : (
        ''
      )}
      <h3 safe>{t(lang, pm.history)}</h3>
      <ol>
        {f.events.map((ev) => (
          <li safe>{`${formatDateTime(lang, ev.at)}: ${t(lang, statusLabels[ev.status as FeedbackStatus] ?? { vi: ev.status, en: ev.status })}`}</li>
        ))}
      </ol>
      {r.rating !== null ? (
        <p safe>{`${t(lang, pm.rated)}: ${r.rating}/5 (${t(lang, ratingLabels[r.rating] ?? ratingLabels[3] ?? { vi: '', en: '' })})`}</p>
      ) : (
        ''
      )}
      {canRate(r) ? (
        <form method="post" action={`${LOOKUP_URL}/danh-gia`} novalidate>
          <CsrfField req={req} />
          <input type="hidden" name="code" value={attrValue(r.code)} />
          <input type="hidden" name="contact" value={attrValue(state.contact)} />
          <fieldset class={e.rating ? 'field field-error' : 'field'} id="rating" aria-describedby={e.rating ? 'rating-error' : undefined}>
            <legend safe>{t(lang, pm.rateTitle)}</legend>
            <HintAndError id="rating" error={e.rating} />
            {[5, 4, 3, 2, 1].map((n) => (
              <div class="choice">
                <input type="radio" id={`rating-${n}`} name="rating" value={String(n)} />
                <label for={`rating-${n}`} safe>{`${n} – ${t(lang, ratingLabels[n] ?? { vi: '', en: '' })}`}</label>
              </div>
            ))}
          </fieldset>
          <TextAreaField id="comment" label={t(lang, FIELDS.comment)} rows={3} />
          <button type="submit" safe>
            {t(lang, pm.rateButton)}
          </button>
        </form>
      ) : (
        ''
      )}
    </section>
  );
}

export function LookupPage({ req, state }: { req: FastifyRequest; state: LookupState }): JSX.Element {
  const lang = req.lang;
  const e = errorsByField(lang, state.errors);
  const lookupErrors = state.found ? [] : state.errors;
  return (
    <Page req={req} title={pm.lookupTitle} narrow>
      <h1 safe>{t(lang, pm.lookupTitle)}</h1>
      <ErrorSummary lang={lang} errors={summary(lang, state.found ? state.errors : lookupErrors)} />
      {state.found ? (
        <CaseView req={req} state={state} />
      ) : (
        <form method="post" action={LOOKUP_URL} novalidate>
          <CsrfField req={req} />
          <Field id="code" label={t(lang, FIELDS.code)} hint={t(lang, pm.codeHint)} value={state.code} error={e.code} required />
          <Field id="contact" label={t(lang, FIELDS.contact)} value={state.contact} error={e.contact} autocomplete="email" required />
          <button type="submit" safe>
            {t(lang, pm.lookupButton)}
          </button>
        </form>
      )}
    </Page>
  );
}
