// /quan-tri/danh-ba for administrators: every agency, each leading to its directory.
import type { FastifyRequest } from 'fastify';
import { Page } from '../../../platform/web/layout.tsx';
import { t } from '../../../platform/web/i18n.ts';
import type { AgencyWithUnit } from '../../units/index.ts';
import { adm as a } from '../page-messages.ts';
import { adminUrl } from './admin-pages.tsx';

export function AgenciesPage({ req, agencies }: { req: FastifyRequest; agencies: AgencyWithUnit[] }): JSX.Element {
  const lang = req.lang;
  return (
    <Page req={req} title={a.agenciesTitle}>
      <h1 safe>{t(lang, a.agenciesTitle)}</h1>
      <p safe>{t(lang, a.agenciesLead)}</p>
      <p>
        <a href="/quan-tri/danh-ba.ldif" safe>
          {t(lang, a.fullExport)}
        </a>
      </p>
      <ul class="directory-agencies">
        {agencies.map((ag) => (
          <li>
            <a href={adminUrl(ag.code)} safe>
              {ag.name}
            </a>
          </li>
        ))}
      </ul>
    </Page>
  );
}
