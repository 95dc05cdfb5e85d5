// What every reader's page of a site shares: the site's and a category's name in the page's language, the feed links,
// a list of articles, the site's search box and its menu of categories.
import { formatDate, t, type Lang } from '../../../platform/web/i18n.ts';
import { articlePath } from '../feeds.ts';
import { KIND_LABELS, page as p } from '../messages.ts';
import type { Article, Category, Site } from '../repo.ts';

export const siteName = (lang: Lang, s: Site): string => (lang === 'en' && s.name_en ? s.name_en : s.name);
export const categoryName = (lang: Lang, c: Category): string => (lang === 'en' && c.name_en ? c.name_en : c.name);

export function FeedLinks({ site, base }: { site: Site; base: string }): JSX.Element {
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
export function SiteSearch({ lang, site }: { lang: Lang; site?: Site }): JSX.Element {
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

export function SiteNav({ lang, site, categories }: { lang: Lang; site: Site; categories: readonly Category[] }): JSX.Element {
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
