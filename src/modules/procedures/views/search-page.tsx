// /thu-tuc: search and browse the catalogue. A plain GET form (works without JavaScript); filters as selects;
// results as a table with code, name, field, level, processing time and an online badge; numbered pagination.
import type { FastifyRequest } from 'fastify';
import { CardsTable, ErrorSummary, Field, Page } from '../../../platform/web/layout.tsx';
import { t, type Lang } from '../../../platform/web/i18n.ts';
import { sortVi } from '../../../platform/text/index.ts';
import type { Facets } from '../service.ts';
import type { SearchResult } from '../search.ts';
import { levelLabels, page as m } from '../messages.ts';
import { LEVELS, type Level } from '../schema.ts';
import { formatNumber, formatTime, levelList, OnlineBadge, ProcedureName, procedureHref, SelectField, Vi } from './parts.tsx';

export type OnlineFilter = 'yes' | 'no' | 'full' | '';

export interface SearchState {
  q: string;
  field: string;
  agency: string;
  level: Level | '';
  online: OnlineFilter;
  page: number;
  error?: string | undefined;
  result: SearchResult;
  facets: Facets;
  catalogueSize: number;
}

export const PAGE_SIZE = 20;

function pageHref(s: SearchState, page: number): string {
  const params = new URLSearchParams();
  if (s.q) params.set('q', s.q);
  if (s.field) params.set('field', s.field);
  if (s.agency) params.set('agency', s.agency);
  if (s.level) params.set('level', s.level);
  if (s.online) params.set('online', s.online);
  if (page > 1) params.set('page', String(page));
  const qs = params.toString();
  return qs ? `/thu-tuc?${qs}` : '/thu-tuc';
}

function Results({ lang, result }: { lang: Lang; result: SearchResult }): JSX.Element {
  return (
    <CardsTable
      class="procedures"
      heads={[m.colCode, m.colName, m.colField, m.colLevel, m.colTime, m.colOnline].map((h) => t(lang, h))}
      rows={result.items}
      cells={(p) => [
        { html: <code safe>{p.code}</code> },
        { html: <ProcedureName lang={lang} name={p.name} nameEn={p.nameEn} link={procedureHref(p.code)} /> },
        p.field ? { html: <Vi lang={lang} text={p.field} /> } : '',
        levelList(lang, p.levels),
        formatTime(lang, p.processingTime),
        { html: <OnlineBadge lang={lang} online={p.online} level={p.onlineLevel} /> },
      ]}
    />
  );
}

function Pagination({ lang, state }: { lang: Lang; state: SearchState }): JSX.Element {
  const pages = Math.max(1, Math.ceil(state.result.total / PAGE_SIZE));
  if (pages <= 1) return <></>;
  const current = Math.min(state.page, pages);
  return (
    <nav aria-label={t(lang, m.pagination)}>
      <ul class="pagination">
        {current > 1 ? (
          <li>
            <a href={pageHref(state, current - 1)} rel="prev" safe>
              {t(lang, m.previous)}
            </a>
          </li>
        ) : (
          ''
        )}
        <li aria-current="page" safe>
          {t(lang, m.pageOf, { page: current, pages })}
        </li>
        {current < pages ? (
          <li>
            <a href={pageHref(state, current + 1)} rel="next" safe>
              {t(lang, m.next)}
            </a>
          </li>
        ) : (
          ''
        )}
      </ul>
    </nav>
  );
}

export function SearchPage({ req, state }: { req: FastifyRequest; state: SearchState }): JSX.Element {
  const lang = req.lang;
  const allLabel = t(lang, m.all);
  const options = (facet: { value: string; count: number }[]) => [
    { value: '', label: allLabel },
    ...sortVi(facet, (f) => f.value).map((f) => ({ value: f.value, label: `${f.value} (${f.count})` })),
  ];
  const fieldOptions = options(state.facets.fields);
  const agencyOptions = options(state.facets.agencies);
  const levelOptions = [{ value: '', label: allLabel }, ...LEVELS.map((l) => ({ value: l, label: t(lang, levelLabels[l]) }))];
  const onlineOptions = [
    { value: '', label: allLabel },
    { value: 'yes', label: t(lang, m.onlineYes) },
    { value: 'full', label: t(lang, m.onlineFull) },
    { value: 'no', label: t(lang, m.onlineNo) },
  ];
  const r = state.result;
  const from = r.total === 0 ? 0 : r.offset + 1;
  const to = Math.min(r.offset + r.items.length, r.total);
  const filtered = state.q !== '' || state.field !== '' || state.agency !== '' || state.level !== '' || state.online !== '';
  return (
    <Page req={req} title={m.listTitle}>
      <h1 safe>{t(lang, m.listTitle)}</h1>
      <p class="lead" safe>
        {t(lang, m.listLead, { n: formatNumber(lang, state.catalogueSize) })}
      </p>
      <ErrorSummary lang={lang} errors={state.error ? [{ field: 'q', message: state.error }] : []} />
      <form method="get" action="/thu-tuc" role="search" aria-labelledby="search-legend" class="procedure-search">
        <h2 id="search-legend" safe>
          {t(lang, m.searchLegend)}
        </h2>
        <Field id="q" label={t(lang, m.searchLabel)} hint={t(lang, m.searchHint)} value={state.q} error={state.error} type="search" />
        <div class="filters">
          <SelectField id="field" label={t(lang, m.fieldLabel)} value={state.field} options={fieldOptions} />
          <SelectField id="agency" label={t(lang, m.agencyLabel)} value={state.agency} options={agencyOptions} />
          <SelectField id="level" label={t(lang, m.levelLabel)} value={state.level} options={levelOptions} />
          <SelectField id="online" label={t(lang, m.onlineLabel)} value={state.online} options={onlineOptions} />
        </div>
        <button type="submit" safe>
          {t(lang, m.searchButton)}
        </button>{' '}
        {filtered ? (
          <a href="/thu-tuc" class="button secondary" safe>
            {t(lang, m.clear)}
          </a>
        ) : (
          ''
        )}
      </form>
      <section aria-labelledby="results-heading">
        <h2 id="results-heading" safe>
          {t(lang, m.resultsHeading, { n: formatNumber(lang, r.total) })}
        </h2>
        {r.expanded.length > 0 ? (
          <p class="muted" safe>
            {t(lang, m.expandedNote, { list: r.expanded.map((e) => `${e.term} → ${e.expansion}`).join('; ') })}
          </p>
        ) : (
          ''
        )}
        {r.items.length === 0 ? (
          <p class="notice" safe>
            {t(lang, m.noResults)}
          </p>
        ) : (
          <>
            <p class="muted" safe>
              {t(lang, m.resultsRange, { from: formatNumber(lang, from), to: formatNumber(lang, to), n: formatNumber(lang, r.total) })}
            </p>
            <Results lang={lang} result={r} />
            <Pagination lang={lang} state={state} />
          </>
        )}
      </section>
    </Page>
  );
}
