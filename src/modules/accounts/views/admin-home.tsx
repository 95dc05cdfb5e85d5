// /quan-tri: the staff member's administration and work pages (admin-home.ts).
import type { FastifyRequest } from 'fastify';
import { Page } from '../../../platform/web/layout.tsx';
import { t } from '../../../platform/web/i18n.ts';
import { ROLE_LABELS } from '../../../platform/auth/roles.ts';
import { adminHome as m } from '../messages-my-data.ts';
import type { HomeLink } from '../admin-home.ts';

function Links({ req, id, heading, links }: { req: FastifyRequest; id: string; heading: string; links: HomeLink[] }): JSX.Element {
  const lang = req.lang;
  if (links.length === 0) return <></>;
  return (
    <section aria-labelledby={id}>
      <h2 id={id} safe>
        {heading}
      </h2>
      <ul class="cards">
        {links.map((l) => (
          <li class="card">
            <h3>
              <a href={l.href} safe>
                {t(lang, l.title)}
              </a>
            </h3>
            <p safe>{t(lang, l.text)}</p>
            {l.roles.length ? (
              <p class="muted" safe>
                {t(lang, m.roles, { roles: l.roles.map((r) => t(lang, ROLE_LABELS[r])).join(', ') })}
              </p>
            ) : (
              ''
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

export function AdminHomePage({ req, admin, work }: { req: FastifyRequest; admin: HomeLink[]; work: HomeLink[] }): JSX.Element {
  const lang = req.lang;
  return (
    <Page req={req} title={m.title}>
      <h1 safe>{t(lang, m.title)}</h1>
      <p safe>{t(lang, m.lead)}</p>
      {admin.length === 0 && work.length === 0 ? <p safe>{t(lang, m.nothing)}</p> : ''}
      <Links req={req} id="admin-pages" heading={t(lang, m.adminSection)} links={admin} />
      <Links req={req} id="work-pages" heading={t(lang, m.workSection)} links={work} />
    </Page>
  );
}
