import type { FastifyRequest } from 'fastify';
import { Page, Field } from '../../../platform/web/layout.tsx';
import { t } from '../../../platform/web/i18n.ts';
import { ROLE_LABELS } from '../../../platform/auth/roles.ts';
import { common, signInPage as m, secondFactorPage as s } from '../messages.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../demo.ts';
import { Form, Notice, errorFor, type Errors } from './form.tsx';
import { signInReason } from '../landing.ts';
import { guardText as g } from '../messages-guard.ts';
import { twoStepText } from '../messages-two-step.ts';

export interface SignInProps {
  req: FastifyRequest;
  identifier?: string;
  next?: string;
  errors?: Errors;
  notice?: string;
  demo: boolean;
  /** A proof-of-work challenge (encoded) after several failures from this source. */
  challenge?: string;
}

function DemoLogins({ req }: { req: FastifyRequest }): JSX.Element {
  const lang = req.lang;
  return (
    <section aria-labelledby="demo-title">
      <h2 id="demo-title" safe>
        {t(lang, m.demoTitle)}
      </h2>
      <p safe>{t(lang, m.demoLead, { password: DEMO_PASSWORD })}</p>
      <table>
        <thead>
          <tr>
            <th scope="col" safe>
              {t(lang, m.demoUser)}
            </th>
            <th scope="col" safe>
              {t(lang, m.demoWho)}
            </th>
          </tr>
        </thead>
        <tbody>
          {DEMO_ACCOUNTS.map((a) => (
            <tr>
              <td>
                <code safe>{a.username}</code>
              </td>
              <td safe>{a.kind === 'citizen' ? t(lang, m.demoCitizen) : a.roles.map((r) => t(lang, ROLE_LABELS[r])).join(', ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>
        <a href="/tai-khoan-trinh-dien" safe>
          {t(lang, m.demoAll)}
        </a>
      </p>
    </section>
  );
}

/** The anti-guessing check: solved by /static/altcha.js, or accepted 30 seconds later without JavaScript. */
function Proof({ req, challenge }: { req: FastifyRequest; challenge: string }): JSX.Element {
  return (
    <div class="proof">
      <input type="hidden" name="altcha_challenge" value={challenge} />
      <input type="hidden" name="altcha_number" value="" />
      <p id="altcha-status" role="status" data-done={t(req.lang, g.proofDone)} safe>
        {t(req.lang, g.proofLead)}
      </p>
      <script src="/static/altcha.js" defer></script>
    </div>
  );
}

export function SignInPage({ req, identifier, next, errors = [], notice, demo, challenge }: SignInProps): JSX.Element {
  const lang = req.lang;
  const reason = signInReason(next);
  return (
    <Page req={req} title={m.title} narrow>
      <h1 safe>{t(lang, m.title)}</h1>
      <Notice text={notice} success />
      {reason ? (
        <p class="notice" id="sign-in-reason" safe>
          {t(lang, reason)}
        </p>
      ) : (
        ''
      )}
      <Form req={req} action="/dang-nhap" errors={errors}>
        {next ? <input type="hidden" name="next" value={next} /> : ''}
        <Field id="identifier" label={t(lang, m.identifier)} value={identifier} autocomplete="username" required error={errorFor(lang, errors, 'identifier')} />
        <Field id="password" label={t(lang, common.password)} type="password" autocomplete="current-password" required error={errorFor(lang, errors, 'password')} />
        {challenge ? <Proof req={req} challenge={challenge} /> : ''}
        <button type="submit" safe>
          {t(lang, m.submit)}
        </button>
      </Form>
      <p>
        <a href="/quen-mat-khau" safe>
          {t(lang, m.forgot)}
        </a>
      </p>
      <p>
        <a href="/dang-ky" safe>
          {t(lang, m.noAccount)}
        </a>
      </p>
      {demo ? <DemoLogins req={req} /> : ''}
    </Page>
  );
}

/** `demo`: in demo mode only, for an account on the demo secret: that secret and its current code. */
export function SecondFactorPage({ req, errors = [], demo }: { req: FastifyRequest; errors?: Errors; demo?: { secret: string; code: string } | undefined }): JSX.Element {
  const lang = req.lang;
  return (
    <Page req={req} title={s.title} narrow>
      <h1 safe>{t(lang, s.title)}</h1>
      <p safe>{t(lang, s.lead)}</p>
      {demo ? (
        <div class="notice" id="demo-totp">
          <p safe>{t(lang, twoStepText.demoHint, { secret: demo.secret })}</p>
          <p>
            <span safe>{t(lang, twoStepText.demoCode)}</span>{' '}
            <strong id="demo-totp-code" safe>
              {demo.code}
            </strong>
          </p>
        </div>
      ) : (
        ''
      )}
      <Form req={req} action="/dang-nhap/xac-thuc" errors={errors}>
        <Field id="code" label={t(lang, s.code)} inputmode="numeric" autocomplete="one-time-code" required error={errorFor(lang, errors, 'code')} />
        <button type="submit" safe>
          {t(lang, s.submit)}
        </button>
      </Form>
      <p>
        <a href="/dang-nhap" safe>
          {t(lang, s.restart)}
        </a>
      </p>
    </Page>
  );
}
