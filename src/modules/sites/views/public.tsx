// The readers' pages of a site: its home page, the list of its articles with "earlier"/"newer" pages, and the list of
// every site. An article's own page is article.tsx; what they share is parts.tsx.
import type { FastifyRequest } from 'fastify';
import { Page } from '../../../platform/web/layout.tsx';
import { t, type Lang } from '../../../platform/web/i18n.ts';
import { KIND_LABELS, SITE_KIND_LABELS, page as p } from '../messages.ts';
import type { Article, ArticleKind, Category, Site } from '../repo.ts';
import type { AgencyPanel } from '../agency-panel.ts';
import { ArticleItems, categoryName, FeedLinks, SiteNav, SiteSearch, siteName } from './parts.tsx';


export interface SiteHome {
  site: Site;
  categories: Category[];
  featured: Article[];
  latest: Article[];
  announcements: Article[];
  directions: Article[];
  agency: { code: string; name: string; address: string | null } | undefined;
  panel: AgencyPanel | undefined;
  base: string;
}

const pct = (lang: Lang, x: number | null): string => (x === null ? '–' : `${(Math.round(x * 1000) / 10).toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB')}%`);

function AgencyFacts({ lang, code, panel }: { lang: Lang; code: string; panel: AgencyPanel }): JSX.Element {
  const f = panel.figures;
  const pr = panel.procedures;
  return (
    <>
      {panel.leaders.length > 0 ? (
        <>
          <h3 safe>{t(lang, p.leaders)}</h3>
          <ul class="article-list">
            {panel.leaders.map((l) => (
              <li>
                <strong safe>{l.fullName}</strong>
                <br />
                <span safe>{l.position}</span>
                {l.officePhone ? (
                  <>
                    <br />
                    <a href={l.officePhoneUri} safe>
                      {l.officePhone}
                    </a>
                  </>
                ) : (
                  ''
                )}
                <br />
                <a href={`mailto:${l.email}`} safe>
                  {l.email}
                </a>
              </li>
            ))}
          </ul>
        </>
      ) : (
        ''
      )}
      <p>
        <a href={`/danh-ba/${encodeURIComponent(code)}`} safe>
          {t(lang, p.directory)}
        </a>
      </p>
      {pr ? (
        <>
          <h3 safe>{t(lang, p.procedures)}</h3>
          <p safe>{t(lang, p.proceduresCount, { n: pr.total, online: pr.online })}</p>
          <p>
            <a href={`/thu-tuc?level=${pr.level}`} safe>
              {t(lang, p.proceduresLink)}
            </a>
          </p>
        </>
      ) : (
        ''
      )}
      <h3 safe>{t(lang, p.figuresTitle)}</h3>
      {f ? (
        <dl class="facts">
          <dt safe>{t(lang, p.received)}</dt>
          <dd safe>{f.received.toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB')}</dd>
          <dt safe>{t(lang, p.onTime)}</dt>
          <dd safe>{pct(lang, f.onTimeRate)}</dd>
          <dt safe>{t(lang, p.onlineShare)}</dt>
          <dd safe>{pct(lang, f.onlineShare)}</dd>
        </dl>
      ) : (
        <p safe>{t(lang, p.noFigures)}</p>
      )}
      <p>
        <a href={`/cong-khai/co-quan/${encodeURIComponent(code)}`} safe>
          {t(lang, p.transparency)}
        </a>
      </p>
    </>
  );
}

export function SiteHomePage({ req, home }: { req: FastifyRequest; home: SiteHome }): JSX.Element {
  const lang = req.lang;
  const { site, agency } = home;
  return (
    <Page req={req} title={siteName(lang, site)} head={<FeedLinks site={site} base={home.base} />}>
      <p class="article-meta" safe>
        {t(lang, SITE_KIND_LABELS[site.kind])}
      </p>
      <h1 safe>{siteName(lang, site)}</h1>
      <SiteSearch lang={lang} site={site} />
      <SiteNav lang={lang} site={site} categories={home.categories} />
      <div class="site-columns">
        <div>
          {home.featured.length > 0 ? (
            <section aria-labelledby="featured">
              <h2 id="featured" safe>
                {t(lang, p.featured)}
              </h2>
              <ArticleItems lang={lang} site={site} articles={home.featured} />
            </section>
          ) : (
            ''
          )}
          <section aria-labelledby="latest">
            <h2 id="latest" safe>
              {t(lang, p.latest)}
            </h2>
            <ArticleItems lang={lang} site={site} articles={home.latest} />
            <p>
              <a href={`/trang/${site.slug}/tin?trang=2`} safe>
                {t(lang, p.earlier)}
              </a>
            </p>
          </section>
        </div>
        <aside aria-labelledby="side">
          <h2 id="side" class="visually-hidden" safe>
            {t(lang, p.contacts)}
          </h2>
          <h3 safe>{t(lang, p.announcements)}</h3>
          <ArticleItems lang={lang} site={site} articles={home.announcements} />
          <h3 safe>{t(lang, p.directions)}</h3>
          <ArticleItems lang={lang} site={site} articles={home.directions} />
          {agency ? (
            <>
              <h3 safe>{t(lang, p.contacts)}</h3>
              <dl class="facts">
                <dt safe>{t(lang, p.address)}</dt>
                <dd safe>{agency.address ?? agency.name}</dd>
              </dl>
              {home.panel ? <AgencyFacts lang={lang} code={agency.code} panel={home.panel} /> : ''}
            </>
          ) : (
            ''
          )}
          <p>
            <a href={`/trang/${site.slug}/rss.xml`} safe>
              {t(lang, p.feeds)}
            </a>
          </p>
        </aside>
      </div>
    </Page>
  );
}
export interface ArticleListView {
  site: Site;
  categories: Category[];
  articles: Article[];
  page: number;
  pages: number;
  kind: ArticleKind | undefined;
  category: Category | undefined;
  base: string;
}

export function ArticleListPage({ req, view }: { req: FastifyRequest; view: ArticleListView }): JSX.Element {
  const lang = req.lang;
  const { site } = view;
  const title = view.category ? categoryName(lang, view.category) : view.kind ? t(lang, KIND_LABELS[view.kind]) : t(lang, p.allNews);
  const q = (n: number): string => {
    const u = new URLSearchParams();
    if (view.kind) u.set('loai', view.kind);
    if (view.category) u.set('chuyen-muc', view.category.slug);
    if (n > 1) u.set('trang', String(n));
    const s = u.toString();
    return `/trang/${site.slug}/tin${s ? `?${s}` : ''}`;
  };
  return (
    <Page req={req} title={`${title} – ${siteName(lang, site)}`} head={<FeedLinks site={site} base={view.base} />}>
      <p class="article-meta">
        <a href={`/trang/${site.slug}`} safe>
          {siteName(lang, site)}
        </a>
      </p>
      <h1 safe>{title}</h1>
      <SiteNav lang={lang} site={site} categories={view.categories} />
      <ArticleItems lang={lang} site={site} articles={view.articles} />
      <nav aria-label={t(lang, p.pageOf, { page: view.page, pages: view.pages })}>
        <p safe>{t(lang, p.pageOf, { page: view.page, pages: view.pages })}</p>
        <ul class="pagination">
          {view.page > 1 ? (
            <li>
              <a href={q(view.page - 1)} rel="prev" safe>
                {t(lang, p.newer)}
              </a>
            </li>
          ) : (
            ''
          )}
          {view.page < view.pages ? (
            <li>
              <a href={q(view.page + 1)} rel="next" safe>
                {t(lang, p.earlier)}
              </a>
            </li>
          ) : (
            ''
          )}
        </ul>
      </nav>
    </Page>
  );
}

export function SitesPage({ req, sites }: { req: FastifyRequest; sites: readonly Site[] }): JSX.Element {
  const lang = req.lang;
  const groups: Site['kind'][] = ['city', 'agency', 'ward'];
  return (
    <Page req={req} title={p.sitesTitle}>
      <h1 safe>{t(lang, p.sitesTitle)}</h1>
      <p safe>{t(lang, p.sitesIntro)}</p>
      <SiteSearch lang={lang} />
      {groups.map((k) => (
        <section aria-labelledby={`sites-${k}`}>
          <h2 id={`sites-${k}`} safe>
            {t(lang, SITE_KIND_LABELS[k])}
          </h2>
          <ul class="link-columns">
            {sites
              .filter((s) => s.kind === k)
              .map((s) => (
                <li>
                  <a href={`/trang/${s.slug}`} safe>
                    {siteName(lang, s)}
                  </a>
                </li>
              ))}
          </ul>
        </section>
      ))}
    </Page>
  );
}
