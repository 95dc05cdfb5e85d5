import type { FastifyRequest } from 'fastify';
import { Page, Field } from '../../../platform/web/layout.tsx';
import { t, type Lang } from '../../../platform/web/i18n.ts';
import { ROLE_LABELS } from '../../../platform/auth/roles.ts';
import { common, accountPage as m, totpPage as tp } from '../messages.ts';
import type { AccountWithRoles } from '../repo.ts';
import type { TotpEnrolment } from '../profile.ts';
import { displayPhone } from '../validate.ts';
import { Form, Notice, errorFor, type Errors } from './form.tsx';
import { verifyPage } from '../messages-verify.ts';
import { tokensPage } from '../messages-tokens.ts';
import { twoStepText } from '../messages-two-step.ts';

function Row({ label, value }: { label: string; value: string }): JSX.Element {
  return (
    <tr>
      <th scope="row" safe>
        {label}
      </th>
      <td safe>{value}</td>
    </tr>
  );
}

function roleList(lang: Lang, a: AccountWithRoles): string {
  return a.roles.map((r) => t(lang, ROLE_LABELS[r])).join(', ') || t(lang, common.none);
}

function TwoStep({ req, account }: { req: FastifyRequest; account: AccountWithRoles }): JSX.Element {
  const lang = req.lang;
  return (
    <section aria-labelledby="two-step">
      <h2 id="two-step" safe>
        {t(lang, m.twoStep)}
      </h2>
      {account.totp_enabled ? (
        <p safe>{t(lang, m.twoStepOn)}</p>
      ) : (
        <>
          <p safe>{t(lang, m.twoStepOff)}</p>
          <Form req={req} action="/tai-khoan/xac-thuc-hai-buoc/bat-dau">
            <button type="submit" safe>
              {t(lang, m.twoStepStart)}
            </button>
          </Form>
        </>
      )}
    </section>
  );
}

/** Where to go from the account page: proving contacts, what the platform holds, the administration. */
function AccountLinks({ req, account }: { req: FastifyRequest; account: AccountWithRoles }): JSX.Element {
  const lang = req.lang;
  const unproven = (!!account.phone && !account.phone_verified_at) || (!!account.email && !account.email_verified_at);
  const links: [string, string][] = [
    ...(unproven ? ([['/tai-khoan/xac-minh', t(lang, verifyPage.link)]] as [string, string][]) : []),
    ['/tai-khoan/du-lieu-cua-toi', t(lang, m.myData)],
    ['/tai-khoan/ma-truy-cap', t(lang, tokensPage.title)],
    ...(account.kind === 'staff' ? ([['/quan-tri', t(lang, m.adminHome)]] as [string, string][]) : []),
    ...(account.roles.includes('admin') ? ([['/quan-tri/tai-khoan', t(lang, m.admin)]] as [string, string][]) : []),
  ];
  return (
    <ul>
      {links.map(([href, label]) => (
        <li>
          <a href={href} safe>
            {label}
          </a>
        </li>
      ))}
    </ul>
  );
}

/** Name and contacts, prefilled; after a refused post, what was typed and the errors beside the fields. */
function ProfileForm({ req, account, values, errors }: { req: FastifyRequest; account: AccountWithRoles; values?: ProfileValues | undefined; errors: Errors }): JSX.Element {
  const lang = req.lang;
  const v = values ?? { full_name: account.full_name, phone: account.phone ? displayPhone(account.phone) : '', email: account.email ?? '' };
  return (
    <section aria-labelledby="edit-profile">
      <h2 id="edit-profile" safe>
        {t(lang, m.editProfile)}
      </h2>
      <p class="hint" safe>
        {t(lang, m.editProfileLead)}
      </p>
      <Form req={req} action="/tai-khoan/thong-tin" errors={errors}>
        <Field id="full_name" label={t(lang, common.fullName)} value={v.full_name} autocomplete="name" required error={errorFor(lang, errors, 'full_name')} />
        <Field id="phone" label={t(lang, common.phone)} type="tel" value={v.phone} autocomplete="tel" inputmode="tel" error={errorFor(lang, errors, 'phone')} />
        <Field id="email" label={t(lang, common.email)} type="email" value={v.email} autocomplete="email" error={errorFor(lang, errors, 'email')} />
        <Field
          id="profile_password"
          label={t(lang, m.profilePassword)}
          type="password"
          hint={t(lang, m.profilePasswordHint)}
          autocomplete="current-password"
          error={errorFor(lang, errors, 'profile_password')}
        />
        <button type="submit" safe>
          {t(lang, m.saveProfile)}
        </button>
      </Form>
    </section>
  );
}

export interface ProfileValues {
  full_name: string;
  phone: string;
  email: string;
}

export function AccountPage({
  req,
  account,
  errors = [],
  notice,
  profileErrors = [],
  profileValues,
}: {
  req: FastifyRequest;
  account: AccountWithRoles;
  errors?: Errors;
  notice?: string;
  profileErrors?: Errors;
  profileValues?: ProfileValues | undefined;
}): JSX.Element {
  const lang = req.lang;
  const none = t(lang, common.none);
  return (
    <Page req={req} title={m.title}>
      <h1 safe>{t(lang, m.title)}</h1>
      <Notice text={notice} success />
      <h2 safe>{t(lang, m.profile)}</h2>
      <table>
        <tbody>
          <Row label={t(lang, common.fullName)} value={account.full_name} />
          <Row label={t(lang, common.username)} value={account.username} />
          <Row label={t(lang, m.kind)} value={t(lang, account.kind === 'staff' ? m.staff : m.citizen)} />
          {account.personal_id ? <Row label={t(lang, common.personalId)} value={account.personal_id} /> : ''}
          <Row label={t(lang, common.phone)} value={account.phone ? displayPhone(account.phone) : none} />
          <Row label={t(lang, common.email)} value={account.email ?? none} />
          {account.kind === 'staff' ? (
            <>
              <Row label={t(lang, common.agency)} value={account.agencyName ?? none} />
              <Row label={t(lang, common.roles)} value={roleList(lang, account)} />
            </>
          ) : (
            ''
          )}
        </tbody>
      </table>
      <AccountLinks req={req} account={account} />
      <ProfileForm req={req} account={account} values={profileValues} errors={profileErrors} />
      <h2 safe>{t(lang, m.changePassword)}</h2>
      <Form req={req} action="/tai-khoan/mat-khau" errors={errors}>
        <Field
          id="current_password"
          label={t(lang, m.currentPassword)}
          type="password"
          autocomplete="current-password"
          required
          error={errorFor(lang, errors, 'current_password')}
        />
        <Field
          id="password"
          label={t(lang, m.newPassword)}
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
          {t(lang, m.changeSubmit)}
        </button>
      </Form>
      {account.kind === 'staff' ? <TwoStep req={req} account={account} /> : ''}
    </Page>
  );
}

export function TotpSetupPage({ req, enrolment, errors = [], required = false }: { req: FastifyRequest; enrolment: TotpEnrolment; errors?: Errors; required?: boolean }): JSX.Element {
  const lang = req.lang;
  return (
    <Page req={req} title={tp.title} narrow>
      <h1 safe>{t(lang, tp.title)}</h1>
      {required ? <Notice text={t(lang, twoStepText.required)} /> : ''}
      <p safe>{t(lang, tp.step1)}</p>
      <p>
        <img src={enrolment.qr} alt={t(lang, tp.qrAlt)} width="220" height="220" />
      </p>
      <dl>
        <dt safe>{t(lang, tp.secret)}</dt>
        <dd>
          <code id="totp-secret" safe>
            {enrolment.secret}
          </code>
        </dd>
        <dt safe>{t(lang, tp.uri)}</dt>
        <dd>
          <code safe>{enrolment.uri}</code>
        </dd>
      </dl>
      <p safe>{t(lang, tp.step2)}</p>
      <Form req={req} action="/tai-khoan/xac-thuc-hai-buoc" errors={errors}>
        <Field id="code" label={t(lang, tp.code)} inputmode="numeric" autocomplete="one-time-code" required error={errorFor(lang, errors, 'code')} />
        <button type="submit" safe>
          {t(lang, tp.submit)}
        </button>
      </Form>
    </Page>
  );
}
