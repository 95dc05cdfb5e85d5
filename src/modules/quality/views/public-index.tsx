// /cong-khai: the index of the public transparency pages, one link per agency, grouped by kind (no sign-in).
import type { FastifyRequest } from 'fastify';
import { t } from '../../../platform/web/i18n.ts';
import { Page } from '../../../platform/web/layout.tsx';
import { agencyKindLabels, type AgencyWithUnit } from '../../units/index.ts';
import { agencyName } from '../format.ts';
import { q } from '../messages.ts';

export const PUBLIC_INDEX = '/cong-khai';
export const publicAgencyHref = (code: string): string => `${PUBLIC_INDEX}/co-quan/${encodeURIComponent(code)}`;

export function PublicIndexPage({ req, agencies }: { req: FastifyRequest; agencies: AgencyWithUnit[] }): JSX.Element {
  const lang = req.lang;
  const kinds = [...new Set(agencies.map((a) => a.kind))];
  return (
    <Page req={req} title={q.publicIndexTitle}>
      <h1 safe>{t(lang, q.publicIndexTitle)}</h1>
      <p class="lead" safe>
        {t(lang, q.publicIndexLead)}
      </p>
      {kinds.map((kind) => (
        <section aria-labelledby={`kind-${kind}`}>
          <h2 id={`kind-${kind}`} safe>
            {t(lang, agencyKindLabels[kind])}
          </h2>
          <ul class="link-columns">
            {agencies
              .filter((a) => a.kind === kind)
              .map((a) => (
                <li>
                  <a href={publicAgencyHref(a.code)} safe>
                    {agencyName(lang, a)}
                  </a>
                </li>
              ))}
          </ul>
        </section>
      ))}
    </Page>
  );
}
