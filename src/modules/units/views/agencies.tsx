// /co-quan: the agencies with their identifiers, grouped by kind, filterable by name and kind.
import type { FastifyRequest } from 'fastify';
import { ErrorSummary, Field, Page } from '../../../platform/web/layout.tsx';
import { t } from '../../../platform/web/i18n.ts';
import { agencyKindLabels, units as m } from '../messages.ts';
import { AGENCY_KINDS, type AgencyKind } from '../schema.ts';
import type { AgencyWithUnit } from '../service.ts';
import { SelectField, ViName, unitHref } from './parts.tsx';

export interface AgenciesState {
  q: string;
  kind: AgencyKind | '';
  error?: string | undefined;
  agencies: AgencyWithUnit[];
}

export function AgenciesPage({ req, state }: { req: FastifyRequest; state: AgenciesState }): JSX.Element {
  const lang = req.lang;
  const groups = AGENCY_KINDS.map((kind) => ({ kind, items: state.agencies.filter((a) => a.kind === kind) })).filter((g) => g.items.length > 0);
  const order: AgencyKind[] = ['city_committee', 'service_centre', 'service_centre_branch', 'department', 'other', 'commune_committee'];
  groups.sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind));
  return (
    <Page req={req} title={m.agenciesTitle}>
      <h1 safe>{t(lang, m.agenciesTitle)}</h1>
      <p class="lead" safe>
        {t(lang, m.agenciesLead)}
      </p>
      <ErrorSummary lang={lang} errors={state.error ? [{ field: 'q', message: state.error }] : []} />
      <form method="get" action="/co-quan" role="search">
        <Field id="q" label={t(lang, m.agencySearchLabel)} hint={t(lang, m.searchHint)} value={state.q} error={state.error} type="search" />
        <SelectField
          id="loai"
          label={t(lang, m.agencyKindLabel)}
          value={state.kind}
          options={[{ value: '', label: t(lang, m.typeAll) }, ...order.map((k) => ({ value: k, label: t(lang, agencyKindLabels[k]) }))]}
        />
        <button type="submit" safe>
          {t(lang, m.searchButton)}
        </button>
      </form>
      <p class="muted" safe>
        {t(lang, m.agenciesNote)}
      </p>
      <p safe>{t(lang, m.agenciesPublic)}</p>
      <p safe>{t(lang, m.agenciesCount, { n: state.agencies.length })}</p>
      {state.agencies.length === 0 ? (
        <p class="notice" safe>
          {t(lang, m.agenciesNone)}
        </p>
      ) : (
        ''
      )}
      {groups.map((g) => (
        <section aria-labelledby={`kind-${g.kind}`}>
          <h2 id={`kind-${g.kind}`} safe>
            {`${t(lang, agencyKindLabels[g.kind])} (${g.items.length})`}
          </h2>
          <table>
            <thead>
              <tr>
                <th scope="col" safe>
                  {t(lang, m.agencyCode)}
                </th>
                <th scope="col" safe>
                  {t(lang, m.agencyName)}
                </th>
                <th scope="col" safe>
                  {t(lang, m.agencyUnit)}
                </th>
              </tr>
            </thead>
            <tbody>
              {g.items.map((a) => (
                <tr>
                  <td>
                    <code safe>{a.code}</code>
                  </td>
                  <td>
                    <a href={`/cong-khai/co-quan/${encodeURIComponent(a.code)}`}>
                      <ViName lang={lang} text={a.name} />
                    </a>
                    {lang === 'en' && a.nameEn ? <span class="muted" safe>{` (${a.nameEn})`}</span> : ''}
                  </td>
                  <td>
                    <a href={unitHref(a.unitCode)}>
                      <ViName lang={lang} text={a.unitName} />
                    </a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}
    </Page>
  );
}
