import type { FastifyRequest } from 'fastify';
import { Page, Field } from '../../../platform/web/layout.tsx';
import { t } from '../../../platform/web/i18n.ts';
import { common, registerPage as m } from '../messages.ts';
import { Form, errorFor, type Errors } from './form.tsx';

export interface RegisterValues {
  full_name?: string;
  personal_id?: string;
  phone?: string;
  email?: string;
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
