// /phan-anh-kien-nghi: the answers leaders approved for publishing, newest first, filtered by category and ward,
// ten a page. Never the sender's name or contacts.
import type { FastifyRequest } from 'fastify';
import { formatDateTime, t } from '../../../platform/web/i18n.ts';
import { Page, SelectField } from '../../../platform/web/layout.tsx';
import type { UnitSummary } from '../../units/index.ts';
import { categoryLabels, FIELDS } from '../messages.ts';
import { pm } from '../page-messages.ts';
import type { CaseRow } from '../repo.ts';
import { categoryOptions, unitName, unitOptions } from './parts.tsx';

export interface PublicListState {
  rows: CaseRow[];
  agencyNames: ReadonlyMap<number, string>;
  units: UnitSummary[];
  category: string;
  unitCode: string;
  page: number;
  pages: number;
  total: number;
}

function pageHref(s: PublicListState, page: number): string {
  const q = new URLSearchParams();
  if (s.category) q.set('linh_vuc', s.category);
  if (s.unitCode) q.set('don_vi', s.unitCode);
  if (page > 1) q.set('trang', String(page));
  const qs = q.toString();
  return `/phan-anh-kien-nghi${qs ? `?${qs}` : ''}`;
}

export function PublicListPage({ req, state }: { req: FastifyRequest; state: PublicListState }): JSX.Element {
  const lang = req.lang;
  return (
    <Page req={req} title={pm.listTitle}>
      <h1 safe>{t(lang, pm.listTitle)}</h1>
      <p safe>{t(lang, pm.listLead)}</p>
      <p>
        <a class="button" href="/phan-anh-kien-nghi/gui" safe>
          {t(lang, pm.sendLink)}
        </a>{' '}
        <a href="/phan-anh-kien-nghi/tra-cuu" safe>
          {t(lang, pm.trackLink)}
        </a>
        {req.user?.kind === 'staff' ? (
          <>
            {' '}
            <a href="/quan-ly/phan-anh" safe>
              {t(lang, pm.staffLink)}
            </a>
          </>
        ) : (
          ''
        )}
      </p>
      <form method="get" action="/phan-anh-kien-nghi" class="filters">
        <SelectField id="linh_vuc" label={t(lang, FIELDS.category)} options={categoryOptions(lang, t(lang, pm.allCategories))} value={state.category} />
        <SelectField id="don_vi" label={t(lang, FIELDS.unitCode)} options={unitOptions(state.units, t(lang, pm.allUnits))} value={state.unitCode} />
        <div class="field">
          <button type="submit" safe>
            {t(lang, pm.filter)}
          </button>
        </div>
      </form>
      {state.rows.length === 0 ? <p safe>{t(lang, pm.none)}</p> : ''}
      {state.rows.map((r) => (
        <article class="card" aria-labelledby={`pa-${r.id}`}>
          <h2 id={`pa-${r.id}`} safe>
            {r.title}
          </h2>
          <p class="muted" safe>
            {[r.code, t(lang, categoryLabels[r.category]), unitName(state.units, r.unit_code), r.published_at ? formatDateTime(lang, r.published_at) : ''].filter(Boolean).join(' · ')}
          </p>
          <p class="pre-line" safe>
            {r.description}
          </p>
          <h3 safe>{`${t(lang, pm.answer)}${r.agency_id !== null && state.agencyNames.has(r.agency_id) ? ` – ${state.agencyNames.get(r.agency_id) ?? ''}` : ''}`}</h3>
          <p class="pre-line" safe>
            {r.answer ?? ''}
          </p>
        </article>
      ))}
      {state.pages > 1 ? (
        <nav aria-label={t(lang, pm.pageOf, { page: state.page, pages: state.pages })}>
          <ul class="pagination">
            {state.page > 1 ? (
              <li>
                <a href={pageHref(state, state.page - 1)} rel="prev" safe>
                  {t(lang, pm.prev)}
                </a>
              </li>
            ) : (
              ''
            )}
            <li safe>{t(lang, pm.pageOf, { page: state.page, pages: state.pages })}</li>
            {state.page < state.pages ? (
              <li>
                <a href={pageHref(state, state.page + 1)} rel="next" safe>
                  {t(lang, pm.next)}
                </a>
              </li>
            ) : (
              ''
            )}
          </ul>
        </nav>
      ) : (
        ''
      )}
    </Page>
  );
}
