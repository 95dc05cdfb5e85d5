// /don-vi-hanh-chinh: Hà Nội's wards and communes, grouped by type, with a search that needs no accents.
import type { FastifyRequest } from 'fastify';
import { ErrorSummary, Field, Page } from '../../../platform/web/layout.tsx';
import { t, type Lang } from '../../../platform/web/i18n.ts';
import { units as m, unitTypePlurals } from '../messages.ts';
import { COMMUNE_TYPES, UNIT_TYPES, unitTypeName, type UnitSummary, type UnitTypeSlug } from '../schema.ts';
import { SelectField, UnitLink, unitTypeLabel } from './parts.tsx';

export interface UnitsListState {
  q: string;
  type: UnitTypeSlug | '';
  error?: string | undefined;
  /** Units to show: all of Hà Nội's, or the search results. */
  units: UnitSummary[];
  searched: boolean;
  counts: { total: number; phuong: number; xa: number };
}

function UnitTable({ lang, units, caption, showType }: { lang: Lang; units: UnitSummary[]; caption?: string; showType?: boolean }): JSX.Element {
  return (
    <table>
      {caption ? <caption class="muted" safe>{caption}</caption> : ''}
      <thead>
        <tr>
          <th scope="col" safe>
            {t(lang, m.code)}
          </th>
          <th scope="col" safe>
            {t(lang, m.name)}
          </th>
          {showType ? (
            <th scope="col" safe>
              {t(lang, m.typeLabel)}
            </th>
          ) : (
            ''
          )}
        </tr>
      </thead>
      <tbody>
        {units.map((u) => (
          <tr>
            <td>
              <code safe>{u.code}</code>
            </td>
            <td>
              <UnitLink lang={lang} unit={u} />
            </td>
            {showType ? <td safe>{unitTypeLabel(lang, u.type)}</td> : ''}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function UnitsListPage({ req, state }: { req: FastifyRequest; state: UnitsListState }): JSX.Element {
  const lang = req.lang;
  const typeOptions = [
    { value: '', label: t(lang, m.typeAll) },
    ...COMMUNE_TYPES.filter((n) => n !== 'Đặc khu').map((n) => ({ value: UNIT_TYPES[n], label: unitTypeLabel(lang, n) })),
  ];
  const groups = COMMUNE_TYPES.map((typeName) => ({ typeName, units: state.units.filter((u) => u.type === typeName) })).filter((g) => g.units.length > 0);
  return (
    <Page req={req} title={m.listTitle}>
      <h1 safe>{t(lang, m.listTitle)}</h1>
      <p class="lead" safe>
        {t(lang, m.listLead, state.counts)}
      </p>
      <ErrorSummary lang={lang} errors={state.error ? [{ field: 'q', message: state.error }] : []} />
      <form method="get" action="/don-vi-hanh-chinh" role="search" aria-labelledby="search-legend">
        <h2 id="search-legend" safe>
          {t(lang, m.searchLegend)}
        </h2>
        <Field id="q" label={t(lang, m.searchLabel)} hint={t(lang, m.searchHint)} value={state.q} error={state.error} type="search" />
        <SelectField id="loai" label={t(lang, m.typeLabel)} value={state.type} options={typeOptions} />
        <button type="submit" safe>
          {t(lang, m.searchButton)}
        </button>
      </form>
      <p>
        <a href="/don-vi-hanh-chinh/tra-cuu-cu" safe>
          {t(lang, m.oldLookupLink)}
        </a>
        {' · '}
        <a href="/co-quan" safe>
          {t(lang, m.agenciesLink)}
        </a>
      </p>
      {state.searched ? (
        <section aria-labelledby="results-heading">
          <h2 id="results-heading" safe>
            {t(lang, m.resultsFor, { n: state.units.length, q: state.q || (state.type ? unitTypeLabel(lang, unitTypeName(state.type)) : '') })}
          </h2>
          {state.units.length === 0 ? (
            <p class="notice" safe>
              {t(lang, m.noResults)}
            </p>
          ) : (
            <UnitTable lang={lang} units={state.units} showType />
          )}
          <p>
            <a href="/don-vi-hanh-chinh" safe>
              {t(lang, m.clearSearch)}
            </a>
          </p>
        </section>
      ) : (
        groups.map((g) => (
          <section aria-labelledby={`group-${UNIT_TYPES[g.typeName]}`}>
            <h2 id={`group-${UNIT_TYPES[g.typeName]}`} safe>
              {t(lang, m.groupHeading, { type: t(lang, unitTypePlurals[g.typeName]), n: g.units.length })}
            </h2>
            <UnitTable lang={lang} units={g.units} />
          </section>
        ))
      )}
    </Page>
  );
}
