// The readers' pages of a site: its home page, an article (and its print view), the list of its articles with
// "earlier"/"newer" pages, and the list of every site.
import type { FastifyRequest } from 'fastify';
import { Page } from '../../../platform/web/layout.tsx';
import { formatDate, formatDateTime, t, type Lang } from '../../../platform/web/i18n.ts';
import { articlePath, ogDescription } from '../feeds.ts';
import { KIND_LABELS, SITE_KIND_LABELS, page as p } from '../messages.ts';
import type { Article, ArticleKind, Category, Site } from '../repo.ts';
import type { Media } from '../media-repo.ts';
import type { AgencyPanel } from '../agency-panel.ts';

export const siteName = (lang: Lang, s: Site): string => (lang === 'en' && s.name_en ? s.name_en : s.name);
export const categoryName = (lang: Lang, c: Category): string => (lang === 'en' && c.name_en ? c.name_en : c.name);

function FeedLinks({ site, base }: { site: Site; base: string }): JSX.Element {
  return (
    <>
      <link rel="alternate" type="application/rss+xml" title={`${site.name} (RSS)`} href={`${base}/trang/${site.slug}/rss.xml`} />
      <link rel="alternate" type="application/atom+xml" title={`${site.name} (Atom)`} href={`${base}/trang/${site.slug}/atom.xml`} />
    </>
  );
}

export function ArticleItems({ lang, site, articles }: { lang: Lang; site: Site; articles: readonly Article[] }): JSX.Element {
  if (articles.length === 0) return <p safe>{t(lang, p.noArticles)}</p>;
  return (
    <ul class="article-list">
      {articles.map((a) => (
        <li>
          <h3>
            <a href={articlePath(site, a)} safe>
              {a.title}
            </a>
          </h3>
          <p class="article-meta">
            <span safe>{t(lang, KIND_LABELS[a.kind])}</span> · <time datetime={(a.publish_at ?? a.updated_at).toISOString()} safe>{formatDate(lang, a.publish_at ?? a.updated_at)}</time>
            {a.document_no ? <span safe>{` · ${a.document_no}`}</span> : ''}
          </p>
          {a.summary ? <p safe>{a.summary}</p> : ''}
        </li>
      ))}
    </ul>
  );
}

/** A GET form (no token): the page stays cacheable. */
function SiteSearch({ lang, site }: { lang: Lang; site?: Site }): JSX.Element {
  return (
    <form method="get" action="/tim-kiem" role="search" class="filters">
      {site ? <input type="hidden" name="trang-web" value={site.slug} /> : ''}
      <label for="site-q" safe>
        {t(lang, site ? { vi: 'Tìm trong trang này', en: 'Search this site' } : { vi: 'Tìm tin bài, văn bản, thủ tục', en: 'Search news, documents, procedures' })}
      </label>{' '}
      <input id="site-q" name="q" type="search" />{' '}
      <button type="submit" safe>
        {t(lang, { vi: 'Tìm kiếm', en: 'Search' })}
      </button>
    </form>
  );
}

function SiteNav({ lang, site, categories }: { lang: Lang; site: Site; categories: readonly Category[] }): JSX.Element {
  const base = `/trang/${site.slug}`;
  const links: [string, string][] = [
    [base, siteName(lang, site)],
    [`${base}/tin`, t(lang, p.allNews)],
    [`${base}/tin?loai=announcement`, t(lang, p.announcements)],
    [`${base}/tin?loai=direction`, t(lang, p.directions)],
    ...categories.map((c): [string, string] => [`${base}/tin?chuyen-muc=${c.slug}`, categoryName(lang, c)]),
  ];
  return (
    <nav class="site-nav" aria-label={t(lang, p.categories)}>
      <ul class="tag-list">
        {links.map(([href, label]) => (
          <li>
            <a href={href} safe>
              {label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

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

/** `safeSections`: the HTML other modules add under the article (sections.ts), escaped by them. */
export function ArticlePage({ req, site, article, category, base, print, safeSections = '', media = [] }: { req: FastifyRequest; site: Site; article: Article; category: Category | undefined; base: string; print: boolean; safeSections?: string; media?: readonly Media[] }): JSX.Element {
  const lang = req.lang;
  const files = media.filter((m) => m.kind === 'file');
  // The link preview's image: the first image the body shows, as its JPEG (what every preview reader takes).
  const shown = /\/anh\/(\d+)\//.exec(article.body_html)?.[1];
  const ogImage = shown ?? media.find((m) => m.kind === 'image')?.id;
  const a = article;
  const url = base + articlePath(site, a);
  const when = a.publish_at ?? a.updated_at;
  const safeBody = a.body_html;
  const head = (
    <>
      <meta name="description" content={ogDescription(a)} />
      <meta property="og:type" content="article" />
      <meta property="og:title" content={a.title} />
      <meta property="og:description" content={ogDescription(a)} />
      <meta property="og:url" content={url} />
      <meta property="og:site_name" content={site.name} />
      <meta property="og:locale" content="vi_VN" />
      <meta property="article:published_time" content={when.toISOString()} />
      {ogImage !== undefined ? <meta property="og:image" content={`${base}/anh/${ogImage}/1200.jpg`} /> : ''}
      <link rel="canonical" href={url} />
      {print ? <meta name="robots" content="noindex" /> : ''}
      <FeedLinks site={site} base={base} />
    </>
  );
  return (
    <Page req={req} title={a.title} head={head}>
      {print ? '' : <SiteNav lang={lang} site={site} categories={category ? [category] : []} />}
      <article class="article">
        <p class="article-meta">
          <a href={`/trang/${site.slug}`} safe>
            {siteName(lang, site)}
          </a>{' '}
          · <span safe>{t(lang, KIND_LABELS[a.kind])}</span>
          {category ? <span safe>{` · ${categoryName(lang, category)}`}</span> : ''}
        </p>
        <h1 safe>{a.title}</h1>
        <p class="article-meta">
          <time datetime={when.toISOString()} safe>
            {t(lang, p.published, { when: formatDateTime(lang, when) })}
          </time>
          {a.updated_at > when ? <span safe>{`, ${t(lang, p.updated, { when: formatDateTime(lang, a.updated_at) })}`}</span> : ''}
        </p>
        {a.document_no ? (
          <dl class="facts">
            <dt safe>{t(lang, { vi: 'Số, ký hiệu', en: 'Number' })}</dt>
            <dd safe>{a.document_no}</dd>
            {a.document_date ? (
              <>
                <dt safe>{t(lang, { vi: 'Ngày ban hành', en: 'Issued' })}</dt>
                <dd safe>{a.document_date.split('-').reverse().join('/')}</dd>
              </>
            ) : (
              ''
            )}
            {a.signer ? (
              <>
                <dt safe>{t(lang, { vi: 'Người ký', en: 'Signed by' })}</dt>
                <dd safe>{a.signer}</dd>
              </>
            ) : (
              ''
            )}
          </dl>
        ) : (
          ''
        )}
        {a.summary ? (
          <p class="lead" safe>
            {a.summary}
          </p>
        ) : (
          ''
        )}
        <div class="article-body">{safeBody}</div>
        {a.tags.length > 0 ? (
          <section aria-label={t(lang, p.tags)}>
            <ul class="tag-list">
              {a.tags.map((tag) => (
                <li safe>{tag}</li>
              ))}
            </ul>
          </section>
        ) : (
          ''
        )}
        {files.length > 0 ? (
          <section aria-labelledby="attachments">
            <h2 id="attachments" safe>
              {t(lang, p.attachments)}
            </h2>
            <ul>
              {files.map((f) => (
                <li>
                  <a href={`/tep/${f.id}/${encodeURIComponent(f.name)}`} safe>
                    {`${f.name} (${f.mime === 'application/pdf' ? 'PDF' : f.name.split('.').pop()?.toUpperCase() ?? ''}, ${Math.ceil(f.size / 1024)} KB)`}
                  </a>
                </li>
              ))}
            </ul>
          </section>
        ) : (
          ''
        )}
        {print ? (
          <p class="article-meta" safe>
            {t(lang, p.printedFrom, { url })}
          </p>
        ) : (
          <p class="article-tools">
            <a href={`${articlePath(site, a)}/in`} safe>
              {t(lang, p.print)}
            </a>
          </p>
        )}
      </article>
      {safeSections}
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
