// /phan-anh-kien-nghi/gui: the feedback form (multipart, for the photos) with the captcha, and the page with the
// tracking code. A refused form comes back with the typed values, the errors on top and beside their fields.
import type { FastifyRequest } from 'fastify';
import type { FieldError } from '../../../platform/http/errors.ts';
import { t } from '../../../platform/web/i18n.ts';
import { CsrfField, ErrorSummary, Field, HintAndError, Page, SelectField, TextAreaField, describedBy } from '../../../platform/web/layout.tsx';
import { FIELDS, fieldErrors } from '../messages.ts';
import { pm } from '../page-messages.ts';
import type { FeedbackInput } from '../schema.ts';
import type { FormOptions } from '../service.ts';
import { categoryOptions, errorsByField, subcategoryOptions, summary, unitOptions } from './parts.tsx';

export const SEND_URL = '/phan-anh-kien-nghi/gui';

function Proof({ req, challenge, error }: { req: FastifyRequest; challenge: string; error: string | undefined }): JSX.Element {
  return (
    <div class={error ? 'field field-error proof' : 'field proof'} id="proof" tabindex="-1">
      <input type="hidden" name="altcha_challenge" value={challenge} />
      <input type="hidden" name="altcha_number" value="" />
      <HintAndError id="proof" error={error} />
      <p id="altcha-status" role="status" data-done={t(req.lang, pm.proofDone)} safe>
        {t(req.lang, pm.proofLead)}
      </p>
      <script src="/static/altcha.js" defer></script>
    </div>
  );
}

export interface SendState {
  values: FeedbackInput;
  errors: readonly FieldError[];
  options: FormOptions;
  challenge: string;
}

export function SendPage({ req, state }: { req: FastifyRequest; state: SendState }): JSX.Element {
  const lang = req.lang;
  const e = errorsByField(lang, state.errors);
  const v = state.values;
  const L = (k: keyof typeof FIELDS): string => t(lang, FIELDS[k]);
  const photosHint = t(lang, pm.photosHint) + (state.errors.length > 0 ? ` ${t(lang, fieldErrors.photosAgain)}` : '');
  return (
    <Page req={req} title={pm.sendTitle} narrow>
      <h1 safe>{t(lang, pm.sendTitle)}</h1>
      <ErrorSummary lang={lang} errors={summary(lang, state.errors)} />
      <p safe>{t(lang, pm.sendLead)}</p>
      <form method="post" action={SEND_URL} enctype="multipart/form-data" novalidate>
        <CsrfField req={req} />
        <SelectField id="category" label={L('category')} options={categoryOptions(lang, t(lang, pm.chooseCategory))} value={v.category} error={e.category} />
        <SelectField id="subcategory" label={L('subcategory')} options={subcategoryOptions(lang, state.options.subcategories, t(lang, pm.noSubcategory))} value={v.subcategory} error={e.subcategory} />
        <Field id="title" label={L('title')} value={v.title} error={e.title} required />
        <TextAreaField id="description" label={L('description')} value={v.description} error={e.description} rows={6} required />
        <SelectField id="unitCode" label={L('unitCode')} options={unitOptions(state.options.units, t(lang, pm.chooseUnit))} value={v.unitCode} error={e.unitCode} />
        <Field id="address" label={L('address')} value={v.address} error={e.address} autocomplete="street-address" />
        <div class={e.photos ? 'field field-error' : 'field'}>
          <label for="photos" safe>
            {L('photos')}
          </label>
          <HintAndError id="photos" hint={photosHint} error={e.photos} />
          <input id="photos" name="files.photos" type="file" multiple accept="image/jpeg,image/png,image/webp" aria-describedby={describedBy('photos', photosHint, e.photos)} aria-invalid={e.photos ? 'true' : undefined} />
        </div>
        <fieldset>
          <legend safe>{t(lang, pm.aboutYou)}</legend>
          <p class="hint" safe>
            {t(lang, pm.aboutYouHint)}
          </p>
          <Field id="senderName" label={L('senderName')} value={v.senderName} error={e.senderName} autocomplete="name" required />
          <Field id="phone" label={L('phone')} type="tel" value={v.phone} error={e.phone} autocomplete="tel" inputmode="tel" />
          <Field id="email" label={L('email')} type="email" value={v.email} error={e.email} autocomplete="email" />
        </fieldset>
        <Proof req={req} challenge={state.challenge} error={e.proof} />
        <button type="submit" safe>
          {t(lang, pm.send)}
        </button>
      </form>
    </Page>
  );
}

export function SentPage({ req, code, mailed }: { req: FastifyRequest; code: string; mailed: boolean }): JSX.Element {
  const lang = req.lang;
  return (
    <Page req={req} title={pm.sentTitle} narrow>
      <div class="notice success">
        <h1 safe>{t(lang, pm.sentTitle)}</h1>
        <p>
          <span safe>{t(lang, pm.sentCode)}</span>
          <br />
          <strong class="code" id="tracking-code" safe>
            {code}
          </strong>
        </p>
      </div>
      <p safe>{t(lang, pm.sentNext)}</p>
      {mailed ? <p safe>{t(lang, pm.sentMail)}</p> : ''}
      <p>
        <a href="/phan-anh-kien-nghi/tra-cuu" safe>
          {t(lang, pm.trackLink)}
        </a>
      </p>
    </Page>
  );
}
