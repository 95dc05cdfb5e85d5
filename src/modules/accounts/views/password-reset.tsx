import type { FastifyRequest } from 'fastify';
import { Page, Field } from '../../../platform/web/layout.tsx';
import { t } from '../../../platform/web/i18n.ts';
import { common, forgotPage as f, resetPage as r, signInPage } from '../messages.ts';
import { AccountErrors } from '../errors.ts';
import { resetCode as rc } from '../messages-verify.ts';
import { Form, Notice, errorFor, type Errors } from './form.tsx';
import { CodeField } from './register.tsx';

/** The request form; once sent, the same answer for everyone, with the form for a code received by SMS. */
export function ForgotPage({ req, sent, identifier, codeErrors }: { req: FastifyRequest; sent?: boolean; identifier?: string; codeErrors?: Errors }): JSX.Element {
  const lang = req.lang;
  return (
    <Page req={req} title={f.title} narrow>
      <h1 safe>{t(lang, f.title)}</h1>
      <Notice text={sent ? t(lang, f.sent) : undefined} success />
      {sent ? <CodeReset req={req} errors={codeErrors ?? []} /> : ''}
      <p safe>{t(lang, f.lead)}</p>
      <Form req={req} action="/quen-mat-khau">
        <Field id="identifier" label={t(lang, signInPage.identifier)} value={identifier} autocomplete="username" required />
        <button type="submit" safe>
          {t(lang, f.submit)}
        </button>
      </Form>
    </Page>
  );
}

function CodeReset({ req, errors }: { req: FastifyRequest; errors: Errors }): JSX.Element {
  const lang = req.lang;
  return (
    <section aria-labelledby="code-reset">
      <h2 id="code-reset" safe>
        {t(lang, rc.heading)}
      </h2>
      <p safe>{t(lang, rc.lead)}</p>
      <Form req={req} action="/quen-mat-khau/ma" errors={errors}>
        <CodeField req={req} errors={errors} />
        <Field
          id="password"
          label={t(lang, r.newPassword)}
          type="password"
          hint={t(lang, common.passwordHint)}
          autocomplete="new-password"
          required
          error={errorFor(lang, errors, 'password')}
        />
        <Field id="password_confirm" label={t(lang, common.passwordConfirm)} type="password" autocomplete="new-password" required error={errorFor(lang, errors, 'password_confirm')} />
        <button type="submit" safe>
          {t(lang, rc.submit)}
        </button>
      </Form>
    </section>
  );
}

export function ResetPage({ req, token, errors = [] }: { req: FastifyRequest; token: string; errors?: Errors }): JSX.Element {
  const lang = req.lang;
  return (
    <Page req={req} title={r.title} narrow>
      <h1 safe>{t(lang, r.title)}</h1>
      <p safe>{t(lang, r.lead)}</p>
      <Form req={req} action="/dat-lai-mat-khau" errors={errors}>
        <input type="hidden" name="token" value={token} />
        <Field
          id="password"
          label={t(lang, r.newPassword)}
          type="password"
          hint={t(lang, common.passwordHint)}
          autocomplete="new-password"
          required
          error={errorFor(lang, errors, 'password')}
        />
        <Field
          id="password_confirm"
          label={t(lang, common.passwordConfirm)}
          type="password"
          autocomplete="new-password"
          required
          error={errorFor(lang, errors, 'password_confirm')}
        />
        <button type="submit" safe>
          {t(lang, r.submit)}
        </button>
      </Form>
    </Page>
  );
}

export function ResetInvalidPage({ req }: { req: FastifyRequest }): JSX.Element {
  const lang = req.lang;
  return (
    <Page req={req} title={r.title} narrow>
      <h1 safe>{t(lang, r.title)}</h1>
      <div class="error-summary" role="alert">
        <p safe>{t(lang, AccountErrors.RESET_LINK_INVALID().text)}</p>
      </div>
      <p>
        <a href="/quen-mat-khau" safe>
          {t(lang, r.askAgain)}
        </a>
      </p>
    </Page>
  );
}
