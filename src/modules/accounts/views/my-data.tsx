// /tai-khoan/du-lieu-cua-toi: what the platform holds about the signed-in person, section by section (my-data.ts).
import type { FastifyRequest } from 'fastify';
import { Page } from '../../../platform/web/layout.tsx';
import { formatDateTime, t, type Lang } from '../../../platform/web/i18n.ts';
import { ROLE_LABELS } from '../../../platform/auth/roles.ts';
import { statusLabel } from '../../dossiers/index.ts';
import { accountPage, common } from '../messages.ts';
import { auditActions, myDataPage as m } from '../messages-my-data.ts';
import { PRIVACY_NOTICE } from '../messages-privacy.ts';
import { AUDIT_LIMIT, type MyData } from '../my-data.ts';
import { ContactsTable } from './contacts.tsx';

const when = (lang: Lang, d: Date | string | null): string => (d ? formatDateTime(lang, new Date(d)) : '—');

function Rows({ rows }: { rows: [string, string][] }): JSX.Element {
  return (
    <table>
      <tbody>
        {rows.map(([k, v]) => (
          <tr>
            <th scope="row" safe>
              {k}
            </th>
            <td safe>{v}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Head({ cols }: { cols: string[] }): JSX.Element {
  return (
    <thead>
      <tr>
        {cols.map((c) => (
          <th scope="col" safe>
            {c}
          </th>
        ))}
      </tr>
    </thead>
  );
}

export function MyDataPage({ req, data }: { req: FastifyRequest; data: MyData }): JSX.Element {
  const lang = req.lang;
  const a = data.account;
  const none = t(lang, common.none);
  return (
    <Page req={req} title={m.title}>
      <h1 safe>{t(lang, m.title)}</h1>
      <p safe>{t(lang, m.lead)}</p>
      <p>
        <a href="/tai-khoan/du-lieu-cua-toi.json" download="du-lieu-cua-toi.json" safe>
          {t(lang, m.download)}
        </a>{' '}
        ·{' '}
        <a href="/chinh-sach-bao-mat" safe>
          {t(lang, m.privacy)}
        </a>
      </p>
      <section aria-labelledby="md-account">
        <h2 id="md-account" safe>
          {t(lang, m.account)}
        </h2>
        <Rows
          rows={[
            [t(lang, common.fullName), a.full_name],
            [t(lang, common.username), a.username],
            [t(lang, accountPage.kind), t(lang, a.kind === 'staff' ? accountPage.staff : accountPage.citizen)],
            ...(a.personal_id ? ([[t(lang, common.personalId), a.personal_id]] as [string, string][]) : []),
            ...(a.kind === 'staff'
              ? ([
                  [t(lang, common.agency), a.agencyName ?? none],
                  [t(lang, common.roles), a.roles.map((r) => t(lang, ROLE_LABELS[r])).join(', ') || none],
                ] as [string, string][])
              : []),
            [t(lang, m.twoStep), t(lang, a.totp_enabled ? m.on : m.off)],
            [t(lang, m.created), when(lang, a.created_at)],
            [t(lang, m.lastSignIn), when(lang, a.last_sign_in_at)],
          ]}
        />
      </section>
      <section aria-labelledby="md-contacts">
        <h2 id="md-contacts" safe>
          {t(lang, m.contacts)}
        </h2>
        <ContactsTable lang={lang} account={a} caption={t(lang, m.contacts)} />
      </section>
      <section aria-labelledby="md-consents">
        <h2 id="md-consents" safe>
          {t(lang, m.consents)}
        </h2>
        {data.consents.length === 0 ? (
          <p safe>{t(lang, m.noConsents)}</p>
        ) : (
          <table>
            <Head cols={[t(lang, m.document), t(lang, m.version), t(lang, m.givenAt), t(lang, m.withdrawn)]} />
            <tbody>
              {data.consents.map((c) => (
                <tr>
                  <td>
                    <a href="/chinh-sach-bao-mat" safe>
                      {t(lang, PRIVACY_NOTICE.title)}
                    </a>
                  </td>
                  <td safe>{c.version}</td>
                  <td safe>{when(lang, c.given_at)}</td>
                  <td safe>{when(lang, c.withdrawn_at)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section aria-labelledby="md-sessions">
        <h2 id="md-sessions" safe>
          {t(lang, m.sessions)}
        </h2>
        <div class="table-frame">
          <table>
            <Head cols={[t(lang, m.kind), t(lang, m.started), t(lang, m.lastSeen), t(lang, m.expires), t(lang, m.ip), t(lang, m.browser)]} />
            <tbody>
              {data.sessions.map((s) => (
                <tr>
                  <td safe>{`${t(lang, s.api ? m.apiToken : m.browserSession)}${s.current ? t(lang, m.current) : ''}`}</td>
                  <td safe>{when(lang, s.createdAt)}</td>
                  <td safe>{when(lang, s.lastSeenAt)}</td>
                  <td safe>{when(lang, s.expiresAt)}</td>
                  <td safe>{s.ip ?? '—'}</td>
                  <td safe>{s.userAgent ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      {a.kind === 'citizen' ? (
        <section aria-labelledby="md-dossiers">
          <h2 id="md-dossiers" safe>
            {t(lang, m.dossiers)}
          </h2>
          {data.dossiers.length === 0 ? (
            <p safe>{t(lang, m.noDossiers)}</p>
          ) : (
            <table>
              <Head cols={[t(lang, m.code), t(lang, m.procedure), t(lang, m.status), t(lang, m.received)]} />
              <tbody>
                {data.dossiers.map(({ dossier: d }) => (
                  <tr>
                    <td>
                      <a href={`/ho-so-cua-toi/${encodeURIComponent(d.code)}`} safe>
                        {d.code}
                      </a>
                    </td>
                    <td safe>{d.procedureCode}</td>
                    <td safe>{t(lang, statusLabel(d.status))}</td>
                    <td safe>{when(lang, d.receivedAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      ) : (
        ''
      )}
      <section aria-labelledby="md-audit">
        <h2 id="md-audit" safe>
          {t(lang, m.audit, { n: AUDIT_LIMIT })}
        </h2>
        <div class="table-frame">
          <table>
            <Head cols={[t(lang, m.at), t(lang, m.action), t(lang, m.by), t(lang, m.ip)]} />
            <tbody>
              {data.audit.map((r) => (
                <tr>
                  <td safe>{when(lang, r.at)}</td>
                  <td safe>{t(lang, auditActions[r.action] ?? { vi: r.action, en: r.action })}</td>
                  <td safe>{r.by ?? '—'}</td>
                  <td safe>{r.ip ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </Page>
  );
}
