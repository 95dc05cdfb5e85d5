// An article as readers see it, and its print view (no menus, the address it was printed from): Open Graph
// metadata, the document's facts for a direction document, the body, tags, attachments, and what other modules add under it.
import type { FastifyRequest } from 'fastify';
import { Page } from '../../../platform/web/layout.tsx';
import { formatDateTime, t } from '../../../platform/web/i18n.ts';
import { articlePath, ogDescription } from '../feeds.ts';
import { KIND_LABELS, page as p } from '../messages.ts';
import type { Article, Category, Site } from '../repo.ts';
import type { Media } from '../media-repo.ts';
import { categoryName, FeedLinks, SiteNav, siteName } from './parts.tsx';

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
