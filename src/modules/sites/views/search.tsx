// /tim-kiem: the portal's one search box with its filters (site, kind, dates), results that show their kind and site,
// the procedures of the catalogue beside the articles, and the synonyms that widened the query.
import type { FastifyRequest } from 'fastify';
import { ErrorSummary, Field, Page, SelectField } from '../../../platform/web/layout.tsx';
import { formatDate, t, type Lang, type Text } from '../../../platform/web/i18n.ts';
import { ARTICLE_KINDS } from '../input.ts';
import { KIND_LABELS } from '../messages.ts';
import type { Site } from '../repo.ts';
import { MAX_CANDIDATES, type PortalResults } from '../search.ts';
import { siteName } from './parts.tsx';

export const searchText = {
  title: { vi: 'Tìm kiếm trên Cổng thông tin', en: 'Search the portal' },
  q: { vi: 'Tìm tin bài, văn bản, thủ tục', en: 'Search news, documents, procedures' },
  site: { vi: 'Trang', en: 'Site' },
  allSites: { vi: 'Tất cả các trang', en: 'All sites' },
  kind: { vi: 'Loại', en: 'Kind' },
  allKinds: { vi: 'Tất cả', en: 'All' },
  procedure: { vi: 'Thủ tục hành chính', en: 'Administrative procedure' },
  from: { vi: 'Từ ngày', en: 'From' },
  to: { vi: 'Đến ngày', en: 'To' },
  submit: { vi: 'Tìm kiếm', en: 'Search' },
  found: { vi: 'Tìm thấy {n} tin bài', en: '{n} articles found' },
  many: {
    vi: 'Có hơn {n} tin bài phù hợp; đây là {n} tin mới nhất, xếp theo mức phù hợp. Thêm từ hoặc chọn trang, loại, thời gian để thu hẹp.',
    en: 'More than {n} articles match; these are the {n} most recent, most relevant first. Add words or pick a site, kind or dates to narrow it.',
  },
  none: { vi: 'Không tìm thấy tin bài nào. Hãy thử từ khác hoặc bỏ bớt bộ lọc.', en: 'No articles found. Try other words or fewer filters.' },
  procedures: { vi: 'Thủ tục hành chính', en: 'Administrative procedures' },
  allProcedures: { vi: 'Xem tất cả thủ tục phù hợp', en: 'See every matching procedure' },
  expanded: { vi: 'Đã tìm cả: {list}', en: 'Also searched: {list}' },
  badDate: { vi: '{field} phải là ngày có thật, dạng YYYY-MM-DD.', en: '{field} must be a real date written YYYY-MM-DD.' },
  tooLong: { vi: 'Từ khóa dài quá 200 ký tự.', en: 'The search words are longer than 200 characters.' },
} satisfies Record<string, Text>;

export interface SearchState {
  q: string;
  site: string;
  kind: string;
  from: string;
  to: string;
  page: number;
  errors: { field: string; message: string }[];
  results: PortalResults | undefined;
}

function pageUrl(s: SearchState, page: number): string {
  const u = new URLSearchParams();
  for (const [k, v] of [['q', s.q], ['trang-web', s.site], ['loai', s.kind], ['tu', s.from], ['den', s.to]] as const) if (v) u.set(k, v);
  if (page > 1) u.set('trang', String(page));
  return `/tim-kiem?${u.toString()}`;
}

function kindLabel(lang: Lang, kind: string): string {
  return kind === 'procedure' ? t(lang, searchText.procedure) : t(lang, KIND_LABELS[kind as keyof typeof KIND_LABELS]);
}

export function SearchPage({ req, state, sites }: { req: FastifyRequest; state: SearchState; sites: readonly Site[] }): JSX.Element {
  const lang = req.lang;
  const r = state.results;
  const err = (f: string) => state.errors.find((e) => e.field === f)?.message;
  const pages = r ? Math.max(1, Math.ceil(r.total / 10)) : 1;
  return (
    <Page req={req} title={searchText.title}>
      <h1 safe>{t(lang, searchText.title)}</h1>
      <form method="get" action="/tim-kiem" role="search" class="filters">
        <ErrorSummary lang={lang} errors={state.errors} />
        <Field id="q" label={t(lang, searchText.q)} type="search" value={state.q} error={err('q')} />
        <SelectField id="trang-web" label={t(lang, searchText.site)} value={state.site} options={[{ value: '', label: t(lang, searchText.allSites) }, ...sites.map((s) => ({ value: s.slug, label: siteName(lang, s) }))]} />
        <SelectField id="loai" label={t(lang, searchText.kind)} value={state.kind} options={[{ value: '', label: t(lang, searchText.allKinds) }, ...[...ARTICLE_KINDS, 'procedure'].map((k) => ({ value: k, label: kindLabel(lang, k) }))]} />
        <Field id="tu" label={t(lang, searchText.from)} type="date" value={state.from} error={err('tu')} />
        <Field id="den" label={t(lang, searchText.to)} type="date" value={state.to} error={err('den')} />
        <button type="submit" safe>
          {t(lang, searchText.submit)}
        </button>
      </form>
      {r && r.expanded.length > 0 ? <p class="hint" safe>{t(lang, searchText.expanded, { list: r.expanded.map((e) => `“${e.term}” → “${e.expansion}”`).join(', ') })}</p> : ''}
      {r?.procedures && r.procedures.items.length > 0 ? (
        <section aria-labelledby="procedures">
          <h2 id="procedures" safe>
            {t(lang, searchText.procedures)}
          </h2>
          <ul class="article-list">
            {r.procedures.items.map((p) => (
              <li>
                <h3>
                  <a href={`/thu-tuc/${encodeURIComponent(p.code)}`} safe>
                    {lang === 'en' && p.nameEn ? p.nameEn : p.name}
                  </a>
                </h3>
                <p class="article-meta" safe>{`${t(lang, searchText.procedure)} · ${p.code}${p.field ? ` · ${p.field}` : ''}`}</p>
              </li>
            ))}
          </ul>
          {state.kind !== 'procedure' ? (
            <p>
              <a href={`/thu-tuc?q=${encodeURIComponent(state.q)}`} safe>
                {t(lang, searchText.allProcedures)}
              </a>
            </p>
          ) : (
            ''
          )}
        </section>
      ) : (
        ''
      )}
      {r && state.kind !== 'procedure' ? (
        <section aria-labelledby="articles">
          <h2 id="articles" safe>
            {r.total >= MAX_CANDIDATES ? t(lang, searchText.many, { n: MAX_CANDIDATES }) : r.total > 0 ? t(lang, searchText.found, { n: r.total.toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB') }) : t(lang, searchText.none)}
          </h2>
          <ul class="article-list">
            {r.articles.map((a) => (
              <li>
                <h3>
                  <a href={`/trang/${a.siteSlug}/tin/${a.slug}`} safe>
                    {a.title}
                  </a>
                </h3>
                <p class="article-meta" safe>{`${kindLabel(lang, a.kind)} · ${lang === 'en' && a.siteNameEn ? a.siteNameEn : a.siteName} · ${formatDate(lang, a.publishAt)}`}</p>
                {a.summary ? <p safe>{a.summary}</p> : ''}
              </li>
            ))}
          </ul>
          <ul class="pagination">
            {state.page > 1 ? (
              <li>
                <a href={pageUrl(state, state.page - 1)} rel="prev" safe>
                  {t(lang, { vi: 'Trang trước', en: 'Previous' })}
                </a>
              </li>
            ) : (
              ''
            )}
            {state.page < pages ? (
              <li>
                <a href={pageUrl(state, state.page + 1)} rel="next" safe>
                  {t(lang, { vi: 'Trang sau', en: 'Next' })}
                </a>
              </li>
            ) : (
              ''
            )}
          </ul>
        </section>
      ) : (
        ''
      )}
    </Page>
  );
}
