import type { FastifyRequest } from 'fastify';
import { Page, Field, HintAndError, describedBy } from '../../../platform/web/layout.tsx';
import { t } from '../../../platform/web/i18n.ts';
import { common, registerPage as m } from '../messages.ts';
import { codePage as c, consentText as k } from '../messages-verify.ts';
import { PRIVACY_NOTICE } from '../messages-privacy.ts';
import { CODE_MINUTES } from '../codes.ts';
import { Form, Notice, errorFor, type Errors } from './form.tsx';

export interface RegisterValues {
  full_name?: string;
  personal_id?: string;
  phone?: string;
  email?: string;
  consent?: boolean;
}

/** The consent box (Decree 13/2023/NĐ-CP Art. 11: consent is given by a clear act, never pre-ticked). */
function Consent({ req, checked, error }: { req: FastifyRequest; checked: boolean; error: string | undefined }): JSX.Element {
  const lang = req.lang;
  return (
    <fieldset class={error ? 'field field-error' : 'field'}>
      <legend safe>{t(lang, k.legend)}</legend>
      <p class="hint" id="consent-hint">
        <span safe>{t(lang, k.lead)}</span>{' '}
        <a href="/chinh-sach-bao-mat" target="_blank" rel="noopener" safe>
          {t(lang, k.read, { version: PRIVACY_NOTICE.version })}
        </a>
      </p>
      <HintAndError id="consent" error={error} />
      <div class="choice">
        <input
          type="checkbox"
          id="consent"
          name="consent"
          value="1"
          checked={checked}
          aria-describedby={describedBy('consent', true, error)}
          aria-invalid={error ? 'true' : undefined}
        />{' '}
        <label for="consent" safe>
          {t(lang, k.label)}
        </label>
      </div>
    </fieldset>
  );
}

export function RegisterPage({ req, values = {}, errors = [] }: { req: FastifyRequest; values?: RegisterValues; errors?: Errors }): JSX.Element {
  const lang = req.lang;
  const err = (f: string): string | undefined => errorFor(lang, errors, f);
  return (
    <Page req={req} title={m.title} narrow>
      <h1 safe>{t(lang, m.title)}</h1>
      <p safe>{t(lang, m.lead)}</p>
      <Form req={req} action="/dang-ky" errors={errors}>
        <Field id="full_name" label={t(lang, common.fullName)} value={values.full_name} autocomplete="name" required error={err('full_name')} />
        <Field
          id="personal_id"
          label={t(lang, common.personalId)}
          value={values.personal_id}
          hint={t(lang, m.personalIdHint)}
          inputmode="numeric"
          required
          error={err('personal_id')}
        />
        <fieldset>
          <legend safe>{t(lang, m.contactLegend)}</legend>
          <p class="hint" safe>
            {t(lang, m.contactHint)}
          </p>
          <Field id="phone" label={t(lang, common.phone)} type="tel" value={values.phone} hint={t(lang, m.phoneHint)} autocomplete="tel" error={err('phone')} />
          <Field id="email" label={t(lang, common.email)} type="email" value={values.email} autocomplete="email" error={err('email')} />
        </fieldset>
        <Field
          id="password"
          label={t(lang, common.password)}
          type="password"
          hint={t(lang, common.passwordHint)}
          autocomplete="new-password"
          required
          error={err('password')}
        />
        <Field id="password_confirm" label={t(lang, common.passwordConfirm)} type="password" autocomplete="new-password" required error={err('password_confirm')} />
        <Consent req={req} checked={values.consent ?? false} error={err('consent')} />
        <button type="submit" safe>
          {t(lang, m.submit)}
        </button>
      </Form>
      <p>
        <a href="/dang-nhap" safe>
          {t(lang, m.haveAccount)}
        </a>
      </p>
    </Page>
  );
}

/** The code field, shared by the registration, contact and reset pages. */
export function CodeField({ req, errors }: { req: FastifyRequest; errors: Errors }): JSX.Element {
  const lang = req.lang;
  return <Field id="code" label={t(lang, c.code)} hint={t(lang, c.codeHint)} inputmode="numeric" autocomplete="one-time-code" required error={errorFor(lang, errors, 'code')} />;
}

/** Step 2: the code sent to the phone or e-mail, with a button for a new one. */
export function RegisterCodePage({ req, destination, errors = [], notice }: { req: FastifyRequest; destination: string; errors?: Errors; notice?: string }): JSX.Element {
  const lang = req.lang;
  return (
    <Page req={req} title={c.title} narrow>
      <h1 safe>{t(lang, c.title)}</h1>
      <Notice text={notice} success />
      <p safe>{t(lang, c.sentTo, { destination, minutes: CODE_MINUTES })}</p>
      <Form req={req} action="/dang-ky/xac-minh" errors={errors}>
        <CodeField req={req} errors={errors} />
        <button type="submit" safe>
          {t(lang, c.finish)}
        </button>
      </Form>
      <form method="post" action="/dang-ky/gui-lai">
        <input type="hidden" name="_csrf" value={req.csrfToken} />
        <p>
          <span safe>{t(lang, c.resendLead)}</span>{' '}
          <button type="submit" class="link-button" safe>
            {t(lang, c.resend)}
          </button>
        </p>
      </form>
      <p>
        <a href="/dang-ky" safe>
          {t(lang, c.startOver)}
        </a>
      </p>
    </Page>
  );
}
