import type { FastifyRequest } from 'fastify';
import { Page, Field } from '../../../platform/web/layout.tsx';
import { t } from '../../../platform/web/i18n.ts';
import { SCOPE_LABELS, type Scope } from '../../../platform/auth/scopes.ts';
import type { ApiToken } from '../../../platform/auth/sessions.ts';
import { tokensPage as m } from '../messages-tokens.ts';
import { Form, Notice, errorFor, type Errors } from './form.tsx';

export interface TokensProps {
  req: FastifyRequest;
  tokens: ApiToken[];
  allowed: Scope[];
  created?: string;
  notice?: string;
  errors?: Errors;
}

export function TokensPage({ req, tokens, allowed, created, notice, errors = [] }: TokensProps): JSX.Element {
  const lang = req.lang;
  const scopeError = errorFor(lang, errors, 'scopes');
  return (
    <Page req={req} title={m.title} narrow>
      <h1 safe>{t(lang, m.title)}</h1>
      <p safe>{t(lang, m.lead)}</p>
      <Notice text={notice} success />
      {created ? (
        <div class="notice success" role="status">
          <p safe>{t(lang, m.created)}</p>
          <p>
            <code id="new-token" safe>
              {created}
            </code>
          </p>
        </div>
      ) : (
        ''
      )}
      <Form req={req} action="/tai-khoan/ma-truy-cap" errors={errors}>
        <Field id="label" label={t(lang, m.label)} />
        <fieldset class={scopeError ? 'field field-error' : 'field'}>
          <legend safe>{t(lang, m.scopes)}</legend>
          {scopeError ? (
            <p class="error-message" id="scopes-error" safe>
              {scopeError}
            </p>
          ) : (
            ''
          )}
          {allowed.map((s) => (
            <div>
              <input type="checkbox" id={`scope-${s}`} name="scopes" value={s} checked={s === 'read'} />
              <label for={`scope-${s}`} safe>
                {t(lang, SCOPE_LABELS[s])}
              </label>
            </div>
          ))}
        </fieldset>
        <Field id="days" label={t(lang, m.days)} type="number" value="30" />
        <button type="submit" safe>
          {t(lang, m.create)}
        </button>
      </Form>
      {tokens.length === 0 ? (
        <p safe>{t(lang, m.none)}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col" safe>
                {t(lang, m.label)}
              </th>
              <th scope="col" safe>
                {t(lang, m.scopes)}
              </th>
              <th scope="col" safe>
                {t(lang, m.expires)}
              </th>
              <th scope="col" safe>
                {t(lang, m.revoke)}
              </th>
            </tr>
          </thead>
          <tbody>
            {tokens.map((tk) => (
              <tr>
                <td safe>{tk.label || tk.id}</td>
                <td safe>{tk.scopes.join(', ')}</td>
                <td safe>{tk.expiresAt.toISOString().slice(0, 16).replace('T', ' ')}</td>
                <td>
                  <Form req={req} action={`/tai-khoan/ma-truy-cap/${tk.id}/thu-hoi`}>
                    <button type="submit" aria-label={`${t(lang, m.revoke)} ${tk.label || tk.id}`} safe>
                      {t(lang, m.revoke)}
                    </button>
                  </Form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2 safe>{t(lang, m.everywhere)}</h2>
      <p safe>{t(lang, m.everywhereLead)}</p>
      <Form req={req} action="/tai-khoan/dang-xuat-moi-noi">
        <button type="submit" safe>
          {t(lang, m.everywhere)}
        </button>
      </Form>
    </Page>
  );
}
