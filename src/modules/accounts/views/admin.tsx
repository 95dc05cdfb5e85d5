import type { FastifyRequest } from 'fastify';
import { Page, Field } from '../../../platform/web/layout.tsx';
import { t, formatDateTime, type Lang } from '../../../platform/web/i18n.ts';
import { ROLES, ROLE_LABELS } from '../../../platform/auth/roles.ts';
import type { AuditRow } from '../../../platform/audit/index.ts';
import { common } from '../messages.ts';
import { admin as m } from '../messages-admin.ts';
import type { AccountWithRoles, AgencyOption } from '../repo.ts';
import { Form, Notice, errorFor, type Errors } from './form.tsx';

function status(lang: Lang, a: AccountWithRoles): string {
  if (a.disabled) return t(lang, m.disabled);
  if (a.locked_until && a.locked_until > new Date()) return t(lang, m.locked, { until: formatDateTime(lang, a.locked_until) });
  return t(lang, m.active);
}

const roleNames = (lang: Lang, a: AccountWithRoles): string => a.roles.map((r) => t(lang, ROLE_LABELS[r])).join(', ');

export function StaffListPage({ req, staff, notice }: { req: FastifyRequest; staff: AccountWithRoles[]; notice?: string }): JSX.Element {
  const lang = req.lang;
  return (
    <Page req={req} title={m.title}>
      <h1 safe>{t(lang, m.title)}</h1>
      <Notice text={notice} success />
      <p safe>{t(lang, m.lead)}</p>
      <p>
        <a class="button" href="/quan-tri/tai-khoan/tao-moi" safe>
          {t(lang, m.create)}
        </a>
      </p>
      <table>
        <caption safe>{t(lang, m.count, { n: staff.length })}</caption>
        <thead>
          <tr>
            {[common.username, common.fullName, common.agency, common.roles, m.status, m.totp].map((h) => (
              <th scope="col" safe>
                {t(lang, h)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {staff.map((a) => (
            <tr>
              <td>
                <a href={`/quan-tri/tai-khoan/${a.id}`} safe>
                  {a.username}
                </a>
              </td>
              <td safe>{a.full_name}</td>
              <td safe>{a.agencyName ?? ''}</td>
              <td safe>{roleNames(lang, a)}</td>
              <td safe>{status(lang, a)}</td>
              <td safe>{t(lang, a.totp_enabled ? m.yes : m.no)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Page>
  );
}

function AgencySelect({ lang, agencies, value, error }: { lang: Lang; agencies: AgencyOption[]; value: number | null; error: string | undefined }): JSX.Element {
  return (
    <div class={error ? 'field field-error' : 'field'}>
      <label for="agency_id" safe>
        {t(lang, common.agency)}
      </label>
      {error ? (
        <p class="error-message" id="agency_id-error" safe>
          {error}
        </p>
      ) : (
        ''
      )}
      <select id="agency_id" name="agency_id" required aria-describedby={error ? 'agency_id-error' : undefined}>
        <option value="" safe>
          {t(lang, agencies.length ? m.chooseAgency : m.noAgencies)}
        </option>
        {agencies.map((a) => (
          <option value={String(a.id)} selected={a.id === value} safe>
            {`${a.name} (${a.code})`}
          </option>
        ))}
      </select>
    </div>
  );
}

function RoleChoices({ lang, roles, error }: { lang: Lang; roles: readonly string[]; error: string | undefined }): JSX.Element {
  return (
    <fieldset id="roles" class={error ? 'choices field-error' : 'choices'} aria-describedby={error ? 'roles-error' : undefined}>
      <legend safe>{t(lang, common.roles)}</legend>
      {error ? (
        <p class="error-message" id="roles-error" safe>
          {error}
        </p>
      ) : (
        ''
      )}
      {ROLES.map((r) => (
        <div>
          <input type="checkbox" id={`role-${r}`} name="roles" value={r} checked={roles.includes(r)} />{' '}
          <label for={`role-${r}`} safe>
            {t(lang, ROLE_LABELS[r])}
          </label>
        </div>
      ))}
    </fieldset>
  );
}

export interface CreateValues {
  username?: string;
  full_name?: string;
  email?: string;
  phone?: string;
  agency_id?: number | null;
  roles?: string[];
}

export function CreateStaffPage(p: { req: FastifyRequest; agencies: AgencyOption[]; values?: CreateValues; errors?: Errors }): JSX.Element {
  const { req, agencies, values = {}, errors = [] } = p;
  const lang = req.lang;
  const err = (f: string): string | undefined => errorFor(lang, errors, f);
  return (
    <Page req={req} title={m.create} narrow>
      <h1 safe>{t(lang, m.create)}</h1>
      <Form req={req} action="/quan-tri/tai-khoan/tao-moi" errors={errors}>
        <Field id="username" label={t(lang, common.username)} value={values.username} autocomplete="off" required error={err('username')} />
        <Field id="full_name" label={t(lang, common.fullName)} value={values.full_name} required error={err('full_name')} />
        <Field id="email" label={t(lang, common.email)} type="email" value={values.email} error={err('email')} />
        <Field id="phone" label={t(lang, common.phone)} type="tel" value={values.phone} error={err('phone')} />
        <AgencySelect lang={lang} agencies={agencies} value={values.agency_id ?? null} error={err('agency_id')} />
        <RoleChoices lang={lang} roles={values.roles ?? []} error={err('roles')} />
        <Field id="password" label={t(lang, m.initialPassword)} type="password" hint={t(lang, m.initialPasswordHint)} autocomplete="new-password" required error={err('password')} />
        <button type="submit" safe>
          {t(lang, m.createSubmit)}
        </button>
      </Form>
      <p>
        <a href="/quan-tri/tai-khoan" safe>
          {t(lang, m.back)}
        </a>
      </p>
    </Page>
  );
}

export interface EditProps {
  req: FastifyRequest;
  account: AccountWithRoles;
  agencies: AgencyOption[];
  history: AuditRow[];
  values?: { agency_id: number | null; roles: string[]; disabled: boolean };
  errors?: Errors;
  notice?: string;
}

export function EditStaffPage({ req, account, agencies, history, values, errors = [], notice }: EditProps): JSX.Element {
  const lang = req.lang;
  const v = values ?? { agency_id: account.agency_id, roles: account.roles, disabled: account.disabled };
  const locked = !!account.locked_until && account.locked_until > new Date();
  return (
    <Page req={req} title={t(lang, m.edit, { username: account.username })}>
      <h1 safe>{t(lang, m.edit, { username: account.username })}</h1>
      <Notice text={notice} success />
      <p safe>{`${account.full_name} · ${status(lang, account)}`}</p>
      <Form req={req} action={`/quan-tri/tai-khoan/${account.id}`} errors={errors}>
        <AgencySelect lang={lang} agencies={agencies} value={v.agency_id} error={errorFor(lang, errors, 'agency_id')} />
        <RoleChoices lang={lang} roles={v.roles} error={errorFor(lang, errors, 'roles')} />
        <div class="choice">
          <input type="checkbox" id="disabled" name="disabled" value="1" checked={v.disabled} />{' '}
          <label for="disabled" safe>
            {t(lang, m.disableLabel)}
          </label>
        </div>
        {locked ? (
          <div class="choice">
            <input type="checkbox" id="unlock" name="unlock" value="1" />{' '}
            <label for="unlock" safe>
              {t(lang, m.unlockLabel)}
            </label>
          </div>
        ) : (
          ''
        )}
        {account.totp_enabled ? (
          <div class="choice">
            <input type="checkbox" id="reset_totp" name="reset_totp" value="1" aria-describedby="reset_totp-hint" />{' '}
            <label for="reset_totp" safe>
              {t(lang, m.resetTotpLabel)}
            </label>
            <p class="hint" id="reset_totp-hint" safe>
              {t(lang, m.resetTotpHint)}
            </p>
          </div>
        ) : (
          ''
        )}
        <button type="submit" safe>
          {t(lang, m.save)}
        </button>
      </Form>
      <h2 safe>{t(lang, m.history)}</h2>
      <table>
        <thead>
          <tr>
            {[m.when, m.who, m.what, m.details].map((h) => (
              <th scope="col" safe>
                {t(lang, h)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {history.map((h) => (
            <tr>
              <td safe>{formatDateTime(lang, h.at)}</td>
              <td safe>{h.actorLabel ?? ''}</td>
              <td>
                <code safe>{h.action}</code>
              </td>
              <td>
                <code safe>{JSON.stringify(h.data)}</code>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>
        <a href="/quan-tri/tai-khoan" safe>
          {t(lang, m.back)}
        </a>
      </p>
    </Page>
  );
}
